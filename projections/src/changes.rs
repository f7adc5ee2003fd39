//! Changes the database notifies and the projection watch hears: to who may act (sessions
//! ended, accounts disabled, memberships, organisations' standing) and to what providers
//! offer where. Counted, so that a cache (of signed-in actors, of offers) can tell whether
//! what it holds is still good: an entry made at one count is good only while the count
//! stays there.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// The channel the database's triggers notify (migration 000010).
pub const ACCESS_CHANNEL: &str = "sanad_access";

/// The channel notified when what a provider offers where changes (migration 000013):
/// counted the same way, for the cache of providers' offers.
pub const OFFERS_CHANNEL: &str = "sanad_offers";

/// What a committed batch changed that processes keep in memory: who may act (this
/// process's signed-in actors are then stale) and what providers offer where (its offers).
/// Every read model answers it through [`crate::Projection::batch_changes`], so the
/// projector has one question to ask whatever the read model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchChanges {
    pub access: bool,
    pub offers: bool,
}

impl BatchChanges {
    /// What either batch changed.
    pub fn and(self, other: BatchChanges) -> BatchChanges {
        BatchChanges {
            access: self.access || other.access,
            offers: self.offers || other.offers,
        }
    }
}

#[derive(Clone, Default)]
pub struct HeardChanges {
    count: Arc<AtomicU64>,
    /// Whether changes are heard: the watch listens on the channel. Until it does, and
    /// while its connection is down, a change could go unheard.
    heard: Arc<AtomicBool>,
}

impl HeardChanges {
    /// Something changed: whatever was cached before is stale.
    pub fn changed(&self) {
        self.count.fetch_add(1, Ordering::AcqRel);
    }

    /// The count now; `None` while changes could go unheard, when nothing may be cached.
    pub fn current(&self) -> Option<u64> {
        if self.heard.load(Ordering::Acquire) {
            Some(self.count.load(Ordering::Acquire))
        } else {
            None
        }
    }

    /// The watch listens (`true`) or lost its connection (`false`). Either way what was
    /// cached before may have missed a change.
    pub fn heard(&self, listening: bool) {
        if !listening {
            self.heard.store(false, Ordering::Release);
        }
        self.changed();
        if listening {
            self.heard.store(true, Ordering::Release);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_may_be_cached_until_changes_are_heard_nor_after_a_lost_connection() {
        let access = HeardChanges::default();
        assert_eq!(access.current(), None);
        access.heard(true);
        let first = access.current().expect("heard");
        access.changed();
        let second = access.current().expect("heard");
        assert_ne!(first, second, "a change moves the count");
        access.heard(false);
        assert_eq!(access.current(), None);
        access.heard(true);
        let third = access.current().expect("heard again");
        assert!(
            third != second,
            "a reconnect invalidates what was cached before"
        );
    }
}
