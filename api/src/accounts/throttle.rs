//! Sign-in throttling. Each attempt first reserves a password check on its sources —
//! the (account, address) pair and the address — in `sign_in_throttle`, under an
//! advisory lock per address, so however many attempts arrive at once no source gets
//! more checks than its limit; the row lives in the database, so every process behind a
//! load balancer agrees. Past the limit the source waits (`RATE_LIMITED` with the
//! seconds to wait, doubling with each further failure up to an hour) and its password
//! is not checked at all. The account itself is never locked: its owner signing in from
//! an address that has not failed is not slowed by an attack from elsewhere; failures
//! for the account from all addresses together only raise an alert. A right password
//! clears its pair and gives back its reservation on the address.

use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, Transaction};

use crate::errors::{ApiError, ApiResult, Code};

/// Failures are forgotten this long after a source's last attempt (or its wait).
pub const WINDOW_MINUTES: i64 = 15;
/// Password checks an (account, address) pair gets before it must wait.
pub const MAX_FAILURES_PER_ACCOUNT: i32 = 5;
/// Password checks an address gets, whatever the accounts, before it must wait.
pub const MAX_FAILURES_PER_ADDRESS: i32 = 30;
/// The first wait past a limit; each further failure doubles it.
pub const FIRST_DELAY_SECONDS: i64 = 30;
pub const MAX_DELAY_SECONDS: i64 = 3600;

/// Failures for one account from all addresses together that make an alert (and again
/// at twice as many, and so on); nobody is slowed by them.
pub const ACCOUNT_ALERT_FAILURES: i32 = 20;

/// Which source a limit is counted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    AccountAddress,
    Address,
    /// The account from every address: an alert only, never a wait.
    Account,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AccountAddress => "account_address",
            Self::Address => "address",
            Self::Account => "account",
        }
    }

    fn limit(self) -> i32 {
        match self {
            Self::AccountAddress => MAX_FAILURES_PER_ACCOUNT,
            Self::Address => MAX_FAILURES_PER_ADDRESS,
            Self::Account => ACCOUNT_ALERT_FAILURES,
        }
    }
}

/// A source this attempt brought to its limit: should the password be wrong, it waits
/// until `until`, and that is a lock-out to record.
#[derive(Debug, Clone)]
pub struct Crossing {
    pub scope: Scope,
    pub failures: i32,
    pub until: DateTime<Utc>,
}

/// A password check granted; what it crossed if it fails.
#[derive(Debug, Default)]
pub struct Reservation {
    pub crossings: Vec<Crossing>,
}

