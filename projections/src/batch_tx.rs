//! The live projector's transaction in three round trips instead of seven: opened, its
//! checkpoints locked and the log read in one; the read models' writes; the checkpoints
//! advanced and committed in one.
//!
//! Under live load a batch holds a few events, so its cost is its round trips, each of
//! which wakes both ends of a socket on a machine with few cores. The first and last
//! carry only numbers and the read models' names (code constants), so they go as simple
//! queries, which may hold several statements.

use sqlx::postgres::PgRow;
use sqlx::{Executor, PgConnection, Row};

use crate::checkpoint::Checkpoint;
use crate::log::{stored_event, LogRead};

/// The open transaction of one batch: `checkpoints` (one per name, in the names' order)
/// are locked until [`commit`] or [`rollback`].
pub(crate) struct Opened {
    pub checkpoints: Vec<Checkpoint>,
    pub read: LogRead,
    /// The prepared statement that advances these checkpoints ([`advance_and_commit`]).
    pub advance: String,
}

/// Locks the checkpoints of `names` and reads up to `limit` events after the lowest. The
/// horizon is taken once (a materialised CTE); rows that wait come without their payload,
/// so a transaction holding the horizon for long does not make each retry carry the same
/// waiting events again. Checkpoint rows come first (kind 0), then the events in log
/// order. It takes no parameter (the names and the limit are written in), so it is planned
/// once per connection ([`Prepared`]).
fn read_sql(names: &[&str], limit: i64) -> String {
    format!(
        "WITH cp AS MATERIALIZED (
             SELECT name, tx_id, position FROM projection_checkpoints
              WHERE name = ANY(ARRAY[{names}]::text[]) ORDER BY name FOR UPDATE
         ), low AS MATERIALIZED (
             SELECT tx_id::text::xid8 AS tx_id, position FROM cp ORDER BY tx_id, position LIMIT 1
         ), h AS MATERIALIZED (
             SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon
         ), ev AS (
             SELECT e.tx_id::text::bigint AS tx, e.global_position, e.aggregate_type, e.aggregate_id,
                    e.sequence, e.event_type, e.tx_id < h.horizon AS ready,
                    CASE WHEN e.tx_id < h.horizon THEN e.payload::text END AS payload,
                    CASE WHEN e.tx_id < h.horizon THEN e.metadata ->> 'occurred_at' END AS occurred_at
               FROM events e, h
              WHERE (e.tx_id, e.global_position) > ((SELECT tx_id FROM low), (SELECT position FROM low))
              ORDER BY e.tx_id, e.global_position
              LIMIT {limit}
         )
         SELECT 0 AS kind, name, tx_id AS tx, position AS global_position, NULL AS aggregate_type,
                NULL AS aggregate_id, NULL::bigint AS sequence, NULL AS event_type, NULL::bool AS ready,
                NULL AS payload, NULL AS occurred_at
           FROM cp
         UNION ALL
         SELECT 1, NULL, tx, global_position, aggregate_type, aggregate_id, sequence, event_type,
                ready, payload, occurred_at
           FROM ev
         ORDER BY kind, tx, global_position",
        names = literals(names),
    )
}

/// Moves every checkpoint of `names` behind `($1, $2)` up to it and notifies `$3` (the
/// checkpoint as text) on `sanad_projected`.
fn advance_sql(names: &[&str]) -> String {
    format!(
        "WITH saved AS (
            UPDATE projection_checkpoints SET tx_id = $1, position = $2, updated_at = now()
             WHERE name = ANY(ARRAY[{names}]::text[]) AND (tx_id, position) < ($1, $2)
         )
         SELECT pg_notify('sanad_projected', $3)",
        names = literals(names),
    )
}

/// The batch's two statements, prepared (SQL `PREPARE`) once on each connection that
/// projects: planning them took about a quarter of a millisecond a batch, more than
/// running them. Simple queries can `EXECUTE` them, so a batch keeps its three round
/// trips.
///
/// A plan made once must stay right as the log grows from nothing to millions of events:
/// made on a small log, the planner would sort the whole log (measured before: 5 ms a
/// batch at 30,000 events; on an empty log it chooses a bitmap scan and a sort).
/// Sequential and bitmap scans are therefore off while the read is planned (and run; a
/// plan is remade after the tables' statistics change), which leaves the ordered index
/// scan of the log, the right plan at every size. Sorts stay on, and JIT off: the plan
/// needs two small sorts, and a disabled node's cost made PostgreSQL compile the read
/// with JIT on every run (150 ms).
struct Prepared {
    read: String,
    advance: String,
}

impl Prepared {
    fn named(names: &[&str], limit: i64) -> Self {
        use std::hash::{DefaultHasher, Hash, Hasher};
        // One pair per list of read models and limit: a pooled connection may serve
        // several (the seed, tests).
        let mut h = DefaultHasher::new();
        names.hash(&mut h);
        limit.hash(&mut h);
        let tag = h.finish();
        Self {
            read: format!("sanad_batch_read_{tag:016x}"),
            advance: format!("sanad_batch_advance_{tag:016x}"),
        }
    }

