//! The message catalogue of the pages: the typed ids ([`Msg`]) and [`t`], from the
//! `l10n` crate, whose Fluent files hold every text in Arabic, English and Kurdish
//! (Sorani). Arabic follows the project glossary (`GLOSSARY.md`); Kurdish messages
//! marked `# needs native review` await a native Sorani reviewer.
//!
//! Messages that come from the API (errors) are already localised by the API and do
//! not pass through here.

pub use l10n::{t, Count, Msg};

use crate::i18n::{shaped, Locale};

/// The text of a count (`3 إحالات`), its number in the digits the reader chose.
pub fn count(l: Locale, what: Count, n: u64) -> String {
    shaped(l, &l10n::count(l, what, n))
}

/// The number a list's caption counts: the API's total when it gave one (never
/// below zero), else the rows on the page.
pub fn shown_total(total_count: Option<i64>, on_page: usize) -> u64 {
    match total_count {
        Some(n) => u64::try_from(n).unwrap_or(0),
        None => u64::try_from(on_page).unwrap_or(u64::MAX),
    }
}
