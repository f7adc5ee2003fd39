//! The live projector's batch in two round trips: the log read (with the checkpoints), then
//! one statement that writes the read models, moves the checkpoints, notifies, and
//! commits on its own.
//!
//! Under live load a batch holds a few events, so its cost is its round trips, each of
//! which wakes both ends of a socket on a machine with few cores, and the batches follow
//! each other: every command waits for the batch after its commit. The read carries only
//! numbers and the read models' names (code constants), so it goes as a simple query,
//! which may hold several statements. It locks nothing: the closing statement moves only
//! checkpoints still where the read found them, and is refused whole otherwise (migration
//! 000014), so a rebuild or a former leader that wrote meanwhile costs this batch a retry,
//! never a wrong row.

use sqlx::postgres::{PgArguments, PgRow};
use sqlx::{Arguments, Executor, PgConnection, Row};

use crate::checkpoint::Checkpoint;
use crate::log::{stored_event, LogRead};
use crate::{staged, Staged};

/// What one batch read: `checkpoints` (one per name, in the names' order) and the events
/// after the lowest.
pub(crate) struct Opened {
    pub checkpoints: Vec<Checkpoint>,
    pub read: LogRead,
}

/// Reads the checkpoints of `names` and up to `limit` events after the lowest. The
/// horizon is taken once (a materialised CTE); rows that wait come without their payload,
/// so a transaction holding the horizon for long does not make each retry carry the same
/// waiting events again. Checkpoint rows come first (kind 0), then the events in log
/// order. It takes no parameter (the names and the limit are written in), so it is planned
/// once per connection ([`Prepared`]).
fn read_sql(names: &[&str], limit: i64) -> String {
    format!(
        "WITH cp AS MATERIALIZED (
             SELECT name, tx_id, position FROM projection_checkpoints
              WHERE name = ANY(ARRAY[{names}]::text[]) ORDER BY name
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

/// The batch's read, prepared (SQL `PREPARE`) once on each connection that projects:
/// planning it took about a quarter of a millisecond a batch, more than running it. A
/// simple query can `EXECUTE` it, so the read stays one round trip.
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
}

impl Prepared {
    fn named(names: &[&str], limit: i64) -> Self {
        use std::hash::{DefaultHasher, Hash, Hasher};
        // One per list of read models and limit: a pooled connection may serve several
        // (the seed, tests).
        let mut h = DefaultHasher::new();
        names.hash(&mut h);
        limit.hash(&mut h);
        let tag = h.finish();
        Self {
            read: format!("sanad_batch_read_{tag:016x}"),
        }
    }

    /// Prepares the read on this connection.
    async fn prepare(
        &self,
        conn: &mut PgConnection,
        names: &[&str],
        limit: i64,
    ) -> Result<(), sqlx::Error> {
        let sql = format!("PREPARE {} AS {}", self.read, read_sql(names, limit));
        conn.execute(sqlx::raw_sql(&sql)).await.map(|_| ())
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

/// Reads the checkpoints of `names` and up to `limit` events after the lowest, as
/// [`crate::read_after`] orders them, telling how many committed events wait behind a
/// running transaction; in a read-only transaction of its own. `None` when a checkpoint
/// row is missing (a new read model): the rows are then created.
pub(crate) async fn open(
    conn: &mut PgConnection,
    names: &[&str],
    limit: i64,
) -> Result<Option<Opened>, sqlx::Error> {
    let limit = limit.max(1);
    let prepared = Prepared::named(names, limit);
    let sql = format!(
        "BEGIN READ ONLY;
         SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL jit = off;
         EXECUTE {};
         COMMIT",
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
        Ok(Some((checkpoints, read))) => Ok(Some(Opened { checkpoints, read })),
        Ok(None) => {
            // Only the first batch of a new read model gets here.
            sqlx::query(
                "INSERT INTO projection_checkpoints (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
            )
            .bind(names)
            .execute(&mut *conn)
            .await?;
            Ok(None)
        }
        Err(e) => Err(e),
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

/// Runs `staged` (a read model's writes, or none), moves the checkpoints of `names` that
/// were `from` (as the batch read them) up to `at`, and tells the read-your-writes
/// watchers of every process (`sanad_projected`), as one statement: outside a
/// transaction, PostgreSQL commits it on its own. Refused whole (serialization failure)
/// when a checkpoint is no longer where the batch read it.
pub(crate) async fn advance(
    conn: &mut PgConnection,
    staged: Option<Staged>,
    names: &[&str],
    from: &[Checkpoint],
    at: Checkpoint,
) -> Result<(), sqlx::Error> {
    let (parts, mut arguments, n) = match staged {
        Some(s) => {
            let (parts, arguments, n) = s.into_parts();
            (format!("{parts}, "), arguments, n)
        }
        None => (String::new(), PgArguments::default(), 0),
    };
    let [a, b, c, d, e, f] = staged::following(n);
    let sql = format!(
        "WITH {parts}projection_advanced AS (
             UPDATE projection_checkpoints c SET tx_id = ${a}, position = ${b}, updated_at = now()
               FROM UNNEST(${c}::text[], ${d}::bigint[], ${e}::bigint[]) AS r(name, tx_id, position)
              WHERE c.name = r.name AND c.tx_id = r.tx_id AND c.position = r.position
              RETURNING 1
         )
         SELECT projection_batch_commit((SELECT count(*) FROM projection_advanced),
                                        cardinality(${c}::text[]), ${f})"
    );
    // Only the checkpoints the batch moves are checked: one already at or past `at` had
    // nothing in it.
    let behind: Vec<(&str, Checkpoint)> = names
        .iter()
        .copied()
        .zip(from.iter().copied())
        .filter(|(_, cp)| *cp < at)
        .collect();
    let add = |arguments: &mut PgArguments| -> Result<(), sqlx::error::BoxDynError> {
        arguments.add(at.tx_id)?;
        arguments.add(at.position)?;
        arguments.add(behind.iter().map(|(n, _)| *n).collect::<Vec<_>>())?;
        arguments.add(behind.iter().map(|(_, cp)| cp.tx_id).collect::<Vec<_>>())?;
        arguments.add(behind.iter().map(|(_, cp)| cp.position).collect::<Vec<_>>())?;
        arguments.add(at.to_string())
    };
    add(&mut arguments).map_err(sqlx::Error::Encode)?;
    sqlx::query_with(&sql, arguments)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Opens the transaction of a batch whose read models write themselves.
pub(crate) async fn begin(conn: &mut PgConnection) -> Result<(), sqlx::Error> {
    conn.execute(sqlx::raw_sql("BEGIN")).await.map(|_| ())
}

/// Commits what [`begin`] opened.
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
