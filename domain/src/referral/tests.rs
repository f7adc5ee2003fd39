//! Given/when/then tests for the referral's rules.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use cqrs_es::test::TestFramework;
use uuid::Uuid;

use super::*;
use crate::access::{Actor, OrganizationStanding};
use crate::values::{OrganizationKind, Role, ServiceCategory as S};

type Fx = TestFramework<Referral>;

const ID: Uuid = Uuid::from_u128(0x7);
const OFFICE: Uuid = Uuid::from_u128(0x0F);
const NGO: Uuid = Uuid::from_u128(0xA0);
const OTHER_NGO: Uuid = Uuid::from_u128(0xB0);
const CASEWORKER: Uuid = Uuid::from_u128(0xC1);
const STAFF: Uuid = Uuid::from_u128(0x51);

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn member(user: u128, org: Uuid, kind: OrganizationKind, role: Role) -> Actor {
    Actor::member(
        Uuid::from_u128(user),
        "someone",
        org,
        kind,
        role,
        OrganizationStanding::Verified,
    )
}

fn caseworker() -> Actor {
    member(
        0xC1,
        OFFICE,
        OrganizationKind::NrmOffice,
        Role::NrmCaseworker,
    )
}

fn supervisor() -> Actor {
    member(
        0xC2,
        OFFICE,
        OrganizationKind::NrmOffice,
        Role::NrmSupervisor,
    )
}

fn staff_of(org: Uuid) -> Actor {
    member(0x51, org, OrganizationKind::Ngo, Role::ProviderStaff)
}

fn offer(org: Uuid, cats: &[S]) -> ProviderOffer {
    ProviderOffer {
        org_id: org,
        verified: true,
        categories_here: cats.iter().copied().collect(),
        full_here: BTreeSet::new(),
    }
}

fn full(org: Uuid, cats: &[S], full: &[S]) -> ProviderOffer {
    ProviderOffer {
        full_here: full.iter().copied().collect(),
        ..offer(org, cats)
    }
}

fn facts() -> BeneficiaryFacts {
    BeneficiaryFacts {
        beneficiary_type: BeneficiaryType::ReturneeFromAbroad,
        return_country: Some("DE".into()),
        governorate: "IQ-NI".parse().unwrap(),
        district: Some("Mosul".into()),
        sex: Sex::Female,
        age_band: AgeBand::From25To34,
        household_size: 4,
        vulnerabilities: [Vulnerability::FemaleHeadedHousehold].into(),
    }
}

fn needs() -> Vec<Need> {
    vec![
        Need {
            category: S::Psychosocial,
            priority: Priority::High,
        },
        Need {
            category: S::CivilDocumentation,
            priority: Priority::Medium,
        },
    ]
}

fn consent() -> Consent {
    Consent {
        given_by: ConsentGiver::Person,
        given_on: day(1),
        share_with_providers: true,
        may_contact: true,
        expires_on: Some(day(30)),
    }
}

fn sealed() -> Sealed {
    Sealed {
        nonce: "00".into(),
        ciphertext: "ff".into(),
    }
}

fn create(open: bool) -> ReferralCommand {
    ReferralCommand::Create {
        actor: caseworker(),
        id: ID,
        case_number: "NRM-NI-2026-000001".into(),
        facts: facts(),
        needs: needs(),
        consent: consent(),
        personal: sealed(),
        open,
    }
}

fn created() -> ReferralEvent {
    ReferralEvent::Created {
        id: ID,
        case_number: "NRM-NI-2026-000001".into(),
        office_id: OFFICE,
        created_by: CASEWORKER,
        facts: facts(),
        needs: needs(),
        consent: consent(),
        personal: sealed(),
    }
}

fn open() -> Vec<ReferralEvent> {
    vec![created(), ReferralEvent::Opened]
}

fn claimed() -> Vec<ReferralEvent> {
    let mut e = open();
    e.push(ReferralEvent::Claimed { provider_id: NGO });
    e.push(ReferralEvent::CaseworkerAssigned {
        user_id: STAFF,
        side: Side::Provider,
    });
    e
}

fn in_service() -> Vec<ReferralEvent> {
    let mut e = claimed();
    e.push(ReferralEvent::Accepted { provider_id: NGO });
    e.push(ReferralEvent::ServiceStarted);
    e
}

fn forbidden(r: Result<Vec<ReferralEvent>, ReferralError>) -> bool {
    matches!(r, Err(ReferralError::Forbidden(_)))
}

