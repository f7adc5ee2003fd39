//! A connection kept out of the pool for one user that runs one statement at a time (a
//! batcher's runner).
//!
//! sqlx tests every connection returned to its pool with a round trip of its own (a
//! `Sync` and its answer): on a two-core machine that is as dear as the statement it
//! follows. A batcher needs no pool, since it never runs two batches at once, so it keeps
//! one connection and pays for nothing but its statements. A connection that failed other
//! than with a database error (PostgreSQL restarted, the socket closed) is dropped, and the
//! next statement opens a new one: the batcher recovers as the pool would.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicUsize, Ordering};

use sqlx::postgres::{PgDatabaseError, PgSeverity};
use sqlx::{PgConnection, PgPool};
use tokio::sync::{Mutex, MutexGuard};

pub struct HeldConnection {
    pool: PgPool,
    slot: Mutex<Option<PgConnection>>,
    /// Run on each connection it opens (session settings for its one statement).
    setup: Option<&'static str>,
}

impl HeldConnection {
    /// Connections come from `pool`, with its settings, and leave it for good: the pool
    /// does not count them.
    pub fn new(pool: PgPool) -> Self {
        Self {
            pool,
            slot: Mutex::new(None),
            setup: None,
        }
    }

    /// Like [`HeldConnection::new`], for a statement planned once per connection: left to
    /// choose, PostgreSQL plans a statement taking an array anew on every call (its
    /// estimate for a short array beats the generic plan's), and planning a batch's
    /// lookup cost more than running it. The statement must then be written so that one
    /// plan suits every batch and every size of table: a lookup per key by primary key,
    /// say, in a `LATERAL` subquery the planner cannot flatten into a join.
    pub fn with_generic_plans(pool: PgPool) -> Self {
        Self {
            setup: Some("SET plan_cache_mode = force_generic_plan"),
            ..Self::new(pool)
        }
    }

    /// The held connection, opened first if there is none. Whoever uses it hands the
    /// outcome to [`Held::settle`]; a connection not settled is dropped, as if it had
    /// failed.
    pub async fn get(&self) -> Result<Held<'_>, sqlx::Error> {
        let slot = self.slot.lock().await;
        self.open_in(slot).await
    }

    /// The connection if nobody is using it.
    async fn get_if_free(&self) -> Option<Result<Held<'_>, sqlx::Error>> {
        let slot = self.slot.try_lock().ok()?;
        Some(self.open_in(slot).await)
    }

    async fn open_in<'a>(
        &self,
        mut slot: MutexGuard<'a, Option<PgConnection>>,
    ) -> Result<Held<'a>, sqlx::Error> {
        let conn = match slot.take() {
            Some(conn) => conn,
            None => {
                let mut conn = self.pool.acquire().await?.detach();
                if let Some(setup) = self.setup {
                    sqlx::Executor::execute(&mut conn, sqlx::raw_sql(setup)).await?;
                }
                conn
            }
        };
        Ok(Held { slot, conn })
    }
}

/// A few held connections, for a statement that requests run concurrently and that would
/// otherwise go through the pool (and its extra round trip): each request takes a free
/// one, or waits its turn on one of them.
pub struct HeldConnections {
    held: Vec<HeldConnection>,
    turn: AtomicUsize,
}

impl HeldConnections {
    pub fn new(pool: PgPool, count: usize) -> Self {
        Self {
            held: (0..count.max(1))
                .map(|_| HeldConnection::new(pool.clone()))
                .collect(),
            turn: AtomicUsize::new(0),
        }
    }

    pub async fn get(&self) -> Result<Held<'_>, sqlx::Error> {
        for held in &self.held {
            if let Some(free) = held.get_if_free().await {
                return free;
            }
        }
        let next = self.turn.fetch_add(1, Ordering::Relaxed) % self.held.len();
        self.held[next].get().await
    }
}

pub struct Held<'a> {
    slot: MutexGuard<'a, Option<PgConnection>>,
    conn: PgConnection,
}

impl Held<'_> {
    /// Keeps the connection unless `outcome` is an error other than the database's
    /// refusal of one statement (a constraint, a bad value): after a lost socket, or a
    /// FATAL error that ends the session (PostgreSQL shutting down, the backend
    /// terminated), the connection is unusable.
    pub fn settle<T>(self, outcome: Result<T, sqlx::Error>) -> Result<T, sqlx::Error> {
        let usable = match &outcome {
            Ok(_) => true,
            Err(sqlx::Error::Database(e)) => e
                .try_downcast_ref::<PgDatabaseError>()
                .is_some_and(|e| !matches!(e.severity(), PgSeverity::Fatal | PgSeverity::Panic)),
            Err(_) => false,
        };
        if usable {
            let Held { mut slot, conn } = self;
            *slot = Some(conn);
        }
        outcome
    }
}

impl Deref for Held<'_> {
    type Target = PgConnection;

    fn deref(&self) -> &PgConnection {
        &self.conn
    }
}

impl DerefMut for Held<'_> {
    fn deref_mut(&mut self) -> &mut PgConnection {
        &mut self.conn
    }
}
