//! Bearer API tokens for integrations: shown once at creation, stored hashed, revocable.

use sqlx::PgPool;
use uuid::Uuid;

use super::secrets::{digest, new_secret, TOKEN_PREFIX};
use crate::errors::{ApiError, ApiResult, Code};

pub const MAX_TOKEN_NAME_CHARS: usize = 100;

pub struct NewToken {
    pub id: Uuid,
    pub token: String,
}

pub async fn create(pool: &PgPool, user_id: Uuid, name: &str) -> ApiResult<NewToken> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::validation("input.name_empty", "name"));
    }
    if name.chars().count() > MAX_TOKEN_NAME_CHARS {
        return Err(ApiError::validation("input.too_long", "name").arg("max", MAX_TOKEN_NAME_CHARS));
    }
    let id = Uuid::new_v4();
    let token = new_secret(TOKEN_PREFIX);
    sqlx::query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(user_id)
        .bind(name)
        .bind(digest(&token))
        .execute(pool)
        .await?;
    Ok(NewToken { id, token })
}

/// Revokes one of `user_id`'s tokens (or anyone's, for `any_user`).
pub async fn revoke(pool: &PgPool, user_id: Uuid, id: Uuid, any_user: bool) -> ApiResult<()> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = now()
          WHERE id = $1 AND revoked_at IS NULL AND ($3 OR user_id = $2)",
    )
    .bind(id)
    .bind(user_id)
    .bind(any_user)
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(ApiError::new(Code::NotFound, "token.not_found").field("id"));
    }
    Ok(())
}

/// A token as its owner sees it listed (never its secret).
#[derive(Debug, Clone)]
pub struct TokenRecord {
    pub id: Uuid,
    pub name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The tokens `user_id` made, newest first.
pub async fn list(pool: &PgPool, user_id: Uuid) -> ApiResult<Vec<TokenRecord>> {
    use sqlx::Row;
    let rows = sqlx::query(
        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens
              WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| -> ApiResult<TokenRecord> {
            Ok(TokenRecord {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                created_at: r.try_get("created_at")?,
                last_used_at: r.try_get("last_used_at")?,
                revoked_at: r.try_get("revoked_at")?,
            })
        })
        .collect()
}
