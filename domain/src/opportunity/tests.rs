//! Given/when/then tests for every rule of the opportunity aggregate.

use chrono::NaiveDate;
use cqrs_es::test::TestFramework;
use cqrs_es::Aggregate;
use uuid::Uuid;

use super::*;
use crate::access::{Actor, OrganizationStanding};
use crate::referral::{AgeBand, Sex};
use crate::values::{
    ContractType, EducationLevel, Iqd, IsicSection, OpportunityKind, OrganizationKind, Role, Skills,
};
use crate::DomainError;

type Fx = TestFramework<Opportunity>;
use OpportunityCommand as C;
use OpportunityEvent as Ev;

const ID: Uuid = Uuid::from_u128(0x0FF);
const ORG: Uuid = Uuid::from_u128(0xA);
const OTHER_ORG: Uuid = Uuid::from_u128(0xB);
const OFFICE: Uuid = Uuid::from_u128(0xC);
const OFFICE2: Uuid = Uuid::from_u128(0xD);
const MRC: Uuid = Uuid::from_u128(0xE);
const N1: Uuid = Uuid::from_u128(0x101);
const N2: Uuid = Uuid::from_u128(0x102);
const N3: Uuid = Uuid::from_u128(0x103);
const N4: Uuid = Uuid::from_u128(0x104);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 12, 8)
}

fn deadline() -> NaiveDate {
    day(2027, 1, 15)
}

fn actor(user: u128, org: Uuid, kind: OrganizationKind, role: Role) -> Actor {
    Actor::member(
        Uuid::from_u128(user),
        role.as_str(),
        org,
        kind,
        role,
        OrganizationStanding::Verified,
    )
}

fn employer() -> Actor {
    actor(1, ORG, OrganizationKind::PrivateCompany, Role::Employer)
}

fn caseworker(office: Uuid) -> Actor {
    actor(2, office, OrganizationKind::NrmOffice, Role::NrmCaseworker)
}

fn secretariat() -> Actor {
    actor(
        3,
        Uuid::from_u128(0x5EC),
        OrganizationKind::Secretariat,
        Role::SecretariatAdmin,
    )
}

fn counsellor() -> Actor {
    actor(4, MRC, OrganizationKind::Mrc, Role::MrcCounsellor)
}

fn posting() -> Posting {
    Posting {
        kind: Some(OpportunityKind::JobVacancy),
        title_ar: Some("عامل لحام".into()),
        title_en: Some("Welder".into()),
        description_ar: Some("ورشة في الموصل".into()),
        description_en: None,
        sector: Some(IsicSection::C),
        governorate: Some("IQ-NI".parse().unwrap()),
        district: Some("الموصل".into()),
        positions: 3,
        skills: vec!["لحام".into()],
        education: Some(EducationLevel::Intermediate),
        languages: vec!["ar".into()],
        minimum_age: Some(18),
        pay_min: Some(500_000),
        pay_max: Some(750_000),
        grant_amount: None,
        contract: Some(ContractType::FixedTerm),
        deadline: Some(deadline()),
        contact_name: "Hana Yousif".into(),
    }
}

fn details() -> Details {
    posting().check(today()).unwrap()
}

fn drafted() -> Ev {
    Ev::Drafted {
        id: ID,
        organization_id: ORG,
        details: details(),
    }
}

fn published() -> Vec<Ev> {
    vec![drafted(), Ev::Submitted, Ev::Published { directly: false }]
}

fn profile() -> AnonymisedProfile {
    AnonymisedProfile {
        age_band: AgeBand::From25To34,
        sex: Sex::Male,
        governorate: "IQ-NI".parse().unwrap(),
        skills: Skills::new(&["لحام"]).unwrap(),
        education: Some(EducationLevel::Intermediate),
        languages: vec![],
        motivation: None,
    }
}

fn facts(referral: u128, person: u128, office: Uuid) -> ReferralFacts {
    ReferralFacts {
        referral_id: Uuid::from_u128(referral),
        beneficiary_key: Uuid::from_u128(person),
        office_id: office,
        has_work_need: true,
        consent_to_employer: true,
        consent_covers_contact: true,
        profile: profile(),
    }
}

