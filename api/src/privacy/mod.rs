//! Personal data: sealed with a key of its own per person (XChaCha20-Poly1305), that key
//! wrapped by the master key and kept in `beneficiary_keys`, apart from the log. Erasure
//! deletes the key: the ciphertext stays in the log, hash links intact, and unreadable.

mod keys;
mod personal;

pub use keys::{KeyRing, DEV_MASTER_KEY};
pub use personal::PersonalData;
