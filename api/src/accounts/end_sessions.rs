//! A person ends their own sessions: one from their list (a phone left signed in at the
//! office), or every one but the session they are using. Each ending is an event of the
//! account, written before the sessions stop working.

use domain::account::{AccountCommand, SessionsEndedBecause};
use store::CommandContext;
use uuid::Uuid;

use super::holder::{holder, run};
use super::principal::Principal;
use super::sessions;
use crate::errors::{ApiError, ApiResult, Code};
use crate::state::AppState;

/// Which sessions to end.
#[derive(Debug, Clone, Copy)]
pub enum Ending {
    One(Uuid),
    AllButCurrent,
}

/// Ends `p`'s sessions; answers how many ended (none is `NOT_FOUND` for one, 0 for all).
pub async fn end_sessions(
    state: &AppState,
    ctx: &CommandContext,
    p: &Principal,
    which: Ending,
) -> ApiResult<usize> {
    let current = p.session_digest();
    let (only, keep, because) = match which {
        Ending::One(id) => (Some(id), None, SessionsEndedBecause::EndedByHolder),
        Ending::AllButCurrent => (None, current, SessionsEndedBecause::OtherSessionsSignedOut),
    };
    let ids = sessions::open_ids(&state.pool, p.user_id, only, keep).await?;
    if ids.is_empty() {
        return match which {
            Ending::One(_) => {
                Err(ApiError::new(Code::NotFound, "account.no_session_to_end").field("id"))
            }
            Ending::AllButCurrent => Ok(0),
        };
    }
    let holder = holder(state, p.user_id).await?;
    let command = AccountCommand::EndSessions {
        actor: ctx.actor.clone(),
        holder,
        sessions: ids.clone(),
        because,
    };
    run(state, ctx, holder, command).await?;
    sessions::end_many(&state.pool, p.user_id, &ids).await?;
    state.accounts.session_cache.changed();
    Ok(ids.len())
}
