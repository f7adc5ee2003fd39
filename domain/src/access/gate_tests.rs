//! The gate's cases, once for every policy: system tasks, accounts with no role, members of
//! a suspended organisation (and of a pending one, who pass).

use uuid::Uuid;

use super::gate::{NO_ROLE, SUSPENDED};
use super::test_actors::{home_kind, member, no_role};
use crate::access::*;
use crate::values::{OrganizationKind, Role};

const RELATIONS: [ReferralRelation; 4] = [
    ReferralRelation {
        office: false,
        holder: false,
        former_holder: false,
        assigned: false,
    },
    ReferralRelation {
        office: true,
        holder: false,
        former_holder: false,
        assigned: true,
    },
    ReferralRelation {
        office: false,
        holder: true,
        former_holder: false,
        assigned: true,
    },
    ReferralRelation {
        office: false,
        holder: false,
        former_holder: true,
        assigned: false,
    },
];

/// Every decision of every policy for `actor`, as (what, allowed).
fn every_decision(actor: &Actor) -> Vec<(String, bool)> {
    let own = actor.org_id.unwrap_or(Uuid::from_u128(1));
    let kind = actor.org_kind.unwrap_or(OrganizationKind::Ngo);
    let mut out = Vec::new();
    for op in Operation::ALL {
        for target in [Some((own, kind)), Some((Uuid::from_u128(2), kind)), None] {
            out.push((
                format!("{op:?} {target:?}"),
                authorize(actor, op, target).is_ok(),
            ));
        }
    }
    for rel in RELATIONS {
        for op in ReferralOperation::ALL {
            out.push((
                format!("{op:?} {rel:?}"),
                authorize_referral(actor, op, rel).is_ok(),
            ));
        }
        for read in ReferralRead::ALL {
            out.push((
                format!("{read:?} {rel:?}"),
                authorize_referral_read(actor, read, rel).is_ok(),
            ));
        }
    }
    for own in [false, true] {
        for nominating_office in [false, true] {
            for contact_disclosed in [false, true] {
                let rel = OpportunityRelation {
                    own,
                    nominating_office,
                    contact_disclosed,
                };
                for op in OpportunityOperation::ALL {
                    out.push((
                        format!("{op:?} {rel:?}"),
                        authorize_opportunity(actor, op, rel).is_ok(),
                    ));
                }
            }
        }
    }
    out.push(("referral_scope".into(), referral_scope(actor).is_ok()));
    out.push(("referral_board".into(), referral_board(actor).is_ok()));
    out.push(("action_queue".into(), action_queue(actor).is_ok()));
    out.push((
        "RecordSignInThrottled".into(),
        authorize_sign_in_record(actor).is_ok(),
    ));
    for op in AccountOperation::ALL {
        // Their own account: the gate still decides first.
        let own = actor.user_id.unwrap_or_default();
        out.push((
            format!("{op:?}"),
            authorize_account(actor, op, own, actor.org_id).is_ok(),
        ));
    }
    out
}

#[test]
fn the_gate_lets_the_platform_through_and_refuses_no_role_and_suspended() {
    assert_eq!(admit(&Actor::system("seed")), Ok(Admitted::System));
    assert_eq!(admit(&no_role()), Err(NO_ROLE));
    for role in Role::ALL {
        let org = Uuid::from_u128(1);
        assert_eq!(
            admit(&member(role, org, OrganizationStanding::Suspended)),
            Err(SUSPENDED),
            "{role:?}"
        );
        for standing in [
            OrganizationStanding::Pending,
            OrganizationStanding::Verified,
        ] {
            assert_eq!(
                admit(&member(role, org, standing)),
                Ok(Admitted::Member(role)),
                "{role:?} {standing:?}"
            );
        }
    }
}

#[test]
fn an_account_with_no_role_may_do_nothing() {
    for (what, allowed) in every_decision(&no_role()) {
        assert!(!allowed, "no role was allowed {what}");
    }
}