fn nominated(id: Uuid, referral: u128, office: Uuid) -> Ev {
    Ev::Nominated {
        nomination_id: id,
        referral_id: Uuid::from_u128(referral),
        beneficiary_key: Uuid::from_u128(referral + 0x1000),
        office_id: office,
        nominated_by: Some(Uuid::from_u128(2)),
        contact_consent: true,
        profile: profile(),
    }
}

fn nominate(id: Uuid, f: ReferralFacts) -> C {
    C::Nominate {
        actor: caseworker(f.office_id),
        nomination_id: id,
        referral: f,
        today: today(),
    }
}

fn placement() -> Placement {
    Placement {
        start_date: day(2027, 2, 1),
        contract: ContractType::FixedTerm,
        monthly_pay: Iqd::new(600_000).unwrap(),
    }
}

fn hire(id: Uuid) -> C {
    C::Hire {
        actor: employer(),
        nomination_id: id,
        placement: placement(),
    }
}

fn hired(id: Uuid, referral: u128) -> Ev {
    Ev::Hired {
        nomination_id: id,
        referral_id: Uuid::from_u128(referral),
        placement: placement(),
    }
}

/// The refusal's key, given `history`.
fn refused(history: Vec<Ev>, command: C) -> &'static str {
    match Fx::with(()).given(history).when(command).inspect_result() {
        Ok(events) => panic!("accepted: {events:?}"),
        Err(e) => e.key(),
    }
}

fn draft_with(p: Posting) -> C {
    C::Draft {
        actor: employer(),
        opportunity_id: ID,
        organization_id: ORG,
        posting: p,
        today: today(),
    }
}

fn drafting_refused(p: Posting) -> &'static str {
    refused(vec![], draft_with(p))
}

// --- posting and its checks ---

#[test]
fn an_employer_drafts_an_opportunity_for_its_organisation() {
    Fx::with(())
        .given_no_previous_events()
        .when(draft_with(posting()))
        .then_expect_events(vec![drafted()]);
}

#[test]
fn a_grant_carries_an_amount_and_a_job_a_pay_range() {
    let loan = Posting {
        kind: Some(OpportunityKind::StartupGrantOrLoan),
        pay_min: None,
        pay_max: None,
        grant_amount: Some(7_000_000),
        contract: Some(ContractType::SelfEmployment),
        ..posting()
    };
    let d = loan.check(today()).unwrap();
    assert_eq!(d.pay, crate::values::Pay::grant(7_000_000).unwrap());
    let job_with_amount = Posting {
        grant_amount: Some(7_000_000),
        ..posting()
    };
    assert_eq!(
        drafting_refused(job_with_amount),
        "opportunity.pay_does_not_fit_kind"
    );
}

#[test]
fn invalid_postings_are_refused_each_with_its_own_error() {
    let cases: Vec<(Posting, &str)> = vec![
        (
            Posting {
                positions: 0,
                ..posting()
            },
            "opportunity.positions_out_of_range",
        ),
        (
            Posting {
                positions: -2,
                ..posting()
            },
            "opportunity.positions_out_of_range",
        ),
        (
            Posting {
                deadline: Some(day(2026, 12, 1)),
                ..posting()
            },
            "opportunity.deadline_in_past",
        ),
        (
            Posting {
                deadline: Some(today()),
                ..posting()
            },
            "opportunity.deadline_in_past",
        ),
        (
            Posting {
                pay_min: Some(900_000),
                ..posting()
            },
            "opportunity.min_pay_above_max",
        ),
        (
            Posting {
                pay_min: Some(-1),
                ..posting()
            },
            "opportunity.pay_not_positive",
        ),
        (
            Posting {
                pay_max: Some(5_000_000_000),
                ..posting()
            },
            "opportunity.pay_too_large",
        ),
        (
            Posting {
                title_ar: Some("ع".repeat(MAX_TITLE_CHARS + 1)),
                ..posting()
            },
            "opportunity.title_too_long",
        ),
        (
            Posting {
                title_ar: None,
                title_en: Some("  ".into()),
                ..posting()
            },
            "opportunity.required",
        ),
        (
            Posting {
                description_ar: Some("x".repeat(MAX_DESCRIPTION_CHARS + 1)),
                ..posting()
            },
            "opportunity.description_too_long",
        ),
        (
            Posting {
                languages: vec!["Arabic".into()],
                ..posting()
            },
            "opportunity.bad_language",
        ),
        (
            Posting {
                minimum_age: Some(12),
                ..posting()
            },
            "opportunity.minimum_age_out_of_range",
        ),
        (
            Posting {
                skills: (0..21).map(|i| format!("s{i}")).collect(),
                ..posting()
            },
            "opportunity.too_many_skills",
        ),
        (
            Posting {
                sector: None,
                ..posting()
            },
            "opportunity.required",
        ),
    ];
    for (p, key) in cases {
        assert_eq!(drafting_refused(p.clone()), key, "{p:?}");
    }
}

