//! Human-friendly case numbers per office and year: `NRM-NI-2026-000123`. Unique,
//! gap-tolerant (a number taken by a refused command is skipped, never reused).

use chrono::Datelike;
use sqlx::PgPool;
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult, Code};

pub async fn next(pool: &PgPool, office_id: Uuid) -> ApiResult<String> {
    let year = chrono::Utc::now().year();
    // One round trip: the office's governorate and its next number. The counter commits
    // without waiting for the WAL flush: the office's counter row is locked until commit,
    // and every referral of the office passes through it. Safe, because the referral's
    // event commits synchronously afterwards, and flushing the WAL up to that commit
    // flushes this update too; a crash can only forget a number no durable referral
    // carries.
    let row: Option<(Option<String>, i64)> = sqlx::query_as(
        "WITH office AS (
             SELECT governorates[1] AS code FROM organizations WHERE id = $1 AND kind = 'nrm_office'
         ), counted AS (
             INSERT INTO case_number_counters (office_id, year, last)
             SELECT $1, $2, 1 FROM office, (SELECT set_config('synchronous_commit', 'off', true)) async_commit
             ON CONFLICT (office_id, year) DO UPDATE SET last = case_number_counters.last + 1
             RETURNING last
         )
         SELECT office.code, counted.last FROM office, counted",
    )
    .bind(office_id)
    .bind(year)
    .fetch_optional(pool)
    .await?;
    let Some((Some(code), n)) = row else {
        return Err(ApiError::new(Code::Forbidden, "forbidden"));
    };
    let short = code.trim_start_matches("IQ-");
    Ok(format!("NRM-{short}-{year}-{n:06}"))
}
