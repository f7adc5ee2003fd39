use super::*;
use cqrs_es::test::TestFramework;
use domain::access::{Actor, OrganizationStanding};
use domain::organization::{
    Organization, OrganizationCommand as OC, OrganizationProfile, ServiceTerms,
};
use domain::referral::{ProviderOffer, Referral, ReferralCommand as RC, ReferralStatus};
use sha2::{Digest, Sha256};

fn actor(w: &Who) -> Actor {
    match (w.user, w.org, w.kind, w.role) {
        (Some(u), Some(o), Some(k), Some(r)) => {
            Actor::member(u, &w.label, o, k, r, OrganizationStanding::Verified)
        }
        _ => Actor::system(w.label.trim_start_matches("system:")),
    }
}

/// What the directory would tell the claim rule about a bench provider in `g`.
fn provider_of(id: Uuid, g: usize) -> ProviderOffer {
    let k = (0..FOUNDING_PROVIDERS * 4)
        .find(|k| provider_id(*k) == id)
        .expect("a bench provider");
    let here = provider_governorates(k).contains(&g);
    ProviderOffer {
        org_id: id,
        verified: true,
        categories_here: if here {
            provider_categories(k).into_iter().collect()
        } else {
            BTreeSet::new()
        },
        full_here: BTreeSet::new(),
    }
}

/// The domain command that would have decided these events.
fn referral_command(c: &Cmd<RefEv>, g: usize) -> RC {
    let actor = actor(&c.who);
    match &c.events[0] {
        RefEv::Created {
            id,
            case_number,
            facts,
            needs,
            consent,
            personal,
            ..
        } => RC::Create {
            actor,
            id: *id,
            case_number: case_number.clone(),
            facts: facts.clone(),
            needs: needs.clone(),
            consent: consent.clone(),
            personal: personal.clone(),
            open: c.events.len() == 2,
        },
        RefEv::Opened => RC::Open { actor },
        RefEv::Claimed { provider_id } => RC::Claim {
            actor,
            provider: provider_of(*provider_id, g),
        },
        RefEv::Declined { reason, .. } => RC::Decline {
            actor,
            reason: reason.clone(),
        },
        RefEv::Accepted { .. } => RC::Accept { actor },
        RefEv::ServiceStarted => RC::StartService { actor },
        RefEv::ServiceDelivered { category, note } => RC::RecordDelivery {
            actor,
            category: *category,
            note: note.clone(),
        },
        RefEv::FollowUpAdded { due_on, note } => RC::AddFollowUp {
            actor,
            due_on: *due_on,
            note: note.clone(),
        },
        RefEv::PersonalDataViewed { purpose, .. } => RC::ViewPersonalData {
            actor,
            purpose: purpose.clone(),
            today: c.at.date_naive(),
        },
        RefEv::Closed { results } => RC::Close {
            actor,
            results: results.clone(),
        },
        RefEv::Withdrawn {
            consent_withdrawn,
            note,
        } => RC::Withdraw {
            actor,
            consent_withdrawn: *consent_withdrawn,
            note: note.clone(),
        },
        RefEv::Escalated { waited_hours } => RC::Escalate {
            actor,
            waited_hours: *waited_hours,
        },
        other => panic!("the bench writes no {other:?}"),
    }
}

fn replay_referral(world: &World, r: u64, shape: &Shape, age_s: i64) -> Referral {
    let cmds = referral_story(world, r, shape, 1, age_s).unwrap();
    let mut given: Vec<RefEv> = Vec::new();
    for c in &cmds {
        let decided = TestFramework::<Referral>::with(())
            .given(given.clone())
            .when(referral_command(c, shape.g))
            .inspect_result()
            .unwrap_or_else(|e| panic!("referral {r} {:?}: {e:?}", c.events[0]));
        assert_eq!(decided, c.events, "referral {r}");
        given.extend(decided);
    }
    assert_eq!(given.len() as u64, shape.len(), "referral {r}: length");
    let mut agg = Referral::default();
    for e in given {
        cqrs_es::Aggregate::apply(&mut agg, e);
    }
    agg
}

