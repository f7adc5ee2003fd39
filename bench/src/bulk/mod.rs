//! A large, valid event log made quickly: organisation and referral events built from the
//! domain's own event types, with the same metadata and hash links `store` writes (so
//! `sanad verify` accepts them), loaded with COPY in batches of their own transactions.
//!
//! The shape, so that every read model has realistic work:
//! - the founding directory: one NRM office per governorate (a supervisor and three case
//!   workers), one provider for every need in every governorate (144: two services each in
//!   three governorates, a coordinator and a staff member), and one large provider whose
//!   staff member reads the board in the benchmark;
//! - then every 8th record is another provider (10 events; every 500th has 120, so an
//!   organisation's audit history page of 50 is full) and the rest are referrals (about
//!   85 % of all events). A referral is created by a case worker of its governorate's office
//!   and goes as far as its age allows — open, claimed (sometimes declined and claimed by
//!   another provider), accepted, in service, delivered need by need, followed up, closed,
//!   or withdrawn; open ones older than the service-level time carry the platform's
//!   escalation. Every 500th referral (all in the Ninewa office) is a long case of about 60
//!   events — 25 follow-ups and 25 readings of the personal data — so a referral's audit
//!   history page of 50 is full.
//!
//! Every command of a story is one the aggregate itself would decide from the events
//! before it (a test replays them through the domain). Records are spaced 30 s per event
//! back from now, so the newest referrals are the ones still waiting, at any log size.
//!
//! Personal data is sealed in real events; here the sealed fields hold random bytes of a
//! real seal's size, and no key is stored for them (as if the person were erased): nothing
//! in the rebuild or the reads opens them.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, Utc};
use cqrs_es::DomainEvent;
use domain::organization::{OrganizationEvent as OrgEv, AGGREGATE_TYPE as ORGANIZATION};
use domain::referral::{
    AgeBand, BeneficiaryFacts, BeneficiaryType, ClosureReason, Consent, ConsentGiver, Need,
    NeedOutcome, NeedResult, Priority, ReferralEvent as RefEv, Sealed, Sex, Side, Vulnerability,
    AGGREGATE_TYPE as REFERRAL,
};
use domain::values::{Governorate, Name, OrganizationKind, Role, ServiceCategory};
use rand::rngs::StdRng;
use rand::{RngCore, SeedableRng};
use serde::Serialize;
use serde_json::{json, Value};
use sqlx::PgPool;
use store::{write_canonical_json, EventBody, GENESIS_HASH};
use uuid::Uuid;

const EVENTS_PER_BATCH: usize = 50_000;
/// Every 500th provider and every 500th referral has a long history.
const LONG_EVERY: u64 = 500;
const LONG_ORGANIZATION_EVENTS: u64 = 120;
const SHORT_PROVIDER_EVENTS: u64 = 10;
const OFFICE_EVENTS: u64 = 6;
const READER_PROVIDER_EVENTS: u64 = 7;
/// Rounds of (follow-up, personal data viewed) in a long referral.
const LONG_ROUNDS: u64 = 25;
/// After the founding directory, one record in 8 is a new provider.
const PROVIDER_EVERY: u64 = 8;
const CATEGORIES: usize = 8;
const GOVERNORATES: usize = 18;
/// One provider per category and governorate: whatever a referral needs, where it lives,
/// someone offers it.
const FOUNDING_PROVIDERS: u64 = (CATEGORIES * GOVERNORATES) as u64;
const CASEWORKERS_PER_OFFICE: u64 = 3;
/// Log time per event: 1,000,000 events span about 11.5 months, 20,000 about a week.
const SECONDS_PER_EVENT: i64 = 30;
/// The platform's default service-level time (REFERRAL_SLA_HOURS).
const SLA_HOURS: i64 = 72;
const DAY: i64 = 86_400;

/// What was loaded, and ids and facts for the reads.
#[derive(Debug, Clone)]
pub struct BulkLog {
    pub events: u64,
    pub organizations: u64,
    pub organization_events: u64,
    pub referrals: u64,
    pub referral_events: u64,
    /// Organisations with a full history page (≥ 50 events).
    pub long_histories: Vec<Uuid>,
    /// Organisations for the profile reads.
    pub sample: Vec<Uuid>,
    /// Referrals of the reader office with a full timeline page (≥ 50 events).
    pub long_referrals: Vec<Uuid>,
    /// The Ninewa NRM office: the timeline reader joins it.
    pub reader_office: Uuid,
    /// The large provider: the board reader joins it.
    pub reader_provider: Uuid,
    /// Open referrals on the reader provider's board (the last record, if cut short, aside).
    pub board_size: u64,
    pub elapsed: Duration,
}

/// Who did it, typed (the tests rebuild the domain's actor from it).
#[derive(Debug, Clone)]
struct Who {
    user: Option<Uuid>,
    label: String,
    org: Option<Uuid>,
    // Not in the metadata (the store does not write it); the tests rebuild actors with it.
    #[cfg_attr(not(test), allow(dead_code))]
    kind: Option<OrganizationKind>,
    role: Option<Role>,
}

