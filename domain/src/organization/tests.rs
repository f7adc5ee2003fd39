//! Given/when/then tests for every rule of the organisation aggregate.

use std::collections::BTreeSet;

use cqrs_es::test::TestFramework;
use uuid::Uuid;

use super::*;
use crate::access::{Actor, OrganizationStanding};
use crate::values::{Governorate, Name, OrganizationKind, Role, ServiceCategory};

type Fx = TestFramework<Organization>;

const ORG: Uuid = Uuid::from_u128(0xA);
const OTHER_ORG: Uuid = Uuid::from_u128(0xB);
const SECRETARIAT: Uuid = Uuid::from_u128(0x5EC);

fn govs(codes: &[&str]) -> BTreeSet<Governorate> {
    codes.iter().map(|c| c.parse().unwrap()).collect()
}

fn name(s: &str) -> Name {
    Name::new(s).unwrap()
}

fn admin() -> Actor {
    Actor::member(
        Uuid::from_u128(1),
        "admin",
        SECRETARIAT,
        OrganizationKind::Secretariat,
        Role::SecretariatAdmin,
        OrganizationStanding::Verified,
    )
}

fn coordinator_of(org: Uuid) -> Actor {
    Actor::member(
        Uuid::from_u128(2),
        "coord",
        org,
        OrganizationKind::Ngo,
        Role::ProviderCoordinator,
        OrganizationStanding::Verified,
    )
}

fn profile() -> OrganizationProfile {
    OrganizationProfile {
        name_ar: name("منظمة الأمل"),
        name_en: name("Hope Organisation"),
        governorates: govs(&["IQ-NI", "IQ-AN"]),
    }
}

fn registered() -> OrganizationEvent {
    OrganizationEvent::Registered {
        id: ORG,
        kind: OrganizationKind::Ngo,
        name_ar: name("منظمة الأمل"),
        name_en: name("Hope Organisation"),
        governorates: govs(&["IQ-NI", "IQ-AN"]),
    }
}

fn coordinator_added() -> OrganizationEvent {
    OrganizationEvent::MemberAdded {
        user_id: Uuid::from_u128(2),
        username: "coord".into(),
        display_name: name("Coordinator"),
        role: Role::ProviderCoordinator,
    }
}

fn terms(capacity: u32) -> ServiceTerms {
    ServiceTerms {
        category: ServiceCategory::Legal,
        governorates: govs(&["IQ-NI"]),
        monthly_capacity: capacity,
    }
}

#[test]
fn the_secretariat_registers_an_organisation() {
    Fx::with(())
        .given_no_previous_events()
        .when(OrganizationCommand::Register {
            actor: admin(),
            id: ORG,
            kind: OrganizationKind::Ngo,
            profile: profile(),
        })
        .then_expect_events(vec![registered()]);
}

#[test]
fn an_organisation_cannot_be_registered_twice() {
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::Register {
            actor: admin(),
            id: ORG,
            kind: OrganizationKind::Ngo,
            profile: profile(),
        })
        .then_expect_error(OrganizationError::AlreadyRegistered);
}

#[test]
fn an_organisation_must_serve_a_governorate() {
    let mut p = profile();
    p.governorates.clear();
    Fx::with(())
        .given_no_previous_events()
        .when(OrganizationCommand::Register {
            actor: admin(),
            id: ORG,
            kind: OrganizationKind::Ngo,
            profile: p,
        })
        .then_expect_error(OrganizationError::NoGovernorates);
}

#[test]
fn only_the_secretariat_registers_organisations() {
    let result = Fx::with(())
        .given_no_previous_events()
        .when(OrganizationCommand::Register {
            actor: coordinator_of(OTHER_ORG),
            id: ORG,
            kind: OrganizationKind::Ngo,
            profile: profile(),
        })
        .inspect_result();
    assert!(matches!(result, Err(OrganizationError::Forbidden(_))));
}

#[test]
fn commands_on_an_unknown_organisation_are_not_found() {
    Fx::with(())
        .given_no_previous_events()
        .when(OrganizationCommand::Verify {
            actor: admin(),
            note: None,
        })
        .then_expect_error(OrganizationError::NotFound);
}

#[test]
fn the_secretariat_verifies_once() {
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::Verify {
            actor: admin(),
            note: Some("  documents checked ".into()),
        })
        .then_expect_events(vec![OrganizationEvent::Verified {
            note: Some("documents checked".into()),
        }]);
    Fx::with(())
        .given(vec![
            registered(),
            OrganizationEvent::Verified { note: None },
        ])
        .when(OrganizationCommand::Verify {
            actor: admin(),
            note: None,
        })
        .then_expect_error(OrganizationError::AlreadyVerified);
}

