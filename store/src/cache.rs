//! Recently used aggregates, kept in memory so that a command on one of them need not
//! load its whole history first.
//!
//! The cache is never trusted for an answer it cannot prove: a cached state can only lag
//! behind the log (another process appended), never run ahead of it, and a command decided
//! on lagging state appends at a sequence number that is already taken, which the primary
//! key refuses. A refusal, a domain error, a command that decides nothing and a repeated
//! command id are all answered again from the log itself.

use std::any::Any;
use std::collections::HashSet;
use std::sync::Mutex;

use cqrs_es::Aggregate;
use hashlink::LruCache;

/// How many aggregates one process keeps (a referral's state is about a kilobyte).
pub const CAPACITY: usize = 4096;

/// An aggregate as of its last event.
pub(crate) struct Cached<A> {
    pub aggregate: A,
    pub last_sequence: i64,
    pub prev_hash: String,
    /// Every command id that appended to it: a repeat must get the first result.
    pub command_ids: HashSet<String>,
}

impl<A: Aggregate> Cached<A> {
    /// Before its first event.
    pub fn empty() -> Self {
        Self {
            aggregate: A::default(),
            last_sequence: 0,
            prev_hash: crate::GENESIS_HASH.to_string(),
            command_ids: HashSet::new(),
        }
    }
}

type Key = (&'static str, String);

pub(crate) struct AggregateCache {
    entries: Mutex<LruCache<Key, Box<dyn Any + Send>>>,
}

impl AggregateCache {
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: Mutex::new(LruCache::new(capacity.max(1))),
        }
    }

    /// Takes the entry out, so that two commands on one aggregate never share it: the
    /// second one, finding nothing, reads the log.
    pub fn take<A: Aggregate + 'static>(&self, id: &str) -> Option<Cached<A>> {
        let boxed = self.lock().remove(&(A::TYPE, id.to_string()))?;
        boxed.downcast::<Cached<A>>().ok().map(|b| *b)
    }

    /// Keeps `entry` unless a concurrent command already left a later state.
    pub fn put<A: Aggregate + 'static>(&self, id: &str, entry: Cached<A>) {
        let key = (A::TYPE, id.to_string());
        let mut entries = self.lock();
        let later = entries
            .get(&key)
            .and_then(|e| e.downcast_ref::<Cached<A>>())
            .is_some_and(|e| e.last_sequence > entry.last_sequence);
        if !later {
            entries.insert(key, Box::new(entry));
        }
    }

    pub fn forget<A: Aggregate>(&self, id: &str) {
        self.lock().remove(&(A::TYPE, id.to_string()));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<Key, Box<dyn Any + Send>>> {
        // A panic while holding the lock cannot leave an entry half-written (entries are
        // moved in and out whole), so a poisoned lock is still usable.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}
