//! The message above a referral: what was just done, or which form the API refused,
//! with its message and what was typed in it (the form is drawn again with it).

use axum::http::StatusCode;

use super::action::Action;
use crate::form::Fields;
use crate::messages::Msg;

/// A message above the referral.
#[derive(Default)]
pub enum Notice {
    #[default]
    None,
    /// An action succeeded.
    Done(Msg),
    /// An action was refused: the message, the status to answer with, which form it
    /// came from and what was typed in it.
    Failed {
        message: String,
        /// The input the API named (`extensions.field`), if any.
        field: Option<String>,
        status: StatusCode,
        action: Action,
        draft: Fields,
    },
}

impl Notice {
    /// What was typed in `action`'s form, when it is that form that failed.
    pub fn draft(&self, action: Action) -> Option<&Fields> {
        match self {
            Notice::Failed {
                action: failed,
                draft,
                ..
            } if *failed == action => Some(draft),
            _ => None,
        }
    }
}
