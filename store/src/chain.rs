//! Tamper evidence. Each event's `hash` is SHA-256 over the previous event's hash (of the
//! same aggregate) and the event's canonical bytes (RFC 8785 JSON), so hashes survive code
//! changes and key order. Personal data is stored encrypted, so erasing a key never
//! breaks verification.

use futures::TryStreamExt;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::{PgPool, Row};

use crate::canonical;

/// The `prev_hash` of an aggregate's first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An event as it is hashed: everything stored but the `hash` itself. The append path and
/// [`verify_chain`] hash through it, and so must anything else that writes events (the
/// benchmark's bulk log), so that every writer's links are the store's.
pub struct EventBody<'a> {
    pub aggregate_type: &'a str,
    pub aggregate_id: &'a str,
    pub sequence: i64,
    pub event_type: &'a str,
    pub event_version: &'a str,
    pub payload: &'a Value,
    /// Must not hold `hash`; holds `prev_hash`.
    pub metadata: &'a Value,
}

impl EventBody<'_> {
    /// The link hash given the previous event's hash ([`GENESIS_HASH`] before an
    /// aggregate's first event): hex SHA-256 over `prev_hash` and the body's RFC 8785 bytes.
    pub fn hash(&self, prev_hash: &str) -> Result<String, serde_json::Error> {
        let canonical = match self.canonical() {
            Some(bytes) => bytes,
            None => self.canonical_by_serde_jcs()?,
        };
        let mut h = Sha256::new();
        h.update(prev_hash.as_bytes());
        h.update(&canonical);
        Ok(hex::encode(h.finalize()))
    }

    /// The canonical bytes, written directly: the body's keys in their canonical order,
    /// each value by `canonical::write`. `None` when a value needs `serde_jcs`.
    fn canonical(&self) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(1024);
        let key = |out: &mut Vec<u8>, name: &str, first: bool| {
            out.push(if first { b'{' } else { b',' });
            canonical::string(name, out);
            out.push(b':');
        };
        key(&mut out, "aggregate_id", true);
        canonical::string(self.aggregate_id, &mut out);
        key(&mut out, "aggregate_type", false);
        canonical::string(self.aggregate_type, &mut out);
        key(&mut out, "event_type", false);
        canonical::string(self.event_type, &mut out);
        key(&mut out, "event_version", false);
        canonical::string(self.event_version, &mut out);
        key(&mut out, "metadata", false);
        if !canonical::write(self.metadata, &mut out) {
            return None;
        }
        key(&mut out, "payload", false);
        if !canonical::write(self.payload, &mut out) {
            return None;
        }
        key(&mut out, "sequence", false);
        if !canonical::write(&Value::from(self.sequence), &mut out) {
            return None;
        }
        out.push(b'}');
        Some(out)
    }

    fn canonical_by_serde_jcs(&self) -> Result<Vec<u8>, serde_json::Error> {
        let body = json!({
            "aggregate_type": self.aggregate_type,
            "aggregate_id": self.aggregate_id,
            "sequence": self.sequence,
            "event_type": self.event_type,
            "event_version": self.event_version,
            "payload": self.payload,
            "metadata": self.metadata,
        });
        serde_jcs::to_vec(&body)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ChainReport {
    pub checked: u64,
    /// The global position of the first event (lowest position) whose link does not hold.
    pub first_broken_position: Option<i64>,
    pub reason: Option<String>,
}

impl ChainReport {
    pub fn intact(&self) -> bool {
        self.first_broken_position.is_none()
    }
}

/// Recomputes every hash link in the log and names the first broken position.
pub async fn verify_chain(pool: &PgPool) -> Result<ChainReport, sqlx::Error> {
    let mut rows = sqlx::query(
        "SELECT global_position, aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata
           FROM events ORDER BY aggregate_type, aggregate_id, sequence",
    )
    .fetch(pool);
    let mut checked = 0u64;
    let mut broken: Option<(i64, String)> = None;
    let mut current: Option<(String, String)> = None;
    let mut prev_hash = GENESIS_HASH.to_string();
    let mut expected_seq = 1i64;
    while let Some(row) = rows.try_next().await? {
        checked += 1;
        let position: i64 = row.try_get("global_position")?;
        let agg_type: String = row.try_get("aggregate_type")?;
        let agg_id: String = row.try_get("aggregate_id")?;
        let sequence: i64 = row.try_get("sequence")?;
        let event_type: String = row.try_get("event_type")?;
        let event_version: String = row.try_get("event_version")?;
        let payload: Value = row.try_get("payload")?;
        let mut metadata: Value = row.try_get("metadata")?;
        let key = (agg_type.clone(), agg_id.clone());
        if current.as_ref() != Some(&key) {
            current = Some(key);
            prev_hash = GENESIS_HASH.to_string();
            expected_seq = 1;
        }
        let mut note = |reason: String| {
            if broken.as_ref().is_none_or(|(p, _)| position < *p) {
                broken = Some((position, reason));
            }
        };
        if sequence != expected_seq {
            note(format!(
                "{agg_type} {agg_id}: sequence {sequence} where {expected_seq} was expected"
            ));
        }
        expected_seq = sequence + 1;
        let stored_hash = metadata
            .as_object_mut()
            .and_then(|m| m.remove("hash"))
            .and_then(|h| h.as_str().map(str::to_string))
            .unwrap_or_default();
        let stored_prev = metadata
            .get("prev_hash")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        if stored_prev != prev_hash {
            note(format!(
                "{agg_type} {agg_id} #{sequence}: prev_hash does not match the previous event"
            ));
        }
        let body = EventBody {
            aggregate_type: &agg_type,
            aggregate_id: &agg_id,
            sequence,
            event_type: &event_type,
            event_version: &event_version,
            payload: &payload,
            metadata: &metadata,
        };
        match body.hash(&prev_hash) {
            Ok(h) if h == stored_hash => {}
            _ => note(format!(
                "{agg_type} {agg_id} #{sequence}: the content does not match its hash"
            )),
        }
        prev_hash = stored_hash;
    }
    Ok(ChainReport {
        checked,
        first_broken_position: broken.as_ref().map(|(p, _)| *p),
        reason: broken.map(|(_, r)| r),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body<'a>(payload: &'a Value, metadata: &'a Value) -> EventBody<'a> {
        EventBody {
            aggregate_type: "Referral",
            aggregate_id: "6f1c2d0e-8d0a-5b4e-9a51-0c3a3f0e2b11",
            sequence: 7,
            event_type: "ReferralClaimed",
            event_version: "1.0",
            payload,
            metadata,
        }
    }

    /// Hashes already in logs were computed through `serde_jcs`: the direct writer must
    /// give the same bytes, or every stored chain would stop verifying.
    #[test]
    fn the_direct_canonical_form_is_the_serde_jcs_one() {
        let payload = json!({"Claimed": {"provider_id": "0d9c…", "by": {"user_id": "u", "name": "سارة \"م\"\n"}, "at": 3}});
        let metadata = json!({"command_id": "c-1", "request_id": "r", "occurred_at": "2026-12-01T12:00:00Z",
                              "actor": {"roles": ["provider_staff"], "org_id": null}, "prev_hash": GENESIS_HASH});
        let b = body(&payload, &metadata);
        assert_eq!(
            b.canonical().expect("direct"),
            b.canonical_by_serde_jcs().expect("serde_jcs")
        );
    }

    #[test]
    fn a_body_the_direct_writer_declines_is_hashed_by_serde_jcs_alike() {
        let payload = json!({"score": 0.25});
        let metadata = json!({});
        let b = body(&payload, &metadata);
        assert!(b.canonical().is_none());
        let expected = {
            let mut h = Sha256::new();
            h.update(GENESIS_HASH.as_bytes());
            h.update(b.canonical_by_serde_jcs().expect("serde_jcs"));
            hex::encode(h.finalize())
        };
        assert_eq!(b.hash(GENESIS_HASH).expect("hash"), expected);
    }
}