#[test]
fn the_error_names_the_field_at_fault() {
    let e = Posting {
        pay_min: Some(900_000),
        ..posting()
    }
    .check(today())
    .unwrap_err();
    assert_eq!(e.field(), Some("pay"));
    let e = Posting {
        positions: 0,
        ..posting()
    }
    .check(today())
    .unwrap_err();
    assert_eq!(
        (e.field(), e.args()),
        (Some("positions"), vec![("max", "500".into())])
    );
}

#[test]
fn only_an_employer_of_a_verified_organisation_posts_and_only_for_its_own() {
    let mut pending = employer();
    pending.standing = OrganizationStanding::Pending;
    let r = Fx::with(())
        .given_no_previous_events()
        .when(C::Draft {
            actor: pending,
            opportunity_id: ID,
            organization_id: ORG,
            posting: posting(),
            today: today(),
        })
        .inspect_result();
    assert!(matches!(r, Err(OpportunityError::Forbidden(_))));
    let elsewhere = C::Draft {
        actor: employer(),
        opportunity_id: ID,
        organization_id: OTHER_ORG,
        posting: posting(),
        today: today(),
    };
    assert_eq!(refused(vec![], elsewhere), "forbidden");
    let by_caseworker = C::Draft {
        actor: caseworker(OFFICE),
        opportunity_id: ID,
        organization_id: OFFICE,
        posting: posting(),
        today: today(),
    };
    assert_eq!(refused(vec![], by_caseworker), "forbidden");
    assert_eq!(
        refused(vec![drafted()], draft_with(posting())),
        "opportunity.already_exists"
    );
}

// --- moderation ---

#[test]
fn a_submitted_opportunity_waits_for_moderation_unless_its_organisation_is_trusted() {
    Fx::with(())
        .given(vec![drafted()])
        .when(C::Submit {
            actor: employer(),
            trusted: false,
            today: today(),
        })
        .then_expect_events(vec![Ev::Submitted]);
    Fx::with(())
        .given(vec![drafted()])
        .when(C::Submit {
            actor: employer(),
            trusted: true,
            today: today(),
        })
        .then_expect_events(vec![Ev::Submitted, Ev::Published { directly: true }]);
}

#[test]
fn the_secretariat_or_an_mrc_publishes_and_the_employer_cannot() {
    for moderator in [secretariat(), counsellor()] {
        Fx::with(())
            .given(vec![drafted(), Ev::Submitted])
            .when(C::Publish {
                actor: moderator,
                today: today(),
            })
            .then_expect_events(vec![Ev::Published { directly: false }]);
    }
    let own = C::Publish {
        actor: employer(),
        today: today(),
    };
    assert_eq!(refused(vec![drafted(), Ev::Submitted], own), "forbidden");
    let draft = C::Publish {
        actor: secretariat(),
        today: today(),
    };
    assert_eq!(refused(vec![drafted()], draft), "opportunity.wrong_status");
    let too_late = C::Publish {
        actor: secretariat(),
        today: deadline(),
    };
    assert_eq!(
        refused(vec![drafted(), Ev::Submitted], too_late),
        "opportunity.deadline_in_past"
    );
}

