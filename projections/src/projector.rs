//! The catch-up projector: one leader per database (advisory lock), woken by
//! `LISTEN/NOTIFY`, reading the log after its checkpoints and never past the oldest
//! running transaction.

use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgListener;
use sqlx::{PgConnection, PgPool};

use store::{LogSignal, EVENTS_CHANNEL};

use crate::batch_tx::{self, Opened};
use crate::checkpoint::Checkpoint;
use crate::log::LogRead;
use crate::ProjectionWatch;
use crate::{BatchChanges, Projection, ProjectionError, Stage, StoredEvent, PROJECTOR_LOCK};

#[derive(Debug, Clone)]
pub struct ProjectorConfig {
    /// Events per transaction.
    pub batch_size: i64,
    /// A safety net: catch up this often even without a notification.
    pub idle_recheck: Duration,
    /// How soon to look again when committed events wait behind a running transaction.
    pub horizon_retry: Duration,
    /// How often a standby process tries to become the leader.
    pub standby_retry: Duration,
}

impl Default for ProjectorConfig {
    fn default() -> Self {
        Self {
            batch_size: 500,
            idle_recheck: Duration::from_secs(5),
            horizon_retry: Duration::from_millis(10),
            standby_retry: Duration::from_secs(1),
        }
    }
}

pub struct Projector {
    pool: PgPool,
    projections: Arc<Vec<Box<dyn Projection>>>,
    config: ProjectorConfig,
    signal: LogSignal,
    watch: Option<ProjectionWatch>,
}

fn names(projections: &[Box<dyn Projection>]) -> Vec<&'static str> {
    projections.iter().map(|p| p.name()).collect()
}

/// What a catch-up did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaughtUp {
    /// Events applied.
    pub applied: usize,
    /// Committed events it found waiting behind a transaction still running (counted
    /// within one batch's reach); they are applied once that transaction ends.
    pub waiting: usize,
    /// Where the last batch it committed ended.
    pub reached: Option<Checkpoint>,
}

/// Applies every readable event after the checkpoints, one transaction per batch.
pub async fn catch_up(
    conn: &mut PgConnection,
    projections: &[Box<dyn Projection>],
    batch_size: i64,
) -> Result<CaughtUp, ProjectionError> {
    catch_up_telling(conn, projections, batch_size, None).await
}

/// [`catch_up`], telling `watch` as each batch commits (after the read models have
/// published its rows), so that requests waiting for an early batch need not wait for
/// the last.
async fn catch_up_telling(
    conn: &mut PgConnection,
    projections: &[Box<dyn Projection>],
    batch_size: i64,
    watch: Option<&ProjectionWatch>,
) -> Result<CaughtUp, ProjectionError> {
    let names = names(projections);
    let mut applied = 0;
    let mut reached = None;
    loop {
        // The read models and their checkpoints commit together, so a crash can only lose
        // a suffix of both at once, which the projector then applies again (see batch_tx).
        let Some(Opened {
            checkpoints,
            read: LogRead { events, waiting },
        }) = batch_tx::open(conn, &names, batch_size).await?
        else {
            continue;
        };
        // What the checkpoints say was committed before (by another leader, maybe) is
        // reached too: a notification of it may have been missed.
        if let (Some(watch), Some(low)) = (watch, checkpoints.iter().min()) {
            watch.reached(*low);
        }
        let Some(last) = events.last().map(|e| e.at) else {
            return Ok(CaughtUp {
                applied,
                waiting,
                reached,
            });
        };
        match apply(conn, projections, &names, &checkpoints, &events, last).await {
            // A rebuild, or a leader that had lost its connection, moved a checkpoint after
            // this batch read it: nothing of the batch was kept; read again from there.
            Err(e) if e.is_checkpoint_moved() => {
                metrics::counter!("sanad_projector_batches_read_again_total").increment(1);
                tracing::info!(%last, "a checkpoint moved while the batch was applied; reading again");
                continue;
            }
            result => result?,
        }
        for projection in projections {
            projection.batch_committed(last);
        }
        if let Some(watch) = watch {
            // Before the requests waiting for this batch go on: one of them may be the
            // first of a member who has just lost a right.
            let changes = projections
                .iter()
                .fold(BatchChanges::default(), |all, p| all.and(p.batch_changes()));
            watch.told(changes);
            watch.reached(last);
        }
        reached = Some(last);
        applied += events.len();
        metrics::counter!("sanad_events_projected_total").increment(events.len() as u64);
        if let Some(e) = events.last() {
            let delay = chrono::Utc::now() - e.occurred_at();
            metrics::histogram!("sanad_projection_delay_seconds")
                .record(delay.num_microseconds().unwrap_or(0) as f64 / 1e6);
        }
        if ((events.len() + waiting) as i64) < batch_size || waiting > 0 {
            return Ok(CaughtUp {
                applied,
                waiting,
                reached,
            });
        }
    }
}

