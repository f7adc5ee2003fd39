//! Sign-in guard: the lock-outs of the sign-in throttle, recorded per username by the
//! platform itself, so the Secretariat sees attacks in the log (`signInAlerts`). The
//! throttle's counters are not events (they change on every attempt and are forgotten
//! after a while); only a source crossing its limit is.

use cqrs_es::event_sink::EventSink;
use cqrs_es::{Aggregate, DomainEvent};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::access::{authorize_sign_in_record, AccessDenied, Actor};
use crate::error::{DomainError, ErrorCode};

/// The aggregate type under which sign-in guard events are stored.
pub const AGGREGATE_TYPE: &str = "SignInGuard";

/// The record of a username's lock-outs (usernames compare without case).
pub fn guard_id(username: &str) -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("sign-in:{}", username.trim().to_lowercase()).as_bytes(),
    )
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lockout {
    /// The username tried (it need not exist).
    pub username: String,
    /// The client address the attempts came from.
    pub address: String,
    /// `account_address` (this username from this address), `address` (any username), or
    /// `account` (this username from every address: an alert, nobody waits).
    pub scope: String,
    /// Failed checks counted for the source.
    pub failures: u32,
    /// When the source may try again (for `account`, when the alert was raised); RFC 3339.
    pub until: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SignInCommand {
    RecordThrottled { actor: Actor, lockout: Lockout },
}

impl crate::Command for SignInCommand {}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SignInEvent {
    SignInThrottled(Lockout),
}

impl DomainEvent for SignInEvent {
    fn event_type(&self) -> String {
        match self {
            Self::SignInThrottled(_) => "SignInThrottled".to_string(),
        }
    }

    fn event_version(&self) -> String {
        "1".to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignInError {
    #[error("{0}")]
    Forbidden(AccessDenied),
}

impl DomainError for SignInError {
    fn code(&self) -> ErrorCode {
        ErrorCode::Forbidden
    }

    fn key(&self) -> &'static str {
        "forbidden"
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SignInGuard {
    pub lockouts: u64,
}

impl Aggregate for SignInGuard {
    const TYPE: &'static str = AGGREGATE_TYPE;
    type Command = SignInCommand;
    type Event = SignInEvent;
    type Error = SignInError;
    type Services = ();

    async fn handle(
        &mut self,
        command: SignInCommand,
        _: &(),
        sink: &EventSink<Self>,
    ) -> Result<(), SignInError> {
        match command {
            SignInCommand::RecordThrottled { actor, lockout } => {
                // Only the platform's own throttle records lock-outs; nobody over the API.
                authorize_sign_in_record(&actor).map_err(SignInError::Forbidden)?;
                sink.write(SignInEvent::SignInThrottled(lockout), self)
                    .await;
                Ok(())
            }
        }
    }

    fn apply(&mut self, event: SignInEvent) {
        match event {
            SignInEvent::SignInThrottled(_) => self.lockouts += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use cqrs_es::test::TestFramework;

    use super::*;
    use crate::access::OrganizationStanding;
    use crate::values::{OrganizationKind, Role};

    fn lockout() -> Lockout {
        Lockout {
            username: "admin".into(),
            address: "203.0.113.7".into(),
            scope: "account_address".into(),
            failures: 5,
            until: "2026-12-04T21:00:30Z".into(),
        }
    }

    #[test]
    fn the_platform_records_a_lockout() {
        TestFramework::<SignInGuard>::with(())
            .given_no_previous_events()
            .when(SignInCommand::RecordThrottled {
                actor: Actor::system("sign-in"),
                lockout: lockout(),
            })
            .then_expect_events(vec![SignInEvent::SignInThrottled(lockout())]);
    }

    #[test]
    fn nobody_else_records_one_not_even_an_administrator() {
        let admin = Actor::member(
            Uuid::from_u128(1),
            "admin",
            Uuid::from_u128(2),
            OrganizationKind::Secretariat,
            Role::SecretariatAdmin,
            OrganizationStanding::Verified,
        );
        let result = TestFramework::<SignInGuard>::with(())
            .given_no_previous_events()
            .when(SignInCommand::RecordThrottled {
                actor: admin,
                lockout: lockout(),
            })
            .inspect_result();
        assert!(matches!(result, Err(SignInError::Forbidden(_))));
    }

    #[test]
    fn usernames_share_a_record_whatever_their_case() {
        assert_eq!(guard_id("Admin "), guard_id("admin"));
        assert_ne!(guard_id("admin"), guard_id("admin2"));
    }
}