#[test]
fn a_returned_opportunity_carries_reasons_and_can_be_edited_and_resubmitted() {
    Fx::with(())
        .given(vec![drafted(), Ev::Submitted])
        .when(C::Return {
            actor: counsellor(),
            reasons: "  الراتب غير واضح ".into(),
        })
        .then_expect_events(vec![Ev::Returned {
            reasons: "الراتب غير واضح".into(),
        }]);
    let no_reason = C::Return {
        actor: secretariat(),
        reasons: " ".into(),
    };
    assert_eq!(
        refused(vec![drafted(), Ev::Submitted], no_reason),
        "opportunity.reason_required"
    );
    let returned = vec![
        drafted(),
        Ev::Submitted,
        Ev::Returned {
            reasons: "x".into(),
        },
    ];
    let fixed = Posting {
        pay_max: Some(800_000),
        ..posting()
    };
    Fx::with(())
        .given(returned.clone())
        .when(C::Edit {
            actor: employer(),
            posting: fixed.clone(),
            today: today(),
        })
        .then_expect_events(vec![Ev::Edited {
            details: fixed.check(today()).unwrap(),
        }]);
    Fx::with(())
        .given(returned)
        .when(C::Submit {
            actor: employer(),
            trusted: false,
            today: today(),
        })
        .then_expect_events(vec![Ev::Submitted]);
}

// --- edits, deadline, end of life ---

#[test]
fn a_material_change_to_a_published_opportunity_is_its_own_event() {
    let fewer = Posting {
        positions: 2,
        pay_min: Some(550_000),
        ..posting()
    };
    Fx::with(())
        .given(published())
        .when(C::Edit {
            actor: employer(),
            posting: fewer.clone(),
            today: today(),
        })
        .then_expect_events(vec![Ev::MaterialChanged {
            details: fewer.check(today()).unwrap(),
            changes: vec![MaterialChange::Pay, MaterialChange::Positions],
        }]);
    let wording = Posting {
        description_en: Some("A workshop in Mosul".into()),
        ..posting()
    };
    Fx::with(())
        .given(published())
        .when(C::Edit {
            actor: employer(),
            posting: wording.clone(),
            today: today(),
        })
        .then_expect_events(vec![Ev::Edited {
            details: wording.check(today()).unwrap(),
        }]);
    let moved = Posting {
        deadline: Some(day(2027, 2, 1)),
        ..posting()
    };
    let edit = C::Edit {
        actor: employer(),
        posting: moved,
        today: today(),
    };
    assert_eq!(
        refused(published(), edit),
        "opportunity.deadline_changed_by_edit"
    );
    let stranger = C::Edit {
        actor: actor(
            5,
            OTHER_ORG,
            OrganizationKind::PrivateCompany,
            Role::Employer,
        ),
        posting: posting(),
        today: today(),
    };
    assert_eq!(refused(published(), stranger), "forbidden");
}

#[test]
fn positions_cannot_drop_below_the_hires_already_made_and_down_to_them_fills() {
    let one_hired = [offered(&[(N1, 0x51)]), vec![hired(N1, 0x51)]].concat();
    let one = Posting {
        positions: 1,
        ..posting()
    };
    Fx::with(())
        .given(one_hired)
        .when(C::Edit {
            actor: employer(),
            posting: one.clone(),
            today: today(),
        })
        .then_expect_events(vec![
            Ev::MaterialChanged {
                details: one.check(today()).unwrap(),
                changes: vec![MaterialChange::Positions],
            },
            Ev::Filled,
        ]);
    let mut two_hired = [offered(&[(N1, 0x51), (N2, 0x52)]), vec![hired(N1, 0x51)]].concat();
    two_hired.push(hired(N2, 0x52));
    let fewer = C::Edit {
        actor: employer(),
        posting: Posting {
            positions: 1,
            ..posting()
        },
        today: today(),
    };
    assert_eq!(
        refused(two_hired, fewer),
        "opportunity.positions_below_hires"
    );
}

