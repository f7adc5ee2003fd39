//! A value computed from the read models, kept until they move. The indicators are the
//! same for every Secretariat reader until the projector commits again; at rest, computing
//! them once serves every dashboard that opens meanwhile.
//!
//! Never older than what the reader could see: the value is filed under the checkpoint
//! observed *before* reading the tables, which hold that state or a later one.

use std::future::Future;
use std::sync::{Arc, Mutex};

use crate::{Checkpoint, ProjectionWatch};

pub struct AtCheckpoint<T> {
    slot: Mutex<Option<(Checkpoint, Arc<T>)>>,
}

impl<T> Default for AtCheckpoint<T> {
    fn default() -> Self {
        Self {
            slot: Mutex::new(None),
        }
    }
}

impl<T> AtCheckpoint<T> {
    /// The value as of the read models' current checkpoint, computed by `compute` when
    /// they moved since it was last computed. Without a watch (no projector to follow),
    /// computed every time.
    pub async fn get<E, F>(
        &self,
        watch: Option<&ProjectionWatch>,
        compute: impl FnOnce() -> F,
    ) -> Result<Arc<T>, E>
    where
        F: Future<Output = Result<T, E>>,
    {
        let Some(watch) = watch else {
            return compute().await.map(Arc::new);
        };
        let at = watch.current();
        if let Some((kept_at, value)) = self.lock().as_ref() {
            if *kept_at == at {
                return Ok(value.clone());
            }
        }
        let value = Arc::new(compute().await?);
        let mut slot = self.lock();
        // Keep the newest: a slower request that read at an older checkpoint must not
        // replace it.
        if slot.as_ref().is_none_or(|(kept_at, _)| *kept_at <= at) {
            *slot = Some((at, value.clone()));
        }
        Ok(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Checkpoint, Arc<T>)>> {
        // The slot is replaced whole; a poisoned lock holds nothing half-done.
        self.slot.lock().unwrap_or_else(|e| e.into_inner())
    }
}
