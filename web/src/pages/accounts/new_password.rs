//! A new password is typed twice (own change, manager's reset): the two must be the same
//! before anything is sent, or the person learns it only at their next sign-in.

use crate::form::Fields;
use crate::i18n::Locale;
use crate::kit::problems::Problems;
use crate::messages::{t, Msg};

/// What to fix when `newPassword` and `repeatPassword` differ, at the second field.
pub fn typed_twice(l: Locale, fields: &Fields) -> Option<Problems> {
    if fields.get("newPassword") == fields.get("repeatPassword") {
        return None;
    }
    let mut problems = Problems::default();
    problems.at(
        "repeat-password",
        t(l, Msg::RepeatPassword),
        t(l, Msg::PasswordsDiffer),
    );
    Some(problems)
}