#[test]
fn a_deadline_is_extended_only_to_a_later_day() {
    Fx::with(())
        .given(published())
        .when(C::ExtendDeadline {
            actor: employer(),
            deadline: day(2027, 2, 1),
            today: today(),
        })
        .then_expect_events(vec![Ev::DeadlineExtended {
            from: deadline(),
            to: day(2027, 2, 1),
        }]);
    let earlier = C::ExtendDeadline {
        actor: employer(),
        deadline: day(2027, 1, 10),
        today: today(),
    };
    assert_eq!(
        refused(published(), earlier),
        "opportunity.deadline_not_later"
    );
}

#[test]
fn only_the_scheduler_expires_an_opportunity_and_only_at_or_after_its_deadline() {
    for on in [deadline(), day(2027, 3, 1)] {
        Fx::with(())
            .given(published())
            .when(C::Expire {
                actor: Actor::system("scheduler"),
                today: on,
            })
            .then_expect_events(vec![Ev::Expired { on }]);
    }
    let early = C::Expire {
        actor: Actor::system("scheduler"),
        today: day(2027, 1, 14),
    };
    assert_eq!(
        refused(published(), early),
        "opportunity.deadline_not_reached"
    );
    for person in [employer(), secretariat(), counsellor()] {
        let by_hand = C::Expire {
            actor: person,
            today: deadline(),
        };
        assert_eq!(refused(published(), by_hand), "forbidden");
    }
    let mut closed = published();
    closed.push(Ev::Closed);
    let again = C::Expire {
        actor: Actor::system("scheduler"),
        today: deadline(),
    };
    assert_eq!(refused(closed, again), "opportunity.wrong_status");
}

#[test]
fn the_employer_closes_or_withdraws_its_own_opportunity() {
    Fx::with(())
        .given(published())
        .when(C::Close { actor: employer() })
        .then_expect_events(vec![Ev::Closed]);
    Fx::with(())
        .given(vec![drafted()])
        .when(C::Withdraw { actor: employer() })
        .then_expect_events(vec![Ev::Withdrawn]);
    let mut withdrawn = published();
    withdrawn.push(Ev::Withdrawn);
    assert_eq!(
        refused(withdrawn, C::Close { actor: employer() }),
        "opportunity.wrong_status"
    );
    assert_eq!(
        refused(
            published(),
            C::Close {
                actor: secretariat()
            }
        ),
        "forbidden"
    );
}

// --- nominations ---

#[test]
fn a_caseworker_nominates_from_a_referral_their_office_holds() {
    Fx::with(())
        .given(published())
        .when(nominate(N1, facts(0x51, 0x1051, OFFICE)))
        .then_expect_events(vec![nominated(N1, 0x51, OFFICE)]);
    let mut mrc = facts(0x51, 0x1051, MRC);
    mrc.consent_covers_contact = false;
    let by_counsellor = C::Nominate {
        actor: counsellor(),
        nomination_id: N1,
        referral: mrc,
        today: today(),
    };
    let events = Fx::with(())
        .given(published())
        .when(by_counsellor)
        .inspect_result();
    assert!(matches!(
        events.as_deref(),
        Ok([Ev::Nominated {
            contact_consent: false,
            ..
        }])
    ));
}

#[test]
fn nobody_nominates_from_a_referral_their_organisation_does_not_hold() {
    let not_held = C::Nominate {
        actor: caseworker(OFFICE2),
        nomination_id: N1,
        referral: facts(0x51, 0x1051, OFFICE),
        today: today(),
    };
    assert_eq!(refused(published(), not_held), "forbidden");
    let by_employer = C::Nominate {
        actor: employer(),
        nomination_id: N1,
        referral: facts(0x51, 0x1051, ORG),
        today: today(),
    };
    assert_eq!(refused(published(), by_employer), "forbidden");
}

