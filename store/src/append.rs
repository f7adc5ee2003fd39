//! Group commit: the appends of concurrent commands go to the log in one statement and one
//! transaction, so that under load a commit (and its WAL flush) serves many commands.
//!
//! Each command's events still commit together or not at all. When the shared statement
//! fails (a command lost the race for its aggregate's next sequence number, or one row is
//! refused), nothing of it is kept and every command of the batch is appended on its own,
//! so each gets its own answer.

use std::collections::HashMap;

use cqrs_es::persist::SerializedEvent;
use serde_json::Value;
use sqlx::{PgConnection, PgPool, Row};

use crate::batch::{Batch, Batcher};
use crate::held::HeldConnection;
use crate::LogPosition;

pub(crate) enum AppendError {
    /// Another command appended to the aggregate first.
    Raced,
    Database(sqlx::Error),
}

pub(crate) struct Appends {
    conn: HeldConnection,
}

/// Appends of concurrent commands, batched.
pub(crate) fn appender(pool: PgPool) -> Batcher<Appends> {
    Batcher::new(Appends {
        conn: HeldConnection::new(pool),
    })
}

impl Batch for Appends {
    /// One command's events.
    type Request = Vec<SerializedEvent>;
    /// Where its last event stands.
    type Response = Result<LogPosition, AppendError>;

    async fn run(&self, commands: Vec<Vec<SerializedEvent>>) -> Vec<Self::Response> {
        if commands.len() > 1 {
            let all: Vec<&SerializedEvent> = commands.iter().flatten().collect();
            if let Ok(at) = self.insert(&all).await {
                return commands.iter().map(|rows| last(rows, &at)).collect();
            }
        }
        let mut answers = Vec::with_capacity(commands.len());
        for rows in &commands {
            let one: Vec<&SerializedEvent> = rows.iter().collect();
            answers.push(match self.insert(&one).await {
                Ok(at) => last(rows, &at),
                Err(e) => Err(e),
            });
        }
        answers
    }
}

type Key = (String, String, i64);

/// Where the last of one command's rows landed.
fn last(
    rows: &[SerializedEvent],
    at: &HashMap<Key, LogPosition>,
) -> Result<LogPosition, AppendError> {
    rows.iter()
        .filter_map(|r| at.get(&key(r)).copied())
        .max()
        .ok_or(AppendError::Database(sqlx::Error::RowNotFound))
}

fn key(r: &SerializedEvent) -> Key {
    (
        r.aggregate_type.clone(),
        r.aggregate_id.clone(),
        r.sequence as i64,
    )
}

impl Appends {
    async fn insert(
        &self,
        rows: &[&SerializedEvent],
    ) -> Result<HashMap<Key, LogPosition>, AppendError> {
        let result = match self.conn.get().await {
            Ok(mut conn) => {
                let inserted = insert(&mut conn, rows).await;
                conn.settle(inserted)
            }
            Err(e) => Err(e),
        };
        match result {
            Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("23505") => {
                Err(AppendError::Raced)
            }
            Err(e) => Err(AppendError::Database(e)),
            Ok(at) => Ok(at),
        }
    }
}

/// One statement: the rows commit together or not at all.
async fn insert(
    conn: &mut PgConnection,
    rows: &[&SerializedEvent],
) -> Result<HashMap<Key, LogPosition>, sqlx::Error> {
    let types: Vec<&str> = rows.iter().map(|r| r.aggregate_type.as_str()).collect();
    let ids: Vec<&str> = rows.iter().map(|r| r.aggregate_id.as_str()).collect();
    let sequences: Vec<i64> = rows.iter().map(|r| r.sequence as i64).collect();
    let event_types: Vec<&str> = rows.iter().map(|r| r.event_type.as_str()).collect();
    let versions: Vec<&str> = rows.iter().map(|r| r.event_version.as_str()).collect();
    let payloads: Vec<&Value> = rows.iter().map(|r| &r.payload).collect();
    let metadata: Vec<&Value> = rows.iter().map(|r| &r.metadata).collect();
    let result = sqlx::query(
        "INSERT INTO events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata)
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[])
         RETURNING aggregate_type, aggregate_id, sequence, tx_id::text::bigint AS tx, global_position",
    )
    .bind(&types)
    .bind(&ids)
    .bind(&sequences)
    .bind(&event_types)
    .bind(&versions)
    .bind(&payloads)
    .bind(&metadata)
    .fetch_all(conn)
    .await?;
    result
        .iter()
        .map(|row| {
            let k = (
                row.try_get("aggregate_type")?,
                row.try_get("aggregate_id")?,
                row.try_get("sequence")?,
            );
            let at = LogPosition {
                tx_id: row.try_get("tx")?,
                position: row.try_get("global_position")?,
            };
            Ok((k, at))
        })
        .collect()
}
