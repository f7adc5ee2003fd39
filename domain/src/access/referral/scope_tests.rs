//! Which referrals each role's lists, board and queue hold, written out per role. What the
//! gate decides is tested in `gate_tests.rs`.

use uuid::Uuid;

use crate::access::test_actors::member;
use crate::access::{
    action_queue, referral_board, referral_scope, ActionQueue, Actor, OrganizationStanding,
    ReferralScope,
};
use crate::values::{OrganizationKind, Role};

const ORG: Uuid = Uuid::from_u128(1);

fn expected_scope(role: Role) -> Option<ReferralScope> {
    match role {
        Role::SecretariatAdmin | Role::SecretariatAuditor => Some(ReferralScope::Everyone),
        Role::NrmSupervisor | Role::NrmCaseworker => Some(ReferralScope::Office(ORG)),
        Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor => {
            Some(ReferralScope::Provider(ORG))
        }
        Role::Employer => None,
    }
}

fn expected_board(role: Role) -> Option<Uuid> {
    match role {
        Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor => Some(ORG),
        Role::SecretariatAdmin
        | Role::SecretariatAuditor
        | Role::NrmSupervisor
        | Role::NrmCaseworker
        | Role::Employer => None,
    }
}

fn expected_queue(role: Role) -> ActionQueue {
    match role {
        Role::NrmSupervisor | Role::NrmCaseworker => ActionQueue::Office(ORG),
        Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor => {
            ActionQueue::Provider(ORG)
        }
        Role::SecretariatAdmin | Role::SecretariatAuditor | Role::Employer => ActionQueue::Nothing,
    }
}

#[test]
fn every_role_lists_its_own_scope() {
    for role in Role::ALL {
        let actor = member(role, ORG, OrganizationStanding::Verified);
        assert_eq!(
            referral_scope(&actor).ok(),
            expected_scope(role),
            "{role:?}"
        );
    }
}

#[test]
fn every_role_sees_its_own_board() {
    for role in Role::ALL {
        let actor = member(role, ORG, OrganizationStanding::Verified);
        assert_eq!(
            referral_board(&actor).ok(),
            expected_board(role),
            "{role:?}"
        );
    }
}

#[test]
fn every_role_sees_its_own_queue() {
    for role in Role::ALL {
        let actor = member(role, ORG, OrganizationStanding::Verified);
        assert_eq!(
            action_queue(&actor).ok(),
            Some(expected_queue(role)),
            "{role:?}"
        );
    }
}

#[test]
fn a_pending_organisation_lists_like_a_verified_one() {
    for role in Role::ALL {
        let actor = member(role, ORG, OrganizationStanding::Pending);
        assert_eq!(
            referral_scope(&actor).ok(),
            expected_scope(role),
            "{role:?}"
        );
        assert_eq!(
            referral_board(&actor).ok(),
            expected_board(role),
            "{role:?}"
        );
        assert_eq!(
            action_queue(&actor).ok(),
            Some(expected_queue(role)),
            "{role:?}"
        );
    }
}

/// The lists go by the role; the board, like claiming, also by the organisation's kind.
#[test]
fn a_provider_role_outside_a_provider_lists_but_has_no_board() {
    let actor = Actor::member(
        Uuid::from_u128(9),
        "x",
        ORG,
        OrganizationKind::NrmOffice,
        Role::ProviderStaff,
        OrganizationStanding::Verified,
    );
    assert_eq!(referral_scope(&actor), Ok(ReferralScope::Provider(ORG)));
    assert_eq!(action_queue(&actor), Ok(ActionQueue::Provider(ORG)));
    assert!(referral_board(&actor).is_err());
}
