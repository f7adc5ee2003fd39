//! Random bearer secrets. Only their SHA-256 is stored, so a leaked table grants nothing.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new secret with a readable prefix (`sanad_s_` sessions, `sanad_t_` API tokens).
pub fn new_secret(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("{prefix}{}", hex::encode(bytes))
}

pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

pub const SESSION_PREFIX: &str = "sanad_s_";
pub const TOKEN_PREFIX: &str = "sanad_t_";
