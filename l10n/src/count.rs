//! Messages that show a number followed by what it counts, with the CLDR plural
//! categories of each language (Arabic has six: zero, one, two, few, many, other).

use fluent_bundle::FluentValue;

use crate::catalogue::{format, Args};
use crate::ids::message_ids;
use crate::locale::Locale;

message_ids! {
    /// A message that counts something; its text depends on the number.
    pub enum Count {
        Referrals = "count-referrals",
        Organizations = "count-organizations",
        Hours = "count-hours",
        Sessions = "count-sessions",
        ExportTruncated = "export-truncated",
    }
}

/// The text of `message` for `n` in `locale`; digits stay Latin and ungrouped, as
/// the pages always showed them.
pub fn count(locale: Locale, message: Count, n: u64) -> String {
    let mut args = Args::new();
    args.set(message.variable(), FluentValue::from(n));
    format(locale, message.id(), Some(&args)).unwrap_or_else(|| n.to_string())
}

impl Count {
    /// The name of the number's variable in the message.
    fn variable(self) -> &'static str {
        match self {
            Count::ExportTruncated => "max",
            _ => "count",
        }
    }
}
