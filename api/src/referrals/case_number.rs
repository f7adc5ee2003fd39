//! Human-friendly case numbers per office and year: `NRM-NI-2026-000123`. Unique,
//! gap-tolerant (a number taken by a refused command is skipped, never reused).
//!
//! The person's data key is stored in the same statement: both are taken before the
//! referral's `Create` command, and one round trip costs less than two.

use chrono::Datelike;
use domain::referral::Sealed;
use store::HeldConnections;
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult, Code};

/// What [`number_and_key`] found.
pub struct Numbered {
    pub case_number: String,
    /// The data key the referral has: `None` when the new one offered was stored; the
    /// wrapped key of an earlier try of the same command; or, when another request stored
    /// one concurrently, `Some(None)` (read it with `KeyRing::existing_key`).
    pub earlier_key: Option<Option<Sealed>>,
}

/// The case number of referral `referral_id`: the one it already has (the same command
/// asked again), else the office's next; and its data key, `new_key` (wrapped) unless it
/// has one.
pub async fn number_and_key(
    numbering: &HeldConnections,
    office_id: Uuid,
    referral_id: Uuid,
    new_key: &Sealed,
) -> ApiResult<Numbered> {
    let year = chrono::Utc::now().year();
    // The counter and the key commit without waiting for the WAL flush: the office's
    // counter row is locked until commit, and every referral of the office passes through
    // it. Safe, because the referral's event commits synchronously afterwards, and flushing
    // the WAL up to that commit flushes these rows too; a crash can only forget a number no
    // durable referral carries and a key that seals nothing. Nothing is taken for an
    // organisation that is not an NRM office.
    let mut conn = numbering.get().await?;
    #[allow(clippy::type_complexity)]
    let row: Result<(
        Option<String>,
        Option<String>,
        Option<i64>,
        bool,
        Option<String>,
        Option<String>,
    ), sqlx::Error> = sqlx::query_as(
        "WITH existing AS (
             SELECT case_number FROM referrals WHERE id = $3
         ), office AS MATERIALIZED (
             SELECT governorates[1] AS code, set_config('synchronous_commit', 'off', true) AS async_commit
               FROM organizations WHERE id = $1 AND kind = 'nrm_office'
         ), counted AS (
             INSERT INTO case_number_counters (office_id, year, last)
             SELECT $1, $2, 1 FROM office WHERE async_commit = 'off' AND NOT EXISTS (SELECT 1 FROM existing)
             ON CONFLICT (office_id, year) DO UPDATE SET last = case_number_counters.last + 1
             RETURNING last
         ), keyed AS (
             INSERT INTO beneficiary_keys (referral_id, nonce, wrapped_key)
             SELECT $3, $4, $5 FROM office WHERE async_commit = 'off'
             ON CONFLICT (referral_id) DO NOTHING
             RETURNING referral_id
         ), earlier AS (
             SELECT nonce, wrapped_key FROM beneficiary_keys WHERE referral_id = $3
         )
         SELECT (SELECT case_number FROM existing), (SELECT code FROM office), (SELECT last FROM counted),
                EXISTS (SELECT 1 FROM keyed), (SELECT nonce FROM earlier), (SELECT wrapped_key FROM earlier)",
    )
    .bind(office_id)
    .bind(year)
    .bind(referral_id)
    .bind(&new_key.nonce)
    .bind(&new_key.ciphertext)
    .fetch_one(&mut *conn)
    .await;
    let row = conn.settle(row)?;
    let (existing, code, counted, stored, nonce, wrapped) = row;
    let case_number = match (existing, code, counted) {
        (Some(existing), _, _) => existing,
        (None, Some(code), Some(n)) => {
            let short = code.trim_start_matches("IQ-");
            format!("NRM-{short}-{year}-{n:06}")
        }
        _ => return Err(ApiError::new(Code::Forbidden, "forbidden")),
    };
    let earlier_key = match (stored, nonce, wrapped) {
        (true, _, _) => None,
        (false, Some(nonce), Some(ciphertext)) => Some(Some(Sealed { nonce, ciphertext })),
        _ => Some(None),
    };
    Ok(Numbered {
        case_number,
        earlier_key,
    })
}