    /// Prepares whichever of the two this connection lacks.
    async fn prepare(
        &self,
        conn: &mut PgConnection,
        names: &[&str],
        limit: i64,
    ) -> Result<(), sqlx::Error> {
        let have: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pg_prepared_statements WHERE name = ANY($1)")
                .bind([&self.read, &self.advance])
                .fetch_all(&mut *conn)
                .await?;
        let mut sql = String::new();
        if !have.contains(&self.read) {
            sql += &format!("PREPARE {} AS {};", self.read, read_sql(names, limit));
        }
        if !have.contains(&self.advance) {
            sql += &format!(
                "PREPARE {}(bigint, bigint, text) AS {};",
                self.advance,
                advance_sql(names)
            );
        }
        if !sql.is_empty() {
            conn.execute(sqlx::raw_sql(&sql)).await?;
        }
        Ok(())
    }
}

/// PostgreSQL's "prepared statement does not exist".
fn unprepared(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.code().as_deref() == Some("26000"))
}

/// `'a','b'` for `ARRAY[...]`: the names are code constants, quoted all the same.
fn literals(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("'{}'", n.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(",")
}

/// Begins the batch's transaction (without waiting for the WAL flush at commit: the read
/// models and their checkpoints are lost or kept together, and the projector applies a
/// lost suffix again), locks the checkpoints of `names` and reads up to `limit` events
/// after the lowest, as [`crate::read_after`] orders them, telling how many committed
/// events wait behind a running transaction. `None` when a checkpoint row is missing (a
/// new read model): the transaction is then rolled back and the rows are created.
pub(crate) async fn open(
    conn: &mut PgConnection,
    names: &[&str],
    limit: i64,
) -> Result<Option<Opened>, sqlx::Error> {
    let limit = limit.max(1);
    let prepared = Prepared::named(names, limit);
    let sql = format!(
        "BEGIN; SET LOCAL synchronous_commit = off;
         SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL jit = off;
         EXECUTE {};
         SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_bitmapscan TO DEFAULT;
         SET LOCAL jit TO DEFAULT",
        prepared.read
    );
    let mut read = conn.fetch_all(sqlx::raw_sql(&sql)).await;
    if matches!(&read, Err(e) if unprepared(e)) {
        // A connection's first batch.
        rollback(conn).await;
        prepared.prepare(conn, names, limit).await?;
        read = conn.fetch_all(sqlx::raw_sql(&sql)).await;
    }
    let rows = match read {
        Ok(rows) => rows,
        Err(e) => {
            rollback(conn).await;
            return Err(e);
        }
    };
    match parse(names, &rows) {
        Ok(Some((checkpoints, read))) => Ok(Some(Opened {
            checkpoints,
            read,
            advance: prepared.advance,
        })),
        Ok(None) => {
            rollback(conn).await;
            // Only the first batch of a new read model gets here.
            sqlx::query(
                "INSERT INTO projection_checkpoints (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
            )
            .bind(names)
            .execute(&mut *conn)
            .await?;
            Ok(None)
        }
        Err(e) => {
            rollback(conn).await;
            Err(e)
        }
    }
}

/// The checkpoints (in the names' order) and the events the rows hold; `None` when a
/// checkpoint row is missing.
fn parse(
    names: &[&str],
    rows: &[PgRow],
) -> Result<Option<(Vec<Checkpoint>, LogRead)>, sqlx::Error> {
    let mut found: Vec<(String, Checkpoint)> = Vec::with_capacity(names.len());
    let mut events = Vec::new();
    let mut waiting = 0;
    for r in rows {
        if r.try_get::<i32, _>("kind")? == 0 {
            found.push((
                r.try_get("name")?,
                Checkpoint {
                    tx_id: r.try_get("tx")?,
                    position: r.try_get("global_position")?,
                },
            ));
        } else if waiting == 0 && r.try_get::<bool, _>("ready")? {
            // The events that may be applied are a prefix of the log's order.
            events.push(stored_event(r)?);
        } else {
            waiting += 1;
        }
    }
    let mut checkpoints = Vec::with_capacity(names.len());
    for name in names {
        match found.iter().find(|(n, _)| n == name) {
            Some((_, cp)) => checkpoints.push(*cp),
            None => return Ok(None),
        }
    }
    Ok(Some((checkpoints, LogRead { events, waiting })))
}

/// Moves the batch's checkpoints that are behind `at` up to it with `advance` (the
/// statement [`open`] named), tells the read-your-writes watchers of every process
/// (`sanad_projected`), and commits.
pub(crate) async fn advance_and_commit(
    conn: &mut PgConnection,
    advance: &str,
    at: Checkpoint,
) -> Result<(), sqlx::Error> {
    let sql = format!(
        "EXECUTE {advance}({}, {}, '{at}'); COMMIT",
        at.tx_id, at.position,
    );
    if let Err(e) = conn.execute(sqlx::raw_sql(&sql)).await {
        rollback(conn).await;
        return Err(e);
    }
    Ok(())
}

/// Commits a batch that found nothing to apply (it only read).
pub(crate) async fn commit(conn: &mut PgConnection) -> Result<(), sqlx::Error> {
    conn.execute(sqlx::raw_sql("COMMIT")).await.map(|_| ())
}

/// Ends the transaction without keeping anything. A connection that cannot even do that is
/// broken, and its owner drops it on the error that got us here.
pub(crate) async fn rollback(conn: &mut PgConnection) {
    let _ = conn.execute(sqlx::raw_sql("ROLLBACK")).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_as_literals() {
        assert_eq!(
            literals(&["referrals", "o'brien"]),
            "'referrals','o''brien'"
        );
    }
}