#[test]
fn a_provider_cannot_verify_its_own_organisation() {
    let result = Fx::with(())
        .given(vec![registered(), coordinator_added()])
        .when(OrganizationCommand::Verify {
            actor: coordinator_of(ORG),
            note: None,
        })
        .inspect_result();
    assert!(matches!(result, Err(OrganizationError::Forbidden(_))));
}

#[test]
fn suspension_needs_a_reason_and_happens_once() {
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::Suspend {
            actor: admin(),
            reason: "   ".into(),
        })
        .then_expect_error(OrganizationError::ReasonRequired {
            max: MAX_REASON_CHARS,
        });
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::Suspend {
            actor: admin(),
            reason: "reports not submitted".into(),
        })
        .then_expect_events(vec![OrganizationEvent::Suspended {
            reason: "reports not submitted".into(),
        }]);
    Fx::with(())
        .given(vec![
            registered(),
            OrganizationEvent::Suspended { reason: "x".into() },
        ])
        .when(OrganizationCommand::Suspend {
            actor: admin(),
            reason: "again".into(),
        })
        .then_expect_error(OrganizationError::AlreadySuspended);
}

#[test]
fn a_suspended_organisation_is_reinstated_to_its_former_standing() {
    let events = vec![
        registered(),
        OrganizationEvent::Verified { note: None },
        OrganizationEvent::Suspended { reason: "x".into() },
    ];
    Fx::with(())
        .given(events.clone())
        .when(OrganizationCommand::Verify {
            actor: admin(),
            note: None,
        })
        .then_expect_error(OrganizationError::IsSuspended);
    Fx::with(())
        .given(events.clone())
        .when(OrganizationCommand::Reinstate {
            actor: admin(),
            note: None,
        })
        .then_expect_events(vec![OrganizationEvent::Reinstated { note: None }]);

    let mut org = Organization::default();
    for e in events {
        cqrs_es::Aggregate::apply(&mut org, e);
    }
    assert_eq!(org.status(), OrganizationStatus::Suspended);
    cqrs_es::Aggregate::apply(&mut org, OrganizationEvent::Reinstated { note: None });
    assert_eq!(org.status(), OrganizationStatus::Verified);
}

#[test]
fn only_a_suspended_organisation_can_be_reinstated() {
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::Reinstate {
            actor: admin(),
            note: None,
        })
        .then_expect_error(OrganizationError::NotSuspended);
}

#[test]
fn a_coordinator_updates_the_profile_and_an_unchanged_profile_appends_nothing() {
    let mut p = profile();
    p.governorates = govs(&["IQ-NI", "IQ-AN", "IQ-KI"]);
    Fx::with(())
        .given(vec![registered(), coordinator_added()])
        .when(OrganizationCommand::UpdateProfile {
            actor: coordinator_of(ORG),
            profile: p,
        })
        .then_expect_events(vec![OrganizationEvent::ProfileUpdated {
            name_ar: name("منظمة الأمل"),
            name_en: name("Hope Organisation"),
            governorates: govs(&["IQ-NI", "IQ-AN", "IQ-KI"]),
        }]);
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::UpdateProfile {
            actor: admin(),
            profile: profile(),
        })
        .then_expect_events(vec![]);
}

#[test]
fn members_get_roles_that_fit_the_kind_of_organisation() {
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::AddMember {
            actor: admin(),
            user_id: Uuid::from_u128(9),
            username: "boss".into(),
            display_name: name("Boss"),
            role: Role::SecretariatAdmin,
        })
        .then_expect_error(OrganizationError::RoleNotAllowed {
            role: "secretariat_admin",
            kind: "ngo",
        });
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::AddMember {
            actor: admin(),
            user_id: Uuid::from_u128(2),
            username: "coord".into(),
            display_name: name("Coordinator"),
            role: Role::ProviderCoordinator,
        })
        .then_expect_events(vec![coordinator_added()]);
    Fx::with(())
        .given(vec![registered(), coordinator_added()])
        .when(OrganizationCommand::AddMember {
            actor: admin(),
            user_id: Uuid::from_u128(2),
            username: "coord".into(),
            display_name: name("Coordinator"),
            role: Role::ProviderStaff,
        })
        .then_expect_error(OrganizationError::AlreadyMember);
}

