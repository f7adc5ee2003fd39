//! The refusal every policy answers with, whatever the aggregate.

use super::actor::Actor;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{label} may not {operation}: {reason}")]
pub struct AccessDenied {
    pub label: String,
    /// The operation's name, e.g. `VerifyOrganization`.
    pub operation: String,
    pub reason: &'static str,
}

impl AccessDenied {
    pub fn new(actor: &Actor, operation: impl Into<String>, reason: &'static str) -> Self {
        Self {
            label: actor.label.clone(),
            operation: operation.into(),
            reason,
        }
    }
}
