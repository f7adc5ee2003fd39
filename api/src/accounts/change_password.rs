//! A person changes their own password: the current one is checked (throttled like a
//! sign-in, so a borrowed session cannot guess it), the new one meets the same rules as
//! any password, and the change is an event of the account before the new hash is stored.
//! They may end their other sessions in the same step.

use domain::account::AccountCommand;
use store::CommandContext;

use super::holder::{holder, run};
use super::principal::Principal;
use super::{password, sessions, throttle};
use crate::errors::{ApiError, ApiResult, Code};
use crate::state::AppState;

pub struct PasswordChange<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub end_other_sessions: bool,
    pub address: &'a str,
}

/// Changes `p`'s password; answers how many other sessions ended.
pub async fn change_own_password(
    state: &AppState,
    ctx: &CommandContext,
    p: &Principal,
    change: PasswordChange<'_>,
) -> ApiResult<usize> {
    password::validate(change.new).map_err(|e| e.field("newPassword"))?;
    let pool = &state.pool;
    throttle::reserve(pool, &p.username, change.address).await?;
    let stored: Option<String> =
        sqlx::query_scalar("SELECT password_hash FROM accounts WHERE user_id = $1")
            .bind(p.user_id)
            .fetch_optional(pool)
            .await?;
    if !password::verify(change.current.to_string(), stored).await {
        throttle::account_failed(pool, &p.username).await?;
        return Err(
            ApiError::new(Code::Validation, "account.wrong_password").field("currentPassword")
        );
    }
    throttle::succeeded(pool, &p.username, change.address).await?;
    let current_session = p.session_digest();
    let ended = if change.end_other_sessions {
        sessions::open_ids(pool, p.user_id, None, current_session).await?
    } else {
        Vec::new()
    };
    let hash = password::hash(change.new.to_string()).await?;
    let holder = holder(state, p.user_id).await?;
    let command = AccountCommand::ChangePassword {
        actor: ctx.actor.clone(),
        holder,
        ended_sessions: ended.clone(),
    };
    run(state, ctx, holder, command).await?;
    store_password(state, p.user_id, &hash, &ended).await?;
    Ok(ended.len())
}

/// Stores the new hash and ends the sessions the event named, in one transaction; the
/// other processes hear of the ended sessions from the database.
pub(super) async fn store_password(
    state: &AppState,
    user_id: uuid::Uuid,
    hash: &str,
    ended: &[uuid::Uuid],
) -> ApiResult<()> {
    let mut tx = state.pool.begin().await?;
    sqlx::query("UPDATE accounts SET password_hash = $2 WHERE user_id = $1")
        .bind(user_id)
        .bind(hash)
        .execute(&mut *tx)
        .await?;
    sessions::end_many(&mut *tx, user_id, ended).await?;
    tx.commit().await?;
    state.accounts.session_cache.changed();
    Ok(())
}
