//! Reading the global log in the order the projector needs.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use sqlx::postgres::PgRow;
use sqlx::{PgConnection, Row};

use crate::{Checkpoint, ProjectionError};

/// One event as stored, with its place in the global log.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub at: Checkpoint,
    pub aggregate_type: String,
    pub aggregate_id: String,
    pub sequence: i64,
    pub event_type: String,
    /// The payload as JSON text: each read model parses it straight into its own event
    /// type, without an intermediate `serde_json::Value`.
    pub payload: String,
    /// When the command that wrote the event ran (from its metadata; the epoch when the
    /// metadata has none, which only hand-made logs lack).
    pub occurred_at: DateTime<Utc>,
}

impl StoredEvent {
    pub fn occurred_at(&self) -> DateTime<Utc> {
        self.occurred_at
    }

    /// The payload as the aggregate's event type.
    pub fn payload<T: DeserializeOwned>(&self) -> Result<T, ProjectionError> {
        serde_json::from_str(&self.payload).map_err(|e| self.unreadable(e.to_string()))
    }

    /// The aggregate id as a UUID, which every read model keys its rows by.
    pub fn aggregate_uuid(&self) -> Result<uuid::Uuid, ProjectionError> {
        self.aggregate_id
            .parse()
            .map_err(|_| self.unreadable(format!("{} id is not a UUID", self.aggregate_type)))
    }

    pub fn unreadable(&self, reason: String) -> ProjectionError {
        ProjectionError::Unreadable {
            at: self.at.to_string(),
            reason,
        }
    }
}

/// The events of `aggregate_type` among a batch's (a read model is passed them all), each
/// with its aggregate's id and its payload as `T`.
pub(crate) fn of_aggregate<'a, T: DeserializeOwned>(
    events: &[&'a StoredEvent],
    aggregate_type: &str,
) -> Result<Vec<(&'a StoredEvent, uuid::Uuid, T)>, ProjectionError> {
    events
        .iter()
        .copied()
        .filter(|e| e.aggregate_type == aggregate_type)
        .map(|e| Ok((e, e.aggregate_uuid()?, e.payload::<T>()?)))
        .collect()
}

/// Events after `after`, in `(tx_id, global_position)` order, limited to transactions
/// older than every transaction still running: those can no longer gain an event below.
pub async fn read_after(
    conn: &mut PgConnection,
    after: Checkpoint,
    limit: i64,
) -> Result<Vec<StoredEvent>, sqlx::Error> {
    // Only `occurred_at` of the metadata is needed here; leaving the rest (hashes, actor)
    // in the database halves what a rebuild transfers and parses.
    let rows = sqlx::query(
        "SELECT tx_id::text::bigint AS tx, global_position, aggregate_type, aggregate_id, sequence,
                event_type, payload::text AS payload, metadata ->> 'occurred_at' AS occurred_at
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
    rows.iter().map(stored_event).collect()
}

pub(crate) fn stored_event(r: &PgRow) -> Result<StoredEvent, sqlx::Error> {
    let occurred_at: Option<String> = r.try_get("occurred_at")?;
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
        occurred_at: occurred_at
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default(),
    })
}

/// What one read of the log found (see `batch_tx::open`).
pub(crate) struct LogRead {
    /// The events that may be applied now (as [`read_after`] gives them).
    pub events: Vec<StoredEvent>,
    /// Committed events read after them that must wait for an older transaction, still
    /// running, to end (at most the rest of the limit).
    pub waiting: usize,
}