#[test]
fn a_nomination_needs_consent_and_a_work_need() {
    let mut no_consent = facts(0x51, 0x1051, OFFICE);
    no_consent.consent_to_employer = false;
    assert_eq!(
        refused(published(), nominate(N1, no_consent)),
        "opportunity.consent_required"
    );
    let mut no_need = facts(0x51, 0x1051, OFFICE);
    no_need.has_work_need = false;
    assert_eq!(
        refused(published(), nominate(N1, no_need)),
        "opportunity.no_matching_need"
    );
}

#[test]
fn no_nomination_before_publication_or_after_the_deadline() {
    for history in [
        vec![drafted()],
        vec![drafted(), Ev::Submitted],
        [published(), vec![Ev::Expired { on: deadline() }]].concat(),
    ] {
        assert_eq!(
            refused(history, nominate(N1, facts(0x51, 0x1051, OFFICE))),
            "opportunity.wrong_status"
        );
    }
    // Published still, the scheduler not yet passed: the date alone closes it.
    let late = C::Nominate {
        actor: caseworker(OFFICE),
        nomination_id: N1,
        referral: facts(0x51, 0x1051, OFFICE),
        today: deadline(),
    };
    assert_eq!(refused(published(), late), "opportunity.nominations_closed");
}

#[test]
fn a_duplicate_nomination_names_the_first_nominator() {
    let first = [published(), vec![nominated(N1, 0x51, OFFICE)]].concat();
    // The same person behind another office's referral.
    let result = Fx::with(())
        .given(first.clone())
        .when(nominate(N2, facts(0x52, 0x1051, OFFICE2)))
        .inspect_result();
    let Err(error) = result else {
        panic!("a second nomination of one person was accepted")
    };
    assert_eq!(
        error,
        OpportunityError::AlreadyNominated {
            office: OFFICE,
            nomination: N1
        }
    );
    assert_eq!(error.args()[0], ("office", OFFICE.to_string()));
    // The same referral again.
    assert_eq!(
        refused(first, nominate(N2, facts(0x51, 0x9999, OFFICE))),
        "opportunity.already_nominated"
    );
}

// --- the pipeline ---

fn offered(ids: &[(Uuid, u128)]) -> Vec<Ev> {
    let mut h = published();
    for &(id, referral) in ids {
        h.push(nominated(id, referral, OFFICE));
        h.push(Ev::Shortlisted { nomination_id: id });
        h.push(Ev::Offered { nomination_id: id });
    }
    h
}

#[test]
fn a_nominee_moves_from_shortlist_through_interview_and_offer_to_hire() {
    let mut h = [published(), vec![nominated(N1, 0x51, OFFICE)]].concat();
    let steps: Vec<(C, Ev)> = vec![
        (
            C::Shortlist {
                actor: employer(),
                nomination_id: N1,
            },
            Ev::Shortlisted { nomination_id: N1 },
        ),
        (
            C::PlanInterview {
                actor: employer(),
                nomination_id: N1,
                on: day(2026, 12, 20),
                today: today(),
            },
            Ev::InterviewPlanned {
                nomination_id: N1,
                on: day(2026, 12, 20),
            },
        ),
        (
            C::Offer {
                actor: employer(),
                nomination_id: N1,
            },
            Ev::Offered { nomination_id: N1 },
        ),
        (hire(N1), hired(N1, 0x51)),
        (
            C::EndPlacement {
                actor: employer(),
                nomination_id: N1,
                reason: PlacementEndReason::ContractCompleted,
            },
            Ev::PlacementEnded {
                nomination_id: N1,
                reason: PlacementEndReason::ContractCompleted,
            },
        ),
    ];
    for (command, event) in steps {
        Fx::with(())
            .given(h.clone())
            .when(command)
            .then_expect_events(vec![event.clone()]);
        h.push(event);
    }
}

