//! Rows a read model wrote last, kept in the leading projector's memory so that the next
//! batch need not read them back. Under live load every command is an event on a referral
//! the previous batch just wrote; reading it back was a round trip and a JSON conversion
//! per batch.
//!
//! The cache is only trusted while nobody else can have written the table: it is valid
//! as of the checkpoint of the last batch this process committed, and a batch starting
//! from any other checkpoint (another process projected meanwhile, a rebuild ran, a batch
//! failed and rolled back) starts with an empty cache.
//!
//! The rows of committed batches are also published, each with the checkpoint of the
//! batch that wrote it, for the API to answer a command with its record without reading
//! it back: a row published at `at` is the record as of `at` (whatever happened later, in
//! this process or another), so it shows a command whose events are at or before `at`.
//!
//! A row is kept once, shared by the cache, the open batch's list and the published rows:
//! copying a kilobyte row three times a batch was a twentieth of the process's CPU under
//! load. A batch takes its rows out of the cache (one copy, as the published row is still
//! read) and gives the new versions back.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use hashlink::LruCache;
use uuid::Uuid;

use crate::Checkpoint;

pub(crate) struct RowCache<R> {
    inner: Mutex<Inner<R>>,
}

struct Inner<R> {
    rows: LruCache<Uuid, Arc<R>>,
    /// The checkpoint the rows are the table's state at; `None` while a batch is open or
    /// after a failure.
    valid_at: Option<Checkpoint>,
    /// A batch of the projector is open: only its rows are worth keeping (a rebuild, which
    /// opens none, would only copy rows nothing trusts).
    open: bool,
    /// The open batch's rows, published when it commits.
    pending: Vec<(Uuid, Arc<R>)>,
    /// Rows of committed batches and the checkpoint each batch ended at.
    published: LruCache<Uuid, (Checkpoint, Arc<R>)>,
}

impl<R: Clone> RowCache<R> {
    pub fn new(capacity: usize) -> Self {
        Self {
            inner: Mutex::new(Inner {
                rows: LruCache::new(capacity.max(1)),
                valid_at: None,
                open: false,
                pending: Vec::new(),
                published: LruCache::new(capacity.max(1)),
            }),
        }
    }

    /// A batch applies events after `from`: the rows stay if they are the table's state
    /// there. Until [`RowCache::committed`], nothing is trusted.
    pub fn begin(&self, from: Checkpoint) {
        let mut inner = self.lock();
        if inner.valid_at != Some(from) {
            inner.rows.clear();
        }
        inner.valid_at = None;
        inner.open = true;
        inner.pending.clear();
    }

    /// The batch that began last committed, leaving the table as of `at`.
    pub fn committed(&self, at: Checkpoint) {
        let mut inner = self.lock();
        if inner.open {
            inner.valid_at = Some(at);
            inner.open = false;
            for (id, row) in std::mem::take(&mut inner.pending) {
                inner.published.insert(id, (at, row));
            }
        }
    }

    /// The row of `id` as a committed batch ending at or after `at_least` wrote it.
    pub fn published(&self, id: &Uuid, at_least: Checkpoint) -> Option<Arc<R>> {
        let mut inner = self.lock();
        match inner.published.get(id) {
            Some((at, row)) if *at >= at_least => Some(Arc::clone(row)),
            _ => None,
        }
    }

    /// Forgets everything (the table was emptied).
    pub fn clear(&self) {
        let mut inner = self.lock();
        inner.rows.clear();
        inner.valid_at = None;
        inner.open = false;
        inner.pending.clear();
        inner.published.clear();
    }

    /// Takes the cached rows among `ids` out of the cache, to be changed and given back
    /// with [`RowCache::put`]; and the ids to read from the table. Taking is safe: a batch
    /// that fails before giving them back leaves the cache untrusted, so the next batch
    /// empties it.
    pub fn take(&self, ids: &[Uuid]) -> (HashMap<Uuid, R>, Vec<Uuid>) {
        let mut inner = self.lock();
        let mut found = HashMap::with_capacity(ids.len());
        let mut missing = Vec::new();
        for id in ids {
            match inner.rows.remove(id) {
                Some(row) => {
                    found.insert(*id, Arc::unwrap_or_clone(row));
                }
                None => missing.push(*id),
            }
        }
        (found, missing)
    }

    /// The open batch's rows, as it wrote them.
    pub fn put(&self, rows: impl IntoIterator<Item = (Uuid, R)>) {
        let mut inner = self.lock();
        if !inner.open {
            return;
        }
        for (id, row) in rows {
            let row = Arc::new(row);
            inner.rows.insert(id, Arc::clone(&row));
            inner.pending.push((id, row));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner<R>> {
        // Rows go in and out whole; a poisoned lock holds nothing half-done.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests;