/// Each read model applies the events after its own checkpoint, and the checkpoints move
/// to `last`, all or nothing. When at most one read model writes, and as one statement's
/// parts, that statement also moves the checkpoints and commits (the live case: a batch
/// of referral events); otherwise the writes go in a transaction of their own.
async fn apply(
    conn: &mut PgConnection,
    projections: &[Box<dyn Projection>],
    names: &[&str],
    checkpoints: &[Checkpoint],
    events: &[StoredEvent],
    last: Checkpoint,
) -> Result<(), ProjectionError> {
    let mut staged = Vec::new();
    let mut in_transaction = Vec::new();
    for (projection, cp) in projections.iter().zip(checkpoints) {
        projection.batch_begins(*cp);
        let unseen: Vec<&StoredEvent> = events.iter().filter(|e| e.at > *cp).collect();
        if unseen.is_empty() {
            continue;
        }
        match projection.stage(conn, &unseen).await? {
            Stage::Nothing => {}
            Stage::Statement(s) => staged.push(s),
            Stage::InTransaction => in_transaction.push((projection, unseen)),
        }
    }
    if in_transaction.is_empty() && staged.len() <= 1 {
        batch_tx::advance(conn, staged.pop(), names, checkpoints, last).await?;
        return Ok(());
    }
    batch_tx::begin(conn).await?;
    let written = async {
        for s in staged {
            s.run(conn).await?;
        }
        for (projection, unseen) in in_transaction {
            projection.apply(conn, &unseen).await?;
        }
        batch_tx::advance(conn, None, names, checkpoints, last).await?;
        batch_tx::commit(conn).await?;
        Ok::<_, ProjectionError>(())
    }
    .await;
    if written.is_err() {
        batch_tx::rollback(conn).await;
    }
    written
}

/// Committed events that the read models have not applied yet (at most `cap`, to stay cheap),
/// including those waiting behind a running transaction.
pub async fn pending_events(
    conn: &mut PgConnection,
    projections: &[Box<dyn Projection>],
    cap: i64,
) -> Result<i64, sqlx::Error> {
    let owned: Vec<String> = names(projections).iter().map(|n| n.to_string()).collect();
    // Where every read model has been, or the start of the log while one has no checkpoint.
    sqlx::query_scalar(
        "WITH low AS (
             SELECT tx_id, position FROM projection_checkpoints WHERE name = ANY($1)
             UNION ALL
             SELECT 0, 0 WHERE (SELECT count(*) FROM projection_checkpoints WHERE name = ANY($1)) < cardinality($1)
             ORDER BY 1, 2 LIMIT 1
         )
         SELECT count(*) FROM (
             SELECT 1 FROM events
              WHERE (tx_id, global_position) > (SELECT tx_id::text::xid8, position FROM low)
              ORDER BY tx_id, global_position
              LIMIT $2) p",
    )
    // Planned afresh each time: a cached generic plan, made while the log was small,
    // scans the whole log on every call once it is large.
    .persistent(false)
    .bind(&owned)
    .bind(cap)
    .fetch_one(&mut *conn)
    .await
}