#[test]
fn a_caseworker_creates_and_opens_a_referral() {
    Fx::with(())
        .given_no_previous_events()
        .when(create(true))
        .then_expect_events(open());
    Fx::with(())
        .given_no_previous_events()
        .when(create(false))
        .then_expect_events(vec![created()]);
    Fx::with(())
        .given(vec![created()])
        .when(ReferralCommand::Open {
            actor: caseworker(),
        })
        .then_expect_events(vec![ReferralEvent::Opened]);
}

#[test]
fn creation_validates_needs_household_country_and_consent() {
    let with = |f: &dyn Fn(&mut ReferralCommand)| {
        let mut c = create(true);
        f(&mut c);
        Fx::with(())
            .given_no_previous_events()
            .when(c)
            .inspect_result()
    };
    assert_eq!(
        with(&|c| if let ReferralCommand::Create { needs, .. } = c {
            needs.clear()
        }),
        Err(ReferralError::NoNeeds)
    );
    assert_eq!(
        with(&|c| if let ReferralCommand::Create { needs, .. } = c {
            needs.push(needs[0])
        }),
        Err(ReferralError::DuplicateNeed)
    );
    assert_eq!(
        with(&|c| if let ReferralCommand::Create { facts, .. } = c {
            facts.household_size = 0
        }),
        Err(ReferralError::HouseholdOutOfRange { max: MAX_HOUSEHOLD })
    );
    assert_eq!(
        with(&|c| if let ReferralCommand::Create { facts, .. } = c {
            facts.return_country = Some("Germany".into())
        }),
        Err(ReferralError::BadCountry)
    );
    assert_eq!(
        with(&|c| if let ReferralCommand::Create { consent, .. } = c {
            consent.share_with_providers = false
        }),
        Err(ReferralError::ConsentRequired)
    );
    assert_eq!(
        with(&|c| if let ReferralCommand::Create { consent, .. } = c {
            consent.expires_on = Some(day(1) - chrono::Days::new(1))
        }),
        Err(ReferralError::ConsentExpiryBeforeGiven)
    );
    Fx::with(())
        .given(open())
        .when(create(true))
        .then_expect_error(ReferralError::AlreadyExists);
}

#[test]
fn only_nrm_staff_create_referrals() {
    for actor in [
        staff_of(NGO),
        member(9, NGO, OrganizationKind::PrivateCompany, Role::Employer),
        member(
            9,
            NGO,
            OrganizationKind::Secretariat,
            Role::SecretariatAdmin,
        ),
    ] {
        let mut c = create(true);
        if let ReferralCommand::Create { actor: a, .. } = &mut c {
            *a = actor;
        }
        assert!(forbidden(
            Fx::with(())
                .given_no_previous_events()
                .when(c)
                .inspect_result()
        ));
    }
}

#[test]
fn a_matching_verified_provider_claims_once() {
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: offer(NGO, &[S::Psychosocial]),
        })
        .then_expect_events(claimed()[2..].to_vec());
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Claim {
            actor: staff_of(OTHER_NGO),
            provider: offer(OTHER_NGO, &[S::Psychosocial]),
        })
        .then_expect_error(ReferralError::AlreadyClaimed);
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: offer(NGO, &[S::Psychosocial]),
        })
        .then_expect_error(ReferralError::AlreadyClaimed);
}

#[test]
fn a_provider_without_a_matching_service_or_unverified_cannot_claim() {
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: offer(NGO, &[S::Housing]),
        })
        .then_expect_error(ReferralError::NoMatchingService);
    let mut unverified = offer(NGO, &[S::Psychosocial]);
    unverified.verified = false;
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: unverified,
        })
        .then_expect_error(ReferralError::ProviderNotVerified);
    Fx::with(())
        .given(vec![created()])
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: offer(NGO, &[S::Psychosocial]),
        })
        .then_expect_error(ReferralError::WrongStatus { status: "draft" });
}

#[test]
fn a_provider_whose_offered_needs_are_all_full_cannot_claim() {
    // The referral needs psychosocial support and civil documentation.
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: full(NGO, &[S::Psychosocial], &[S::Psychosocial]),
        })
        .then_expect_error(ReferralError::NoCapacity);
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: full(
                NGO,
                &[S::Psychosocial, S::CivilDocumentation, S::Housing],
                &[S::Psychosocial, S::CivilDocumentation],
            ),
        })
        .then_expect_error(ReferralError::NoCapacity);
}

