//! Reading the global log in the order the projector needs.

use serde_json::Value;
use sqlx::{PgConnection, Row};

use crate::Checkpoint;

/// One event as stored, with its place in the global log.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub at: Checkpoint,
    pub aggregate_type: String,
    pub aggregate_id: String,
    pub sequence: i64,
    pub event_type: String,
    pub payload: Value,
    pub metadata: Value,
}

impl StoredEvent {
    /// When the command that wrote the event ran, from its metadata.
    pub fn occurred_at(&self) -> chrono::DateTime<chrono::Utc> {
        self.metadata
            .get("occurred_at")
            .and_then(Value::as_str)
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
            .map(|d| d.with_timezone(&chrono::Utc))
            .unwrap_or_default()
    }
}

/// Events after `after`, in `(tx_id, global_position)` order, limited to transactions
/// older than every transaction still running: those can no longer gain an event below.
pub async fn read_after(
    conn: &mut PgConnection,
    after: Checkpoint,
    limit: i64,
) -> Result<Vec<StoredEvent>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT tx_id::text::bigint AS tx, global_position, aggregate_type, aggregate_id, sequence,
                event_type, payload, metadata
           FROM events
          WHERE (tx_id, global_position) > ($1::text::xid8, $2)
            AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY tx_id, global_position
          LIMIT $3",
    )
    .bind(after.tx_id.to_string())
    .bind(after.position)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(StoredEvent {
                at: Checkpoint {
                    tx_id: r.try_get("tx")?,
                    position: r.try_get("global_position")?,
                },
                aggregate_type: r.try_get("aggregate_type")?,
                aggregate_id: r.try_get("aggregate_id")?,
                sequence: r.try_get("sequence")?,
                event_type: r.try_get("event_type")?,
                payload: r.try_get("payload")?,
                metadata: r.try_get("metadata")?,
            })
        })
        .collect()
}
