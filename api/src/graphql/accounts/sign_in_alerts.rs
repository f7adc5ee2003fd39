//! Sign-in alerts: the sources of sign-in attempts the throttle locked out.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::SimpleObject;
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::PgPool;

use crate::audit::history;
use crate::errors::ApiResult;
use crate::graphql::common::cursor;

/// A source of sign-in attempts locked out by the throttle (`SignInThrottled`).
#[derive(SimpleObject, Clone, Debug)]
pub struct SignInAlert {
    /// Position in the global log.
    pub position: i64,
    pub occurred_at: DateTime<Utc>,
    /// The username tried (it need not exist).
    pub username: String,
    /// The client address the attempts came from.
    pub address: String,
    /// `account_address` (this username from this address), `address` (any username), or
    /// `account` (this username from every address: an alert, nobody waits).
    pub scope: String,
    /// Failed password checks counted for the source.
    pub failures: i32,
    /// When the source may try again (for `account`, when the alert was raised).
    pub until: DateTime<Utc>,
}

pub type SignInAlertPage = Connection<String, SignInAlert, EmptyFields, EmptyFields>;

/// The sign-in lock-outs, newest first.
pub async fn sign_in_alerts(
    pool: &PgPool,
    first: Option<i32>,
    after: Option<String>,
) -> ApiResult<SignInAlertPage> {
    let limit = cursor::page_size(first)?;
    let before: i64 = cursor::after(after.as_deref())?.unwrap_or(i64::MAX);
    let rows =
        history::kind_events(pool, domain::sign_in::AGGREGATE_TYPE, before, limit + 1).await?;
    cursor::page(rows, limit, after.is_some(), EmptyFields, |_, row| {
        let (position, payload, metadata) = row;
        let Ok(domain::sign_in::SignInEvent::SignInThrottled(l)) =
            serde_json::from_value::<domain::sign_in::SignInEvent>(payload)
        else {
            return Ok(None);
        };
        let time = |t: Option<&str>| {
            t.and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or_default()
        };
        let alert = SignInAlert {
            position,
            occurred_at: time(metadata.get("occurred_at").and_then(Value::as_str)),
            username: l.username,
            address: l.address,
            scope: l.scope,
            failures: i32::try_from(l.failures).unwrap_or(i32::MAX),
            until: time(Some(&l.until)),
        };
        Ok(Some((cursor::encode(&position), alert)))
    })
}
