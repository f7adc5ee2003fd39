//! Why an account command was refused.

use crate::access::AccessDenied;
use crate::error::{DomainError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    Forbidden(AccessDenied),
    #[error("there is no session to end")]
    NoSessionToEnd,
    #[error("at most {max} sessions at once")]
    TooManySessions { max: usize },
    #[error("this API token is already revoked")]
    TokenAlreadyRevoked,
    #[error("an API token with this id exists")]
    TokenExists,
}

impl DomainError for AccountError {
    fn code(&self) -> ErrorCode {
        use AccountError as E;
        match self {
            E::Forbidden(_) => ErrorCode::Forbidden,
            E::NoSessionToEnd => ErrorCode::NotFound,
            E::TooManySessions { .. } => ErrorCode::Validation,
            E::TokenAlreadyRevoked | E::TokenExists => ErrorCode::Conflict,
        }
    }

    fn key(&self) -> &'static str {
        use AccountError as E;
        match self {
            E::Forbidden(_) => "forbidden",
            E::NoSessionToEnd => "account.no_session_to_end",
            E::TooManySessions { .. } => "account.too_many_sessions",
            E::TokenAlreadyRevoked => "account.token_already_revoked",
            E::TokenExists => "account.token_exists",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            AccountError::TooManySessions { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
    }
}