/// One command of a story: the events it appended, who asked and when.
struct Cmd<E> {
    who: Who,
    at: DateTime<Utc>,
    command_id: String,
    request_id: String,
    events: Vec<E>,
}

/// A command's metadata as `store` writes it (see `store::CommandContext`), built once per
/// command; `write_record` sets `prev_hash` and `hash` per event, as the append path does.
fn metadata(who: &Who, command_id: &str, request_id: &str, at: DateTime<Utc>) -> Value {
    json!({
        "actor_user": who.user.map(|u| u.to_string()).unwrap_or_else(|| who.label.clone()),
        "actor_label": who.label,
        "actor_org": who.org.map(|o| o.to_string()),
        "actor_role": who.role.map(|r| r.as_str()),
        "command_id": command_id,
        "request_id": request_id,
        "occurred_at": at.to_rfc3339_opts(SecondsFormat::Micros, true),
    })
}

fn csv_field(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for (i, part) in s.split(|b| *b == b'"').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(part);
    }
    out.push(b'"');
}

/// The CSV rows of a record's first `limit` events, linked by `store`'s own hashing.
fn write_record<E: DomainEvent + Serialize>(
    out: &mut Vec<u8>,
    aggregate_type: &str,
    aggregate_id: &str,
    commands: &[Cmd<E>],
    limit: u64,
) -> Result<(), String> {
    let mut prev_hash = GENESIS_HASH.to_string();
    let mut sequence = 0u64;
    let mut payload = Vec::with_capacity(1024);
    let mut metadata_text = Vec::with_capacity(512);
    for c in commands {
        let mut metadata = metadata(&c.who, &c.command_id, &c.request_id, c.at);
        for event in &c.events {
            if sequence >= limit {
                return Ok(());
            }
            sequence += 1;
            let event_type = event.event_type();
            let event_version = event.event_version();
            let value = serde_json::to_value(event).map_err(|e| format!("payload: {e}"))?;
            set(&mut metadata, "prev_hash", Some(&prev_hash))?;
            set(&mut metadata, "hash", None)?;
            let hash = EventBody {
                aggregate_type,
                aggregate_id,
                sequence: i64::try_from(sequence).map_err(|e| format!("sequence: {e}"))?,
                event_type: &event_type,
                event_version: &event_version,
                payload: &value,
                metadata: &metadata,
            }
            .hash(&prev_hash)
            .map_err(|e| format!("hash: {e}"))?;
            set(&mut metadata, "hash", Some(&hash))?;
            payload.clear();
            write_canonical_json(&value, &mut payload).map_err(|e| format!("payload: {e}"))?;
            metadata_text.clear();
            write_canonical_json(&metadata, &mut metadata_text)
                .map_err(|e| format!("metadata: {e}"))?;
            out.extend_from_slice(aggregate_type.as_bytes());
            out.push(b',');
            csv_field(out, aggregate_id.as_bytes());
            // Writing into a Vec cannot fail.
            let _ = write!(out, ",{sequence},{event_type},{event_version},");
            csv_field(out, &payload);
            out.push(b',');
            csv_field(out, &metadata_text);
            out.push(b'\n');
            prev_hash = hash;
        }
    }
    Ok(())
}

/// Sets (or, with `None`, removes) a string member of the metadata object.
fn set(metadata: &mut Value, key: &str, value: Option<&str>) -> Result<(), String> {
    let Value::Object(fields) = metadata else {
        return Err("metadata: not an object".into());
    };
    match value {
        Some(v) => {
            fields.insert(key.into(), Value::String(v.into()));
        }
        None => {
            fields.remove(key);
        }
    }
    Ok(())
}

/// A cheap, well-spread hash: every choice in the log is a function of a record's number.
fn mix(n: u64, salt: u64) -> u64 {
    let mut z = n
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt.wrapping_mul(0xBF58_476D_1CE4_E5B9))
        .wrapping_add(0x94D0_49BB_1331_11EB);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick_weighted(cumulative: &[u64], h: u64) -> usize {
    let total = cumulative.last().copied().unwrap_or(1).max(1);
    let x = h % total;
    cumulative.partition_point(|&c| c <= x)
}

fn cumulative(weights: &[u64]) -> Vec<u64> {
    weights
        .iter()
        .scan(0u64, |acc, w| {
            *acc += w;
            Some(*acc)
        })
        .collect()
}

fn v5(name: &str) -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_OID, name.as_bytes())
}

fn office_id(g: usize) -> Uuid {
    v5(&format!("bench-office:{g}"))
}

fn provider_id(p: u64) -> Uuid {
    v5(&format!("bench-organization:{p}"))
}

fn reader_provider_id() -> Uuid {
    v5("bench-provider:reader")
}

fn referral_id(r: u64) -> Uuid {
    v5(&format!("bench-referral:{r}"))
}

fn name(s: &str) -> Result<Name, String> {
    Name::new(s).map_err(|e| format!("name {s:?}: {e:?}"))
}

/// Which categories a provider offers, and where.
fn provider_categories(p: u64) -> [ServiceCategory; 2] {
    let c = ServiceCategory::ALL;
    [c[(p % 8) as usize], c[((p + 3) % 8) as usize]]
}

