//! Projection lag: how long after a command its events show in the read models.
//!
//! Method. The projector commits each batch of read-model changes together with its
//! checkpoint and, in the same transaction, `NOTIFY sanad_projected, '<tx_id>:<position>'`;
//! PostgreSQL delivers the notification only once that transaction has committed, i.e. once
//! every reader can see the batch. An observer task LISTENs on the load database and stamps
//! each notification with the wall clock on arrival. After the run, every event written
//! during the run is matched with the first notification whose checkpoint is at or past
//! the event's `(tx_id, global_position)` (the projector's own order): that arrival time is
//! when the event became visible in the read models.
//!
//! The start is the event's `occurred_at` (metadata), stamped by `sanad serve` when the
//! command began, just before it loaded the aggregate and appended. So the figure is
//! commit → read model *plus* the command's own append time: an upper bound on the pure
//! commit-to-read-model delay, measured for every event (not a sample), with the same clock
//! on both ends (one machine). Clients keep read-your-writes on (the default), so their
//! command latency already includes this wait; the lag figure isolates the projector.
//!
//! Events the observer never saw projected (none, unless the projector stalls) are counted
//! as `unobserved`.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::postgres::PgListener;
use sqlx::{PgPool, Row};

use crate::stats::Latency;

type Checkpoint = (i64, i64);
/// Each `sanad_projected` notification: its checkpoint and when it arrived.
type Seen = Arc<Mutex<Vec<(Checkpoint, DateTime<Utc>)>>>;

pub struct LagObserver {
    seen: Seen,
    task: tokio::task::JoinHandle<()>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LagResult {
    pub events: usize,
    pub unobserved: usize,
    pub lag: Latency,
}

fn parse_checkpoint(s: &str) -> Option<Checkpoint> {
    let (tx, pos) = s.split_once(':')?;
    Some((tx.parse().ok()?, pos.parse().ok()?))
}

impl LagObserver {
    pub async fn start(database_url: &str) -> Result<Self, String> {
        let mut listener = PgListener::connect(database_url)
            .await
            .map_err(|e| format!("lag observer: {e}"))?;
        listener
            .listen("sanad_projected")
            .await
            .map_err(|e| format!("lag observer: {e}"))?;
        let seen: Seen = Default::default();
        let sink = seen.clone();
        let task = tokio::spawn(async move {
            while let Ok(n) = listener.recv().await {
                let at = Utc::now();
                if let Some(cp) = parse_checkpoint(n.payload()) {
                    if let Ok(mut s) = sink.lock() {
                        s.push((cp, at));
                    }
                }
            }
        });
        Ok(Self { seen, task })
    }

    /// Stops observing and computes the lag of every event that occurred in `[from, until]`.
    pub async fn finish(
        self,
        pool: &PgPool,
        from: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<LagResult, String> {
        self.task.abort();
        let mut seen = self.seen.lock().map(|s| s.clone()).unwrap_or_default();
        // Checkpoint order; a later checkpoint seen earlier also covers the events before it,
        // so each entry's time becomes the earliest time of any entry at or after it.
        seen.sort_by_key(|(cp, _)| *cp);
        for i in (0..seen.len().saturating_sub(1)).rev() {
            if seen[i + 1].1 < seen[i].1 {
                seen[i].1 = seen[i + 1].1;
            }
        }
        let rows = sqlx::query(
            "SELECT tx_id::text::bigint AS tx, global_position, metadata->>'occurred_at' AS occurred_at
               FROM events
              WHERE (metadata->>'occurred_at')::timestamptz BETWEEN $1 AND $2",
        )
        .bind(from)
        .bind(until)
        .fetch_all(pool)
        .await
        .map_err(|e| format!("lag: reading the events: {e}"))?;
        let mut lags = Vec::with_capacity(rows.len());
        let mut unobserved = 0;
        for r in &rows {
            let cp: Checkpoint = (
                r.try_get("tx").map_err(|e| e.to_string())?,
                r.try_get("global_position").map_err(|e| e.to_string())?,
            );
            let occurred: String = r.try_get("occurred_at").map_err(|e| e.to_string())?;
            let Ok(occurred) = DateTime::parse_from_rfc3339(&occurred) else {
                unobserved += 1;
                continue;
            };
            let i = seen.partition_point(|(c, _)| *c < cp);
            match seen.get(i) {
                Some((_, at)) => {
                    let us = (*at - occurred.with_timezone(&Utc))
                        .num_microseconds()
                        .unwrap_or(0)
                        .max(0);
                    lags.push(us as u64);
                }
                None => unobserved += 1,
            }
        }
        Ok(LagResult {
            events: rows.len(),
            unobserved,
            lag: Latency::from_micros(lags),
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn checkpoints_are_tx_colon_position() {
        assert_eq!(super::parse_checkpoint("812:44"), Some((812, 44)));
        assert_eq!(super::parse_checkpoint("x"), None);
    }
}
