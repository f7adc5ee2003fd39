//! Human-friendly case numbers per office and year: `NRM-NI-2026-000123`. Unique,
//! gap-tolerant (a number taken by a refused command is skipped, never reused).

use chrono::Datelike;
use sqlx::PgPool;
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult, Code};

/// The case number of referral `referral_id`: the one it already has (the same command
/// asked again), else the office's next.
pub async fn for_referral(pool: &PgPool, office_id: Uuid, referral_id: Uuid) -> ApiResult<String> {
    let year = chrono::Utc::now().year();
    // One round trip: the referral's number if it has one, else the office's governorate
    // and its next number. The counter commits without waiting for the WAL flush: the
    // office's counter row is locked until commit, and every referral of the office passes
    // through it. Safe, because the referral's event commits synchronously afterwards, and
    // flushing the WAL up to that commit flushes this update too; a crash can only forget a
    // number no durable referral carries.
    let row: (Option<String>, Option<String>, Option<i64>) = sqlx::query_as(
        "WITH existing AS (
             SELECT case_number FROM referrals WHERE id = $3
         ), office AS (
             SELECT governorates[1] AS code FROM organizations WHERE id = $1 AND kind = 'nrm_office'
         ), counted AS (
             INSERT INTO case_number_counters (office_id, year, last)
             SELECT $1, $2, 1 FROM office, (SELECT set_config('synchronous_commit', 'off', true)) async_commit
              WHERE NOT EXISTS (SELECT 1 FROM existing)
             ON CONFLICT (office_id, year) DO UPDATE SET last = case_number_counters.last + 1
             RETURNING last
         )
         SELECT (SELECT case_number FROM existing), (SELECT code FROM office), (SELECT last FROM counted)",
    )
    .bind(office_id)
    .bind(year)
    .bind(referral_id)
    .fetch_one(pool)
    .await?;
    match row {
        (Some(existing), _, _) => Ok(existing),
        (None, Some(code), Some(n)) => {
            let short = code.trim_start_matches("IQ-");
            Ok(format!("NRM-{short}-{year}-{n:06}"))
        }
        _ => Err(ApiError::new(Code::Forbidden, "forbidden")),
    }
}