#[test]
fn stages_are_not_skipped() {
    let h = [published(), vec![nominated(N1, 0x51, OFFICE)]].concat();
    assert_eq!(refused(h.clone(), hire(N1)), "opportunity.wrong_stage");
    let offer = C::Offer {
        actor: employer(),
        nomination_id: N1,
    };
    assert_eq!(refused(h.clone(), offer), "opportunity.wrong_stage");
    let in_past = C::PlanInterview {
        actor: employer(),
        nomination_id: N1,
        on: day(2026, 12, 1),
        today: today(),
    };
    let shortlisted = [h, vec![Ev::Shortlisted { nomination_id: N1 }]].concat();
    assert_eq!(
        refused(shortlisted, in_past),
        "opportunity.interview_in_past"
    );
    assert_eq!(
        refused(published(), hire(N1)),
        "opportunity.nomination_not_found"
    );
}

#[test]
fn a_rejection_is_coded_and_a_rejected_nominee_cannot_be_hired() {
    let h = [published(), vec![nominated(N1, 0x51, OFFICE)]].concat();
    Fx::with(())
        .given(h.clone())
        .when(C::Reject {
            actor: employer(),
            nomination_id: N1,
            reason: RejectionReason::SkillsMismatch,
        })
        .then_expect_events(vec![Ev::Rejected {
            nomination_id: N1,
            reason: RejectionReason::SkillsMismatch,
        }]);
    let rejected = [
        h,
        vec![Ev::Rejected {
            nomination_id: N1,
            reason: RejectionReason::Other,
        }],
    ]
    .concat();
    assert_eq!(refused(rejected, hire(N1)), "opportunity.nominee_rejected");
}

#[test]
fn the_employer_acts_only_on_its_own_pipeline() {
    let h = [published(), vec![nominated(N1, 0x51, OFFICE)]].concat();
    let stranger = C::Shortlist {
        actor: actor(
            5,
            OTHER_ORG,
            OrganizationKind::PrivateCompany,
            Role::Employer,
        ),
        nomination_id: N1,
    };
    assert_eq!(refused(h.clone(), stranger), "forbidden");
    let caseworker_shortlists = C::Shortlist {
        actor: caseworker(OFFICE),
        nomination_id: N1,
    };
    assert_eq!(refused(h, caseworker_shortlists), "forbidden");
}

#[test]
fn three_positions_four_hires_the_third_fills_and_the_fourth_is_refused() {
    let nominees = [(N1, 0x51), (N2, 0x52), (N3, 0x53), (N4, 0x54)];
    let two_hired = [offered(&nominees), vec![hired(N1, 0x51), hired(N2, 0x52)]].concat();
    Fx::with(())
        .given(two_hired.clone())
        .when(hire(N3))
        .then_expect_events(vec![hired(N3, 0x53), Ev::Filled]);
    let filled = [two_hired, vec![hired(N3, 0x53), Ev::Filled]].concat();
    assert_eq!(
        refused(filled.clone(), hire(N4)),
        "opportunity.positions_filled"
    );
    let mut state = Opportunity::default();
    for e in filled {
        state.apply(e);
    }
    assert_eq!((state.status, state.hires), (OpportunityStatus::Filled, 3));
}

#[test]
fn offers_and_hires_go_on_after_the_deadline_but_not_after_closing() {
    let expired = [offered(&[(N1, 0x51)]), vec![Ev::Expired { on: deadline() }]].concat();
    Fx::with(())
        .given(expired.clone())
        .when(hire(N1))
        .then_expect_events(vec![hired(N1, 0x51)]);
    let closed = [offered(&[(N1, 0x51)]), vec![Ev::Closed]].concat();
    assert_eq!(refused(closed, hire(N1)), "opportunity.wrong_status");
}

