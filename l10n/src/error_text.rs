//! The messages of the API's errors, by error key (`login.throttled`). Fluent ids
//! cannot hold a `.`, so the key's dots are `--` in `errors.ftl`.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::catalogue::{format, has_message};
use crate::label::label;
use crate::locale::Locale;

/// Arguments that carry a code, by the key's area and the argument's name, with the kind
/// of label a reader sees for it: "the need psychosocial has no outcome" is written with
/// the need's name in the reader's language.
const LABELLED: [(&str, &str, &str); 2] = [
    ("referral.", "status", "referral-status"),
    ("referral.", "category", "service-category"),
];

/// The Fluent id of error `key`.
pub fn error_id(key: &str) -> String {
    format!("error-{}", key.replace('.', "--"))
}

/// The message for `key` in `locale`, with `{ $name }` placeholders filled from `args`.
/// Unknown keys fall back to the key itself, so a missing entry is visible, not silent.
pub fn error_message(key: &str, locale: Locale, args: &[(&str, String)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let kind = LABELLED
            .iter()
            .find(|(area, arg, _)| key.starts_with(area) && arg == name)
            .map(|(_, _, kind)| *kind);
        match kind {
            // The domain writes codes in lower case; the labels are keyed by the API's
            // upper-case enum values.
            Some(kind) => fluent_args.set(*name, label(locale, kind, &value.to_uppercase())),
            None => fluent_args.set(*name, argument(value)),
        }
    }
    format(locale, &error_id(key), Some(&fluent_args)).unwrap_or_else(|| key.to_string())
}

/// Whether error `key` has a message (in Arabic, the catalogue every other is checked against).
pub fn has_error_message(key: &str) -> bool {
    has_message(Locale::Ar, &error_id(key))
}

/// A plain whole number is passed as a number, so a message can choose its plural
/// form; it prints back exactly as written. Anything else stays text.
fn argument(value: &str) -> FluentValue<'static> {
    let plain_number = !value.is_empty()
        && value.len() <= 15
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    match value.parse::<u64>() {
        Ok(n) if plain_number => FluentValue::from(n),
        _ => FluentValue::from(value.to_string()),
    }
}
