//! The interface's texts in Arabic (the default), English and Kurdish (Sorani).
//!
//! Every text lives in a Project Fluent catalogue, `locales/<locale>/<area>.ftl`,
//! compiled into the binary; Rust keeps only the typed list of message ids ([`Msg`]),
//! the one [`Locale`] type and how a request picks it ([`negotiate`]), days in the
//! calendar's words ([`date`], [`date_time`]) and the digits a reader may choose
//! ([`Digits`]). Kurdish
//! messages that await a native Sorani reviewer carry `# needs native review` in
//! the `ckb` files.

mod calendar;
mod catalogue;
mod count;
mod country;
mod digits;
mod error_text;
mod ids;
mod label;
mod locale;
mod msg;
mod negotiate;

pub use calendar::{date, date_time};
pub use catalogue::{format, has_message, Args};
pub use count::{count, Count};
pub use country::{countries, country_code, country_name, Country};
pub use digits::Digits;
pub use error_text::{error_id, error_message, has_error_message};
pub use label::label;
pub use locale::Locale;
pub use msg::{t, Msg};
pub use negotiate::{lang_from_query, negotiate};

#[cfg(test)]
mod label_tests;
#[cfg(test)]
mod plural_tests;
#[cfg(test)]
mod tests;
