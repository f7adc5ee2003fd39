//! What every request shares: the database pool, the event store, the projection watch.

use std::sync::Arc;

use cqrs_es::Aggregate;
use projections::models::CommittedReferrals;
use projections::ProjectionWatch;
use sqlx::PgPool;
use store::batch::Batched;
use store::{CommandContext, EventStore, HeldConnection, HeldConnections, LogPosition, Outcome};

use crate::auth::principal::SessionLookup;
use crate::auth::session_cache::SessionCache;
use crate::config::Config;
use crate::errors::ApiResult;
use crate::graphql::common::at_checkpoint::AtCheckpoint;
use crate::graphql::common::by_id::ById;
use crate::graphql::directory::types::{
    OrganizationNode, ServicesLookup, COLUMNS as ORGANIZATION_COLUMNS,
};
use crate::graphql::referrals::query::ReferralCount;
use crate::graphql::referrals::types::{ReferralNode, REFERRAL_COLUMNS};
use crate::privacy::KeyRing;
use crate::referrals::capacity::CapacityGauge;
use crate::referrals::offer_cache::OfferCache;
use crate::referrals::provider::OfferLookup;

/// Creates of different offices number at once; those of one office take turns anyway
/// (its counter row is locked until each commits).
const NUMBERING_CONNECTIONS: usize = 2;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub store: Arc<EventStore>,
    pub watch: Option<ProjectionWatch>,
    /// The indicators, computed once per read-model checkpoint.
    pub indicators: Arc<AtCheckpoint<Vec<ReferralCount>>>,
    pub config: Arc<Config>,
    pub keys: KeyRing,
    /// Session lookups, batched across concurrent requests.
    pub sessions: Batched<SessionLookup>,
    /// Sessions looked up, kept until who may act changes (or briefly).
    pub session_cache: Arc<SessionCache>,
    /// Organisations' services, batched likewise (a directory page's twenty at once).
    pub services: Batched<ServicesLookup>,
    /// Organisations by id (boards' offices and providers, answers to organisation
    /// mutations), batched likewise.
    pub organizations: Batched<ById<OrganizationNode>>,
    /// Referrals read back after a command, batched likewise.
    pub referrals: Batched<ById<ReferralNode>>,
    /// Providers' offers where a referral is (claims, transfers), batched likewise.
    pub offers: Batched<OfferLookup>,
    /// Providers' offers per governorate, kept while the directory does not change.
    pub offer_cache: Arc<OfferCache>,
    /// Providers' monthly capacity at claim time (`referrals::capacity`).
    pub capacity: Arc<CapacityGauge>,
    /// Case numbers and data keys of new referrals: a statement per create, on held
    /// connections (a pooled one costs a round trip more).
    pub numbering: Arc<HeldConnections>,
    /// The referral rows this process's projector committed: a referral mutation answers
    /// from them when they show its events, and reads the table otherwise.
    pub committed_referrals: Option<CommittedReferrals>,
}

impl AppState {
    pub fn new(pool: PgPool, config: Config, watch: Option<ProjectionWatch>) -> Self {
        // `sanad serve` refuses an invalid key before it gets here.
        let keys = match config.master_key.as_deref().map(KeyRing::from_hex) {
            Some(Ok(k)) => k,
            _ => {
                tracing::warn!(
                    "SANAD_MASTER_KEY is not set: personal data is sealed with the development key"
                );
                KeyRing::development()
            }
        };
        Self {
            store: Arc::new(EventStore::new(pool.clone())),
            sessions: Batched::new(SessionLookup {
                conn: HeldConnection::new(pool.clone()),
                idle_minutes: config.session_idle_minutes,
                max_hours: config.session_max_hours,
            }),
            session_cache: Arc::new(SessionCache::new(
                watch.as_ref().map(|w| w.access().clone()),
            )),
            services: Batched::new(ServicesLookup {
                conn: HeldConnection::new(pool.clone()),
            }),
            organizations: Batched::new(ById::new(
                pool.clone(),
                "organizations",
                ORGANIZATION_COLUMNS,
                OrganizationNode::from_row,
                |o| o.uuid,
            )),
            referrals: Batched::new(ById::new(
                pool.clone(),
                "referrals",
                REFERRAL_COLUMNS,
                ReferralNode::from_row,
                |r| r.uuid,
            )),
            offers: Batched::new(OfferLookup {
                conn: HeldConnection::with_generic_plans(pool.clone()),
            }),
            offer_cache: Arc::new(OfferCache::new(
                watch
                    .as_ref()
                    .map(|w| (w.access().clone(), w.offers().clone())),
            )),
            capacity: Default::default(),
            committed_referrals: None,
            numbering: Arc::new(HeldConnections::new(pool.clone(), NUMBERING_CONNECTIONS)),
            pool,
            watch,
            indicators: Default::default(),
            config: Arc::new(config),
            keys,
        }
    }

    /// Answers referral mutations from the rows this process's projector commits.
    pub fn with_committed_referrals(mut self, committed: CommittedReferrals) -> Self {
        self.committed_referrals = Some(committed);
        self
    }

    /// Runs a command and, for read-your-writes, waits (bounded) until the read models
    /// show its events.
    pub async fn execute<A>(
        &self,
        aggregate_id: &str,
        ctx: &CommandContext,
        command: A::Command,
    ) -> ApiResult<Outcome>
    where
        A: Aggregate<Services = ()> + 'static,
        A::Command: Clone + domain::Command,
        A::Error: domain::DomainError,
    {
        let outcome = self
            .store
            .execute::<A>(aggregate_id, ctx, command, &())
            .await?;
        if let Some(at) = outcome.last_position {
            self.await_projection(at).await;
        }
        Ok(outcome)
    }

    pub async fn await_projection(&self, at: LogPosition) {
        if let Some(watch) = &self.watch {
            if !watch
                .wait_for(at.into(), self.config.read_your_writes())
                .await
            {
                metrics::counter!("sanad_read_your_writes_timeouts_total").increment(1);
                tracing::warn!(%at, "read models did not reach the command's events in time");
            }
        }
    }
}
