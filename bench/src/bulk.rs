//! A large, valid event log made quickly: Organization events built from the domain's own
//! event types, with the same metadata and hash links `store` writes (so `sanad verify`
//! accepts them), loaded with COPY in batches of their own transactions.
//!
//! The shape: each organisation has 10 events (registered, verified, two services offered,
//! six capacity updates); every 500th has 120, so an audit history page of 50 is full.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, Utc};
use cqrs_es::DomainEvent;
use domain::organization::{OrganizationEvent as Ev, AGGREGATE_TYPE};
use domain::values::{Governorate, Name, OrganizationKind, ServiceCategory};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use uuid::Uuid;

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const EVENTS_PER_BATCH: usize = 50_000;
pub const LONG_EVERY: u64 = 500;
pub const LONG_EVENTS: u64 = 120;
pub const SHORT_EVENTS: u64 = 10;

/// What was loaded, and ids to read back.
#[derive(Debug, Clone)]
pub struct BulkLog {
    pub events: u64,
    pub organizations: u64,
    /// Organisations with a full history page (≥ 50 events).
    pub long_histories: Vec<Uuid>,
    pub sample: Vec<Uuid>,
    pub elapsed: Duration,
}

fn org_id(k: u64) -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("bench-organization:{k}").as_bytes(),
    )
}

fn org_len(k: u64) -> u64 {
    if k % LONG_EVERY == LONG_EVERY - 1 {
        LONG_EVENTS
    } else {
        SHORT_EVENTS
    }
}

/// The same hash as `store`: sha256(prev_hash ‖ RFC 8785 JSON of the event without `hash`).
pub fn link_hash(
    aggregate_id: &str,
    sequence: i64,
    event_type: &str,
    payload: &Value,
    metadata: &Value,
    prev_hash: &str,
) -> Result<String, String> {
    let body = json!({
        "aggregate_type": AGGREGATE_TYPE,
        "aggregate_id": aggregate_id,
        "sequence": sequence,
        "event_type": event_type,
        "event_version": "1",
        "payload": payload,
        "metadata": metadata,
    });
    let canonical = serde_jcs::to_vec(&body).map_err(|e| e.to_string())?;
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(&canonical);
    Ok(hex::encode(h.finalize()))
}

struct Actor {
    user: String,
    org: String,
}