#[test]
fn the_nominees_office_records_a_declined_offer_and_the_employer_a_no_show() {
    let h = offered(&[(N1, 0x51)]);
    Fx::with(())
        .given(h.clone())
        .when(C::DeclineOffer {
            actor: caseworker(OFFICE),
            nomination_id: N1,
        })
        .then_expect_events(vec![Ev::OfferDeclined { nomination_id: N1 }]);
    let other_office = C::DeclineOffer {
        actor: caseworker(OFFICE2),
        nomination_id: N1,
    };
    assert_eq!(refused(h.clone(), other_office), "forbidden");
    Fx::with(())
        .given(h)
        .when(C::RecordNoShow {
            actor: employer(),
            nomination_id: N1,
        })
        .then_expect_events(vec![Ev::NoShow { nomination_id: N1 }]);
}

#[test]
fn a_withdrawn_consent_removes_the_nomination() {
    let h = [published(), vec![nominated(N1, 0x51, OFFICE)]].concat();
    Fx::with(())
        .given(h.clone())
        .when(C::WithdrawConsent {
            actor: caseworker(OFFICE),
            nomination_id: N1,
        })
        .then_expect_events(vec![Ev::ConsentWithdrawn { nomination_id: N1 }]);
    let gone = [h, vec![Ev::ConsentWithdrawn { nomination_id: N1 }]].concat();
    let mut state = Opportunity::default();
    for e in gone.clone() {
        state.apply(e);
    }
    assert!(state.nominations.is_empty());
    let shortlist = C::Shortlist {
        actor: employer(),
        nomination_id: N1,
    };
    assert_eq!(
        refused(gone.clone(), shortlist),
        "opportunity.nomination_not_found"
    );
    // Consent given again: the person may be put forward anew.
    Fx::with(())
        .given(gone)
        .when(nominate(N2, facts(0x51, 0x1051, OFFICE)))
        .then_expect_events(vec![nominated(N2, 0x51, OFFICE)]);
}

#[test]
fn contact_details_only_after_shortlisting_with_consent_and_each_read_is_recorded() {
    let h = [published(), vec![nominated(N1, 0x51, OFFICE)]].concat();
    let read = || C::ReadContact {
        actor: employer(),
        nomination_id: N1,
    };
    assert_eq!(refused(h.clone(), read()), "forbidden");
    let shortlisted = [h, vec![Ev::Shortlisted { nomination_id: N1 }]].concat();
    Fx::with(())
        .given(shortlisted.clone())
        .when(read())
        .then_expect_events(vec![Ev::ContactRead { nomination_id: N1 }]);
    let mut no_contact = nominated(N1, 0x51, OFFICE);
    if let Ev::Nominated {
        contact_consent, ..
    } = &mut no_contact
    {
        *contact_consent = false;
    }
    let without = vec![
        drafted(),
        Ev::Submitted,
        Ev::Published { directly: false },
        no_contact,
        Ev::Shortlisted { nomination_id: N1 },
    ];
    assert_eq!(refused(without.clone(), read()), "forbidden");
    let by_system = C::ReadContact {
        actor: Actor::system("export"),
        nomination_id: N1,
    };
    assert_eq!(
        refused(without, by_system),
        "opportunity.contact_not_disclosed"
    );
    let by_secretariat = C::ReadContact {
        actor: secretariat(),
        nomination_id: N1,
    };
    assert_eq!(refused(shortlisted, by_secretariat), "forbidden");
}

#[test]
fn events_read_back_from_the_store_as_written() {
    let events = [
        vec![drafted(), nominated(N1, 0x51, OFFICE), hired(N1, 0x51)],
        vec![Ev::Drafted {
            id: ID,
            organization_id: ORG,
            details: Posting {
                kind: Some(OpportunityKind::StartupGrantOrLoan),
                pay_min: None,
                pay_max: None,
                grant_amount: Some(7_000_000),
                ..posting()
            }
            .check(today())
            .unwrap(),
        }],
    ]
    .concat();
    for event in events {
        let json = serde_json::to_value(&event).unwrap();
        let back: Ev = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, event, "{json}");
    }
    // A stored event whose positions were tampered to zero does not load as valid.
    let mut json = serde_json::to_value(drafted()).unwrap();
    json["Drafted"]["details"]["positions"] = 0.into();
    assert!(serde_json::from_value::<Ev>(json).is_err());
}