fn provider_governorates(p: u64) -> [usize; 3] {
    let g = (p / 8) as usize;
    [
        g % GOVERNORATES,
        (g + 1) % GOVERNORATES,
        (g + 7) % GOVERNORATES,
    ]
}

/// A provider (among the first `providers_before`) offering category `c` in governorate `g`.
fn provider_for(c: usize, g: usize, providers_before: u64, salt: u64) -> Option<u64> {
    let first = (c + CATEGORIES * g) as u64;
    if providers_before <= first {
        return None;
    }
    let count = (providers_before - 1 - first) / FOUNDING_PROVIDERS + 1;
    Some(first + FOUNDING_PROVIDERS * (salt % count))
}

/// What the whole log shares: the governorates, the clock, the Secretariat's actor, the
/// weights of where people live and what they need.
struct World {
    govs: Vec<Governorate>,
    /// The time of the newest record.
    end: DateTime<Utc>,
    admin: Who,
    ninewa: usize,
    reader_govs: Vec<usize>,
    reader_categories: [ServiceCategory; 3],
    gov_weights: Vec<u64>,
    need_weights: Vec<u64>,
}

impl World {
    fn new() -> Result<Self, String> {
        let govs = Governorate::all();
        if govs.len() != GOVERNORATES {
            return Err(format!(
                "expected {GOVERNORATES} governorates, the domain has {}",
                govs.len()
            ));
        }
        let at = |code: &str| {
            govs.iter()
                .position(|g| g.code() == code)
                .ok_or_else(|| format!("no governorate {code}"))
        };
        // Where returnees and displaced people live: Ninewa first, then Anbar, Baghdad, ...
        let mut gov_weights = vec![2u64; GOVERNORATES];
        for (code, w) in [
            ("IQ-NI", 25),
            ("IQ-AN", 12),
            ("IQ-BG", 12),
            ("IQ-SD", 8),
            ("IQ-KI", 8),
            ("IQ-DA", 6),
            ("IQ-AR", 6),
        ] {
            gov_weights[at(code)?] = w;
        }
        // In ServiceCategory::ALL order: livelihoods, vocational training, housing, HLP,
        // medical, psychosocial, legal, civil documentation.
        let need_weights = cumulative(&[30, 6, 10, 3, 10, 15, 6, 20]);
        let reader_govs = ["IQ-NI", "IQ-AN", "IQ-BG", "IQ-SD", "IQ-KI"]
            .iter()
            .map(|c| at(c))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            ninewa: at("IQ-NI")?,
            govs,
            end: Utc::now() - chrono::Duration::minutes(10),
            admin: Who {
                user: Some(Uuid::new_v4()),
                label: "bench.seed".into(),
                org: Some(Uuid::new_v4()),
                kind: Some(OrganizationKind::Secretariat),
                role: Some(Role::SecretariatAdmin),
            },
            reader_govs,
            reader_categories: [
                ServiceCategory::Livelihoods,
                ServiceCategory::CivilDocumentation,
                ServiceCategory::Psychosocial,
            ],
            gov_weights: cumulative(&gov_weights),
            need_weights,
        })
    }

    fn govs(&self, idx: &[usize]) -> BTreeSet<Governorate> {
        idx.iter().map(|&g| self.govs[g].clone()).collect()
    }

    fn caseworker(&self, g: usize, c: u64) -> Who {
        let code = self.govs[g].code().trim_start_matches("IQ-").to_lowercase();
        Who {
            user: Some(v5(&format!("bench-user:office:{g}:caseworker:{c}"))),
            label: format!("nrm.{code}.caseworker{c}"),
            org: Some(office_id(g)),
            kind: Some(OrganizationKind::NrmOffice),
            role: Some(Role::NrmCaseworker),
        }
    }

    fn staff(&self, p: u64) -> Who {
        Who {
            user: Some(v5(&format!("bench-user:provider:{p}:staff"))),
            label: format!("bench.p{p}.staff"),
            org: Some(provider_id(p)),
            kind: Some(provider_kind(p)),
            role: Some(Role::ProviderStaff),
        }
    }
}

fn provider_kind(p: u64) -> OrganizationKind {
    const KINDS: [OrganizationKind; 6] = [
        OrganizationKind::Ngo,
        OrganizationKind::Ngo,
        OrganizationKind::Ngo,
        OrganizationKind::Ngo,
        OrganizationKind::InternationalOrganization,
        OrganizationKind::Ministry,
    ];
    KINDS[(p % KINDS.len() as u64) as usize]
}

/// Commands of an organisation's record, `every` seconds apart from `start`.
fn org_commands(
    world: &World,
    key: &str,
    start: DateTime<Utc>,
    events: Vec<OrgEv>,
) -> Vec<Cmd<OrgEv>> {
    events
        .into_iter()
        .enumerate()
        .map(|(i, e)| Cmd {
            who: world.admin.clone(),
            at: start + chrono::Duration::seconds(20 * i as i64),
            command_id: format!("bulk-{key}-{i}"),
            request_id: format!("bulk-{key}"),
            events: vec![e],
        })
        .collect()
}