#[test]
fn a_place_left_in_one_offered_need_is_enough_to_claim() {
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: full(
                NGO,
                &[S::Psychosocial, S::CivilDocumentation],
                &[S::Psychosocial],
            ),
        })
        .then_expect_events(claimed()[2..].to_vec());
    // A full service for a need the referral does not have changes nothing.
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: full(NGO, &[S::Psychosocial, S::Housing], &[S::Housing]),
        })
        .then_expect_events(claimed()[2..].to_vec());
}

#[test]
fn the_other_rules_are_told_before_capacity() {
    // Already claimed, unverified or without a matching service: those answers come first.
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Claim {
            actor: staff_of(OTHER_NGO),
            provider: full(OTHER_NGO, &[S::Psychosocial], &[S::Psychosocial]),
        })
        .then_expect_error(ReferralError::AlreadyClaimed);
    let mut unverified = full(NGO, &[S::Psychosocial], &[S::Psychosocial]);
    unverified.verified = false;
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Claim {
            actor: staff_of(NGO),
            provider: unverified,
        })
        .then_expect_error(ReferralError::ProviderNotVerified);
}

#[test]
fn the_holder_accepts_or_declines_with_a_reason() {
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Accept {
            actor: staff_of(NGO),
        })
        .then_expect_events(vec![ReferralEvent::Accepted { provider_id: NGO }]);
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Decline {
            actor: staff_of(NGO),
            reason: " ".into(),
        })
        .then_expect_error(ReferralError::ReasonRequired {
            max: MAX_NOTE_CHARS,
        });
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Decline {
            actor: staff_of(NGO),
            reason: "no capacity this month".into(),
        })
        .then_expect_events(vec![ReferralEvent::Declined {
            provider_id: NGO,
            reason: "no capacity this month".into(),
        }]);
    assert!(forbidden(
        Fx::with(())
            .given(claimed())
            .when(ReferralCommand::Accept {
                actor: staff_of(OTHER_NGO)
            })
            .inspect_result()
    ));
}

#[test]
fn a_declined_referral_is_open_again_and_the_decliner_keeps_read_access() {
    let mut events = claimed();
    events.push(ReferralEvent::Declined {
        provider_id: NGO,
        reason: "x".into(),
    });
    let mut r = Referral::default();
    for e in events {
        cqrs_es::Aggregate::apply(&mut r, e);
    }
    assert_eq!(r.status, ReferralStatus::Open);
    let rel = r.relation(&staff_of(NGO));
    assert!(rel.former_holder && !rel.holder && !rel.assigned);
}

#[test]
fn service_is_delivered_need_by_need_and_closed_with_an_outcome_for_each() {
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::RecordDelivery {
            actor: staff_of(NGO),
            category: S::Psychosocial,
            note: None,
        })
        .then_expect_events(vec![ReferralEvent::ServiceDelivered {
            category: S::Psychosocial,
            note: None,
        }]);
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::RecordDelivery {
            actor: staff_of(NGO),
            category: S::Housing,
            note: None,
        })
        .then_expect_error(ReferralError::NeedNotInReferral {
            category: "housing",
        });
    let resolved = |c| NeedResult {
        category: c,
        outcome: NeedOutcome::Resolved,
        reason: None,
        note: None,
    };
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::Close {
            actor: staff_of(NGO),
            results: vec![resolved(S::Psychosocial)],
        })
        .then_expect_error(ReferralError::NeedWithoutOutcome {
            category: "civil_documentation",
        });
    let unresolved = NeedResult {
        category: S::CivilDocumentation,
        outcome: NeedOutcome::NotResolved,
        reason: None,
        note: None,
    };
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::Close {
            actor: staff_of(NGO),
            results: vec![resolved(S::Psychosocial), unresolved.clone()],
        })
        .then_expect_error(ReferralError::ReasonCodeRequired {
            category: "civil_documentation",
        });
    let coded = NeedResult {
        reason: Some(ClosureReason::UnableToContactPerson),
        ..unresolved
    };
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::Close {
            actor: staff_of(NGO),
            results: vec![resolved(S::Psychosocial), coded.clone()],
        })
        .then_expect_events(vec![ReferralEvent::Closed {
            results: vec![resolved(S::Psychosocial), coded],
        }]);
}

