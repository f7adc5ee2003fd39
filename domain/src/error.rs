//! What every domain error can say about itself, so the API maps errors once.

/// The stable, machine-readable class of an error; clients branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Forbidden,
    NotFound,
    Validation,
    Conflict,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::Validation => "VALIDATION",
            Self::Conflict => "CONFLICT",
        }
    }
}

/// Implemented by each aggregate's error enum. `key` names the message in the
/// translation catalogues; `field` names the input at fault, when there is one.
pub trait DomainError: std::error::Error {
    fn code(&self) -> ErrorCode;
    fn key(&self) -> &'static str;
    fn field(&self) -> Option<&'static str> {
        None
    }
    /// Values to put into the translated message, by placeholder name.
    fn args(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}
