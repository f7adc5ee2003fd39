//! Labels of enum values and event types: message `<kind>-<VALUE>`. A value the
//! catalogue does not know is shown as it came, so a new enum value in the API never
//! breaks a page.

use crate::catalogue::format;
use crate::locale::Locale;

/// The label of `value` among the messages of `kind` (`organization-kind`, `event`,
/// ...), or `value` itself when there is none.
pub fn label(locale: Locale, kind: &str, value: &str) -> String {
    let usable = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !usable {
        return value.to_string();
    }
    format(locale, &format!("{kind}-{value}"), None).unwrap_or_else(|| value.to_string())
}
