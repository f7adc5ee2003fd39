//! Referring a person: a case number, the person's own key, sealed personal data, then the
//! `Create` command. Shared by GraphQL and the demo data.

use domain::referral::{BeneficiaryFacts, Consent, Need, Referral, ReferralCommand};
use store::{CommandContext, LogPosition};
use uuid::Uuid;

use super::case_number;
use crate::errors::{ApiError, ApiResult};
use crate::privacy::{KeyRing, PersonalData};
use crate::state::AppState;

pub struct NewReferral {
    pub facts: BeneficiaryFacts,
    pub needs: Vec<Need>,
    pub consent: Consent,
    pub personal: PersonalData,
    pub open: bool,
}

/// Returns the referral's id (the same command id always names the same referral) and
/// where its events stand in the log.
pub async fn create(
    state: &AppState,
    ctx: &CommandContext,
    input: NewReferral,
) -> ApiResult<(Uuid, Option<LogPosition>)> {
    let actor = &ctx.actor;
    // Refuse early what the aggregate would refuse, before a case number or a key is taken.
    domain::access::authorize_referral(
        actor,
        domain::access::ReferralOperation::Create,
        Default::default(),
    )
    .map_err(|_| ApiError::forbidden())?;
    let office = actor.org_id.ok_or_else(ApiError::forbidden)?;
    let personal = input.personal.validated()?;
    let id = Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("referral:{office}:{}", ctx.command_id).as_bytes(),
    );
    let (new_key, wrapped) = state.keys.new_data_key()?;
    let numbered =
        case_number::number_and_key(&state.referrals.numbering, office, id, &wrapped).await?;
    let key = match numbered.earlier_key {
        None => new_key,
        Some(Some(earlier)) => state.keys.unwrap_data_key(&earlier)?,
        // Another request of the same command stored its key first.
        Some(None) => state
            .keys
            .existing_key(&state.pool, id)
            .await?
            .ok_or_else(|| ApiError::internal("data key vanished"))?,
    };
    let plain = serde_json::to_vec(&personal).map_err(ApiError::internal)?;
    let command = ReferralCommand::Create {
        actor: actor.clone(),
        id,
        case_number: numbered.case_number,
        facts: input.facts,
        needs: input.needs,
        consent: input.consent,
        personal: KeyRing::seal(&key, &plain)?,
        open: input.open,
    };
    match state
        .execute::<Referral>(&id.to_string(), ctx, command)
        .await
    {
        Ok(outcome) => Ok((id, outcome.last_position)),
        Err(e) => {
            // A refused referral must not leave a key behind (unless an earlier try made it).
            let exists: Option<i64> = sqlx::query_scalar(
                "SELECT 1 FROM events WHERE aggregate_type = 'Referral' AND aggregate_id = $1 LIMIT 1",
            )
            .bind(id.to_string())
            .fetch_optional(&state.pool)
            .await
            .unwrap_or(Some(1));
            if exists.is_none() {
                let _ = state.keys.shred(&state.pool, id).await;
            }
            Err(e)
        }
    }
}
