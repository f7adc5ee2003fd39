//! The message above an organisation's profile, and what a refused form had typed in
//! it (the form is drawn again with it).

use axum::http::StatusCode;

use crate::messages::Msg;

/// What the add-member form keeps after a refusal (never the password).
#[derive(Debug, Clone, Default)]
pub struct MemberDraft {
    pub username: String,
    pub display_name: String,
    pub role: String,
}

/// What the service form holds: a service offered (to change it), or what was typed
/// before the API refused it.
#[derive(Debug, Clone, Default)]
pub struct ServiceDraft {
    pub category: String,
    pub governorates: Vec<String>,
    pub capacity: String,
}

/// A message above the profile.
#[derive(Debug, Default)]
pub enum Notice {
    #[default]
    None,
    /// An action succeeded.
    Done(Msg),
    /// An action failed: the API's message, the status to answer with, and what the
    /// administrator had typed in the form.
    Failed {
        message: String,
        status: StatusCode,
        draft: String,
    },
    /// The service form failed: the message, the status, and what was typed.
    ServiceFailed {
        message: String,
        status: StatusCode,
        draft: ServiceDraft,
    },
    /// A member form failed: the message, the status, and what was typed.
    MemberFailed {
        message: String,
        status: StatusCode,
        draft: MemberDraft,
    },
    /// No message; the service form starts with this category's service.
    Edit(String),
}