#[test]
fn nothing_can_be_done_to_a_closed_referral_but_reopen_it() {
    let mut closed = in_service();
    closed.push(ReferralEvent::Closed { results: vec![] });
    Fx::with(())
        .given(closed.clone())
        .when(ReferralCommand::Claim {
            actor: staff_of(OTHER_NGO),
            provider: offer(OTHER_NGO, &[S::Psychosocial]),
        })
        .then_expect_error(ReferralError::WrongStatus { status: "closed" });
    Fx::with(())
        .given(closed.clone())
        .when(ReferralCommand::Withdraw {
            actor: caseworker(),
            consent_withdrawn: false,
            note: None,
        })
        .then_expect_error(ReferralError::WrongStatus { status: "closed" });
    assert!(forbidden(
        Fx::with(())
            .given(closed.clone())
            .when(ReferralCommand::Reopen {
                actor: caseworker()
            })
            .inspect_result()
    ));
    Fx::with(())
        .given(closed)
        .when(ReferralCommand::Reopen {
            actor: supervisor(),
        })
        .then_expect_events(vec![ReferralEvent::Reopened]);
}

#[test]
fn a_transfer_goes_to_another_matching_provider_and_keeps_the_former_one_read_only() {
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::Transfer {
            actor: supervisor(),
            to: offer(NGO, &[S::Psychosocial]),
            reason: "x".into(),
        })
        .then_expect_error(ReferralError::SameProvider);
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::Transfer {
            actor: supervisor(),
            to: offer(OTHER_NGO, &[S::Legal]),
            reason: "x".into(),
        })
        .then_expect_error(ReferralError::NoMatchingService);
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::Transfer {
            actor: supervisor(),
            to: full(
                OTHER_NGO,
                &[S::CivilDocumentation],
                &[S::CivilDocumentation],
            ),
            reason: "x".into(),
        })
        .then_expect_error(ReferralError::NoCapacity);
    let moved = ReferralEvent::Transferred {
        from_provider: NGO,
        to_provider: OTHER_NGO,
        reason: "closer to home".into(),
    };
    Fx::with(())
        .given(in_service())
        .when(ReferralCommand::Transfer {
            actor: supervisor(),
            to: offer(OTHER_NGO, &[S::CivilDocumentation]),
            reason: "closer to home".into(),
        })
        .then_expect_events(vec![moved.clone()]);
    let mut events = in_service();
    events.push(moved);
    let before = Fx::with(())
        .given(events.clone())
        .when(ReferralCommand::ViewPersonalData {
            actor: staff_of(NGO),
            purpose: "call".into(),
            today: day(5),
        })
        .inspect_result();
    assert!(forbidden(before), "the former holder sees no personal data");
    let mut r = Referral::default();
    for e in events {
        cqrs_es::Aggregate::apply(&mut r, e);
    }
    assert!(r.relation(&staff_of(NGO)).former_holder);
    assert_eq!(r.status, ReferralStatus::Claimed);
}

#[test]
fn personal_data_is_for_assigned_caseworkers_and_while_consent_lasts() {
    let view = |actor, today| ReferralCommand::ViewPersonalData {
        actor,
        purpose: "follow-up call".into(),
        today,
    };
    Fx::with(())
        .given(claimed())
        .when(view(caseworker(), day(5)))
        .then_expect_events(vec![ReferralEvent::PersonalDataViewed {
            by: CASEWORKER,
            purpose: "follow-up call".into(),
        }]);
    Fx::with(())
        .given(claimed())
        .when(view(staff_of(NGO), day(5)))
        .then_expect_events(vec![ReferralEvent::PersonalDataViewed {
            by: STAFF,
            purpose: "follow-up call".into(),
        }]);
    // Not assigned: the supervisor, another member of the provider.
    assert!(forbidden(
        Fx::with(())
            .given(claimed())
            .when(view(supervisor(), day(5)))
            .inspect_result()
    ));
    let colleague = member(0x99, NGO, OrganizationKind::Ngo, Role::ProviderCoordinator);
    assert!(forbidden(
        Fx::with(())
            .given(claimed())
            .when(view(colleague, day(5)))
            .inspect_result()
    ));
    // Consent expired (day 30): providers lose access at once; the NRM keeps it.
    Fx::with(())
        .given(claimed())
        .when(view(staff_of(NGO), day(31)))
        .then_expect_error(ReferralError::ConsentNotActive);
    Fx::with(())
        .given(claimed())
        .when(view(caseworker(), day(31)))
        .then_expect_events(vec![ReferralEvent::PersonalDataViewed {
            by: CASEWORKER,
            purpose: "follow-up call".into(),
        }]);
    // Revoked consent, likewise.
    let mut revoked = claimed();
    revoked.push(ReferralEvent::ConsentUpdated {
        consent: Consent {
            share_with_providers: false,
            ..consent()
        },
    });
    Fx::with(())
        .given(revoked)
        .when(view(staff_of(NGO), day(5)))
        .then_expect_error(ReferralError::ConsentNotActive);
}

