//! The referral access matrix, written out by hand: every role × every operation (commands
//! and reads) × the actor's relation to the referral. What the gate decides (system tasks,
//! no role, suspended organisations) is tested in `gate_tests.rs`.

use uuid::Uuid;

use crate::access::test_actors::home_kind;
use crate::access::{
    authorize_referral, authorize_referral_read, Actor, OrganizationStanding, ReferralOperation,
    ReferralRead, ReferralRelation,
};
use crate::values::Role;

use ReferralOperation as O;

const RELATIONS: [(&str, ReferralRelation); 6] = [
    (
        "none",
        ReferralRelation {
            office: false,
            holder: false,
            former_holder: false,
            assigned: false,
        },
    ),
    (
        "office",
        ReferralRelation {
            office: true,
            holder: false,
            former_holder: false,
            assigned: false,
        },
    ),
    (
        "office+assigned",
        ReferralRelation {
            office: true,
            holder: false,
            former_holder: false,
            assigned: true,
        },
    ),
    (
        "holder",
        ReferralRelation {
            office: false,
            holder: true,
            former_holder: false,
            assigned: false,
        },
    ),
    (
        "holder+assigned",
        ReferralRelation {
            office: false,
            holder: true,
            former_holder: false,
            assigned: true,
        },
    ),
    (
        "former",
        ReferralRelation {
            office: false,
            holder: false,
            former_holder: true,
            assigned: false,
        },
    ),
];

/// The operations allowed for `role` under `relation`.
fn expected(role: Role, relation: &str) -> Vec<ReferralOperation> {
    let nrm_office = [
        O::Create,
        O::Open,
        O::View,
        O::Close,
        O::Withdraw,
        O::AddFollowUp,
        O::UpdateConsent,
    ];
    let provider_holder = [
        O::View,
        O::Claim,
        O::Accept,
        O::Decline,
        O::StartService,
        O::RecordDelivery,
        O::Close,
        O::AddFollowUp,
    ];
    let mut v: Vec<ReferralOperation> = match (role, relation) {
        (Role::SecretariatAdmin, _) => vec![O::View, O::Erase],
        (Role::SecretariatAuditor, _) => vec![O::View],
        (Role::Employer, _) => vec![],
        (Role::NrmCaseworker | Role::NrmSupervisor, "office" | "office+assigned") => {
            nrm_office.to_vec()
        }
        (Role::NrmCaseworker | Role::NrmSupervisor, _) => vec![O::Create],
        (
            Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor,
            "holder" | "holder+assigned",
        ) => provider_holder.to_vec(),
        (Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor, "former") => {
            vec![O::View, O::Claim]
        }
        (Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor, _) => {
            vec![O::Claim]
        }
    };
    match (role, relation) {
        (Role::NrmSupervisor, "office" | "office+assigned") => {
            v.extend([O::Transfer, O::Reopen, O::AssignNrmCaseworker, O::Erase])
        }
        (Role::ProviderCoordinator, "holder" | "holder+assigned") => {
            v.extend([O::Transfer, O::AssignProviderStaff])
        }
        _ => {}
    }
    let assigned_side = matches!(
        (role, relation),
        (Role::NrmCaseworker | Role::NrmSupervisor, "office+assigned")
            | (
                Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor,
                "holder+assigned"
            )
    );
    if assigned_side {
        v.push(O::ViewPersonalData);
    }
    v
}

#[test]
fn every_role_every_operation_every_relation() {
    let org = Uuid::from_u128(1);
    for role in Role::ALL {
        let actor = Actor::member(
            Uuid::from_u128(9),
            "x",
            org,
            home_kind(role),
            role,
            OrganizationStanding::Verified,
        );
        for (name, relation) in RELATIONS {
            let want = expected(role, name);
            for op in O::ALL {
                let got = authorize_referral(&actor, op, relation).is_ok();
                assert_eq!(got, want.contains(&op), "{role:?} ({name}) {op:?}");
            }
        }
    }
}