fn member_added(user: Uuid, username: String, display: &str, role: Role) -> Result<OrgEv, String> {
    Ok(OrgEv::MemberAdded {
        user_id: user,
        username,
        display_name: name(display)?,
        role,
    })
}

/// How every organisation of the log begins: registered, then verified.
fn verified(
    id: Uuid,
    kind: OrganizationKind,
    name_ar: &str,
    name_en: &str,
    governorates: BTreeSet<Governorate>,
) -> Result<Vec<OrgEv>, String> {
    Ok(vec![
        OrgEv::Registered {
            id,
            kind,
            name_ar: name(name_ar)?,
            name_en: name(name_en)?,
            governorates,
        },
        OrgEv::Verified {
            note: Some("documents checked".into()),
        },
    ])
}

/// A provider's two accounts, each `(user, username)`: the coordinator of its services and
/// the staff member who takes its referrals.
fn provider_members(
    coordinator: (Uuid, String),
    staff: (Uuid, String),
) -> Result<[OrgEv; 2], String> {
    Ok([
        member_added(
            coordinator.0,
            coordinator.1,
            "منسق الخدمات",
            Role::ProviderCoordinator,
        )?,
        member_added(staff.0, staff.1, "موظف الحالات", Role::ProviderStaff)?,
    ])
}

/// A service offered in `governorates` for each of `categories`.
fn offered<'a>(
    categories: &'a [ServiceCategory],
    governorates: &'a BTreeSet<Governorate>,
    monthly_capacity: u32,
) -> impl Iterator<Item = OrgEv> + 'a {
    categories
        .iter()
        .map(move |&category| OrgEv::ServiceOffered {
            category,
            governorates: governorates.clone(),
            monthly_capacity,
        })
}

fn office_story(world: &World, g: usize, start: DateTime<Utc>) -> Result<Vec<Cmd<OrgEv>>, String> {
    let gov = &world.govs[g];
    let code = gov.code().trim_start_matches("IQ-").to_lowercase();
    let mut events = verified(
        office_id(g),
        OrganizationKind::NrmOffice,
        &format!("مكتب الإحالة الوطني في {}", gov.name_ar()),
        &format!("NRM office {}", gov.name_en()),
        world.govs(&[g]),
    )?;
    events.push(member_added(
        v5(&format!("bench-user:office:{g}:supervisor")),
        format!("nrm.{code}.supervisor"),
        "مشرف المكتب",
        Role::NrmSupervisor,
    )?);
    for c in 0..CASEWORKERS_PER_OFFICE {
        let w = world.caseworker(g, c);
        events.push(member_added(
            w.user.unwrap_or_default(),
            w.label,
            &format!("باحث الحالة {c}"),
            Role::NrmCaseworker,
        )?);
    }
    Ok(org_commands(world, &format!("office{g}"), start, events))
}

fn provider_len(p: u64) -> u64 {
    if p % LONG_EVERY == LONG_EVERY - 1 {
        LONG_ORGANIZATION_EVENTS
    } else {
        SHORT_PROVIDER_EVENTS
    }
}

fn provider_story(world: &World, p: u64, start: DateTime<Utc>) -> Result<Vec<Cmd<OrgEv>>, String> {
    let govs = world.govs(&provider_governorates(p));
    let cats = provider_categories(p);
    let staff = world.staff(p);
    let mut events = verified(
        provider_id(p),
        provider_kind(p),
        &format!("منظمة رقم {p}"),
        &format!("Organisation {p}"),
        govs.clone(),
    )?;
    events.extend(provider_members(
        (
            v5(&format!("bench-user:provider:{p}:coordinator")),
            format!("bench.p{p}.coordinator"),
        ),
        (staff.user.unwrap_or_default(), staff.label),
    )?);
    events.extend(offered(&cats, &govs, 100));
    // Capacity changes only: where a provider serves stays as offered, so the referrals
    // that name it as holder still match its services.
    for seq in events.len() as u64 + 1..=provider_len(p) {
        events.push(OrgEv::ServiceUpdated {
            category: cats[(seq % 2) as usize],
            governorates: govs.clone(),
            monthly_capacity: ((p * 31 + seq * 17) % 5000 + 1) as u32,
        });
    }
    Ok(org_commands(world, &format!("p{p}"), start, events))
}

fn reader_provider_story(world: &World, start: DateTime<Utc>) -> Result<Vec<Cmd<OrgEv>>, String> {
    let govs = world.govs(&world.reader_govs);
    let mut events = verified(
        reader_provider_id(),
        OrganizationKind::InternationalOrganization,
        "المنظمة الدولية لإعادة الإدماج",
        "International Reintegration Organisation",
        govs.clone(),
    )?;
    events.extend(provider_members(
        (
            v5("bench-user:reader-provider:coordinator"),
            "bench.reader.coordinator".into(),
        ),
        (
            v5("bench-user:reader-provider:staff"),
            "bench.reader.staff".into(),
        ),
    )?);
    events.extend(offered(&world.reader_categories, &govs, 2000));
    Ok(org_commands(world, "reader", start, events))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Draft,
    Open,
    Withdrawn,
    Claimed,
    Accepted,
    InService,
    Closed,
}