#[test]
fn an_erased_person_is_unreadable_for_everyone() {
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Erase {
            actor: supervisor(),
        })
        .then_expect_events(vec![ReferralEvent::BeneficiaryErased]);
    let mut erased = claimed();
    erased.push(ReferralEvent::BeneficiaryErased);
    Fx::with(())
        .given(erased.clone())
        .when(ReferralCommand::ViewPersonalData {
            actor: caseworker(),
            purpose: "x".into(),
            today: day(2),
        })
        .then_expect_error(ReferralError::Erased);
    Fx::with(())
        .given(erased)
        .when(ReferralCommand::Erase {
            actor: supervisor(),
        })
        .then_expect_error(ReferralError::Erased);
    assert!(forbidden(
        Fx::with(())
            .given(claimed())
            .when(ReferralCommand::Erase {
                actor: caseworker()
            })
            .inspect_result()
    ));
}

#[test]
fn caseworkers_are_assigned_on_their_own_side_only() {
    let assign = |actor, user: u128, member_of, side| ReferralCommand::AssignCaseworker {
        actor,
        user_id: Uuid::from_u128(user),
        member_of,
        side,
    };
    Fx::with(())
        .given(claimed())
        .when(assign(supervisor(), 0xC3, OFFICE, Side::Nrm))
        .then_expect_events(vec![ReferralEvent::CaseworkerAssigned {
            user_id: Uuid::from_u128(0xC3),
            side: Side::Nrm,
        }]);
    Fx::with(())
        .given(claimed())
        .when(assign(supervisor(), 0xC3, NGO, Side::Nrm))
        .then_expect_error(ReferralError::NotOnThatSide);
    let coordinator = member(0x52, NGO, OrganizationKind::Ngo, Role::ProviderCoordinator);
    Fx::with(())
        .given(claimed())
        .when(assign(coordinator, 0x53, NGO, Side::Provider))
        .then_expect_events(vec![ReferralEvent::CaseworkerAssigned {
            user_id: Uuid::from_u128(0x53),
            side: Side::Provider,
        }]);
    Fx::with(())
        .given(claimed())
        .when(assign(supervisor(), 0xC1, OFFICE, Side::Nrm))
        .then_expect_events(vec![]);
}

#[test]
fn the_scheduler_escalates_an_unclaimed_referral_once() {
    Fx::with(())
        .given(open())
        .when(ReferralCommand::Escalate {
            actor: Actor::system("sla"),
            waited_hours: 72,
        })
        .then_expect_events(vec![ReferralEvent::Escalated { waited_hours: 72 }]);
    let mut escalated = open();
    escalated.push(ReferralEvent::Escalated { waited_hours: 72 });
    Fx::with(())
        .given(escalated)
        .when(ReferralCommand::Escalate {
            actor: Actor::system("sla"),
            waited_hours: 96,
        })
        .then_expect_events(vec![]);
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Escalate {
            actor: Actor::system("sla"),
            waited_hours: 96,
        })
        .then_expect_events(vec![]);
    assert!(forbidden(
        Fx::with(())
            .given(open())
            .when(ReferralCommand::Escalate {
                actor: supervisor(),
                waited_hours: 1
            })
            .inspect_result()
    ));
}

#[test]
fn withdrawal_with_consent_withdrawn_stops_sharing() {
    Fx::with(())
        .given(claimed())
        .when(ReferralCommand::Withdraw {
            actor: caseworker(),
            consent_withdrawn: true,
            note: None,
        })
        .then_expect_events(vec![ReferralEvent::Withdrawn {
            consent_withdrawn: true,
            note: None,
        }]);
    let mut w = claimed();
    w.push(ReferralEvent::Withdrawn {
        consent_withdrawn: true,
        note: None,
    });
    Fx::with(())
        .given(w.clone())
        .when(ReferralCommand::Reopen {
            actor: supervisor(),
        })
        .then_expect_error(ReferralError::ConsentRequired);
    let followup = ReferralCommand::AddFollowUp {
        actor: caseworker(),
        due_on: day(9),
        note: None,
    };
    Fx::with(())
        .given(w)
        .when(followup)
        .then_expect_events(vec![ReferralEvent::FollowUpAdded {
            due_on: day(9),
            note: None,
        }]);
    let _ = BTreeSet::<u8>::new();
}