#[test]
fn the_last_manager_cannot_be_demoted_or_removed() {
    Fx::with(())
        .given(vec![registered(), coordinator_added()])
        .when(OrganizationCommand::ChangeMemberRole {
            actor: coordinator_of(ORG),
            user_id: Uuid::from_u128(2),
            role: Role::ProviderStaff,
        })
        .then_expect_error(OrganizationError::LastManager);
    Fx::with(())
        .given(vec![registered(), coordinator_added()])
        .when(OrganizationCommand::RemoveMember {
            actor: admin(),
            user_id: Uuid::from_u128(2),
        })
        .then_expect_error(OrganizationError::LastManager);
}

#[test]
fn staff_are_promoted_and_removed() {
    let staff = OrganizationEvent::MemberAdded {
        user_id: Uuid::from_u128(3),
        username: "staff".into(),
        display_name: name("Staff"),
        role: Role::ProviderStaff,
    };
    Fx::with(())
        .given(vec![registered(), coordinator_added(), staff.clone()])
        .when(OrganizationCommand::ChangeMemberRole {
            actor: coordinator_of(ORG),
            user_id: Uuid::from_u128(3),
            role: Role::ProviderCoordinator,
        })
        .then_expect_events(vec![OrganizationEvent::MemberRoleChanged {
            user_id: Uuid::from_u128(3),
            role: Role::ProviderCoordinator,
        }]);
    Fx::with(())
        .given(vec![registered(), coordinator_added(), staff])
        .when(OrganizationCommand::RemoveMember {
            actor: coordinator_of(ORG),
            user_id: Uuid::from_u128(3),
        })
        .then_expect_events(vec![OrganizationEvent::MemberRemoved {
            user_id: Uuid::from_u128(3),
        }]);
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::RemoveMember {
            actor: admin(),
            user_id: Uuid::from_u128(3),
        })
        .then_expect_error(OrganizationError::NotAMember);
}

#[test]
fn a_coordinator_of_another_organisation_cannot_manage_members() {
    let result = Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::AddMember {
            actor: coordinator_of(OTHER_ORG),
            user_id: Uuid::from_u128(5),
            username: "x".into(),
            display_name: name("X"),
            role: Role::ProviderStaff,
        })
        .inspect_result();
    assert!(matches!(result, Err(OrganizationError::Forbidden(_))));
}

#[test]
fn services_are_offered_with_capacity_and_governorates() {
    Fx::with(())
        .given(vec![registered(), coordinator_added()])
        .when(OrganizationCommand::OfferService {
            actor: coordinator_of(ORG),
            terms: terms(40),
        })
        .then_expect_events(vec![OrganizationEvent::ServiceOffered {
            category: ServiceCategory::Legal,
            governorates: govs(&["IQ-NI"]),
            monthly_capacity: 40,
        }]);
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::OfferService {
            actor: admin(),
            terms: terms(0),
        })
        .then_expect_error(OrganizationError::CapacityOutOfRange {
            max: MAX_MONTHLY_CAPACITY,
        });
    let mut no_place = terms(5);
    no_place.governorates.clear();
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::OfferService {
            actor: admin(),
            terms: no_place,
        })
        .then_expect_error(OrganizationError::ServiceWithoutGovernorates);
}

#[test]
fn a_service_is_offered_once_then_updated_or_withdrawn() {
    let offered = OrganizationEvent::ServiceOffered {
        category: ServiceCategory::Legal,
        governorates: govs(&["IQ-NI"]),
        monthly_capacity: 40,
    };
    Fx::with(())
        .given(vec![registered(), offered.clone()])
        .when(OrganizationCommand::OfferService {
            actor: admin(),
            terms: terms(10),
        })
        .then_expect_error(OrganizationError::ServiceAlreadyOffered);
    Fx::with(())
        .given(vec![registered(), offered.clone()])
        .when(OrganizationCommand::UpdateService {
            actor: admin(),
            terms: terms(10),
        })
        .then_expect_events(vec![OrganizationEvent::ServiceUpdated {
            category: ServiceCategory::Legal,
            governorates: govs(&["IQ-NI"]),
            monthly_capacity: 10,
        }]);
    Fx::with(())
        .given(vec![registered(), offered])
        .when(OrganizationCommand::WithdrawService {
            actor: admin(),
            category: ServiceCategory::Legal,
        })
        .then_expect_events(vec![OrganizationEvent::ServiceWithdrawn {
            category: ServiceCategory::Legal,
        }]);
    Fx::with(())
        .given(vec![registered()])
        .when(OrganizationCommand::WithdrawService {
            actor: admin(),
            category: ServiceCategory::Medical,
        })
        .then_expect_error(OrganizationError::ServiceNotOffered);
}

