//! Fresh command ids (idempotency keys) for the forms that run commands. Each form
//! carries its own id in a hidden field, so submitting the same form twice runs the
//! command once. Ids are UUID-shaped (version 4 layout) and mix the clock, a counter
//! and the process's random hasher keys; no extra crate needed.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Generator of command ids.
#[derive(Debug, Default)]
pub struct CommandIds {
    counter: AtomicU64,
    keys: RandomState,
}

impl CommandIds {
    /// A new id such as `3f2a9c1e-7b4d-4e0a-9c3b-5d6e7f8a9b0c`.
    pub fn next(&self) -> String {
        let count = self.counter.fetch_add(1, Ordering::Relaxed);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let half = |salt: u64| {
            let mut hasher = self.keys.build_hasher();
            hasher.write_u64(salt);
            hasher.write_u128(nanos);
            hasher.write_u64(count);
            hasher.finish()
        };
        let bits = (u128::from(half(0x5a4ad)) << 64) | u128::from(half(0x5e_ed));
        // Version 4, variant 10xx, as in a random UUID.
        let bits = (bits & !(0xf << 76)) | (0x4 << 76);
        let bits = (bits & !(0x3 << 62)) | (0x2 << 62);
        let hex = format!("{bits:032x}");
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_and_uuid_shaped() {
        let ids = CommandIds::default();
        let a = ids.next();
        let b = ids.next();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
