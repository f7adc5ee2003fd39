//! Given/when/then tests for every rule of the account aggregate.

use cqrs_es::test::TestFramework;
use uuid::Uuid;

use super::*;
use crate::access::{Actor, OrganizationStanding};
use crate::values::{OrganizationKind, Role};

type Fx = TestFramework<Account>;

const ORG: Uuid = Uuid::from_u128(0xA);
const HOLDER: Uuid = Uuid::from_u128(1);
const MANAGER: Uuid = Uuid::from_u128(2);
const TOKEN: Uuid = Uuid::from_u128(0x70);
const S1: Uuid = Uuid::from_u128(0x51);
const S2: Uuid = Uuid::from_u128(0x52);

fn in_org(user: Uuid, role: Role) -> Actor {
    Actor::member(
        user,
        "someone",
        ORG,
        OrganizationKind::Ngo,
        role,
        OrganizationStanding::Verified,
    )
}

fn holder() -> AccountHolder {
    AccountHolder {
        user_id: HOLDER,
        organization_id: Some(ORG),
    }
}

fn me() -> Actor {
    in_org(HOLDER, Role::ProviderStaff)
}

fn code(e: AccountError) -> &'static str {
    use crate::DomainError;
    e.key()
}

#[test]
fn a_holder_changes_their_password_and_ends_the_sessions_they_named() {
    Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::ChangePassword {
            actor: me(),
            holder: holder(),
            ended_sessions: vec![S1, S2],
        })
        .then_expect_events(vec![
            AccountEvent::PasswordChanged,
            AccountEvent::SessionsEnded {
                sessions: vec![S1, S2],
                because: SessionsEndedBecause::PasswordChanged,
            },
        ]);
}

#[test]
fn changing_a_password_with_no_other_session_records_only_the_change() {
    Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::ChangePassword {
            actor: me(),
            holder: holder(),
            ended_sessions: vec![],
        })
        .then_expect_events(vec![AccountEvent::PasswordChanged]);
}

#[test]
fn nobody_changes_someone_elses_password_as_if_it_were_theirs() {
    Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::ChangePassword {
            actor: in_org(MANAGER, Role::ProviderCoordinator),
            holder: holder(),
            ended_sessions: vec![],
        })
        .then_expect_error_message("someone may not ChangeOwnPassword: not on this account");
}

#[test]
fn a_manager_resets_a_colleagues_password_ending_every_session() {
    Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::ResetPassword {
            actor: in_org(MANAGER, Role::ProviderCoordinator),
            holder: holder(),
            ended_sessions: vec![S1],
        })
        .then_expect_events(vec![
            AccountEvent::PasswordReset,
            AccountEvent::SessionsEnded {
                sessions: vec![S1],
                because: SessionsEndedBecause::PasswordReset,
            },
        ]);
}

#[test]
fn staff_cannot_reset_a_colleagues_password() {
    let result = Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::ResetPassword {
            actor: in_org(MANAGER, Role::ProviderStaff),
            holder: holder(),
            ended_sessions: vec![],
        })
        .inspect_result();
    assert!(matches!(result, Err(AccountError::Forbidden(_))));
}

#[test]
fn a_holder_ends_one_of_their_sessions() {
    Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::EndSessions {
            actor: me(),
            holder: holder(),
            sessions: vec![S2],
            because: SessionsEndedBecause::EndedByHolder,
        })
        .then_expect_events(vec![AccountEvent::SessionsEnded {
            sessions: vec![S2],
            because: SessionsEndedBecause::EndedByHolder,
        }]);
}

#[test]
fn ending_no_session_is_refused() {
    let result = Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::EndSessions {
            actor: me(),
            holder: holder(),
            sessions: vec![],
            because: SessionsEndedBecause::OtherSessionsSignedOut,
        })
        .inspect_result();
    assert_eq!(result.map_err(code), Err("account.no_session_to_end"));
}

#[test]
fn ending_too_many_sessions_at_once_is_refused() {
    let sessions = (0..=MAX_SESSIONS_PER_COMMAND as u128)
        .map(Uuid::from_u128)
        .collect();
    let result = Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::EndSessions {
            actor: me(),
            holder: holder(),
            sessions,
            because: SessionsEndedBecause::OtherSessionsSignedOut,
        })
        .inspect_result();
    assert_eq!(result.map_err(code), Err("account.too_many_sessions"));
}

#[test]
fn a_token_is_made_once_and_revoked_once() {
    let created = AccountEvent::ApiTokenCreated {
        token_id: TOKEN,
        name: "reporting".into(),
    };
    Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::CreateApiToken {
            actor: me(),
            holder: holder(),
            token_id: TOKEN,
            name: "reporting".into(),
        })
        .then_expect_events(vec![created.clone()]);
    let again = Fx::with(())
        .given(vec![created.clone()])
        .when(AccountCommand::CreateApiToken {
            actor: me(),
            holder: holder(),
            token_id: TOKEN,
            name: "reporting".into(),
        })
        .inspect_result();
    assert_eq!(again.map_err(code), Err("account.token_exists"));
    Fx::with(())
        .given(vec![created.clone()])
        .when(AccountCommand::RevokeApiToken {
            actor: me(),
            holder: holder(),
            token_id: TOKEN,
        })
        .then_expect_events(vec![AccountEvent::ApiTokenRevoked { token_id: TOKEN }]);
    let twice = Fx::with(())
        .given(vec![
            created,
            AccountEvent::ApiTokenRevoked { token_id: TOKEN },
        ])
        .when(AccountCommand::RevokeApiToken {
            actor: me(),
            holder: holder(),
            token_id: TOKEN,
        })
        .inspect_result();
    assert_eq!(twice.map_err(code), Err("account.token_already_revoked"));
}

#[test]
fn a_token_made_before_accounts_had_a_log_can_be_revoked() {
    Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::RevokeApiToken {
            actor: me(),
            holder: holder(),
            token_id: TOKEN,
        })
        .then_expect_events(vec![AccountEvent::ApiTokenRevoked { token_id: TOKEN }]);
}

#[test]
fn the_administrator_revokes_anyones_token_and_a_colleague_cannot() {
    let elsewhere = AccountHolder {
        user_id: HOLDER,
        organization_id: Some(Uuid::from_u128(0xB)),
    };
    let admin = Actor::member(
        MANAGER,
        "admin",
        Uuid::from_u128(0x5EC),
        OrganizationKind::Secretariat,
        Role::SecretariatAdmin,
        OrganizationStanding::Verified,
    );
    Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::RevokeApiToken {
            actor: admin,
            holder: elsewhere,
            token_id: TOKEN,
        })
        .then_expect_events(vec![AccountEvent::ApiTokenRevoked { token_id: TOKEN }]);
    let result = Fx::with(())
        .given_no_previous_events()
        .when(AccountCommand::RevokeApiToken {
            actor: in_org(MANAGER, Role::ProviderCoordinator),
            holder: holder(),
            token_id: TOKEN,
        })
        .inspect_result();
    assert!(matches!(result, Err(AccountError::Forbidden(_))));
}

#[test]
fn the_state_counts_password_changes_and_remembers_tokens() {
    let mut account = Account::default();
    use cqrs_es::Aggregate;
    account.apply(AccountEvent::PasswordChanged);
    account.apply(AccountEvent::PasswordReset);
    account.apply(AccountEvent::ApiTokenCreated {
        token_id: TOKEN,
        name: "x".into(),
    });
    assert_eq!(account.password_changes, 2);
    assert_eq!(account.tokens.get(&TOKEN), Some(&false));
}
