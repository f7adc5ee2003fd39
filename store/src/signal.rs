//! "The log grew": how an append wakes the projector without a `NOTIFY` in its own
//! transaction.
//!
//! PostgreSQL serialises every committing transaction that has sent a notification (a
//! database-wide lock held until the commit is flushed), so a `NOTIFY` in the appending
//! transaction made appends commit one at a time: measured with pgbench on this project's
//! `events` table, 5,863 inserts/s without the trigger, 2,424/s with it. Instead, the
//! appending process wakes its own projector directly and, when another process leads the
//! projection, sends one `NOTIFY sanad_events` after its commits, coalescing whatever
//! committed meanwhile. The notification stays only a wake-up call: a process that dies
//! between its commit and its notification delays projection until the leader's periodic
//! re-check, and loses nothing.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use sqlx::PgPool;
use tokio::sync::Notify;

/// The channel other processes' projectors listen on.
pub const EVENTS_CHANNEL: &str = "sanad_events";

#[derive(Clone, Default)]
pub struct LogSignal {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Wakes this process's projector.
    local: Notify,
    /// This process's projector holds the leadership: no one else needs telling.
    local_leads: AtomicBool,
    /// Commits not yet announced to other processes.
    unannounced: AtomicBool,
    announce: Notify,
    publisher: OnceLock<()>,
}

impl LogSignal {
    /// Called after events committed.
    pub fn appended(&self, pool: &PgPool) {
        let inner = &self.inner;
        inner.local.notify_one();
        if inner.local_leads.load(Ordering::Acquire) {
            return;
        }
        inner.unannounced.store(true, Ordering::Release);
        inner.publisher.get_or_init(|| {
            tokio::spawn(publish(self.inner.clone(), pool.clone()));
        });
        inner.announce.notify_one();
    }

    /// Waits until something was appended in this process since the last wake-up.
    pub async fn appended_here(&self) {
        self.inner.local.notified().await;
    }

    /// The projector of this process says whether it leads.
    pub fn set_leading(&self, leads: bool) {
        self.inner.local_leads.store(leads, Ordering::Release);
    }
}

/// Sends one notification per round trip at most, for every commit since the last one.
async fn publish(inner: Arc<Inner>, pool: PgPool) {
    loop {
        inner.announce.notified().await;
        while inner.unannounced.swap(false, Ordering::AcqRel) {
            if let Err(e) = sqlx::query("SELECT pg_notify($1, '')")
                .bind(EVENTS_CHANNEL)
                .execute(&pool)
                .await
            {
                // The leader's periodic re-check picks the events up regardless.
                tracing::debug!(error = %e, "could not announce appended events");
            }
        }
    }
}