/// How referrals' stories end, in the order of `ENDS`: shares out of a hundred, for a
/// referral within the SLA, within a month, and older.
const ENDS: [End; 7] = [
    End::Draft,
    End::Open,
    End::Claimed,
    End::Accepted,
    End::InService,
    End::Closed,
    End::Withdrawn,
];
const END_SHARES: [[u64; 7]; 3] = [
    [5, 40, 10, 15, 25, 0, 5],
    [1, 2, 2, 5, 35, 45, 10],
    [0, 1, 0, 0, 3, 84, 12],
];

/// Everything about a referral that decides its length; the story follows from it.
#[derive(Debug, Clone)]
struct Shape {
    g: usize,
    needs: Vec<Need>,
    end: End,
    /// Created as a draft and opened later (otherwise opened at creation).
    draft_first: bool,
    /// Claimed, declined, and claimed by another provider.
    declined: bool,
    escalated: bool,
    deliveries: u64,
    follow_ups: u64,
    long: bool,
    /// The first claimer, and (if declined) the second.
    claimers: [u64; 2],
}

impl Shape {
    fn new(world: &World, r: u64, age_s: i64, providers_before: u64) -> Self {
        let long = r % LONG_EVERY == LONG_EVERY - 1;
        let g = if long {
            world.ninewa
        } else {
            pick_weighted(&world.gov_weights, mix(r, 1))
        };
        let h = mix(r, 2);
        let n_needs = if long {
            2
        } else {
            1 + usize::from(h % 100 >= 50) + usize::from(h % 100 >= 85)
        };
        let mut needs: Vec<Need> = Vec::with_capacity(n_needs);
        let mut salt = 10;
        while needs.len() < n_needs && salt < 40 {
            let c = ServiceCategory::ALL[pick_weighted(&world.need_weights, mix(r, salt))];
            if !needs.iter().any(|n| n.category == c) {
                let priority = match mix(r, salt + 100) % 10 {
                    0..=1 => Priority::High,
                    2..=7 => Priority::Medium,
                    _ => Priority::Low,
                };
                needs.push(Need {
                    category: c,
                    priority,
                });
            }
            salt += 1;
        }
        let u = mix(r, 3) % 100;
        let mut end = if long {
            End::Closed
        } else {
            let age = if age_s < SLA_HOURS * 3600 {
                0
            } else if age_s < 30 * DAY {
                1
            } else {
                2
            };
            ENDS[pick_weighted(&cumulative(&END_SHARES[age]), u)]
        };
        let c0 = ServiceCategory::ALL
            .iter()
            .position(|c| Some(*c) == needs.first().map(|n| n.category))
            .unwrap_or(0);
        let first = provider_for(c0, g, providers_before, mix(r, 4));
        // A provider that offers the same need from its other service.
        let second = provider_for((c0 + 5) % CATEGORIES, g, providers_before, mix(r, 5));
        let (claimers, can_decline) = match (first, second) {
            (Some(a), Some(b)) => ([a, b], a != b),
            (Some(a), None) => ([a, a], false),
            _ => {
                if !matches!(end, End::Draft | End::Open | End::Withdrawn) {
                    end = End::Open;
                }
                ([0, 0], false)
            }
        };
        let held = matches!(
            end,
            End::Claimed | End::Accepted | End::InService | End::Closed
        );
        let declined = held && can_decline && !long && mix(r, 6).is_multiple_of(10);
        let draft_first = end != End::Open && end != End::Draft && mix(r, 7).is_multiple_of(4);
        let escalated = end == End::Open && age_s > (SLA_HOURS + 1) * 3600;
        let n = needs.len() as u64;
        let deliveries = match end {
            End::Closed => n,
            End::InService => mix(r, 8) % n.max(1),
            _ => 0,
        };
        let follow_ups = u64::from(
            matches!(end, End::InService | End::Closed) && (long || mix(r, 9).is_multiple_of(4)),
        );
        Shape {
            g,
            needs,
            end,
            draft_first,
            declined,
            escalated,
            deliveries,
            follow_ups,
            long,
            claimers,
        }
    }

    /// How many events the story has.
    fn len(&self) -> u64 {
        let claimed = 4 + 3 * u64::from(self.declined);
        match self.end {
            End::Draft => 1,
            End::Open => 2 + u64::from(self.escalated),
            End::Withdrawn => 3,
            End::Claimed => claimed,
            End::Accepted => claimed + 1,
            End::InService | End::Closed => {
                claimed
                    + 2
                    + self.deliveries
                    + self.follow_ups
                    + 2 * LONG_ROUNDS * u64::from(self.long)
                    + u64::from(self.end == End::Closed)
            }
        }
    }

    fn on_board_of(&self, world: &World) -> bool {
        self.end == End::Open
            && world.reader_govs.contains(&self.g)
            && self
                .needs
                .iter()
                .any(|n| world.reader_categories.contains(&n.category))
    }
}