#[test]
fn companies_offer_no_services() {
    let company = OrganizationEvent::Registered {
        id: ORG,
        kind: OrganizationKind::PrivateCompany,
        name_ar: name("شركة البناء"),
        name_en: name("Building Co"),
        governorates: govs(&["IQ-BG"]),
    };
    Fx::with(())
        .given(vec![company])
        .when(OrganizationCommand::OfferService {
            actor: admin(),
            terms: terms(10),
        })
        .then_expect_error(OrganizationError::OffersNoServices {
            kind: "private_company",
        });
}

#[test]
fn members_of_a_suspended_organisation_cannot_change_it() {
    let mut actor = coordinator_of(ORG);
    actor.standing = OrganizationStanding::Suspended;
    let result = Fx::with(())
        .given(vec![registered(), coordinator_added()])
        .when(OrganizationCommand::OfferService {
            actor,
            terms: terms(10),
        })
        .inspect_result();
    assert!(matches!(result, Err(OrganizationError::Forbidden(_))));
}

fn secretariat_registered() -> OrganizationEvent {
    OrganizationEvent::Registered {
        id: SECRETARIAT,
        kind: OrganizationKind::Secretariat,
        name_ar: name("الأمانة العامة لمجلس الوزراء"),
        name_en: name("Council of Ministers Secretariat"),
        governorates: govs(&["IQ-BG"]),
    }
}

fn secretariat_member(n: u128, role: Role) -> OrganizationEvent {
    OrganizationEvent::MemberAdded {
        user_id: Uuid::from_u128(n),
        username: format!("member{n}"),
        display_name: name("Member"),
        role,
    }
}

#[test]
fn the_secretariat_cannot_be_suspended_by_anyone() {
    for actor in [admin(), Actor::system("admin")] {
        Fx::with(())
            .given(vec![
                secretariat_registered(),
                OrganizationEvent::Verified { note: None },
            ])
            .when(OrganizationCommand::Suspend {
                actor,
                reason: "by mistake".into(),
            })
            .then_expect_error(OrganizationError::OperatorCannotBeSuspended);
    }
}

#[test]
fn a_secretariat_suspended_before_the_rule_is_reinstated_by_the_system() {
    let events = vec![
        secretariat_registered(),
        secretariat_member(1, Role::SecretariatAdmin),
        OrganizationEvent::Suspended { reason: "x".into() },
    ];
    let mut suspended_admin = admin();
    suspended_admin.standing = OrganizationStanding::Suspended;
    let result = Fx::with(())
        .given(events.clone())
        .when(OrganizationCommand::Reinstate {
            actor: suspended_admin,
            note: None,
        })
        .inspect_result();
    assert!(matches!(result, Err(OrganizationError::Forbidden(_))));
    Fx::with(())
        .given(events)
        .when(OrganizationCommand::Reinstate {
            actor: Actor::system("admin"),
            note: Some("locked out".into()),
        })
        .then_expect_events(vec![OrganizationEvent::Reinstated {
            note: Some("locked out".into()),
        }]);
}

#[test]
fn the_last_secretariat_administrator_cannot_be_demoted_or_removed() {
    let events = vec![
        secretariat_registered(),
        secretariat_member(1, Role::SecretariatAdmin),
        secretariat_member(3, Role::SecretariatAuditor),
    ];
    Fx::with(())
        .given(events.clone())
        .when(OrganizationCommand::ChangeMemberRole {
            actor: admin(),
            user_id: Uuid::from_u128(1),
            role: Role::SecretariatAuditor,
        })
        .then_expect_error(OrganizationError::LastAdministrator);
    Fx::with(())
        .given(events.clone())
        .when(OrganizationCommand::RemoveMember {
            actor: admin(),
            user_id: Uuid::from_u128(1),
        })
        .then_expect_error(OrganizationError::LastAdministrator);
    // An auditor may go; so may an administrator while another remains.
    Fx::with(())
        .given(events.clone())
        .when(OrganizationCommand::RemoveMember {
            actor: admin(),
            user_id: Uuid::from_u128(3),
        })
        .then_expect_events(vec![OrganizationEvent::MemberRemoved {
            user_id: Uuid::from_u128(3),
        }]);
    let mut two = events;
    two.push(secretariat_member(4, Role::SecretariatAdmin));
    Fx::with(())
        .given(two)
        .when(OrganizationCommand::ChangeMemberRole {
            actor: admin(),
            user_id: Uuid::from_u128(1),
            role: Role::SecretariatAuditor,
        })
        .then_expect_events(vec![OrganizationEvent::MemberRoleChanged {
            user_id: Uuid::from_u128(1),
            role: Role::SecretariatAuditor,
        }]);
}
