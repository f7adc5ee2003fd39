//! Browser sessions: a random token in an HttpOnly cookie, a CSRF token for forms and
//! cookie-authenticated GraphQL mutations; they end on logout, after inactivity, or when
//! their holder (or a manager's password reset) ends them.

use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use uuid::Uuid;

use super::secrets::{digest, new_secret, SESSION_PREFIX};
use crate::errors::ApiResult;

pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
}

/// Where a session was opened from, as the person will recognise it in their list.
pub struct Origin<'a> {
    pub address: &'a str,
    pub user_agent: Option<&'a str>,
}

/// The most of a browser's self-description kept: enough to tell devices apart.
const MAX_USER_AGENT_CHARS: usize = 200;

pub async fn open(pool: &PgPool, user_id: Uuid, origin: Origin<'_>) -> ApiResult<NewSession> {
    let token = new_secret(SESSION_PREFIX);
    let csrf_token = new_secret("");
    let agent: Option<String> = origin.user_agent.map(|a| {
        a.chars()
            .filter(|c| !c.is_control())
            .take(MAX_USER_AGENT_CHARS)
            .collect()
    });
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, address, user_agent)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(digest(&token))
    .bind(user_id)
    .bind(&csrf_token)
    .bind(origin.address)
    .bind(agent)
    .execute(pool)
    .await?;
    Ok(NewSession { token, csrf_token })
}

pub async fn end(pool: &PgPool, token_hash: &str) -> ApiResult<()> {
    sqlx::query("UPDATE sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// A live session as its holder sees it listed (never its secret).
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub address: Option<String>,
    pub user_agent: Option<String>,
    /// The session this request came with.
    pub current: bool,
}

/// How long sessions live, from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct Lifetime {
    pub idle_minutes: i64,
    pub max_hours: i64,
}

/// `user_id`'s live sessions, most recently used first; `current` marks the one whose
/// digest is `current_hash`.
pub async fn list(
    pool: &PgPool,
    user_id: Uuid,
    current_hash: Option<&str>,
    life: Lifetime,
) -> ApiResult<Vec<SessionRecord>> {
    let rows = sqlx::query(
        "SELECT id, created_at, last_seen_at, address, user_agent,
                token_hash = $2 IS TRUE AS current
           FROM sessions
          WHERE user_id = $1 AND ended_at IS NULL
            AND last_seen_at > now() - make_interval(mins => $3)
            AND created_at > now() - make_interval(hours => $4)
          ORDER BY last_seen_at DESC LIMIT 200",
    )
    .bind(user_id)
    .bind(current_hash)
    .bind(life.idle_minutes as i32)
    .bind(life.max_hours as i32)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| -> ApiResult<SessionRecord> {
            Ok(SessionRecord {
                id: r.try_get("id")?,
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                address: r.try_get("address")?,
                user_agent: r.try_get("user_agent")?,
                current: r.try_get("current")?,
            })
        })
        .collect()
}

/// The ids of `user_id`'s sessions not yet ended: all of them, or only `only` (when it is
/// theirs), leaving out `keep` (the current one). Read before the event that names them.
pub async fn open_ids(
    pool: &PgPool,
    user_id: Uuid,
    only: Option<Uuid>,
    keep: Option<&str>,
) -> ApiResult<Vec<Uuid>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM sessions
          WHERE user_id = $1 AND ended_at IS NULL
            AND ($2::uuid IS NULL OR id = $2)
            AND ($3::text IS NULL OR token_hash <> $3)
          ORDER BY created_at",
    )
    .bind(user_id)
    .bind(only)
    .bind(keep)
    .fetch_all(pool)
    .await?)
}

/// Ends the sessions `ids` of `user_id` (already recorded as ended in the account's log).
pub async fn end_many(db: impl sqlx::PgExecutor<'_>, user_id: Uuid, ids: &[Uuid]) -> ApiResult<()> {
    sqlx::query(
        "UPDATE sessions SET ended_at = now()
          WHERE user_id = $1 AND id = ANY($2) AND ended_at IS NULL",
    )
    .bind(user_id)
    .bind(ids)
    .execute(db)
    .await?;
    Ok(())
}
