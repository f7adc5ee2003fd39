//! A person's own account: changing their password, ending their sessions; and a
//! manager's reset of a colleague's password. Each is an event in the account's history.

use async_graphql::{Context, Object, SimpleObject, ID};

use crate::accounts::change_password::{change_own_password, PasswordChange};
use crate::accounts::end_sessions::{end_sessions, Ending};
use crate::accounts::reset_password::reset_password;
use crate::graphql::common::command::{GqlResult, Sender};
use crate::graphql::common::context::req;

#[derive(Default)]
pub struct SelfServiceMutations;

#[derive(SimpleObject)]
pub struct PasswordChangedPayload {
    /// How many of your other sessions ended.
    pub other_sessions_ended: i32,
}

#[derive(SimpleObject)]
pub struct PasswordResetPayload {
    /// How many of the member's sessions ended.
    pub sessions_ended: i32,
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The longest password text looked at; longer is refused as too long without hashing.
const MAX_PASSWORD_BYTES: usize = 1024;

#[Object]
impl SelfServiceMutations {
    /// Changes your password. The current one is required (wrong guesses are throttled as
    /// sign-ins are); the new one follows the same rules as any password. With
    /// `endOtherSessions` (the default) every other session of yours ends.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current_password: String,
        new_password: String,
        #[graphql(default = true)] end_other_sessions: bool,
        command_id: Option<String>,
    ) -> GqlResult<PasswordChangedPayload> {
        let sender = Sender::new(ctx)?;
        let cc = sender.context(command_id);
        let current = truncated(&current_password);
        let change = PasswordChange {
            current,
            new: &new_password,
            end_other_sessions,
            address: &req(ctx).address,
        };
        let ended =
            sender.ok(change_own_password(sender.state, &cc, sender.principal(), change).await)?;
        Ok(PasswordChangedPayload {
            other_sessions_ended: count(ended),
        })
    }

    /// Ends one of your sessions (from `viewer.sessions`).
    async fn end_session(
        &self,
        ctx: &Context<'_>,
        id: ID,
        command_id: Option<String>,
    ) -> GqlResult<bool> {
        let sender = Sender::new(ctx)?;
        let id = sender.id(&id, "id")?;
        let cc = sender.context(command_id);
        sender.ok(end_sessions(sender.state, &cc, sender.principal(), Ending::One(id)).await)?;
        Ok(true)
    }

    /// Ends every session of yours but the one this request came with; answers how many.
    async fn end_other_sessions(
        &self,
        ctx: &Context<'_>,
        command_id: Option<String>,
    ) -> GqlResult<i32> {
        let sender = Sender::new(ctx)?;
        let cc = sender.context(command_id);
        let ended = sender.ok(end_sessions(
            sender.state,
            &cc,
            sender.principal(),
            Ending::AllButCurrent,
        )
        .await)?;
        Ok(count(ended))
    }

    /// Gives a member of your organisation a new password (managers; the Secretariat's
    /// administrator for anyone). Every session of theirs ends; hand the password over
    /// safely and ask them to change it.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        new_password: String,
        command_id: Option<String>,
    ) -> GqlResult<PasswordResetPayload> {
        let sender = Sender::new(ctx)?;
        let user = sender.id(&user_id, "userId")?;
        let cc = sender.context(command_id);
        let ended = sender.ok(reset_password(sender.state, &cc, user, &new_password).await)?;
        Ok(PasswordResetPayload {
            sessions_ended: count(ended),
        })
    }
}

/// A current password longer than any valid one cannot be right; it is checked cut to
/// length so a megabyte of text costs one ordinary hash.
fn truncated(s: &str) -> &str {
    if s.len() <= MAX_PASSWORD_BYTES {
        return s;
    }
    let mut end = MAX_PASSWORD_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
