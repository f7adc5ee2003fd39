//! Signing in: throttled, timed the same for unknown users, every attempt recorded.

use sqlx::Row;
use uuid::Uuid;

use super::access_log::{record, AccessKind, AccessRecord};
use super::sessions::{self, NewSession};
use super::{password, throttle};
use crate::errors::{ApiError, ApiResult, Code};
use crate::state::AppState;

pub struct Attempt<'a> {
    pub username: &'a str,
    pub password: &'a str,
    pub address: &'a str,
    pub request_id: &'a str,
}

pub async fn login(state: &AppState, a: Attempt<'_>) -> ApiResult<(Uuid, NewSession)> {
    let pool = &state.pool;
    let username = a.username.trim();
    let log = |kind, user_id, detail| AccessRecord {
        kind,
        username: Some(username),
        user_id,
        address: a.address,
        request_id: a.request_id,
        detail,
    };
    if let Err(e) = throttle::check(pool, username, a.address).await {
        if e.code == Code::RateLimited {
            record(pool, log(AccessKind::LoginThrottled, None, None)).await?;
        }
        return Err(e);
    }
    let row = sqlx::query(
        "SELECT user_id, password_hash, disabled FROM accounts WHERE lower(username) = lower($1)",
    )
    .bind(username)
    .fetch_optional(pool)
    .await?;
    let (user_id, hash) = match row {
        Some(r) if !r.try_get::<bool, _>("disabled")? => (
            Some(r.try_get::<Uuid, _>("user_id")?),
            Some(r.try_get::<String, _>("password_hash")?),
        ),
        _ => (None, None),
    };
    let ok = password::verify(a.password.to_string(), hash).await;
    let Some(user_id) = user_id.filter(|_| ok) else {
        record(pool, log(AccessKind::LoginFailed, user_id, None)).await?;
        metrics::counter!("sanad_logins_total", "outcome" => "failed").increment(1);
        return Err(ApiError::new(Code::Unauthenticated, "login.failed"));
    };
    let session = sessions::open(pool, user_id).await?;
    record(pool, log(AccessKind::Login, Some(user_id), None)).await?;
    metrics::counter!("sanad_logins_total", "outcome" => "ok").increment(1);
    Ok((user_id, session))
}