fn csv_field(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

fn governorates(all: &[Governorate], k: u64, n: usize) -> BTreeSet<Governorate> {
    (0..n)
        .map(|i| all[(k as usize * 7 + i * 3) % all.len()].clone())
        .collect()
}

/// The CSV rows of organisation `k`'s first `len` events.
fn organisation_rows(
    k: u64,
    len: u64,
    actor: &Actor,
    base: DateTime<Utc>,
    all: &[Governorate],
    kinds: &[OrganizationKind],
    out: &mut String,
) -> Result<(), String> {
    let id = org_id(k);
    let aggregate_id = id.to_string();
    let mut prev_hash = GENESIS_HASH.to_string();
    let services = [ServiceCategory::Livelihoods, ServiceCategory::Medical];
    for seq in 1..=len {
        let event = match seq {
            1 => Ev::Registered {
                id,
                kind: kinds[k as usize % kinds.len()],
                name_ar: Name::new(&format!("منظمة رقم {k}")).map_err(|e| e.to_string())?,
                name_en: Name::new(&format!("Organisation {k}")).map_err(|e| e.to_string())?,
                governorates: governorates(all, k, 2),
            },
            2 => Ev::Verified {
                note: Some("documents checked".into()),
            },
            3 | 4 => Ev::ServiceOffered {
                category: services[(seq - 3) as usize],
                governorates: governorates(all, k + seq, 2),
                monthly_capacity: 100,
            },
            _ => Ev::ServiceUpdated {
                category: services[(seq % 2) as usize],
                governorates: governorates(all, k + seq, 3),
                monthly_capacity: ((k * 31 + seq * 17) % 5000 + 1) as u32,
            },
        };
        let event_type = event.event_type();
        let payload = serde_json::to_value(&event).map_err(|e| e.to_string())?;
        let occurred_at = base + chrono::Duration::milliseconds((k * 200 + seq) as i64);
        let mut metadata = json!({
            "actor_user": actor.user,
            "actor_label": "bench.seed",
            "actor_org": actor.org,
            "actor_role": "secretariat_admin",
            "command_id": format!("bulk-{k}-{seq}"),
            "request_id": format!("bulk-{k}"),
            "occurred_at": occurred_at.to_rfc3339_opts(SecondsFormat::Micros, true),
            "prev_hash": prev_hash,
        });
        let hash = link_hash(
            &aggregate_id,
            seq as i64,
            &event_type,
            &payload,
            &metadata,
            &prev_hash,
        )?;
        if let Some(m) = metadata.as_object_mut() {
            m.insert("hash".into(), Value::String(hash.clone()));
        }
        prev_hash = hash;
        out.push_str("Organization,");
        csv_field(out, &aggregate_id);
        let _ = write!(out, ",{seq},{event_type},1,");
        csv_field(out, &payload.to_string());
        out.push(',');
        csv_field(out, &metadata.to_string());
        out.push('\n');
    }
    Ok(())
}

/// Appends `events` events to the (migrated, empty) Sanad database behind `pool`.
pub async fn load(pool: &PgPool, events: u64) -> Result<BulkLog, String> {
    let started = Instant::now();
    let mut plan: Vec<(u64, u64)> = Vec::new();
    let mut total = 0;
    let mut k = 0;
    while total < events {
        let len = org_len(k).min(events - total);
        plan.push((k, len));
        total += len;
        k += 1;
    }
    let all = Governorate::all();
    let kinds: Vec<OrganizationKind> = OrganizationKind::ALL
        .into_iter()
        .filter(|k| k.offers_services())
        .collect();
    let actor = Actor {
        user: Uuid::new_v4().to_string(),
        org: Uuid::new_v4().to_string(),
    };
    let base = Utc::now() - chrono::Duration::days(365);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 4);
    let mut batch: Vec<(u64, u64)> = Vec::new();
    let mut batch_events = 0usize;
    let mut batches: Vec<Vec<(u64, u64)>> = Vec::new();
    for p in &plan {
        batch.push(*p);
        batch_events += p.1 as usize;
        if batch_events >= EVENTS_PER_BATCH {
            batches.push(std::mem::take(&mut batch));
            batch_events = 0;
        }
    }
    if !batch.is_empty() {
        batches.push(batch);
    }
    for batch in batches {
        // Build the CSV on every core, then COPY it in one transaction.
        let chunk = batch.len().div_ceil(threads);
        let parts: Vec<Result<String, String>> = std::thread::scope(|s| {
            let handles: Vec<_> = batch
                .chunks(chunk.max(1))
                .map(|orgs| {
                    let (actor, all, kinds) = (&actor, &all, &kinds);
                    s.spawn(move || {
                        let mut out = String::with_capacity(orgs.len() * 12 * 900);
                        for (k, len) in orgs {
                            organisation_rows(*k, *len, actor, base, all, kinds, &mut out)?;
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
        });
        let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
        let mut copy = tx
            .copy_in_raw(
                "COPY events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata)
                 FROM STDIN WITH (FORMAT csv)",
            )
            .await
            .map_err(|e| format!("COPY: {e}"))?;
        for part in parts {
            copy.send(part?.into_bytes())
                .await
                .map_err(|e| format!("COPY: {e}"))?;
        }
        copy.finish().await.map_err(|e| format!("COPY: {e}"))?;
        tx.commit().await.map_err(|e| e.to_string())?;
    }
    let long_histories: Vec<Uuid> = plan
        .iter()
        .filter(|(_, len)| *len >= 50)
        .map(|(k, _)| org_id(*k))
        .collect();
    let sample: Vec<Uuid> = plan
        .iter()
        .step_by((plan.len() / 1000).max(1))
        .map(|(k, _)| org_id(*k))
        .collect();
    Ok(BulkLog {
        events: total,
        organizations: plan.len() as u64,
        long_histories,
        sample,
        elapsed: started.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_doubles_quotes() {
        let mut s = String::new();
        csv_field(&mut s, r#"{"a":"b"}"#);
        assert_eq!(s, r#""{""a"":""b""}""#);
    }

    #[test]
    fn most_organisations_are_short_some_long() {
        assert_eq!(org_len(0), SHORT_EVENTS);
        assert_eq!(org_len(LONG_EVERY - 1), LONG_EVENTS);
    }
}
