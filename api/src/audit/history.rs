//! Events as stored, read from the log for a record's history or a kind's timeline.
//! Sealed personal data shows as a marker, never as bytes.

use serde_json::Value;
use sqlx::{PgPool, Row};

use crate::errors::ApiResult;

/// One event of the log, its payload redacted.
#[derive(Debug, Clone)]
pub struct LoggedEvent {
    pub position: i64,
    pub sequence: i64,
    pub event_type: String,
    pub payload: Value,
    pub metadata: Value,
}

/// Up to `fetch` events of one record after sequence `after`, oldest first, up to
/// sequence `until` when given.
pub async fn record_events(
    pool: &PgPool,
    aggregate_type: &str,
    aggregate_id: &str,
    after: i64,
    fetch: i64,
    until: Option<i64>,
) -> ApiResult<Vec<LoggedEvent>> {
    let rows = sqlx::query(
        "SELECT global_position, sequence, event_type, payload, metadata FROM events
          WHERE aggregate_type = $1 AND aggregate_id = $2 AND sequence > $3
            AND ($5::bigint IS NULL OR sequence <= $5)
          ORDER BY sequence LIMIT $4",
    )
    .bind(aggregate_type)
    .bind(aggregate_id)
    .bind(after)
    .bind(fetch)
    .bind(until)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| -> ApiResult<LoggedEvent> {
            let mut payload: Value = r.try_get("payload")?;
            redact_sealed(&mut payload);
            Ok(LoggedEvent {
                position: r.try_get("global_position")?,
                sequence: r.try_get("sequence")?,
                event_type: r.try_get("event_type")?,
                payload,
                metadata: r.try_get("metadata")?,
            })
        })
        .collect()
}

/// Up to `fetch` events of every record of `aggregate_type` before global position
/// `before`, newest first (a kind's timeline: the sign-in lock-outs).
pub async fn kind_events(
    pool: &PgPool,
    aggregate_type: &str,
    before: i64,
    fetch: i64,
) -> ApiResult<Vec<(i64, Value, Value)>> {
    let rows = sqlx::query(
        "SELECT global_position, payload, metadata FROM events
          WHERE aggregate_type = $1 AND global_position < $2
          ORDER BY global_position DESC LIMIT $3",
    )
    .bind(aggregate_type)
    .bind(before)
    .bind(fetch)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| -> ApiResult<(i64, Value, Value)> {
            Ok((
                r.try_get("global_position")?,
                r.try_get("payload")?,
                r.try_get("metadata")?,
            ))
        })
        .collect()
}

/// Sealed personal data is noise to a reader; show that it is there, not the bytes.
fn redact_sealed(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.contains_key("nonce") && map.contains_key("ciphertext") {
                *v = Value::String("[sealed personal data]".into());
                return;
            }
            for (_, child) in map.iter_mut() {
                redact_sealed(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_sealed),
        _ => {}
    }
}

/// The last sequence of the referral `aggregate_id` a former holder `org` may see: up to
/// its leaving (declined, transferred away) or the referral's end; `None` when none.
pub async fn referral_held_until(
    pool: &PgPool,
    aggregate_id: &str,
    org: &str,
) -> ApiResult<Option<i64>> {
    Ok(sqlx::query_scalar::<_, Option<i64>>(
        "SELECT max(sequence) FROM events WHERE aggregate_type = $1 AND aggregate_id = $2
                   AND ((event_type = 'ReferralDeclined' AND payload->'Declined'->>'provider_id' = $3)
                     OR (event_type = 'ReferralTransferred' AND payload->'Transferred'->>'from_provider' = $3)
                     OR event_type IN ('ReferralClosed', 'ReferralWithdrawn'))",
    )
    .bind(domain::referral::AGGREGATE_TYPE)
    .bind(aggregate_id)
    .bind(org)
    .fetch_one(pool)
    .await?)
}
