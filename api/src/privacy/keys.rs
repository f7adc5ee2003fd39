//! The master key and the per-person data keys it wraps.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use domain::referral::Sealed;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult};

/// Used only when `SANAD_MASTER_KEY` is not set, so that a demo runs; never in production.
pub const DEV_MASTER_KEY: &str = "73616e61642d646576656c6f706d656e742d6d61737465722d6b65792d303031";
const DEV_MASTER_BYTES: [u8; 32] = *b"sanad-development-master-key-001";

#[derive(Clone)]
pub struct KeyRing {
    master: XChaCha20Poly1305,
}

fn seal_with(cipher: &XChaCha20Poly1305, plain: &[u8]) -> ApiResult<Sealed> {
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let ciphertext = cipher
        .encrypt(&nonce, plain)
        .map_err(|_| ApiError::internal("encryption failed"))?;
    Ok(Sealed {
        nonce: hex::encode(nonce),
        ciphertext: hex::encode(ciphertext),
    })
}

fn open_with(cipher: &XChaCha20Poly1305, sealed: &Sealed) -> ApiResult<Vec<u8>> {
    let nonce = hex::decode(&sealed.nonce).map_err(|_| ApiError::internal("bad nonce"))?;
    if nonce.len() != 24 {
        return Err(ApiError::internal("bad nonce length"));
    }
    let ct = hex::decode(&sealed.ciphertext).map_err(|_| ApiError::internal("bad ciphertext"))?;
    cipher
        .decrypt(XNonce::from_slice(&nonce), ct.as_ref())
        .map_err(|_| ApiError::internal("decryption failed"))
}

impl KeyRing {
    /// From 64 hex characters (32 bytes).
    pub fn from_hex(master_hex: &str) -> Result<Self, String> {
        let bytes = hex::decode(master_hex.trim())
            .map_err(|_| "SANAD_MASTER_KEY must be 64 hex characters".to_string())?;
        let master = XChaCha20Poly1305::new_from_slice(&bytes)
            .map_err(|_| "SANAD_MASTER_KEY must be 32 bytes (64 hex characters)".to_string())?;
        Ok(Self { master })
    }

    pub fn development() -> Self {
        Self {
            master: XChaCha20Poly1305::new(&DEV_MASTER_BYTES.into()),
        }
    }

    /// A new data key for a person, and the same wrapped by the master key, to store
    /// (`referrals::case_number` stores it with the case number, in one statement).
    pub fn new_data_key(&self) -> ApiResult<(XChaCha20Poly1305, Sealed)> {
        let raw = XChaCha20Poly1305::generate_key(&mut OsRng);
        let wrapped = seal_with(&self.master, raw.as_slice())?;
        Ok((XChaCha20Poly1305::new(&raw), wrapped))
    }

    /// A stored data key, unwrapped.
    pub fn unwrap_data_key(&self, wrapped: &Sealed) -> ApiResult<XChaCha20Poly1305> {
        let raw = open_with(&self.master, wrapped)?;
        XChaCha20Poly1305::new_from_slice(&raw).map_err(|_| ApiError::internal("bad data key"))
    }

    /// The person's data key, or `None` once erased.
    pub async fn existing_key(
        &self,
        pool: &PgPool,
        referral_id: Uuid,
    ) -> ApiResult<Option<XChaCha20Poly1305>> {
        let row =
            sqlx::query("SELECT nonce, wrapped_key FROM beneficiary_keys WHERE referral_id = $1")
                .bind(referral_id)
                .fetch_optional(pool)
                .await?;
        let Some(row) = row else { return Ok(None) };
        let wrapped = Sealed {
            nonce: row.try_get("nonce")?,
            ciphertext: row.try_get("wrapped_key")?,
        };
        self.unwrap_data_key(&wrapped).map(Some)
    }

    /// Crypto-shredding: without the key, every sealed value of this person is noise.
    pub async fn shred(&self, pool: &PgPool, referral_id: Uuid) -> ApiResult<()> {
        sqlx::query("DELETE FROM beneficiary_keys WHERE referral_id = $1")
            .bind(referral_id)
            .execute(pool)
            .await?;
        Ok(())
    }

    pub fn seal(key: &XChaCha20Poly1305, plain: &[u8]) -> ApiResult<Sealed> {
        seal_with(key, plain)
    }

    pub fn open(key: &XChaCha20Poly1305, sealed: &Sealed) -> ApiResult<Vec<u8>> {
        open_with(key, sealed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_data_opens_only_with_its_own_key() {
        let a = XChaCha20Poly1305::new(&XChaCha20Poly1305::generate_key(&mut OsRng));
        let b = XChaCha20Poly1305::new(&XChaCha20Poly1305::generate_key(&mut OsRng));
        let sealed = KeyRing::seal(&a, "فاطمة".as_bytes()).unwrap();
        assert!(!sealed.ciphertext.contains(&hex::encode("فاطمة")));
        assert_eq!(KeyRing::open(&a, &sealed).unwrap(), "فاطمة".as_bytes());
        assert!(KeyRing::open(&b, &sealed).is_err());
        assert!(KeyRing::from_hex("abcd").is_err());
        assert!(KeyRing::from_hex(DEV_MASTER_KEY).is_ok());
        assert_eq!(hex::decode(DEV_MASTER_KEY).unwrap(), DEV_MASTER_BYTES);
    }
}
