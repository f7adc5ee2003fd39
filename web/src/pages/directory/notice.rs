//! The message above an organisation's profile, and what a refused form had typed in
//! it (the form is drawn again with it).

use axum::http::StatusCode;

use crate::kit::problems::Problems;
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
    /// An action failed: what is wrong (the API's message, at the control it names),
    /// the status to answer with, and what the administrator had typed in the form.
    Failed {
        problems: Problems,
        status: StatusCode,
        draft: String,
    },
    /// The service form failed: what is wrong, the status, and what was typed.
    ServiceFailed {
        problems: Problems,
        status: StatusCode,
        draft: ServiceDraft,
    },
    /// A member form failed: what is wrong, the status, and what was typed.
    MemberFailed {
        problems: Problems,
        status: StatusCode,
        draft: MemberDraft,
    },
    /// No message; the service form starts with this category's service.
    Edit(String),
}
