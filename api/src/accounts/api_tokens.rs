//! Bearer API tokens for integrations: shown once at creation, stored hashed, revocable;
//! making and revoking one are events of the account.

use sqlx::PgPool;
use uuid::Uuid;

use domain::access::{authorize_account, AccountOperation};
use domain::account::AccountCommand;
use store::CommandContext;

use super::holder::{holder, run};
use super::secrets::{digest, new_secret, TOKEN_PREFIX};
use crate::errors::{ApiError, ApiResult, Code};
use crate::state::AppState;

pub const MAX_TOKEN_NAME_CHARS: usize = 100;

pub struct NewToken {
    pub id: Uuid,
    pub token: String,
}

/// Makes a token for the actor of `ctx` (`user_id`); its making is an event of the account.
pub async fn create(
    state: &AppState,
    ctx: &CommandContext,
    user_id: Uuid,
    name: &str,
) -> ApiResult<NewToken> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::validation("input.name_empty", "name"));
    }
    if name.chars().count() > MAX_TOKEN_NAME_CHARS {
        return Err(ApiError::validation("input.too_long", "name").arg("max", MAX_TOKEN_NAME_CHARS));
    }
    // The same command sent twice makes one token: the second is told it exists (its
    // secret was shown once, to the first).
    let id = Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("api-token:{user_id}:{}", ctx.command_id).as_bytes(),
    );
    let exists: Option<Uuid> = sqlx::query_scalar("SELECT id FROM api_tokens WHERE id = $1")
        .bind(id)
        .fetch_optional(&state.pool)
        .await?;
    if exists.is_some() {
        return Err(ApiError::new(Code::Conflict, "account.token_exists"));
    }
    let token = new_secret(TOKEN_PREFIX);
    let holder = holder(state, user_id).await?;
    let command = AccountCommand::CreateApiToken {
        actor: ctx.actor.clone(),
        holder,
        token_id: id,
        name: name.to_string(),
    };
    run(state, ctx, holder, command).await?;
    sqlx::query("INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(user_id)
        .bind(name)
        .bind(digest(&token))
        .execute(&state.pool)
        .await?;
    Ok(NewToken { id, token })
}

/// Revokes token `id`: the actor's own, or (for the Secretariat's administrator) anyone's.
/// Someone else's token is `NOT_FOUND` to those who may not revoke it, as if it did not
/// exist.
pub async fn revoke(state: &AppState, ctx: &CommandContext, id: Uuid) -> ApiResult<()> {
    let not_found = || ApiError::new(Code::NotFound, "token.not_found").field("id");
    let owner: Option<Uuid> =
        sqlx::query_scalar("SELECT user_id FROM api_tokens WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .fetch_optional(&state.pool)
            .await?;
    let holder = holder(state, owner.ok_or_else(not_found)?).await?;
    authorize_account(
        &ctx.actor,
        AccountOperation::RevokeApiToken,
        holder.user_id,
        holder.organization_id,
    )
    .map_err(|_| not_found())?;
    let command = AccountCommand::RevokeApiToken {
        actor: ctx.actor.clone(),
        holder,
        token_id: id,
    };
    run(state, ctx, holder, command).await?;
    sqlx::query("UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
        .bind(id)
        .execute(&state.pool)
        .await?;
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
