//! The audit trail: events as stored, with who did what and when.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Json, SimpleObject};
use sqlx::PgPool;

use crate::audit::history;
use crate::errors::ApiResult;
use crate::graphql::common::cursor;
use chrono::{DateTime, Utc};
use serde_json::Value;

#[derive(SimpleObject, Clone, Debug)]
pub struct AuditEvent {
    /// Position in the global log.
    pub position: i64,
    /// Position within its record (aggregate).
    pub sequence: i64,
    pub event_type: String,
    pub occurred_at: DateTime<Utc>,
    /// User id of the actor, or `system:<task>`.
    pub actor_user: String,
    /// The actor's username, as it was then.
    pub actor_label: Option<String>,
    pub actor_org: Option<String>,
    pub actor_role: Option<String>,
    pub command_id: String,
    pub request_id: Option<String>,
    pub hash: Option<String>,
    pub payload: Json<Value>,
}

impl AuditEvent {
    pub fn from_row(
        position: i64,
        sequence: i64,
        event_type: String,
        payload: Value,
        metadata: &Value,
    ) -> Self {
        let s = |k: &str| metadata.get(k).and_then(Value::as_str).map(str::to_string);
        Self {
            position,
            sequence,
            event_type,
            occurred_at: s("occurred_at")
                .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or_default(),
            actor_user: s("actor_user").unwrap_or_default(),
            actor_label: s("actor_label"),
            actor_org: s("actor_org"),
            actor_role: s("actor_role"),
            command_id: s("command_id").unwrap_or_default(),
            request_id: s("request_id"),
            hash: s("hash"),
            payload: Json(payload),
        }
    }
}

/// The result of recomputing the event log's hash links.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "ChainReport")]
pub struct ChainReportGql {
    pub checked: u64,
    pub intact: bool,
    /// The global position of the first event whose link does not hold.
    pub first_broken_position: Option<i64>,
    pub reason: Option<String>,
}

pub type AuditPage = Connection<String, AuditEvent, EmptyFields, EmptyFields>;

/// One page of a record's events, oldest first, up to sequence `until` when given.
/// Sealed personal data shows as a marker, never as bytes.
pub async fn audit_page(
    pool: &PgPool,
    aggregate_type: &str,
    aggregate_id: &str,
    first: Option<i32>,
    after: Option<String>,
    until: Option<i64>,
) -> ApiResult<AuditPage> {
    let limit = cursor::page_size(first)?;
    let after_seq: i64 = cursor::after(after.as_deref())?.unwrap_or(0);
    let events = history::record_events(
        pool,
        aggregate_type,
        aggregate_id,
        after_seq,
        limit + 1,
        until,
    )
    .await?;
    cursor::page(events, limit, after.is_some(), EmptyFields, |_, e| {
        let event =
            AuditEvent::from_row(e.position, e.sequence, e.event_type, e.payload, &e.metadata);
        Ok(Some((cursor::encode(&event.sequence), event)))
    })
}
