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

/// Events after `after`, in `(tx_id, global_position)` order, limited to transactions
/// older than every transaction still running: those can no longer gain an event below.
pub async fn read_after(
    conn: &mut PgConnection,
    after: Checkpoint,
    limit: i64,
) -> Result<Vec<StoredEvent>, sqlx::Error> {
    // Only `occurred_at` of the metadata is needed here; leaving the rest (hashes, actor)
    // in the database halves what a rebuild transfers and parses.
    let rows = fetch_after(
        conn,
        "SELECT tx_id::text::bigint AS tx, global_position, aggregate_type, aggregate_id, sequence,
                event_type, payload::text AS payload, metadata ->> 'occurred_at' AS occurred_at
           FROM events
          WHERE (tx_id, global_position) > ($1::text::xid8, $2)
            AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY tx_id, global_position
          LIMIT $3",
        after,
        limit,
    )
    .await?;
    rows.iter().map(stored_event).collect()
}

fn stored_event(r: &PgRow) -> Result<StoredEvent, sqlx::Error> {
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

/// What one read of the log found.
pub struct LogRead {
    /// The events that may be applied now (as [`read_after`] gives them).
    pub events: Vec<StoredEvent>,
    /// Committed events read after them that must wait for an older transaction, still
    /// running, to end (at most the rest of the limit).
    pub waiting: usize,
}

/// [`read_after`] for the live projector, also telling whether committed events wait behind
/// a running transaction, in the same round trip: the log is ordered by transaction id, so
/// the events that may be applied are a prefix of the rows, and the rows after that prefix
/// wait.
pub async fn read_log(
    conn: &mut PgConnection,
    after: Checkpoint,
    limit: i64,
) -> Result<LogRead, sqlx::Error> {
    // The horizon is taken once per statement (a materialised CTE), and the rows that wait
    // come without their payload: a transaction holding the horizon for long must not make
    // each retry carry the same waiting events again.
    let rows = fetch_after(
        conn,
        "WITH h AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon)
         SELECT e.tx_id::text::bigint AS tx, e.global_position, e.aggregate_type, e.aggregate_id,
                e.sequence, e.event_type, e.tx_id < h.horizon AS ready,
                CASE WHEN e.tx_id < h.horizon THEN e.payload::text END AS payload,
                CASE WHEN e.tx_id < h.horizon THEN e.metadata ->> 'occurred_at' END AS occurred_at
           FROM events e, h
          WHERE (e.tx_id, e.global_position) > ($1::text::xid8, $2)
          ORDER BY e.tx_id, e.global_position
          LIMIT $3",
        after,
        limit,
    )
    .await?;
    let total = rows.len();
    let mut events = Vec::with_capacity(total);
    for r in &rows {
        if !r.try_get::<bool, _>("ready")? {
            break;
        }
        events.push(stored_event(r)?);
    }
    Ok(LogRead {
        waiting: total - events.len(),
        events,
    })
}

/// Runs one of the log's reads, whose `$1`–`$3` are the position to read after and a limit.
async fn fetch_after(
    conn: &mut PgConnection,
    sql: &'static str,
    after: Checkpoint,
    limit: i64,
) -> Result<Vec<PgRow>, sqlx::Error> {
    sqlx::query(sql)
        .bind(after.tx_id.to_string())
        .bind(after.position)
        .bind(limit)
        .fetch_all(&mut *conn)
        .await
}
