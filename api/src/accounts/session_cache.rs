//! Signed-in sessions and their actors, kept for the next requests of the same session:
//! looking them up was a database round trip on every request.
//!
//! An entry is good while nothing that could take a right away has happened since it was
//! read ([`HeardChanges`]: the database notifies logouts, disabled accounts, membership
//! and standing changes, whoever makes them), for at most [`MAX_AGE`], and never past the
//! session's own end (idle timeout or maximum age, as of the read). While changes could
//! go unheard (the watch is not listening), nothing is cached.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use projections::HeardChanges;

use super::session_row::SessionRow;

/// The longest an entry is used: the session's last-seen time is refreshed (at most once
/// a minute) only when it is read from the database.
pub const MAX_AGE: Duration = Duration::from_secs(30);

/// More entries than this and the stale ones are dropped (then all, if none was stale).
const CAPACITY: usize = 10_000;

struct Entry {
    count: u64,
    until: Instant,
    row: SessionRow,
}

pub struct SessionCache {
    access: Option<HeardChanges>,
    entries: Mutex<HashMap<String, Entry>>,
}

/// A miss, with what the entry made from its lookup needs.
pub struct Miss {
    count: Option<u64>,
}

impl SessionCache {
    /// Without `access` (no projection watch, so nobody hears changes) nothing is cached.
    pub fn new(access: Option<HeardChanges>) -> Self {
        Self {
            access,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn count(&self) -> Option<u64> {
        self.access.as_ref().and_then(HeardChanges::current)
    }

    /// The session's row if an entry is still good; otherwise what [`Self::put`] needs
    /// (taken before the database is read, so a change heard meanwhile voids the entry).
    pub fn get(&self, token_hash: &str) -> Result<SessionRow, Miss> {
        let count = self.count();
        let Some(now_count) = count else {
            return Err(Miss { count });
        };
        let Ok(entries) = self.entries.lock() else {
            return Err(Miss { count: None });
        };
        match entries.get(token_hash) {
            Some(e) if e.count == now_count && Instant::now() < e.until => Ok(e.row.clone()),
            _ => Err(Miss { count }),
        }
    }

    /// Keeps a row read from the database for `lifetime` (capped at [`MAX_AGE`]).
    pub fn put(&self, miss: Miss, token_hash: String, row: SessionRow, lifetime: Duration) {
        let Some(count) = miss.count else { return };
        if lifetime.is_zero() {
            return;
        }
        let now = Instant::now();
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= CAPACITY {
            let current = self.count();
            entries.retain(|_, e| Some(e.count) == current && now < e.until);
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        let until = now + lifetime.min(MAX_AGE);
        entries.insert(token_hash, Entry { count, until, row });
    }

    /// This process changed who may act (a logout): no entry made before is good, nor one
    /// being made from a read that may predate the change.
    pub fn changed(&self) {
        if let Some(access) = &self.access {
            access.changed();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    const LONG: Duration = Duration::from_secs(600);

    fn heard() -> HeardChanges {
        let access = HeardChanges::default();
        access.heard(true);
        access
    }

    fn kept(cache: &SessionCache, hash: &str) -> Option<Uuid> {
        cache.get(hash).ok().map(|row| row.user_id())
    }

    fn keep(cache: &SessionCache, hash: &str, user: Uuid, lifetime: Duration) {
        let miss = cache.get(hash).expect_err("not kept yet");
        cache.put(miss, hash.into(), SessionRow::for_tests(user), lifetime);
    }

    #[test]
    fn a_session_is_kept_until_who_may_act_changes() {
        let cache = SessionCache::new(Some(heard()));
        let user = Uuid::new_v4();
        keep(&cache, "a", user, LONG);
        assert_eq!(kept(&cache, "a"), Some(user));
        assert_eq!(kept(&cache, "b"), None, "only the session looked up");
        cache.changed();
        assert_eq!(kept(&cache, "a"), None);
    }

    #[test]
    fn nothing_is_kept_while_changes_could_go_unheard() {
        let user = Uuid::new_v4();
        let cache = SessionCache::new(None);
        let miss = cache.get("a").expect_err("nothing kept");
        cache.put(miss, "a".into(), SessionRow::for_tests(user), LONG);
        assert_eq!(kept(&cache, "a"), None, "no watch");

        let access = HeardChanges::default();
        let cache = SessionCache::new(Some(access.clone()));
        let miss = cache.get("a").expect_err("nothing kept");
        cache.put(miss, "a".into(), SessionRow::for_tests(user), LONG);
        access.heard(true);
        assert_eq!(kept(&cache, "a"), None, "read before the watch listened");

        keep(&cache, "a", user, LONG);
        access.heard(false);
        assert_eq!(kept(&cache, "a"), None, "the watch lost its connection");
    }

    #[test]
    fn a_lookup_that_may_predate_a_change_is_not_kept() {
        let cache = SessionCache::new(Some(heard()));
        let miss = cache.get("a").expect_err("nothing kept");
        // The database is read here; a logout commits and is heard meanwhile.
        cache.changed();
        cache.put(
            miss,
            "a".into(),
            SessionRow::for_tests(Uuid::new_v4()),
            LONG,
        );
        assert_eq!(kept(&cache, "a"), None);
    }

    #[test]
    fn a_session_is_kept_no_longer_than_it_lives_nor_than_the_cap() {
        let cache = SessionCache::new(Some(heard()));
        let user = Uuid::new_v4();
        keep(&cache, "ended", user, Duration::ZERO);
        assert_eq!(kept(&cache, "ended"), None);
        keep(&cache, "ending", user, Duration::from_millis(20));
        assert_eq!(kept(&cache, "ending"), Some(user));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(kept(&cache, "ending"), None, "its idle timeout passed");
        keep(&cache, "long", user, LONG);
        let until = cache.entries.lock().unwrap()["long"].until;
        assert!(until <= Instant::now() + MAX_AGE);
    }
}
