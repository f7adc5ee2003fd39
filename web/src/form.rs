//! Reading submitted forms as plain name/value pairs (so checkboxes may repeat a name),
//! the hidden fields every command form carries, and the checks a value needs before
//! it can even be sent to the API (dates, numbers, enum values). Everything else —
//! the rules of the work — is the API's to judge.

use axum::extract::rejection::FormRejection;
use axum::Form;
use maud::{html, Markup};

use crate::model::Viewer;
use crate::state::AppState;

/// The body of a submitted form. An unreadable body counts as empty (and then fails
/// the CSRF check).
pub type Body = Result<Form<Vec<(String, String)>>, FormRejection>;

/// The name/value pairs of a submitted form, in order.
#[derive(Default)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    pub fn from_body(body: Body) -> Fields {
        Fields(body.map(|Form(pairs)| pairs).unwrap_or_default())
    }

    #[cfg(test)]
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Fields {
        Fields(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    /// The first value of `name`, or `""`.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    /// The first value of `name`, trimmed.
    pub fn trimmed(&self, name: &str) -> &str {
        self.get(name).trim()
    }

    /// The trimmed value of `name`, or `None` when it is empty.
    pub fn optional(&self, name: &str) -> Option<String> {
        Some(self.trimmed(name).to_string()).filter(|v| !v.is_empty())
    }

    /// Every value of `name` (repeated checkboxes).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Every value of `name`, owned (to keep in a draft).
    pub fn all_owned(&self, name: &str) -> Vec<String> {
        self.all(name).into_iter().map(str::to_string).collect()
    }

    /// Whether a checkbox named `name` was ticked.
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }

    /// The `csrf` field.
    pub fn csrf(&self) -> &str {
        self.get("csrf")
    }

    /// The form's own command id, or a fresh one when it sent none.
    pub fn command_id(&self, state: &AppState) -> String {
        match self.trimmed("commandId") {
            "" => state.command_ids.next(),
            given => given.to_string(),
        }
    }
}

/// The hidden fields of every command form: the session's CSRF token and a fresh
/// command id (so submitting the same form twice runs the command once).
pub fn guard(state: &AppState, viewer: &Viewer) -> Markup {
    html! {
        input type="hidden" name="csrf" value=(viewer.csrf());
        input type="hidden" name="commandId" value=(state.command_ids.next());
    }
}

/// `value` when it is one of `allowed`.
pub fn one_of(value: &str, allowed: &[&str]) -> Option<String> {
    allowed.contains(&value).then(|| value.to_string())
}

/// Whether `value` is a calendar date written `YYYY-MM-DD`.
pub fn is_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    if !value.is_ascii() || bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &value[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_to_the_day() {
        assert!(is_date("2025-03-01"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2025-02-29"));
        assert!(!is_date("2025-13-01"));
        assert!(!is_date("2025-3-1"));
        assert!(!is_date("01/03/2025"));
        assert!(!is_date("٢٠٢٥-٠٣-٠١"));
    }

    #[test]
    fn repeated_names_are_all_kept() {
        let fields = Fields::from_pairs(&[("needs", "LEGAL"), ("needs", "HOUSING"), ("x", " a ")]);
        assert_eq!(fields.all("needs"), vec!["LEGAL", "HOUSING"]);
        assert_eq!(fields.get("needs"), "LEGAL");
        assert_eq!(fields.optional("x").as_deref(), Some("a"));
        assert_eq!(fields.optional("y"), None);
        assert!(!fields.checked("open"));
    }
}