/// Random bytes of the size `KeyRing::seal` makes from `plain_len` bytes.
fn sealed(rng: &mut StdRng, plain_len: usize) -> Sealed {
    let mut nonce = [0u8; 24];
    rng.fill_bytes(&mut nonce);
    let mut ct = vec![0u8; plain_len + 16];
    rng.fill_bytes(&mut ct);
    Sealed {
        nonce: hex::encode(nonce),
        ciphertext: hex::encode(ct),
    }
}

fn facts(world: &World, r: u64, g: usize) -> BeneficiaryFacts {
    let h = mix(r, 20);
    let beneficiary_type = BeneficiaryType::ALL[(h % 4) as usize];
    let return_country = (beneficiary_type == BeneficiaryType::ReturneeFromAbroad)
        .then(|| ["DE", "TR", "JO", "LB", "SE", "NL"][((h >> 8) % 6) as usize].to_string());
    let mut vulnerabilities = BTreeSet::new();
    for (i, v) in Vulnerability::ALL.iter().enumerate() {
        if mix(r, 30 + i as u64).is_multiple_of(9) {
            vulnerabilities.insert(*v);
        }
    }
    BeneficiaryFacts {
        beneficiary_type,
        return_country,
        governorate: world.govs[g].clone(),
        district: (h >> 16)
            .is_multiple_of(2)
            .then(|| format!("District {}", (h >> 20) % 12 + 1)),
        sex: if (h >> 24).is_multiple_of(2) {
            Sex::Female
        } else {
            Sex::Male
        },
        age_band: AgeBand::ALL[((h >> 28) % AgeBand::ALL.len() as u64) as usize],
        household_size: ((h >> 32) % 8 + 1) as u16,
        vulnerabilities,
    }
}

/// The commands of referral `r`, oldest first, as the platform would have recorded them.
fn referral_story(
    world: &World,
    r: u64,
    shape: &Shape,
    case_no: u64,
    age_s: i64,
) -> Result<Vec<Cmd<RefEv>>, String> {
    let id = referral_id(r);
    let created = world.end - chrono::Duration::seconds(age_s);
    let g = shape.g;
    let cw = world.caseworker(g, r % CASEWORKERS_PER_OFFICE);
    let cw_user = cw.user.unwrap_or_default();
    let mut rng = StdRng::seed_from_u64(r);
    let facts = facts(world, r, g);
    let given_on = created.date_naive();
    let consent = Consent {
        given_by: if facts.age_band == AgeBand::Under18 {
            ConsentGiver::Guardian
        } else {
            ConsentGiver::Person
        },
        given_on,
        // A draft may still wait for the person's agreement to share.
        share_with_providers: shape.end != End::Draft || mix(r, 11).is_multiple_of(2),
        may_contact: true,
        expires_on: Some(given_on + chrono::Duration::days(365)),
    };
    let code = world.govs[g].code().trim_start_matches("IQ-");
    let year = created.format("%Y");
    // Steps without an explicit time are spread over the referral's life (at most 30 days).
    let mut steps: Vec<(Who, Vec<RefEv>, Option<DateTime<Utc>>)> = Vec::new();
    let mut created_events = vec![RefEv::Created {
        id,
        case_number: format!("NRM-{code}-{year}-{case_no:06}"),
        office_id: office_id(g),
        created_by: cw_user,
        facts,
        needs: shape.needs.clone(),
        consent,
        personal: sealed(&mut rng, 160 + (r % 80) as usize),
    }];
    let opens = shape.end != End::Draft;
    if opens && !shape.draft_first {
        created_events.push(RefEv::Opened);
    }
    steps.push((cw.clone(), created_events, Some(created)));
    if opens && shape.draft_first {
        steps.push((cw.clone(), vec![RefEv::Opened], None));
    }
    let claim = |p: u64| -> (Who, Vec<RefEv>, Option<DateTime<Utc>>) {
        let staff = world.staff(p);
        let user_id = staff.user.unwrap_or_default();
        (
            staff,
            vec![
                RefEv::Claimed {
                    provider_id: provider_id(p),
                },
                RefEv::CaseworkerAssigned {
                    user_id,
                    side: Side::Provider,
                },
            ],
            None,
        )
    };
    let holder = if shape.declined {
        shape.claimers[1]
    } else {
        shape.claimers[0]
    };
    match shape.end {
        End::Draft => {}
        End::Open => {
            if shape.escalated {
                let waited = SLA_HOURS * 3600 + (r % 3000) as i64;
                steps.push((
                    Who {
                        user: None,
                        label: "system:sla".into(),
                        org: None,
                        kind: None,
                        role: None,
                    },
                    vec![RefEv::Escalated {
                        waited_hours: (waited / 3600) as u32,
                    }],
                    Some(created + chrono::Duration::seconds(waited)),
                ));
            }
        }
        End::Withdrawn => {
            steps.push((
                cw.clone(),
                vec![RefEv::Withdrawn {
                    consent_withdrawn: mix(r, 12).is_multiple_of(3),
                    note: Some("the person moved away".into()),
                }],
                None,
            ));
        }
        _ => {
            steps.push(claim(shape.claimers[0]));
            if shape.declined {
                steps.push((
                    world.staff(shape.claimers[0]),
                    vec![RefEv::Declined {
                        provider_id: provider_id(shape.claimers[0]),
                        reason: "no capacity this month".into(),
                    }],
                    None,
                ));
                steps.push(claim(shape.claimers[1]));
            }
            let staff = world.staff(holder);
            if shape.end != End::Claimed {
                steps.push((
                    staff.clone(),
                    vec![RefEv::Accepted {
                        provider_id: provider_id(holder),
                    }],
                    None,
                ));
            }
            if matches!(shape.end, End::InService | End::Closed) {
                steps.push((staff.clone(), vec![RefEv::ServiceStarted], None));
                for need in shape.needs.iter().take(shape.deliveries as usize) {
                    steps.push((
                        staff.clone(),
                        vec![RefEv::ServiceDelivered {
                            category: need.category,
                            note: None,
                        }],
                        None,
                    ));
                }
                for _ in 0..shape.follow_ups {
                    steps.push((
                        cw.clone(),
                        vec![RefEv::FollowUpAdded {
                            due_on: given_on + chrono::Duration::days(30),
                            note: Some(sealed(&mut rng, 60)),
                        }],
                        None,
                    ));
                }
                if shape.long {
                    for round in 0..LONG_ROUNDS {
                        steps.push((
                            cw.clone(),
                            vec![RefEv::FollowUpAdded {
                                due_on: given_on + chrono::Duration::days(7 * (round as i64 + 1)),
                                note: Some(sealed(&mut rng, 80)),
                            }],
                            None,
                        ));
                        steps.push((
                            cw.clone(),
                            vec![RefEv::PersonalDataViewed {
                                by: cw_user,
                                purpose: "telephone follow-up".into(),
                            }],
                            None,
                        ));
                    }
                }
            }
            if shape.end == End::Closed {
                let results = shape
                    .needs
                    .iter()
                    .enumerate()
                    .map(|(i, n)| {
                        let (outcome, reason) = match mix(r, 40 + i as u64) % 20 {
                            0..=14 => (NeedOutcome::Resolved, None),
                            15..=17 => {
                                (NeedOutcome::PartlyResolved, Some(ClosureReason::NoCapacity))
                            }
                            _ => (
                                NeedOutcome::NotResolved,
                                Some(ClosureReason::UnableToContactPerson),
                            ),
                        };
                        NeedResult {
                            category: n.category,
                            outcome,
                            reason,
                            note: None,
                        }
                    })
                    .collect();
                steps.push((staff, vec![RefEv::Closed { results }], None));
            }
        }
    }
    let life = age_s.min(30 * DAY);
    let m = steps.len().max(1) as i64;
    Ok(steps
        .into_iter()
        .enumerate()
        .map(|(i, (who, events, at))| {
            let at = at.unwrap_or_else(|| {
                created + chrono::Duration::milliseconds(life * 900 * i as i64 / m)
            });
            let (command_id, request_id) = match events.first() {
                Some(RefEv::Escalated { .. }) => (format!("sla:escalate:{id}"), "sla".to_string()),
                _ => (format!("bulk-r{r}-{i}"), format!("bulk-r{r}-{i}")),
            };
            Cmd {
                who,
                at,
                command_id,
                request_id,
                events,
            }
        })
        .collect())
}

