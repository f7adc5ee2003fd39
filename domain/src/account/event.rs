//! What happened to an account. Who did it and when travels in the event's metadata; no
//! secret (hash, token, digest) ever enters an event.

use cqrs_es::DomainEvent;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Why sessions ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionsEndedBecause {
    /// The holder ended one session from their list.
    EndedByHolder,
    /// The holder signed out everywhere else.
    OtherSessionsSignedOut,
    /// The holder changed their password and asked to end the others.
    PasswordChanged,
    /// A manager reset the password.
    PasswordReset,
}

impl SessionsEndedBecause {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EndedByHolder => "ended_by_holder",
            Self::OtherSessionsSignedOut => "other_sessions_signed_out",
            Self::PasswordChanged => "password_changed",
            Self::PasswordReset => "password_reset",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AccountEvent {
    PasswordChanged,
    PasswordReset,
    SessionsEnded {
        sessions: Vec<Uuid>,
        because: SessionsEndedBecause,
    },
    ApiTokenCreated {
        token_id: Uuid,
        name: String,
    },
    ApiTokenRevoked {
        token_id: Uuid,
    },
}

impl DomainEvent for AccountEvent {
    fn event_type(&self) -> String {
        let name = match self {
            Self::PasswordChanged => "PasswordChanged",
            Self::PasswordReset => "PasswordReset",
            Self::SessionsEnded { .. } => "SessionsEnded",
            Self::ApiTokenCreated { .. } => "ApiTokenCreated",
            Self::ApiTokenRevoked { .. } => "ApiTokenRevoked",
        };
        name.to_string()
    }

    fn event_version(&self) -> String {
        "1".to_string()
    }
}
