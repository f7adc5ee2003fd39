//! Whose account a command is about, and running the account's commands: the holder's
//! organisation comes from the directory read model, so the domain's policy can tell one's
//! own account from a colleague's.

use domain::account::{Account, AccountCommand, AccountHolder};
use store::CommandContext;
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult, Code};
use crate::state::AppState;

/// The account `user_id` and its organisation; `account.not_found` when there is none.
pub async fn holder(state: &AppState, user_id: Uuid) -> ApiResult<AccountHolder> {
    let row: Option<(Uuid, Option<Uuid>)> = sqlx::query_as(
        "SELECT a.user_id, m.organization_id FROM accounts a
           LEFT JOIN organization_members m ON m.user_id = a.user_id
          WHERE a.user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(&state.pool)
    .await?;
    let (user_id, organization_id) = row
        .ok_or_else(|| ApiError::new(Code::NotFound, "account.not_found").arg("value", user_id))?;
    Ok(AccountHolder {
        user_id,
        organization_id,
    })
}

/// Appends the command's events to the holder's account (its id is the user id).
pub async fn run(
    state: &AppState,
    ctx: &CommandContext,
    holder: AccountHolder,
    command: AccountCommand,
) -> ApiResult<()> {
    state
        .execute::<Account>(&holder.user_id.to_string(), ctx, command)
        .await?;
    Ok(())
}