#[derive(Debug, Clone)]
enum Record {
    Office(usize),
    ReaderProvider,
    Provider(u64),
    Referral { r: u64, shape: Shape, case_no: u64 },
}

impl Record {
    /// How many events the record's whole story has.
    fn natural_len(&self) -> u64 {
        match self {
            Record::Office(_) => OFFICE_EVENTS,
            Record::ReaderProvider => READER_PROVIDER_EVENTS,
            Record::Provider(p) => provider_len(*p),
            Record::Referral { shape, .. } => shape.len(),
        }
    }
}

#[derive(Debug, Clone)]
struct Planned {
    record: Record,
    /// Events written (the last record may be cut short to hit the wanted total).
    len: u64,
    /// Seconds before the log's end that the record begins.
    age_s: i64,
}

fn plan(world: &World, events: u64) -> Vec<Planned> {
    let mut out = Vec::new();
    let mut pos = 0u64;
    let mut push = |out: &mut Vec<Planned>, record: Record, age_s: i64| {
        let len = record.natural_len().min(events - pos);
        out.push(Planned { record, len, age_s });
        pos += len;
        pos
    };
    let age_at = |pos: u64| (events - pos) as i64 * SECONDS_PER_EVENT;
    let mut at = 0u64;
    for g in 0..GOVERNORATES {
        if at >= events {
            return out;
        }
        at = push(&mut out, Record::Office(g), age_at(at));
    }
    if at >= events {
        return out;
    }
    at = push(&mut out, Record::ReaderProvider, age_at(at));
    let mut providers = 0u64;
    while providers < FOUNDING_PROVIDERS && at < events {
        at = push(&mut out, Record::Provider(providers), age_at(at));
        providers += 1;
    }
    let mut k = 0u64;
    let mut r = 0u64;
    let mut case_numbers = [0u64; GOVERNORATES];
    while at < events {
        if k.is_multiple_of(PROVIDER_EVERY) {
            at = push(&mut out, Record::Provider(providers), age_at(at));
            providers += 1;
        } else {
            let age_s = age_at(at);
            let shape = Shape::new(world, r, age_s, providers);
            case_numbers[shape.g] += 1;
            let case_no = case_numbers[shape.g];
            at = push(&mut out, Record::Referral { r, shape, case_no }, age_s);
            r += 1;
        }
        k += 1;
    }
    out
}