#[test]
fn members_of_a_suspended_organisation_may_do_nothing() {
    let org = Uuid::from_u128(1);
    for role in Role::ALL {
        let a = member(role, org, OrganizationStanding::Suspended);
        for op in Operation::ALL {
            assert!(
                authorize(&a, op, Some((org, home_kind(role)))).is_err(),
                "suspended {role:?} was allowed {op:?}"
            );
        }
    }
}

#[test]
fn suspended_members_may_do_nothing_with_referrals() {
    for role in Role::ALL {
        let actor = member(role, Uuid::from_u128(1), OrganizationStanding::Suspended);
        for relation in RELATIONS {
            for op in ReferralOperation::ALL {
                assert!(
                    authorize_referral(&actor, op, relation).is_err(),
                    "{role:?} {op:?}"
                );
            }
        }
    }
}

#[test]
fn suspended_members_may_do_nothing_anywhere() {
    for role in Role::ALL {
        let actor = member(role, Uuid::from_u128(1), OrganizationStanding::Suspended);
        for (what, allowed) in every_decision(&actor) {
            assert!(!allowed, "suspended {role:?} was allowed {what}");
        }
    }
}

#[test]
fn the_refusal_names_the_gates_reason_and_the_operation() {
    let suspended = member(
        Role::SecretariatAdmin,
        Uuid::from_u128(1),
        OrganizationStanding::Suspended,
    );
    let denied = authorize(&suspended, Operation::ViewDirectory, None).err();
    assert_eq!(
        denied.map(|d| (d.operation, d.reason)),
        Some(("ViewDirectory".to_string(), SUSPENDED))
    );
    let denied = authorize_referral(&no_role(), ReferralOperation::Claim, RELATIONS[0]).err();
    assert_eq!(
        denied.map(|d| (d.operation, d.reason)),
        Some(("ClaimReferral".to_string(), NO_ROLE))
    );
    let denied = referral_scope(&no_role()).err();
    assert_eq!(
        denied.map(|d| (d.operation, d.reason)),
        Some(("ListReferrals".to_string(), NO_ROLE))
    );
}

#[test]
fn system_tasks_may_do_everything_and_say_so_in_their_label() {
    let a = Actor::system("seed");
    assert_eq!(a.label, "system:seed");
    for op in Operation::ALL {
        assert!(authorize(&a, op, None).is_ok());
    }
}

#[test]
fn system_tasks_may_run_every_referral_command_and_record_lockouts() {
    let a = Actor::system("sla");
    for rel in RELATIONS {
        for op in ReferralOperation::ALL {
            assert!(authorize_referral(&a, op, rel).is_ok(), "{op:?}");
        }
    }
    assert!(authorize_sign_in_record(&a).is_ok());
}

#[test]
fn system_tasks_may_run_every_opportunity_command_and_only_they_expire() {
    let rel = OpportunityRelation::default();
    for op in OpportunityOperation::ALL {
        assert!(
            authorize_opportunity(&Actor::system("scheduler"), op, rel).is_ok(),
            "{op:?}"
        );
    }
    for role in Role::ALL {
        let everything = OpportunityRelation {
            own: true,
            nominating_office: true,
            contact_disclosed: true,
        };
        let a = member(role, Uuid::from_u128(1), OrganizationStanding::Verified);
        assert!(authorize_opportunity(&a, OpportunityOperation::Expire, everything).is_err());
    }
}

#[test]
fn only_the_scheduler_escalates() {
    assert!(authorize_referral(
        &Actor::system("sla"),
        ReferralOperation::Escalate,
        ReferralRelation::default()
    )
    .is_ok());
}

/// A system task belongs to no organisation: it lists everything, waits for nothing, and
/// has no board.
#[test]
fn system_tasks_read_everything_but_a_board() {
    let a = Actor::system("report");
    assert_eq!(referral_scope(&a), Ok(ReferralScope::Everyone));
    assert_eq!(action_queue(&a), Ok(ActionQueue::Nothing));
    assert!(referral_board(&a).is_err());
    for rel in RELATIONS {
        for read in ReferralRead::ALL {
            let want = read != ReferralRead::ViewBoard;
            assert_eq!(
                authorize_referral_read(&a, read, rel).is_ok(),
                want,
                "{read:?}"
            );
        }
    }
}
