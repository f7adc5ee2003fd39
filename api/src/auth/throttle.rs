//! Login throttling, per account and per address, counted from the access log so that
//! every process behind a load balancer agrees.

use sqlx::PgPool;

use crate::errors::{ApiError, ApiResult, Code};

pub const WINDOW_MINUTES: i64 = 15;
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 30;

pub async fn check(pool: &PgPool, username: &str, address: &str) -> ApiResult<()> {
    let (by_account, by_address): (i64, i64) = sqlx::query_as(
        "SELECT
            (SELECT count(*) FROM access_log WHERE kind = 'login_failed' AND lower(username) = lower($1)
                AND at > now() - make_interval(mins => $3)),
            (SELECT count(*) FROM access_log WHERE kind = 'login_failed' AND address = $2
                AND at > now() - make_interval(mins => $3))",
    )
    .bind(username)
    .bind(address)
    .bind(WINDOW_MINUTES as i32)
    .fetch_one(pool)
    .await?;
    if by_account >= MAX_FAILURES_PER_ACCOUNT || by_address >= MAX_FAILURES_PER_ADDRESS {
        return Err(
            ApiError::new(Code::RateLimited, "login.throttled").arg("minutes", WINDOW_MINUTES)
        );
    }
    Ok(())
}
