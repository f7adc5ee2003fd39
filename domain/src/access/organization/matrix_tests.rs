//! The access matrix, written out by hand: every role × every operation, on the actor's own
//! organisation and on another one. A change of policy must change this table too. What the
//! gate decides (system tasks, no role, suspended organisations) is tested in `gate_tests.rs`.

use uuid::Uuid;

use crate::access::test_actors::home_kind;
use crate::access::{authorize, Actor, Operation, OrganizationStanding};
use crate::values::{OrganizationKind, Role};

use Operation as O;

/// Allowed operations on the actor's own organisation.
fn expected_own(role: Role) -> Vec<Operation> {
    match role {
        Role::SecretariatAdmin => O::ALL.to_vec(),
        Role::SecretariatAuditor => vec![
            O::ViewDirectory,
            O::ViewMembers,
            O::ViewOrganizationHistory,
            O::VerifyEventChain,
            O::ViewSignInAlerts,
            O::ViewReadModels,
        ],
        Role::NrmSupervisor | Role::Employer => vec![
            O::UpdateOrganizationProfile,
            O::AddMember,
            O::ChangeMemberRole,
            O::RemoveMember,
            O::ViewDirectory,
            O::ViewMembers,
            O::ViewOrganizationHistory,
            O::ViewReadModels,
        ],
        Role::ProviderCoordinator => vec![
            O::UpdateOrganizationProfile,
            O::AddMember,
            O::ChangeMemberRole,
            O::RemoveMember,
            O::OfferService,
            O::UpdateService,
            O::WithdrawService,
            O::ViewDirectory,
            O::ViewMembers,
            O::ViewOrganizationHistory,
            O::ViewReadModels,
        ],
        Role::NrmCaseworker | Role::ProviderStaff | Role::MrcCounsellor => {
            vec![O::ViewDirectory, O::ViewReadModels]
        }
    }
}

/// Allowed operations on somebody else's organisation (an NGO).
fn expected_other(role: Role) -> Vec<Operation> {
    match role {
        Role::SecretariatAdmin => O::ALL.to_vec(),
        Role::SecretariatAuditor => vec![
            O::ViewDirectory,
            O::ViewMembers,
            O::ViewOrganizationHistory,
            O::VerifyEventChain,
            O::ViewSignInAlerts,
            O::ViewReadModels,
        ],
        _ => vec![O::ViewDirectory, O::ViewReadModels],
    }
}

fn actor(role: Role, org: Uuid, standing: OrganizationStanding) -> Actor {
    Actor::member(
        Uuid::from_u128(7),
        "someone",
        org,
        home_kind(role),
        role,
        standing,
    )
}

#[test]
fn every_role_on_every_operation_of_its_own_organisation() {
    let org = Uuid::from_u128(1);
    for role in Role::ALL {
        let a = actor(role, org, OrganizationStanding::Verified);
        for op in O::ALL {
            let got = authorize(&a, op, Some((org, home_kind(role)))).is_ok();
            let want = expected_own(role).contains(&op);
            assert_eq!(got, want, "{role:?} on own organisation, {op:?}");
        }
    }
}

#[test]
fn every_role_on_every_operation_of_another_organisation() {
    let (own, other) = (Uuid::from_u128(1), Uuid::from_u128(2));
    for role in Role::ALL {
        let a = actor(role, own, OrganizationStanding::Verified);
        for op in O::ALL {
            let got = authorize(&a, op, Some((other, OrganizationKind::Ngo))).is_ok();
            let want = expected_other(role).contains(&op);
            assert_eq!(got, want, "{role:?} on another organisation, {op:?}");
        }
    }
}

#[test]
fn a_coordinator_of_an_organisation_that_offers_no_services_cannot_offer_one() {
    let org = Uuid::from_u128(1);
    let a = Actor::member(
        Uuid::from_u128(7),
        "x",
        org,
        OrganizationKind::NrmOffice,
        Role::ProviderCoordinator,
        OrganizationStanding::Verified,
    );
    assert!(authorize(
        &a,
        O::OfferService,
        Some((org, OrganizationKind::NrmOffice))
    )
    .is_err());
}

#[test]
fn only_the_secretariat_reads_the_sign_in_alerts() {
    for role in Role::ALL {
        let a = actor(role, Uuid::from_u128(1), OrganizationStanding::Verified);
        let want = matches!(role, Role::SecretariatAdmin | Role::SecretariatAuditor);
        assert_eq!(
            authorize(&a, O::ViewSignInAlerts, None).is_ok(),
            want,
            "{role:?} reading the sign-in alerts"
        );
    }
}