fn pair_key(username: &str, address: &str) -> String {
    format!("pair:{}|{address}", username.trim().to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// The wait after `failures` checks, `limit` of them free.
fn delay(failures: i32, limit: i32) -> chrono::Duration {
    let doublings = (failures - limit).clamp(0, 20) as u32;
    let seconds = FIRST_DELAY_SECONDS
        .saturating_mul(1_i64 << doublings)
        .min(MAX_DELAY_SECONDS);
    chrono::Duration::seconds(seconds)
}

async fn lock_address(tx: &mut Transaction<'_, Postgres>, address: &str) -> ApiResult<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind(format!("sanad:sign-in:{address}"))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Reserves one password check for `username` from `address`, or refuses with
/// `RATE_LIMITED` and the seconds to wait.
pub async fn reserve(pool: &PgPool, username: &str, address: &str) -> ApiResult<Reservation> {
    let mut tx = pool.begin().await?;
    lock_address(&mut tx, address).await?;
    let now: DateTime<Utc> = sqlx::query_scalar("SELECT now()")
        .fetch_one(&mut *tx)
        .await?;
    let sources = [
        (Scope::AccountAddress, pair_key(username, address)),
        (Scope::Address, address_key(address)),
    ];
    let window = chrono::Duration::minutes(WINDOW_MINUTES);
    let mut counted = Vec::with_capacity(2);
    let mut wait: Option<chrono::Duration> = None;
    for (scope, key) in &sources {
        let row: Option<(i32, DateTime<Utc>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT failures, last_attempt, blocked_until FROM sign_in_throttle WHERE key = $1",
        )
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        let failures = match row {
            Some((f, last, blocked)) if blocked.unwrap_or(last).max(last) + window > now => {
                if let Some(until) = blocked.filter(|b| *b > now && f >= scope.limit()) {
                    let left = until - now;
                    wait = Some(wait.map_or(left, |w| w.max(left)));
                }
                f
            }
            _ => 0,
        };
        counted.push((*scope, key, failures));
    }
    if let Some(left) = wait {
        tx.commit().await?;
        let seconds = (left.num_milliseconds() + 999) / 1000;
        return Err(
            ApiError::new(Code::RateLimited, "login.throttled").arg("seconds", seconds.max(1))
        );
    }
    let mut reservation = Reservation::default();
    for (scope, key, failures) in counted {
        let failures = failures + 1;
        let until = (failures >= scope.limit()).then(|| now + delay(failures, scope.limit()));
        sqlx::query(
            "INSERT INTO sign_in_throttle (key, failures, last_attempt, blocked_until)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (key) DO UPDATE
             SET failures = EXCLUDED.failures, last_attempt = EXCLUDED.last_attempt,
                 blocked_until = EXCLUDED.blocked_until",
        )
        .bind(key)
        .bind(failures)
        .bind(now)
        .bind(until)
        .execute(&mut *tx)
        .await?;
        if let Some(until) = until {
            reservation.crossings.push(Crossing {
                scope,
                failures,
                until,
            });
        }
    }
    tx.commit().await?;
    Ok(reservation)
}

/// Counts a wrong password against the account from any address (one atomic statement);
/// at `ACCOUNT_ALERT_FAILURES`, twice as many, four times, ... it is an attack spread over
/// addresses, to be told to the Secretariat.
pub async fn account_failed(pool: &PgPool, username: &str) -> ApiResult<Option<Crossing>> {
    let (failures, now): (i32, DateTime<Utc>) = sqlx::query_as(
        "INSERT INTO sign_in_throttle AS t (key, failures, last_attempt)
         VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE
         SET failures = CASE WHEN t.last_attempt < now() - make_interval(mins => $2) THEN 1
                             ELSE t.failures + 1 END,
             last_attempt = now()
         RETURNING failures, now()",
    )
    .bind(format!("account:{}", username.trim().to_lowercase()))
    .bind(WINDOW_MINUTES as i32)
    .fetch_one(pool)
    .await?;
    let multiple = failures / ACCOUNT_ALERT_FAILURES;
    let alert = failures % ACCOUNT_ALERT_FAILURES == 0 && (multiple & (multiple - 1)) == 0;
    Ok((failures > 0 && alert).then_some(Crossing {
        scope: Scope::Account,
        failures,
        until: now,
    }))
}

/// The right password: the pair starts afresh, and the address gets its check back.
pub async fn succeeded(pool: &PgPool, username: &str, address: &str) -> ApiResult<()> {
    let mut tx = pool.begin().await?;
    lock_address(&mut tx, address).await?;
    sqlx::query("DELETE FROM sign_in_throttle WHERE key = $1")
        .bind(pair_key(username, address))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE sign_in_throttle
         SET failures = greatest(failures - 1, 0),
             blocked_until = CASE WHEN failures - 1 < $2 THEN NULL ELSE blocked_until END
         WHERE key = $1",
    )
    .bind(address_key(address))
    .bind(MAX_FAILURES_PER_ADDRESS)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Forgets an account's failures from every address (the command line's password reset).
pub async fn clear_account(tx: &mut Transaction<'_, Postgres>, username: &str) -> ApiResult<()> {
    let prefix = pair_key(username, "");
    sqlx::query("DELETE FROM sign_in_throttle WHERE starts_with(key, $1) OR key = $2")
        .bind(prefix)
        .bind(format!("account:{}", username.trim().to_lowercase()))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Deletes the rows of sources whose failures are forgotten, every five minutes (each
/// `sanad serve` does; the statement is cheap and idempotent).
pub async fn forget_stale(pool: PgPool) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
    loop {
        tick.tick().await;
        let done = sqlx::query(
            "DELETE FROM sign_in_throttle
             WHERE greatest(last_attempt, coalesce(blocked_until, last_attempt))
                   < now() - make_interval(mins => $1)",
        )
        .bind(WINDOW_MINUTES as i32)
        .execute(&pool)
        .await;
        if let Err(e) = done {
            tracing::warn!(error = %e, "stale sign-in throttle rows not deleted");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_the_limit_and_is_capped() {
        assert_eq!(delay(5, 5).num_seconds(), 30);
        assert_eq!(delay(6, 5).num_seconds(), 60);
        assert_eq!(delay(8, 5).num_seconds(), 240);
        assert_eq!(delay(60, 5).num_seconds(), MAX_DELAY_SECONDS);
    }

    #[test]
    fn accounts_are_never_slowed() {
        assert_eq!(Scope::Account.limit(), ACCOUNT_ALERT_FAILURES);
        const { assert!(ACCOUNT_ALERT_FAILURES > MAX_FAILURES_PER_ACCOUNT) };
    }
}
