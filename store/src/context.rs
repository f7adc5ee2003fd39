//! Who asks, why and when: becomes every appended event's metadata.

use chrono::{DateTime, SecondsFormat, Utc};
use domain::Actor;
use serde_json::{json, Value};

#[derive(Debug, Clone)]
pub struct CommandContext {
    pub actor: Actor,
    /// The client's idempotency key; a fresh one is made when the client sends none.
    pub command_id: String,
    pub request_id: String,
    pub occurred_at: DateTime<Utc>,
}

/// The longest idempotency key we accept: enough for a UUID or a client's own scheme.
pub const MAX_COMMAND_ID_CHARS: usize = 128;

impl CommandContext {
    pub fn new(actor: Actor, command_id: Option<String>, request_id: impl Into<String>) -> Self {
        let command_id = command_id
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        Self {
            actor,
            command_id,
            request_id: request_id.into(),
            occurred_at: Utc::now(),
        }
    }

    pub(crate) fn metadata(&self) -> Value {
        let a = &self.actor;
        json!({
            "actor_user": a.user_id.map(|u| u.to_string()).unwrap_or_else(|| a.label.clone()),
            "actor_label": a.label,
            "actor_org": a.org_id.map(|o| o.to_string()),
            "actor_role": a.role.map(|r| r.as_str()),
            "command_id": self.command_id,
            "request_id": self.request_id,
            "occurred_at": self.occurred_at.to_rfc3339_opts(SecondsFormat::Micros, true),
        })
    }
}
