//! Read-your-writes: lets a request wait until the read models have passed its own events,
//! whichever process projects them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::PgListener;
use sqlx::PgPool;
use tokio::sync::watch;

use crate::changes::{BatchChanges, HeardChanges, ACCESS_CHANNEL, OFFERS_CHANNEL};
use crate::checkpoint::{self, Checkpoint};

/// The channel projectors notify as each batch commits, with its checkpoint.
const PROJECTED_CHANNEL: &str = "sanad_projected";

#[derive(Clone)]
pub struct ProjectionWatch {
    rx: watch::Receiver<Checkpoint>,
    tx: Arc<watch::Sender<Checkpoint>>,
    /// This process's projector leads: every notification is then about its own commits,
    /// and it tells the watch itself once each batch's rows are published.
    leading: Arc<AtomicBool>,
    /// Heard on the same connection as the checkpoints, so a change committed with a
    /// batch is counted before a request waiting for that batch goes on.
    changes: Changes,
}

impl ProjectionWatch {
    /// Follows the projectors' `sanad_projected` notifications (and `sanad_access` and
    /// `sanad_offers`, see [`HeardChanges`]); re-reads the checkpoints after a reconnect
    /// and every few seconds, since notifications can be missed.
    pub fn start(pool: PgPool, names: Vec<&'static str>) -> Self {
        let (tx, rx) = watch::channel(Checkpoint::default());
        let tx = Arc::new(tx);
        let leading = Arc::new(AtomicBool::new(false));
        let changes = Changes::default();
        let follower = tx.clone();
        let led = leading.clone();
        let heard = changes.clone();
        tokio::spawn(async move {
            let changes = heard;
            let tx = follower;
            loop {
                let followed = follow(&pool, &names, &tx, &led, &changes).await;
                changes.heard(false);
                if let Err(e) = followed {
                    tracing::debug!(error = %e, "projection watch reconnecting");
                }
                if tx.is_closed() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        });
        Self {
            rx,
            tx,
            leading,
            changes,
        }
    }

    /// Changes to who may act, as heard by this watch and told by this process.
    pub fn access(&self) -> &HeardChanges {
        &self.changes.access
    }

    /// What this process's own projector committed: counted before the watch moves past
    /// the batch, so no request waiting for it finds a stale cache.
    pub fn told(&self, changes: BatchChanges) {
        if changes.access {
            self.access().changed();
        }
        if changes.offers {
            self.offers().changed();
        }
    }

    /// Changes to what providers offer where, as heard by this watch.
    pub fn offers(&self) -> &HeardChanges {
        &self.changes.offers
    }

    /// Whether this process's projector leads. While it does, the watch moves only when
    /// the projector says so: its own commit's notification can arrive before the
    /// projector has published the batch's rows, and a request woken then would read
    /// back what it could have been handed.
    pub fn set_leading(&self, leads: bool) {
        self.leading.store(leads, Ordering::Release);
    }

    /// This process's projector committed the read models up to `at`: requests waiting
    /// for it go on at once, without waiting for the notification to come back through
    /// PostgreSQL (other processes still get it).
    pub fn reached(&self, at: Checkpoint) {
        advance(&self.tx, at);
    }

    /// Changes whenever the read models move forward: for subscriptions.
    pub fn subscribe(&self) -> watch::Receiver<Checkpoint> {
        self.rx.clone()
    }

    pub fn current(&self) -> Checkpoint {
        *self.rx.borrow()
    }

    /// Waits until every read model has applied the event at `target`; false on timeout.
    pub async fn wait_for(&self, target: Checkpoint, timeout: Duration) -> bool {
        let mut rx = self.rx.clone();
        let reached = tokio::time::timeout(timeout, rx.wait_for(|cp| *cp >= target)).await;
        matches!(reached, Ok(Ok(_)))
    }
}

/// The counts of changes the watch hears besides checkpoints: who may act, and what
/// providers offer where.
#[derive(Clone, Default)]
struct Changes {
    access: HeardChanges,
    offers: HeardChanges,
}

impl Changes {
    fn heard(&self, listening: bool) {
        self.access.heard(listening);
        self.offers.heard(listening);
    }
}

fn advance(tx: &watch::Sender<Checkpoint>, seen: Checkpoint) {
    tx.send_if_modified(|cur| {
        if seen > *cur {
            *cur = seen;
            true
        } else {
            false
        }
    });
}

async fn follow(
    pool: &PgPool,
    names: &[&'static str],
    tx: &watch::Sender<Checkpoint>,
    leading: &AtomicBool,
    changes: &Changes,
) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener
        .listen_all([PROJECTED_CHANNEL, ACCESS_CHANNEL, OFFERS_CHANNEL])
        .await?;
    changes.heard(true);
    // Notifications can be missed (before the LISTEN, across a reconnect): read the
    // checkpoints now and whenever none arrives for a while; otherwise the notifications'
    // payloads say it all, without a query per batch.
    let mut reread = true;
    loop {
        if reread && !leading.load(Ordering::Acquire) {
            let mut conn = pool.acquire().await?;
            advance(tx, checkpoint::lowest(&mut conn, names).await?);
        }
        // `try_recv`, not `recv`: after a lost connection `recv` reconnects without a word,
        // and changes to who may act would have gone unheard.
        match tokio::time::timeout(Duration::from_secs(2), listener.try_recv()).await {
            Ok(Ok(None)) => return Ok(()),
            Ok(Ok(Some(n))) if n.channel() == ACCESS_CHANNEL => changes.access.changed(),
            Ok(Ok(Some(n))) if n.channel() == OFFERS_CHANNEL => changes.offers.changed(),
            Ok(Ok(Some(n))) => {
                reread = false;
                let leads = leading.load(Ordering::Acquire);
                if let (Ok(cp), false) = (n.payload().parse::<Checkpoint>(), leads) {
                    advance(tx, cp);
                }
            }
            Ok(Err(e)) => return Err(e),
            Err(_) => reread = true,
        }
        if tx.is_closed() {
            return Ok(());
        }
    }
}