#[test]
fn every_referral_story_is_what_the_domain_decides() {
    let world = World::new().unwrap();
    let mut ends = std::collections::HashMap::new();
    for r in 0..3000u64 {
        let age_s = [3600, 2 * DAY, 10 * DAY, 200 * DAY][(r % 4) as usize];
        let shape = Shape::new(&world, r, age_s, 400);
        let agg = replay_referral(&world, r, &shape, age_s);
        let want = match shape.end {
            End::Draft => ReferralStatus::Draft,
            End::Open => ReferralStatus::Open,
            End::Withdrawn => ReferralStatus::Withdrawn,
            End::Claimed => ReferralStatus::Claimed,
            End::Accepted => ReferralStatus::Accepted,
            End::InService => ReferralStatus::InService,
            End::Closed => ReferralStatus::Closed,
        };
        assert_eq!(agg.status, want, "referral {r}");
        *ends.entry(format!("{:?}", shape.end)).or_insert(0) += 1;
    }
    assert_eq!(ends.len(), 7, "every ending occurs: {ends:?}");
}

#[test]
fn long_referrals_fill_a_timeline_page_in_the_reader_office() {
    let world = World::new().unwrap();
    let r = LONG_EVERY - 1;
    let shape = Shape::new(&world, r, 100 * DAY, 400);
    assert!(shape.long && shape.g == world.ninewa);
    assert!(shape.len() >= 50, "{}", shape.len());
    replay_referral(&world, r, &shape, 100 * DAY);
}

fn organization_command(c: &Cmd<OrgEv>) -> OC {
    let actor = actor(&c.who);
    match &c.events[0] {
        OrgEv::Registered {
            id,
            kind,
            name_ar,
            name_en,
            governorates,
        } => OC::Register {
            actor,
            id: *id,
            kind: *kind,
            profile: OrganizationProfile {
                name_ar: name_ar.clone(),
                name_en: name_en.clone(),
                governorates: governorates.clone(),
            },
        },
        OrgEv::Verified { note } => OC::Verify {
            actor,
            note: note.clone(),
        },
        OrgEv::MemberAdded {
            user_id,
            username,
            display_name,
            role,
        } => OC::AddMember {
            actor,
            user_id: *user_id,
            username: username.clone(),
            display_name: display_name.clone(),
            role: *role,
        },
        OrgEv::ServiceOffered {
            category,
            governorates,
            monthly_capacity,
        } => OC::OfferService {
            actor,
            terms: ServiceTerms {
                category: *category,
                governorates: governorates.clone(),
                monthly_capacity: *monthly_capacity,
            },
        },
        OrgEv::ServiceUpdated {
            category,
            governorates,
            monthly_capacity,
        } => OC::UpdateService {
            actor,
            terms: ServiceTerms {
                category: *category,
                governorates: governorates.clone(),
                monthly_capacity: *monthly_capacity,
            },
        },
        other => panic!("the bench writes no {other:?}"),
    }
}

fn replay_organization(cmds: &[Cmd<OrgEv>]) {
    let mut given: Vec<OrgEv> = Vec::new();
    for c in cmds {
        let decided = TestFramework::<Organization>::with(())
            .given(given.clone())
            .when(organization_command(c))
            .inspect_result()
            .unwrap_or_else(|e| panic!("{:?}: {e:?}", c.events[0]));
        assert_eq!(decided, c.events);
        given.extend(decided);
    }
}

#[test]
fn every_organisation_story_is_what_the_domain_decides() {
    let world = World::new().unwrap();
    let t = world.end;
    for g in 0..GOVERNORATES {
        replay_organization(&office_story(&world, g, t).unwrap());
    }
    replay_organization(&reader_provider_story(&world, t).unwrap());
    for p in [0, 1, 143, 144, LONG_EVERY - 1] {
        let cmds = provider_story(&world, p, t).unwrap();
        assert_eq!(cmds.len() as u64, provider_len(p));
        replay_organization(&cmds);
    }
}

#[test]
fn every_need_in_every_governorate_has_a_provider() {
    for c in 0..CATEGORIES {
        for g in 0..GOVERNORATES {
            let p = provider_for(c, g, FOUNDING_PROVIDERS * 3, 7).unwrap();
            assert!(provider_categories(p).contains(&ServiceCategory::ALL[c]));
            assert!(provider_governorates(p).contains(&g));
            assert!(p < FOUNDING_PROVIDERS * 3);
        }
    }
}

#[test]
fn the_plan_hits_the_total_and_is_mostly_referrals() {
    let world = World::new().unwrap();
    for total in [500u64, 20_000, 200_000, 1_000_000] {
        let plan = plan(&world, total);
        assert_eq!(plan.iter().map(|p| p.len).sum::<u64>(), total);
        if total >= 20_000 {
            let referral_events: u64 = plan
                .iter()
                .filter(|p| matches!(p.record, Record::Referral { .. }))
                .map(|p| p.len)
                .sum();
            assert!(referral_events * 100 / total >= 70, "{referral_events}");
            let board = plan
                .iter()
                .filter(|p| match &p.record {
                    Record::Referral { shape, .. } => shape.on_board_of(&world),
                    _ => false,
                })
                .count();
            assert!(board >= 20, "a full board page at {total}: {board}");
        }
    }
}

