//! Subscriptions over graphql-ws at `/graphql/ws`; the client authenticates in its
//! `connection_init` payload (`{"authorization": "Bearer <token>"}`).

use async_graphql::{Context, SimpleObject, Subscription, ID};
use domain::access::referral_board;
use futures::Stream;
use projections::models::referrals::queries::board::board_ids;

use crate::errors::{ApiError, Code};
use crate::graphql::common::context::{principal, state, OrForbidden, OrGql};

#[derive(Default)]
pub struct BoardSubscription;

#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
pub struct BoardUpdate {
    pub total_count: i64,
    /// The open referrals this provider may claim, longest waiting first.
    pub referral_ids: Vec<ID>,
}

#[Subscription]
impl BoardSubscription {
    /// The provider's referral board: sent at once, then each time a referral joins or
    /// leaves it (opened, claimed by anyone, declined, reopened).
    async fn referral_board(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl Stream<Item = BoardUpdate>> {
        let p = principal(ctx)?;
        let org = referral_board(&p.actor).or_forbidden(ctx)?;
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
                    let ids = board_ids(&st.pool, org).await.ok()?;
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
