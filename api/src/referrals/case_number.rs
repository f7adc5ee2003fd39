//! Human-friendly case numbers per office and year: `NRM-NI-2026-000123`. Unique,
//! gap-tolerant (a number taken by a refused command is skipped, never reused).

use chrono::Datelike;
use sqlx::PgPool;
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult, Code};

pub async fn next(pool: &PgPool, office_id: Uuid) -> ApiResult<String> {
    let governorates: Option<Vec<String>> = sqlx::query_scalar(
        "SELECT governorates FROM organizations WHERE id = $1 AND kind = 'nrm_office'",
    )
    .bind(office_id)
    .fetch_optional(pool)
    .await?;
    let code = governorates
        .and_then(|g| g.into_iter().next())
        .ok_or_else(|| ApiError::new(Code::Forbidden, "forbidden"))?;
    let year = chrono::Utc::now().year();
    // Committed without waiting for the WAL flush: the office's counter row is locked
    // until commit, and every referral of the office passes through it. Safe, because
    // the referral's event commits synchronously afterwards, and flushing the WAL up to
    // that commit flushes this update too; a crash can only forget a number no durable
    // referral carries.
    let n: i64 = sqlx::query_scalar(
        "INSERT INTO case_number_counters (office_id, year, last)
         SELECT $1, $2, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) async_commit
         ON CONFLICT (office_id, year) DO UPDATE SET last = case_number_counters.last + 1
         RETURNING last",
    )
    .bind(office_id)
    .bind(year)
    .fetch_one(pool)
    .await?;
    let short = code.trim_start_matches("IQ-");
    Ok(format!("NRM-{short}-{year}-{n:06}"))
}