/// While it lives, this process's projector leads: its appends need not notify, and its
/// watch moves only when the projector says so. Dropped however leading ends (an error, a
/// panic, the task aborted), so a process that no longer projects follows the
/// notifications of the one that does.
struct Leading<'a> {
    signal: &'a LogSignal,
    watch: Option<&'a ProjectionWatch>,
}

impl<'a> Leading<'a> {
    fn begin(signal: &'a LogSignal, watch: Option<&'a ProjectionWatch>) -> Self {
        signal.set_leading(true);
        if let Some(watch) = watch {
            watch.set_leading(true);
        }
        Self { signal, watch }
    }
}

impl Drop for Leading<'_> {
    fn drop(&mut self) {
        self.signal.set_leading(false);
        if let Some(watch) = self.watch {
            watch.set_leading(false);
        }
    }
}

impl Projector {
    pub fn new(
        pool: PgPool,
        projections: Vec<Box<dyn Projection>>,
        config: ProjectorConfig,
    ) -> Self {
        Self {
            pool,
            projections: Arc::new(projections),
            config,
            signal: LogSignal::default(),
            watch: None,
        }
    }

    /// Tells this process's read-your-writes waits directly when a batch commits.
    pub fn with_watch(mut self, watch: ProjectionWatch) -> Self {
        self.watch = Some(watch);
        self
    }

    /// Wakes on this process's own appends (the store's signal) without a round trip
    /// through PostgreSQL; other processes' appends still arrive as notifications.
    pub fn with_signal(mut self, signal: LogSignal) -> Self {
        self.signal = signal;
        self
    }

    /// Runs for ever: waits to become the leader, projects, and starts over after a failure
    /// (a lost connection, PostgreSQL restarting).
    pub async fn run(self) {
        loop {
            let led = self.lead().await;
            if let Err(e) = led {
                metrics::gauge!("sanad_projector_leader").set(0.0);
                tracing::warn!(error = %e, "projector stopped; starting over");
            }
            tokio::time::sleep(self.config.standby_retry).await;
        }
    }

    async fn lead(&self) -> Result<(), ProjectionError> {
        // A connection of its own: the advisory lock lives as long as it does, so a process
        // that dies hands over leadership when PostgreSQL closes its connection.
        let mut conn = self.pool.acquire().await?.detach();
        let mut listener = PgListener::connect_with(&self.pool).await?;
        listener.listen(EVENTS_CHANNEL).await?;
        loop {
            let leader: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
                .bind(PROJECTOR_LOCK)
                .fetch_one(&mut conn)
                .await?;
            if leader {
                break;
            }
            metrics::gauge!("sanad_projector_leader").set(0.0);
            let _ = tokio::time::timeout(self.config.standby_retry, listener.recv()).await;
        }
        metrics::gauge!("sanad_projector_leader").set(1.0);
        let _leading = Leading::begin(&self.signal, self.watch.as_ref());
        tracing::info!("this process now projects the read models");
        loop {
            let CaughtUp { waiting, .. } = catch_up_telling(
                &mut conn,
                &self.projections,
                self.config.batch_size,
                self.watch.as_ref(),
            )
            .await?;
            metrics::gauge!("sanad_projector_lag_events").set(waiting as f64);
            // Committed events behind a still-running transaction: that transaction's own
            // notification (sent when it commits) wakes us; the short timeout covers a
            // horizon held by a transaction that writes no event.
            let wait = if waiting > 0 {
                self.config.horizon_retry
            } else {
                self.config.idle_recheck
            };
            tokio::select! {
                received = listener.recv() => {
                    received?;
                }
                _ = self.signal.appended_here() => {}
                _ = tokio::time::sleep(wait) => {}
            }
            // One catch-up serves every commit so far: drop the notifications that queued
            // up meanwhile instead of running an empty catch-up for each.
            while listener.next_buffered().is_some() {}
        }
    }
}