fn write_planned(world: &World, p: &Planned, out: &mut Vec<u8>) -> Result<(), String> {
    let start = world.end - chrono::Duration::seconds(p.age_s);
    match &p.record {
        Record::Office(g) => {
            let cmds = office_story(world, *g, start)?;
            write_record(out, ORGANIZATION, &office_id(*g).to_string(), &cmds, p.len)
        }
        Record::ReaderProvider => {
            let cmds = reader_provider_story(world, start)?;
            write_record(
                out,
                ORGANIZATION,
                &reader_provider_id().to_string(),
                &cmds,
                p.len,
            )
        }
        Record::Provider(k) => {
            let cmds = provider_story(world, *k, start)?;
            write_record(
                out,
                ORGANIZATION,
                &provider_id(*k).to_string(),
                &cmds,
                p.len,
            )
        }
        Record::Referral { r, shape, case_no } => {
            let cmds = referral_story(world, *r, shape, *case_no, p.age_s)?;
            write_record(out, REFERRAL, &referral_id(*r).to_string(), &cmds, p.len)
        }
    }
}

/// The CSV of some records, built on `threads` threads, in log order.
fn generate(world: &World, records: &[Planned], threads: usize) -> Result<Vec<Vec<u8>>, String> {
    let chunk = records.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = records
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    let mut out = Vec::with_capacity(part.len() * 8 * 800);
                    for p in part {
                        write_planned(world, p, &mut out)?;
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("generator panicked".into()))
            })
            .collect()
    })
}

async fn copy(pool: &PgPool, parts: Vec<Vec<u8>>) -> Result<(), String> {
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    let mut copy = tx
        .copy_in_raw(
            "COPY events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata)
             FROM STDIN WITH (FORMAT csv)",
        )
        .await
        .map_err(|e| format!("COPY: {e}"))?;
    for part in parts {
        copy.send(part).await.map_err(|e| format!("COPY: {e}"))?;
    }
    copy.finish().await.map_err(|e| format!("COPY: {e}"))?;
    tx.commit().await.map_err(|e| e.to_string())
}

/// Appends `events` events to the (migrated, empty) Sanad database behind `pool`.
pub async fn load(pool: &PgPool, events: u64) -> Result<BulkLog, String> {
    let started = Instant::now();
    let world = Arc::new(World::new()?);
    let plan = Arc::new(plan(&world, events));
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 4);
    let mut batches: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    let mut batch_events = 0u64;
    for (i, p) in plan.iter().enumerate() {
        batch_events += p.len;
        if batch_events >= EVENTS_PER_BATCH as u64 {
            batches.push(from..i + 1);
            from = i + 1;
            batch_events = 0;
        }
    }
    if from < plan.len() {
        batches.push(from..plan.len());
    }
    let spawn = |range: Range<usize>| {
        let (world, plan) = (world.clone(), plan.clone());
        tokio::task::spawn_blocking(move || generate(&world, &plan[range], threads))
    };
    // The next batch is generated while PostgreSQL takes the last one.
    let mut next = batches.first().cloned().map(spawn);
    for i in 0..batches.len() {
        let Some(pending) = next.take() else { break };
        let parts = pending.await.map_err(|e| format!("generator: {e}"))??;
        next = batches.get(i + 1).cloned().map(spawn);
        copy(pool, parts).await?;
    }
    let mut log = BulkLog {
        events: 0,
        organizations: 0,
        organization_events: 0,
        referrals: 0,
        referral_events: 0,
        long_histories: Vec::new(),
        sample: Vec::new(),
        long_referrals: Vec::new(),
        reader_office: office_id(world.ninewa),
        reader_provider: reader_provider_id(),
        board_size: 0,
        elapsed: Duration::ZERO,
    };
    let mut providers = Vec::new();
    for p in plan.iter() {
        log.events += p.len;
        match &p.record {
            Record::Referral { r, shape, .. } => {
                log.referrals += 1;
                log.referral_events += p.len;
                let whole = p.len == shape.len();
                if shape.long && p.len >= 50 {
                    log.long_referrals.push(referral_id(*r));
                }
                if whole && shape.on_board_of(&world) {
                    log.board_size += 1;
                }
            }
            Record::Provider(k) => {
                log.organizations += 1;
                log.organization_events += p.len;
                providers.push(provider_id(*k));
                if p.len >= 50 {
                    log.long_histories.push(provider_id(*k));
                }
            }
            Record::Office(_) | Record::ReaderProvider => {
                log.organizations += 1;
                log.organization_events += p.len;
            }
        }
    }
    log.sample = providers
        .iter()
        .step_by((providers.len() / 1000).max(1))
        .copied()
        .collect();
    log.elapsed = started.elapsed();
    Ok(log)
}

#[cfg(test)]
mod tests;
