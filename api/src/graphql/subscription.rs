//! Subscriptions over graphql-ws at `/graphql/ws`; the client authenticates in its
//! `connection_init` payload (`{"authorization": "Bearer <token>"}`).

use async_graphql::{Context, SimpleObject, Subscription, ID};
use domain::access::{authorize_referral, ReferralOperation, ReferralRelation};
use futures::Stream;
use std::sync::LazyLock;
use uuid::Uuid;

use super::context::{principal, state, OrGql};
use crate::errors::{ApiError, ApiResult, Code};
use crate::state::AppState;

#[derive(Default)]
pub struct SubscriptionRoot;

#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
pub struct BoardUpdate {
    pub total_count: i64,
    /// The open referrals this provider may claim, longest waiting first.
    pub referral_ids: Vec<ID>,
}

/// The services of the provider `$1` that have places left this month: a full service
/// drops out of the routing until a place frees up, the capacity is raised or the month
/// ends. Computed once per query (the statements start with it), not per referral.
pub static BOARD_SERVICES: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH board_services AS MATERIALIZED (
            SELECT s.category, s.governorates FROM organization_services s
             WHERE s.organization_id = $1 AND s.monthly_capacity > {})",
        crate::referrals::capacity::USED
    )
});

/// Open referrals with a need the provider `$1` serves and has places for, in a governorate
/// where it serves it (after [`BOARD_SERVICES`]).
pub const ON_BOARD: &str = "r.on_board
    AND EXISTS (SELECT 1 FROM board_services s
                 WHERE r.governorate = ANY(s.governorates)
                   AND s.category = ANY(r.need_categories))";

/// The board of `org`, longest waiting first.
pub async fn board_ids(st: &AppState, org: Uuid) -> ApiResult<Vec<Uuid>> {
    Ok(sqlx::query_scalar(&format!(
        "{} SELECT r.id FROM referrals r WHERE {ON_BOARD} ORDER BY r.opened_at, r.id LIMIT 500",
        *BOARD_SERVICES
    ))
    .bind(org)
    .fetch_all(&st.pool)
    .await?)
}

#[Subscription]
impl SubscriptionRoot {
    /// The provider's referral board: sent at once, then each time a referral joins or
    /// leaves it (opened, claimed by anyone, declined, reopened).
    async fn referral_board(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl Stream<Item = BoardUpdate>> {
        let p = principal(ctx)?;
        authorize_referral(
            &p.actor,
            ReferralOperation::Claim,
            ReferralRelation::default(),
        )
        .map_err(|_| ApiError::forbidden())
        .or_gql(ctx)?;
        let org = p.actor.org_id.ok_or_else(ApiError::forbidden).or_gql(ctx)?;
        let st = state(ctx)?.clone();
        let rx = st
            .watch
            .as_ref()
            .map(|w| w.subscribe())
            .ok_or_else(|| ApiError::new(Code::Unavailable, "unavailable"))
            .or_gql(ctx)?;
        let start = (st, org, rx, None::<BoardUpdate>, true);
        Ok(futures::stream::unfold(
            start,
            |(st, org, mut rx, last, mut first)| async move {
                loop {
                    if !first && rx.changed().await.is_err() {
                        return None;
                    }
                    first = false;
                    let ids = board_ids(&st, org).await.ok()?;
                    let update = BoardUpdate {
                        total_count: ids.len() as i64,
                        referral_ids: ids.iter().map(|i| ID(i.to_string())).collect(),
                    };
                    if last.as_ref() != Some(&update) {
                        return Some((update.clone(), (st, org, rx, Some(update), first)));
                    }
                }
            },
        ))
    }
}