/// The reads allowed for `role` under `relation`.
fn expected_reads(role: Role, relation: &str) -> Vec<ReferralRead> {
    use ReferralRead as R;
    // The lists, the board and the queue go by the role; the statistics are the
    // Secretariat's.
    let mut v: Vec<ReferralRead> = match role {
        Role::SecretariatAdmin | Role::SecretariatAuditor => {
            vec![R::List, R::ViewStatistics, R::ViewActionNeeded]
        }
        Role::NrmCaseworker | Role::NrmSupervisor => vec![R::List, R::ViewActionNeeded],
        Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor => {
            vec![R::List, R::ViewBoard, R::ViewActionNeeded]
        }
        Role::Employer => vec![R::ViewActionNeeded],
    };
    // The timeline: whoever may see the case.
    let sees_case = matches!(
        (role, relation),
        (Role::SecretariatAdmin | Role::SecretariatAuditor, _)
            | (
                Role::NrmCaseworker | Role::NrmSupervisor,
                "office" | "office+assigned"
            )
            | (
                Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor,
                "holder" | "holder+assigned" | "former",
            )
    );
    if sees_case {
        v.push(R::ViewTimeline);
    }
    // The notes on the case: its parties, not the Secretariat that audits it.
    let reads_notes = matches!(
        (role, relation),
        (
            Role::NrmCaseworker | Role::NrmSupervisor,
            "office" | "office+assigned"
        ) | (
            Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor,
            "holder" | "holder+assigned" | "former",
        )
    );
    if reads_notes {
        v.push(R::ViewNotes);
    }
    // Whether a provider can take it: the Secretariat, and the referring office.
    let sees_availability = matches!(
        (role, relation),
        (Role::SecretariatAdmin | Role::SecretariatAuditor, _) | (_, "office" | "office+assigned")
    );
    if sees_availability {
        v.push(R::ViewAvailability);
    }
    // Every member sees their own organisation's capacity.
    v.push(R::ViewCapacity);
    v
}

#[test]
fn every_role_every_read_every_relation() {
    let org = Uuid::from_u128(1);
    for role in Role::ALL {
        let actor = crate::access::test_actors::member(role, org, OrganizationStanding::Verified);
        for (name, relation) in RELATIONS {
            let want = expected_reads(role, name);
            for read in ReferralRead::ALL {
                let got = authorize_referral_read(&actor, read, relation).is_ok();
                assert_eq!(got, want.contains(&read), "{role:?} ({name}) {read:?}");
            }
        }
    }
}

#[test]
fn the_case_and_its_timeline_are_seen_by_the_same_people() {
    let org = Uuid::from_u128(1);
    for role in Role::ALL {
        let actor = crate::access::test_actors::member(role, org, OrganizationStanding::Verified);
        for (name, relation) in RELATIONS {
            assert_eq!(
                authorize_referral(&actor, O::View, relation).is_ok(),
                authorize_referral_read(&actor, ReferralRead::ViewTimeline, relation).is_ok(),
                "{role:?} ({name})"
            );
        }
    }
}

#[test]
fn the_board_is_for_those_who_may_claim() {
    let org = Uuid::from_u128(1);
    for role in Role::ALL {
        let actor = crate::access::test_actors::member(role, org, OrganizationStanding::Verified);
        assert_eq!(
            authorize_referral(&actor, O::Claim, ReferralRelation::default()).is_ok(),
            authorize_referral_read(&actor, ReferralRead::ViewBoard, ReferralRelation::default())
                .is_ok(),
            "{role:?}"
        );
    }
}

#[test]
fn a_former_holder_sees_the_timeline_up_to_its_leaving() {
    let cut = |name: &str| {
        RELATIONS
            .iter()
            .find(|(n, _)| *n == name)
            .is_some_and(|(_, r)| r.timeline_ends_at_leaving())
    };
    assert!(cut("former"));
    for name in [
        "none",
        "office",
        "office+assigned",
        "holder",
        "holder+assigned",
    ] {
        assert!(!cut(name), "{name}");
    }
    let back = ReferralRelation {
        holder: true,
        former_holder: true,
        ..ReferralRelation::default()
    };
    assert!(
        !back.timeline_ends_at_leaving(),
        "held again: sees everything"
    );
}
