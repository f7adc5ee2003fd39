//! Browser sessions: a random token in an HttpOnly cookie, a CSRF token for forms and
//! cookie-authenticated GraphQL mutations; they end on logout or after inactivity.

use sqlx::PgPool;
use uuid::Uuid;

use super::secrets::{digest, new_secret, SESSION_PREFIX};
use crate::errors::ApiResult;

pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
}

pub async fn open(pool: &PgPool, user_id: Uuid) -> ApiResult<NewSession> {
    let token = new_secret(SESSION_PREFIX);
    let csrf_token = new_secret("");
    sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf_token) VALUES ($1, $2, $3)")
        .bind(digest(&token))
        .bind(user_id)
        .bind(&csrf_token)
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
