//! The referral access matrix, written out by hand: every role × every operation × the
//! actor's relation to the referral.

use uuid::Uuid;

use super::*;
use crate::values::{OrganizationKind, Role};

use ReferralOperation as O;

fn home_kind(role: Role) -> OrganizationKind {
    use OrganizationKind as K;
    match role {
        Role::SecretariatAdmin | Role::SecretariatAuditor => K::Secretariat,
        Role::NrmSupervisor | Role::NrmCaseworker => K::NrmOffice,
        Role::ProviderCoordinator | Role::ProviderStaff => K::Ngo,
        Role::Employer => K::PrivateCompany,
        Role::MrcCounsellor => K::Mrc,
    }
}

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

#[test]
fn suspended_members_may_do_nothing_with_referrals() {
    for role in Role::ALL {
        let actor = Actor::member(
            Uuid::from_u128(9),
            "x",
            Uuid::from_u128(1),
            home_kind(role),
            role,
            OrganizationStanding::Suspended,
        );
        for (_, relation) in RELATIONS {
            for op in O::ALL {
                assert!(
                    authorize_referral(&actor, op, relation).is_err(),
                    "{role:?} {op:?}"
                );
            }
        }
    }
}

#[test]
fn only_the_scheduler_escalates() {
    assert!(authorize_referral(
        &Actor::system("sla"),
        O::Escalate,
        ReferralRelation::default()
    )
    .is_ok());
}
