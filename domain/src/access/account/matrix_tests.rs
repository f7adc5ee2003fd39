//! The accounts' matrix: every role × every operation × every relation to the holder,
//! written out.

use uuid::Uuid;

use super::{account_relation, authorize_account, AccountOperation as Op, AccountRelation as Rel};
use crate::access::test_actors::{member, no_role};
use crate::access::{Actor, OrganizationStanding};
use crate::values::Role::{self, *};

const EVERYONE: &[Role] = &Role::ALL;
const NOBODY: &[Role] = &[];
const MANAGERS: &[Role] = &[
    SecretariatAdmin,
    NrmSupervisor,
    ProviderCoordinator,
    Employer,
];
const ADMIN: &[Role] = &[SecretariatAdmin];
const MANAGERS_AND_AUDITOR: &[Role] = &[
    SecretariatAdmin,
    SecretariatAuditor,
    NrmSupervisor,
    ProviderCoordinator,
    Employer,
];
const ADMIN_AND_AUDITOR: &[Role] = &[SecretariatAdmin, SecretariatAuditor];

/// Who may: on their own account, on a colleague's, on anyone else's.
fn allowed(op: Op) -> [&'static [Role]; 3] {
    match op {
        Op::ChangeOwnPassword => [EVERYONE, NOBODY, NOBODY],
        Op::ResetPassword => [NOBODY, MANAGERS, ADMIN],
        Op::EndSessions => [EVERYONE, NOBODY, NOBODY],
        Op::ViewSessions => [EVERYONE, NOBODY, NOBODY],
        Op::CreateApiToken => [EVERYONE, NOBODY, NOBODY],
        Op::RevokeApiToken => [EVERYONE, ADMIN, ADMIN],
        Op::ViewAccountHistory => [EVERYONE, MANAGERS_AND_AUDITOR, ADMIN_AND_AUDITOR],
    }
}

const ORG: Uuid = Uuid::from_u128(1);
const ELSEWHERE: Uuid = Uuid::from_u128(2);
const COLLEAGUE: Uuid = Uuid::from_u128(3);

/// The holder and their organisation for `actor` standing in `rel` to them.
fn holder(actor: &Actor, rel: Rel) -> (Uuid, Option<Uuid>) {
    match rel {
        Rel::Own => (actor.user_id.unwrap(), actor.org_id),
        Rel::Colleague => (COLLEAGUE, actor.org_id),
        Rel::Other => (COLLEAGUE, Some(ELSEWHERE)),
    }
}

#[test]
fn every_role_every_operation_every_relation() {
    for op in Op::ALL {
        for (i, rel) in Rel::ALL.into_iter().enumerate() {
            for role in Role::ALL {
                let actor = member(role, ORG, OrganizationStanding::Verified);
                let (user, org) = holder(&actor, rel);
                assert_eq!(account_relation(&actor, user, org), rel);
                assert_eq!(
                    authorize_account(&actor, op, user, org).is_ok(),
                    allowed(op)[i].contains(&role),
                    "{role:?} {op:?} {rel:?}"
                );
            }
        }
    }
}

#[test]
fn the_gate_refuses_the_suspended_and_the_roleless_and_lets_the_system_through() {
    for op in Op::ALL {
        for rel in Rel::ALL {
            let suspended = member(SecretariatAdmin, ORG, OrganizationStanding::Suspended);
            let (user, org) = holder(&suspended, rel);
            assert!(authorize_account(&suspended, op, user, org).is_err());
            let nobody = no_role();
            assert!(authorize_account(&nobody, op, nobody.user_id.unwrap(), None).is_err());
            let system = Actor::system("cli");
            assert!(authorize_account(&system, op, COLLEAGUE, Some(ORG)).is_ok());
        }
    }
}

#[test]
fn someone_removed_from_every_organisation_is_nobodys_colleague() {
    let actor = member(NrmSupervisor, ORG, OrganizationStanding::Verified);
    assert_eq!(account_relation(&actor, COLLEAGUE, None), Rel::Other);
    assert!(authorize_account(&actor, Op::ResetPassword, COLLEAGUE, None).is_err());
}
