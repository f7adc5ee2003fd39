//! The opportunity access matrix, written out by hand: every role × every operation × the
//! actor's relation to the opportunity and nomination. What the gate decides (system
//! tasks, no role, suspended organisations) is tested in `gate_tests.rs`.

use uuid::Uuid;

use super::{authorize_opportunity, OpportunityOperation as O, OpportunityRelation};
use crate::access::test_actors::member;
use crate::access::OrganizationStanding;
use crate::values::Role;

const RELATIONS: [(&str, OpportunityRelation); 5] = [
    (
        "another organisation's",
        OpportunityRelation {
            own: false,
            nominating_office: false,
            contact_disclosed: false,
        },
    ),
    (
        "own",
        OpportunityRelation {
            own: true,
            nominating_office: false,
            contact_disclosed: false,
        },
    ),
    (
        "own+disclosed",
        OpportunityRelation {
            own: true,
            nominating_office: false,
            contact_disclosed: true,
        },
    ),
    (
        "nominating office",
        OpportunityRelation {
            own: false,
            nominating_office: true,
            contact_disclosed: false,
        },
    ),
    (
        "nominating office+disclosed",
        OpportunityRelation {
            own: false,
            nominating_office: true,
            contact_disclosed: true,
        },
    ),
];

/// The operations allowed for `role` under `relation`.
fn expected(role: Role, relation: &str) -> Vec<O> {
    let employer_own = vec![
        O::Draft,
        O::Edit,
        O::Submit,
        O::ExtendDeadline,
        O::Close,
        O::Withdraw,
        O::Shortlist,
        O::Reject,
        O::PlanInterview,
        O::Offer,
        O::Hire,
        O::RecordNoShow,
        O::EndPlacement,
        O::ViewBoard,
        O::ViewPipeline,
        O::ViewProfile,
    ];
    let nominator = vec![
        O::Nominate,
        O::DeclineOffer,
        O::WithdrawConsent,
        O::ViewBoard,
        O::ViewProfile,
    ];
    let nominating = relation.starts_with("nominating");
    match role {
        Role::Employer => match relation {
            "own" => employer_own,
            "own+disclosed" => [employer_own, vec![O::ViewContact]].concat(),
            _ => vec![O::ViewBoard],
        },
        // Moderates and reads every pipeline, never a nominee's contact.
        Role::SecretariatAdmin => vec![
            O::Publish,
            O::Return,
            O::ViewBoard,
            O::ViewPipeline,
            O::ViewProfile,
        ],
        Role::SecretariatAuditor => vec![O::ViewBoard, O::ViewPipeline, O::ViewProfile],
        Role::NrmSupervisor | Role::NrmCaseworker if nominating => nominator,
        Role::NrmSupervisor | Role::NrmCaseworker => vec![O::ViewBoard],
        Role::MrcCounsellor if nominating => [nominator, vec![O::Publish, O::Return]].concat(),
        Role::MrcCounsellor => vec![O::Publish, O::Return, O::ViewBoard],
        Role::ProviderCoordinator | Role::ProviderStaff => vec![O::ViewBoard],
    }
}

#[test]
fn every_role_every_operation_every_relation() {
    for role in Role::ALL {
        let actor = member(role, Uuid::from_u128(1), OrganizationStanding::Verified);
        for (name, rel) in RELATIONS {
            let allowed = expected(role, name);
            for op in O::ALL {
                assert_eq!(
                    authorize_opportunity(&actor, op, rel).is_ok(),
                    allowed.contains(&op),
                    "{role:?} {op:?} on {name}"
                );
            }
        }
    }
}

#[test]
fn an_unverified_employer_runs_its_pipeline_but_cannot_post() {
    let pending = member(
        Role::Employer,
        Uuid::from_u128(1),
        OrganizationStanding::Pending,
    );
    let (_, own) = RELATIONS[1];
    for op in O::ALL {
        let posting = matches!(op, O::Draft | O::Edit | O::Submit | O::ExtendDeadline);
        let allowed = expected(Role::Employer, "own").contains(&op) && !posting;
        let decided = authorize_opportunity(&pending, op, own);
        assert_eq!(decided.is_ok(), allowed, "{op:?}");
        if posting {
            assert_eq!(
                decided.err().map(|d| d.reason),
                Some("the actor's organisation is not verified yet")
            );
        }
    }
}

#[test]
fn the_refusal_names_the_operation() {
    let caseworker = member(
        Role::NrmCaseworker,
        Uuid::from_u128(1),
        OrganizationStanding::Verified,
    );
    let denied = authorize_opportunity(&caseworker, O::Hire, RELATIONS[1].1).err();
    assert_eq!(
        denied.map(|d| d.operation),
        Some("HireOpportunity".to_string())
    );
}
