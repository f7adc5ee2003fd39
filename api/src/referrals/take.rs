//! A provider takes a place: a claim, or a transfer to it. Both check what the provider
//! offers where the referral is and hold a place of its monthly capacity until the
//! command's events are projected (or it is refused), so that its next claim near its
//! limit counts this one (`referrals::capacity`).

use domain::access::Actor;
use domain::referral::{ProviderOffer, Referral, ReferralCommand};
use store::{CommandContext, Outcome};
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult};
use crate::state::AppState;

/// Claims the referral `id` for the caller's organisation. One provider wins; the others
/// are told it is already claimed.
pub async fn claim(st: &AppState, cc: &CommandContext, id: Uuid) -> ApiResult<Outcome> {
    let actor = cc.actor.clone();
    let org = actor.org_id.ok_or_else(ApiError::forbidden)?;
    take(st, cc, id, org, |provider| ReferralCommand::Claim {
        actor,
        provider,
    })
    .await
}

/// Moves the referral `id` to the provider `to`, which must accept it.
pub async fn transfer(
    st: &AppState,
    cc: &CommandContext,
    id: Uuid,
    to: Uuid,
    reason: String,
) -> ApiResult<Outcome> {
    let actor: Actor = cc.actor.clone();
    take(st, cc, id, to, |to| ReferralCommand::Transfer {
        actor,
        to,
        reason,
    })
    .await
}

async fn take(
    st: &AppState,
    cc: &CommandContext,
    id: Uuid,
    provider: Uuid,
    command: impl FnOnce(ProviderOffer) -> ReferralCommand,
) -> ApiResult<Outcome> {
    let mut offer = st.referrals.offer_for(provider, id).await?;
    let permit = st
        .referrals
        .capacity
        .admit(&st.pool, &mut offer, id)
        .await?;
    let outcome = st
        .execute::<Referral>(&id.to_string(), cc, command(offer))
        .await;
    permit.release(&st.pool, projected(st, &outcome)).await;
    outcome
}

/// Whether a command's events are in the read models (a refusal has none to wait for).
fn projected(st: &AppState, outcome: &ApiResult<Outcome>) -> bool {
    match outcome {
        Ok(o) => match (o.last_position, &st.watch) {
            (Some(at), Some(watch)) => watch.current() >= at.into(),
            (Some(_), None) => false,
            (None, _) => true,
        },
        Err(_) => true,
    }
}