/// The reference, independent of `store`'s writer: the metadata and links as `store`
/// defines them, with serde_jcs over whole values.
fn reference_rows<E: DomainEvent + Serialize>(
    aggregate_type: &str,
    aggregate_id: &str,
    commands: &[Cmd<E>],
) -> Vec<(String, Value, Value)> {
    let mut prev = GENESIS_HASH.to_string();
    let mut rows = Vec::new();
    let mut sequence = 0u64;
    for c in commands {
        for e in &c.events {
            sequence += 1;
            let payload = serde_json::to_value(e).unwrap();
            let a = &c.who;
            let mut metadata = json!({
                "actor_user": a.user.map(|u| u.to_string()).unwrap_or_else(|| a.label.clone()),
                "actor_label": a.label,
                "actor_org": a.org.map(|o| o.to_string()),
                "actor_role": a.role.map(|r| r.as_str()),
                "command_id": c.command_id,
                "request_id": c.request_id,
                "occurred_at": c.at.to_rfc3339_opts(SecondsFormat::Micros, true),
                "prev_hash": prev,
            });
            let body = json!({
                "aggregate_type": aggregate_type,
                "aggregate_id": aggregate_id,
                "sequence": sequence,
                "event_type": e.event_type(),
                "event_version": e.event_version(),
                "payload": payload,
                "metadata": metadata,
            });
            let mut h = Sha256::new();
            h.update(prev.as_bytes());
            h.update(serde_jcs::to_vec(&body).unwrap());
            let hash = hex::encode(h.finalize());
            metadata["hash"] = Value::String(hash.clone());
            prev = hash;
            rows.push((e.event_type(), payload, metadata));
        }
    }
    rows
}

/// The rows as `write_record` writes them, parsed back from the CSV.
fn written_rows<E: DomainEvent + Serialize>(
    aggregate_type: &str,
    aggregate_id: &str,
    commands: &[Cmd<E>],
) -> Vec<(String, Value, Value)> {
    let mut out = Vec::new();
    write_record(&mut out, aggregate_type, aggregate_id, commands, u64::MAX).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| {
            // type,"id",seq,event_type,version,"payload","metadata" (RFC 4180 quoting)
            let mut fields = Vec::new();
            let mut field = String::new();
            let mut quoted = false;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match (c, quoted) {
                    ('"', true) if chars.peek() == Some(&'"') => {
                        field.push('"');
                        chars.next();
                    }
                    ('"', _) => quoted = !quoted,
                    (',', false) => fields.push(std::mem::take(&mut field)),
                    (c, _) => field.push(c),
                }
            }
            fields.push(field);
            assert_eq!(fields.len(), 7, "{line}");
            (
                fields[3].clone(),
                serde_json::from_str(&fields[5]).unwrap(),
                serde_json::from_str(&fields[6]).unwrap(),
            )
        })
        .collect()
}

#[test]
fn hashes_and_metadata_are_the_stores() {
    let world = World::new().unwrap();
    let t = world.end - chrono::Duration::days(3);
    let office = office_story(&world, 3, t).unwrap();
    let id = office_id(3).to_string();
    assert_eq!(
        written_rows(ORGANIZATION, &id, &office),
        reference_rows(ORGANIZATION, &id, &office)
    );
    let provider = provider_story(&world, LONG_EVERY - 1, t).unwrap();
    let id = provider_id(LONG_EVERY - 1).to_string();
    assert_eq!(
        written_rows(ORGANIZATION, &id, &provider),
        reference_rows(ORGANIZATION, &id, &provider)
    );
    let mut types = BTreeSet::new();
    for r in 0..600u64 {
        let age_s = [3600, 4 * DAY, 200 * DAY][(r % 3) as usize];
        let shape = Shape::new(&world, r, age_s, 400);
        let cmds = referral_story(&world, r, &shape, r + 1, age_s).unwrap();
        let id = referral_id(r).to_string();
        let written = written_rows(REFERRAL, &id, &cmds);
        assert_eq!(
            written,
            reference_rows(REFERRAL, &id, &cmds),
            "referral {r}"
        );
        types.extend(written.into_iter().map(|(t, _, _)| t));
    }
    assert!(types.len() >= 12, "{types:?}");
}

#[test]
fn csv_doubles_quotes() {
    let mut s = Vec::new();
    csv_field(&mut s, br#"{"a":"b"}"#);
    assert_eq!(s, br#""{""a"":""b""}""#);
}
