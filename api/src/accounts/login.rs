//! Signing in: throttled per source before the password is checked, timed the same for
//! unknown users, every attempt recorded; a source locked out is an event of the log.

use domain::access::Actor;
use domain::sign_in::{guard_id, Lockout, SignInCommand, SignInGuard};
use sqlx::Row;
use store::CommandContext;
use uuid::Uuid;

use super::access_log::{record, AccessKind, AccessRecord};
use super::password;
use super::sessions::{self, NewSession};
use super::throttle::{self, Crossing};
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
    let reservation = match throttle::reserve(pool, username, a.address).await {
        Ok(r) => r,
        Err(e) => {
            if e.code == Code::RateLimited {
                record(pool, log(AccessKind::LoginThrottled, None, None)).await?;
                metrics::counter!("sanad_logins_total", "outcome" => "throttled").increment(1);
            }
            return Err(e);
        }
    };
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
        let mut crossings = reservation.crossings;
        crossings.extend(throttle::account_failed(pool, username).await?);
        for crossing in &crossings {
            record_lockout(state, username, a.address, a.request_id, crossing).await;
        }
        return Err(ApiError::new(Code::Unauthenticated, "login.failed"));
    };
    throttle::succeeded(pool, username, a.address).await?;
    let agent = crate::ops::client::current().and_then(|c| c.user_agent);
    let origin = sessions::Origin {
        address: a.address,
        user_agent: agent.as_deref(),
    };
    let session = sessions::open(pool, user_id, origin).await?;
    record(pool, log(AccessKind::Login, Some(user_id), None)).await?;
    metrics::counter!("sanad_logins_total", "outcome" => "ok").increment(1);
    Ok((user_id, session))
}

/// Appends `SignInThrottled` for a source this failure locked out. A lost append costs
/// the alert, never the answer: the throttle itself already holds.
async fn record_lockout(
    state: &AppState,
    username: &str,
    address: &str,
    request_id: &str,
    crossing: &Crossing,
) {
    let actor = Actor::system("sign-in");
    let ctx = CommandContext::new(actor.clone(), None, request_id);
    let lockout = Lockout {
        username: username.to_lowercase(),
        address: address.to_string(),
        scope: crossing.scope.as_str().to_string(),
        failures: crossing.failures.max(0) as u32,
        until: crossing
            .until
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    };
    let command = SignInCommand::RecordThrottled { actor, lockout };
    let id = guard_id(username).to_string();
    if let Err(e) = state
        .store
        .execute::<SignInGuard>(&id, &ctx, command, &())
        .await
    {
        tracing::error!(request_id, error = %e, "sign-in lock-out not recorded");
    }
    metrics::counter!("sanad_sign_in_lockouts_total", "scope" => crossing.scope.as_str())
        .increment(1);
}
