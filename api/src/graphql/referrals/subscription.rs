//! Subscriptions over graphql-ws at `/graphql/ws`; the client authenticates in its
//! `connection_init` payload (`{"authorization": "Bearer <token>"}`).

use std::time::{Duration, Instant};

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
        let start = Board {
            st,
            org,
            rx,
            last: None,
            read_at: None,
        };
        Ok(futures::stream::unfold(start, |mut board| async move {
            loop {
                if board.read_at.is_some() {
                    if board.rx.changed().await.is_err() {
                        return None;
                    }
                    board.pace().await;
                }
                board.read_at = Some(Instant::now());
                let ids = board_ids(&board.st.pool, board.org).await.ok()?;
                let update = BoardUpdate {
                    total_count: ids.len() as i64,
                    referral_ids: ids.iter().map(|i| ID(i.to_string())).collect(),
                };
                if board.last.as_ref() != Some(&update) {
                    board.last = Some(update.clone());
                    return Some((update, board));
                }
            }
        }))
    }
}

/// The least time between two reads of one subscriber's board. The projector moves its
/// checkpoint after every batch, many times a second under load; without a pause every
/// open board would be read as often. Changes meanwhile are folded into the next read.
const MIN_GAP: Duration = Duration::from_millis(500);

/// One subscriber's board: what it was last sent and when it was last read.
struct Board {
    st: crate::AppState,
    org: uuid::Uuid,
    rx: tokio::sync::watch::Receiver<projections::Checkpoint>,
    last: Option<BoardUpdate>,
    read_at: Option<Instant>,
}

impl Board {
    /// Waits out the rest of [`MIN_GAP`] since the last read, then marks every change
    /// heard meanwhile as seen: the read that follows covers them all.
    async fn pace(&mut self) {
        if let Some(at) = self.read_at {
            tokio::time::sleep_until((at + MIN_GAP).into()).await;
        }
        self.rx.borrow_and_update();
    }
}
