//! A manager (or the command line) gives someone a new password: the account is enabled
//! again, every session of theirs ends and their sign-in throttle is cleared. The reset and
//! the ended sessions are events of the account, written before the new hash is stored.

use domain::access::{authorize_account, AccountOperation};
use domain::account::AccountCommand;
use store::CommandContext;
use uuid::Uuid;

use super::change_password::store_password;
use super::holder::{holder, run};
use super::{password, sessions, throttle};
use crate::errors::{ApiError, ApiResult};
use crate::state::AppState;

/// Resets `user_id`'s password to `new`; answers how many sessions ended.
pub async fn reset_password(
    state: &AppState,
    ctx: &CommandContext,
    user_id: Uuid,
    new: &str,
) -> ApiResult<usize> {
    password::validate(new).map_err(|e| e.field("newPassword"))?;
    let holder = holder(state, user_id).await?;
    // Asked before the slow hash; the aggregate asks again when it handles the command.
    authorize_account(
        &ctx.actor,
        AccountOperation::ResetPassword,
        holder.user_id,
        holder.organization_id,
    )
    .map_err(|_| ApiError::forbidden())?;
    let hash = password::hash(new.to_string()).await?;
    let ended = sessions::open_ids(&state.pool, user_id, None, None).await?;
    let command = AccountCommand::ResetPassword {
        actor: ctx.actor.clone(),
        holder,
        ended_sessions: ended.clone(),
    };
    run(state, ctx, holder, command).await?;
    store_password(state, user_id, &hash, &ended).await?;
    let mut tx = state.pool.begin().await?;
    sqlx::query("UPDATE accounts SET disabled = false WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    let username: String = sqlx::query_scalar("SELECT username FROM accounts WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?;
    throttle::clear_account(&mut tx, &username).await?;
    tx.commit().await?;
    Ok(ended.len())
}
