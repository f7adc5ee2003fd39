//! What may be asked of an account. Each command names the actor and the account's holder
//! as the directory knows them now, so the policy can tell one's own account from a
//! colleague's; the API checks the secrets (the current password) before it asks.

use uuid::Uuid;

use super::SessionsEndedBecause;
use crate::access::Actor;

/// Whose account it is: the user and the organisation they belong to (none once removed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountHolder {
    pub user_id: Uuid,
    pub organization_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AccountCommand {
    /// The holder changed their own password (the API has checked the current one), ending
    /// `ended_sessions` (their other sessions, when they asked for it).
    ChangePassword {
        actor: Actor,
        holder: AccountHolder,
        ended_sessions: Vec<Uuid>,
    },
    /// A manager gave a colleague a new password; every session of theirs ends.
    ResetPassword {
        actor: Actor,
        holder: AccountHolder,
        ended_sessions: Vec<Uuid>,
    },
    /// Sessions ended by their holder (one from the list, or all but the current one).
    EndSessions {
        actor: Actor,
        holder: AccountHolder,
        sessions: Vec<Uuid>,
        because: SessionsEndedBecause,
    },
    CreateApiToken {
        actor: Actor,
        holder: AccountHolder,
        token_id: Uuid,
        name: String,
    },
    RevokeApiToken {
        actor: Actor,
        holder: AccountHolder,
        token_id: Uuid,
    },
}

impl AccountCommand {
    pub fn actor(&self) -> &Actor {
        match self {
            Self::ChangePassword { actor, .. }
            | Self::ResetPassword { actor, .. }
            | Self::EndSessions { actor, .. }
            | Self::CreateApiToken { actor, .. }
            | Self::RevokeApiToken { actor, .. } => actor,
        }
    }
}

// An account's log starts with whichever command comes first: accounts exist before their
// first event (they are made with the organisation's `MemberAdded`).
impl crate::Command for AccountCommand {}
