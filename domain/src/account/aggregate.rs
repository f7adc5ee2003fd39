//! The account's state and its rules.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    AccountCommand as C, AccountError as E, AccountEvent as Ev, SessionsEndedBecause,
    MAX_SESSIONS_PER_COMMAND,
};
use crate::access::{authorize_account, AccountOperation, Actor};

use super::AccountHolder;

/// What the rules need to remember: the API tokens made through the log and whether each
/// was revoked. Tokens made before accounts had a log are unknown here; the API has checked
/// that such a token exists before it asks to revoke it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Account {
    pub tokens: BTreeMap<Uuid, bool>,
    pub password_changes: u32,
}

fn check(actor: &Actor, op: AccountOperation, holder: &AccountHolder) -> Result<(), E> {
    authorize_account(actor, op, holder.user_id, holder.organization_id).map_err(E::Forbidden)
}

fn ending(sessions: Vec<Uuid>, because: SessionsEndedBecause) -> Result<Option<Ev>, E> {
    if sessions.len() > MAX_SESSIONS_PER_COMMAND {
        return Err(E::TooManySessions {
            max: MAX_SESSIONS_PER_COMMAND,
        });
    }
    Ok((!sessions.is_empty()).then_some(Ev::SessionsEnded { sessions, because }))
}

impl Account {
    fn decide(&self, command: C) -> Result<Vec<Ev>, E> {
        match command {
            C::ChangePassword {
                actor,
                holder,
                ended_sessions,
            } => {
                check(&actor, AccountOperation::ChangeOwnPassword, &holder)?;
                let ended = ending(ended_sessions, SessionsEndedBecause::PasswordChanged)?;
                Ok(std::iter::once(Ev::PasswordChanged).chain(ended).collect())
            }
            C::ResetPassword {
                actor,
                holder,
                ended_sessions,
            } => {
                check(&actor, AccountOperation::ResetPassword, &holder)?;
                let ended = ending(ended_sessions, SessionsEndedBecause::PasswordReset)?;
                Ok(std::iter::once(Ev::PasswordReset).chain(ended).collect())
            }
            C::EndSessions {
                actor,
                holder,
                sessions,
                because,
            } => {
                check(&actor, AccountOperation::EndSessions, &holder)?;
                match ending(sessions, because)? {
                    Some(event) => Ok(vec![event]),
                    None => Err(E::NoSessionToEnd),
                }
            }
            C::CreateApiToken {
                actor,
                holder,
                token_id,
                name,
            } => {
                check(&actor, AccountOperation::CreateApiToken, &holder)?;
                if self.tokens.contains_key(&token_id) {
                    return Err(E::TokenExists);
                }
                Ok(vec![Ev::ApiTokenCreated { token_id, name }])
            }
            C::RevokeApiToken {
                actor,
                holder,
                token_id,
            } => {
                check(&actor, AccountOperation::RevokeApiToken, &holder)?;
                if self.tokens.get(&token_id) == Some(&true) {
                    return Err(E::TokenAlreadyRevoked);
                }
                Ok(vec![Ev::ApiTokenRevoked { token_id }])
            }
        }
    }

    fn evolve(&mut self, event: Ev) {
        match event {
            Ev::PasswordChanged | Ev::PasswordReset => self.password_changes += 1,
            Ev::SessionsEnded { .. } => {}
            Ev::ApiTokenCreated { token_id, .. } => {
                self.tokens.insert(token_id, false);
            }
            Ev::ApiTokenRevoked { token_id } => {
                self.tokens.insert(token_id, true);
            }
        }
    }
}

crate::decide::aggregate!(Account, super::AGGREGATE_TYPE, C, Ev, E);
