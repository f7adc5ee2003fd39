//! The person's personal data: sealed with the referral's own key, shown to an assigned
//! case worker once the reading is recorded, erased by deleting the key.

use domain::referral::{Referral, ReferralCommand, ReferralError, Sealed};
use store::{CommandContext, Outcome};
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult, Code};
use crate::privacy::{KeyRing, PersonalData};
use crate::state::AppState;

/// Shows the personal data of the referral `id`; the reading itself is recorded (who,
/// why) before anything is shown.
pub async fn view(
    st: &AppState,
    cc: &CommandContext,
    id: Uuid,
    purpose: String,
) -> ApiResult<PersonalData> {
    let today = chrono::Utc::now().date_naive();
    let command = ReferralCommand::ViewPersonalData {
        actor: cc.actor.clone(),
        purpose,
        today,
    };
    // Nothing to wait for: reading the personal data changes no read model.
    st.store
        .execute::<Referral>(&id.to_string(), cc, command, &())
        .await
        .map_err(ApiError::from)?;
    let sealed = sealed_personal(st, id).await?;
    let key = st
        .keys
        .existing_key(&st.pool, id)
        .await?
        .ok_or_else(|| ApiError::from_domain(&ReferralError::Erased))?;
    let plain = KeyRing::open(&key, &sealed)?;
    serde_json::from_slice(&plain).map_err(ApiError::internal)
}

/// Erases the person of the referral `id` (crypto-shredding): their key is deleted, the
/// anonymised facts and the verifiable history remain.
pub async fn erase(st: &AppState, cc: &CommandContext, id: Uuid) -> ApiResult<Outcome> {
    let command = ReferralCommand::Erase {
        actor: cc.actor.clone(),
    };
    let outcome = st.execute::<Referral>(&id.to_string(), cc, command).await?;
    // After the event: a retry with the same commandId replays it and shreds again.
    st.keys.shred(&st.pool, id).await?;
    Ok(outcome)
}

/// `text` sealed with the key of the referral `id` (a follow-up's note).
pub async fn seal(st: &AppState, id: Uuid, text: &str) -> ApiResult<Sealed> {
    let key = st
        .keys
        .existing_key(&st.pool, id)
        .await?
        .ok_or_else(|| ApiError::from_domain(&ReferralError::Erased))?;
    KeyRing::seal(&key, text.as_bytes())
}

/// The sealed personal data from the referral's creation event.
async fn sealed_personal(st: &AppState, id: Uuid) -> ApiResult<Sealed> {
    let v: Option<serde_json::Value> = sqlx::query_scalar(
        "SELECT payload->'Created'->'personal' FROM events
          WHERE aggregate_type = $1 AND aggregate_id = $2 AND sequence = 1",
    )
    .bind(domain::referral::AGGREGATE_TYPE)
    .bind(id.to_string())
    .fetch_optional(&st.pool)
    .await?
    .flatten();
    let v = v.ok_or_else(|| ApiError::new(Code::NotFound, "referral.not_found"))?;
    serde_json::from_value(v).map_err(ApiError::internal)
}
