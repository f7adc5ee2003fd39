//! Natural batching of point lookups that every request makes (its session, the record a
//! mutation answers with).
//!
//! Under load the cost of such a lookup is the round trip, not the index probe: on a
//! two-core machine each statement wakes the other side of a socket twice. A lookup that
//! finds a batch already running joins the next one, which leaves as soon as the running
//! one returns, with every key that arrived meanwhile, in one `= ANY($1)` statement. A
//! lone request never waits for company: with nothing running, its batch of one leaves at
//! once.

use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use tokio::sync::oneshot;

/// Batches that may run at once: enough to keep a few pool connections busy, few enough
/// that lookups arriving meanwhile gather into the next batch.
const IN_FLIGHT: usize = 2;
/// Keys per statement.
const MAX_BATCH: usize = 256;

pub trait Lookup: Send + Sync + 'static {
    type Key: Eq + Hash + Clone + Send + Sync + 'static;
    type Value: Clone + Send + 'static;

    /// The values of those keys that exist.
    fn fetch(
        &self,
        keys: Vec<Self::Key>,
    ) -> impl Future<Output = Result<HashMap<Self::Key, Self::Value>, sqlx::Error>> + Send;
}

type Answer<V> = Result<Option<V>, Arc<sqlx::Error>>;
type Waiting<L> = Vec<(
    <L as Lookup>::Key,
    oneshot::Sender<Answer<<L as Lookup>::Value>>,
)>;

pub struct Batched<L: Lookup> {
    inner: Arc<Inner<L>>,
}

impl<L: Lookup> Clone for Batched<L> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}

struct Inner<L: Lookup> {
    lookup: L,
    state: Mutex<State<L>>,
}

struct State<L: Lookup> {
    waiting: Waiting<L>,
    running: usize,
}

impl<L: Lookup> Batched<L> {
    pub fn new(lookup: L) -> Self {
        Self {
            inner: Arc::new(Inner {
                lookup,
                state: Mutex::new(State {
                    waiting: Vec::new(),
                    running: 0,
                }),
            }),
        }
    }

    pub async fn get(&self, key: L::Key) -> Result<Option<L::Value>, sqlx::Error> {
        let (tx, rx) = oneshot::channel();
        let start = {
            let mut state = self.inner.lock();
            state.waiting.push((key, tx));
            if state.running < IN_FLIGHT {
                state.running += 1;
                Some(take(&mut state.waiting))
            } else {
                None
            }
        };
        if let Some(batch) = start {
            tokio::spawn(run(self.inner.clone(), batch));
        }
        match rx.await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(shared(&e)),
            // The batch's task ended without answering (the runtime is shutting down).
            Err(_) => Err(sqlx::Error::PoolClosed),
        }
    }
}

impl<L: Lookup> Inner<L> {
    fn lock(&self) -> std::sync::MutexGuard<'_, State<L>> {
        // Entries move in and out whole; a poisoned lock holds nothing half-done.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn take<T>(waiting: &mut Vec<T>) -> Vec<T> {
    let n = waiting.len().min(MAX_BATCH);
    waiting.drain(..n).collect()
}

/// Runs batches until nothing waits.
async fn run<L: Lookup>(inner: Arc<Inner<L>>, mut batch: Waiting<L>) {
    loop {
        let mut seen = HashSet::new();
        let keys: Vec<L::Key> = batch
            .iter()
            .filter(|(k, _)| seen.insert(k.clone()))
            .map(|(k, _)| k.clone())
            .collect();
        match inner.lookup.fetch(keys).await {
            Ok(found) => {
                for (key, tx) in batch {
                    let _ = tx.send(Ok(found.get(&key).cloned()));
                }
            }
            Err(e) => {
                let e = Arc::new(e);
                for (_, tx) in batch {
                    let _ = tx.send(Err(e.clone()));
                }
            }
        }
        let mut state = inner.lock();
        if state.waiting.is_empty() {
            state.running -= 1;
            return;
        }
        batch = take(&mut state.waiting);
    }
}

/// A batch's error, for each of its lookups: the kind that decides the API's answer
/// (unavailable, try again) is kept.
fn shared(e: &sqlx::Error) -> sqlx::Error {
    match e {
        sqlx::Error::PoolTimedOut => sqlx::Error::PoolTimedOut,
        sqlx::Error::PoolClosed => sqlx::Error::PoolClosed,
        sqlx::Error::Io(io) => sqlx::Error::Io(std::io::Error::new(io.kind(), io.to_string())),
        other => sqlx::Error::Protocol(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::FutureExt;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    /// Squares even numbers; odd ones do not exist; 13 fails the whole batch.
    struct Squares {
        batches: AtomicUsize,
        largest: AtomicUsize,
    }

    impl Lookup for Squares {
        type Key = u32;
        type Value = u32;
        async fn fetch(&self, keys: Vec<u32>) -> Result<HashMap<u32, u32>, sqlx::Error> {
            self.batches.fetch_add(1, Ordering::SeqCst);
            self.largest.fetch_max(keys.len(), Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(20)).await;
            if keys.contains(&13) {
                return Err(sqlx::Error::PoolTimedOut);
            }
            Ok(keys
                .into_iter()
                .filter(|k| k % 2 == 0)
                .map(|k| (k, k * k))
                .collect())
        }
    }

    fn squares() -> Batched<Squares> {
        Batched::new(Squares {
            batches: AtomicUsize::new(0),
            largest: AtomicUsize::new(0),
        })
    }

    #[tokio::test]
    async fn concurrent_lookups_share_statements_and_each_gets_its_own_answer() {
        let b = squares();
        let answers = futures::future::join_all(
            (0..100u32).map(|k| b.get(100 + k % 50).map(move |r| (k, r))),
        )
        .await;
        for (k, r) in answers {
            let k = 100 + k % 50;
            let expected = (k % 2 == 0).then_some(k * k);
            assert_eq!(r.unwrap(), expected, "key {k}");
        }
        let batches = b.inner.lookup.batches.load(Ordering::SeqCst);
        assert!(batches <= 4, "100 lookups took {batches} statements");
        // Repeated keys are asked for once.
        assert!(b.inner.lookup.largest.load(Ordering::SeqCst) <= 50);
    }

    #[tokio::test]
    async fn a_lone_lookup_does_not_wait_and_a_failed_batch_fails_only_its_own_lookups() {
        let b = squares();
        assert_eq!(b.get(4).await.unwrap(), Some(16));
        assert_eq!(b.get(3).await.unwrap(), None);
        assert!(matches!(b.get(13).await, Err(sqlx::Error::PoolTimedOut)));
        // The failure left nothing stuck behind it.
        assert_eq!(b.get(6).await.unwrap(), Some(36));
        assert_eq!(b.inner.lookup.batches.load(Ordering::SeqCst), 4);
    }
}
