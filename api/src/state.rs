//! What every request shares: the database pool, the event store, the projection watch.

use std::sync::Arc;

use cqrs_es::Aggregate;
use projections::models::CommittedReferrals;
use projections::ProjectionWatch;
use sqlx::PgPool;
use store::{CommandContext, EventStore, LogPosition, Outcome};

use crate::accounts::services::AccountServices;
use crate::config::Config;
use crate::directory::DirectoryServices;
use crate::errors::ApiResult;
use crate::privacy::KeyRing;
use crate::referrals::services::ReferralServices;

/// An aggregate whose commands [`AppState::execute`] runs: no services of its own, commands
/// the store can replay, refusals with an error code.
pub trait Executable:
    Aggregate<Services = (), Command: Clone + domain::Command, Error: domain::DomainError> + 'static
{
}

impl<A> Executable for A where
    A: Aggregate<Services = (), Command: Clone + domain::Command, Error: domain::DomainError>
        + 'static
{
}

/// The core every area shares (pool, event store, projection watch, configuration, keys)
/// and one services struct per area.
#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub store: Arc<EventStore>,
    pub watch: Option<ProjectionWatch>,
    pub config: Arc<Config>,
    pub keys: KeyRing,
    pub accounts: AccountServices,
    pub directory: DirectoryServices,
    pub referrals: ReferralServices,
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
            accounts: AccountServices::new(&pool, &config, watch.as_ref()),
            directory: DirectoryServices::new(&pool),
            referrals: ReferralServices::new(&pool, watch.as_ref()),
            pool,
            watch,
            config: Arc::new(config),
            keys,
        }
    }

    /// Answers referral mutations from the rows this process's projector commits.
    pub fn with_committed_referrals(mut self, committed: CommittedReferrals) -> Self {
        self.referrals.committed = Some(committed);
        self
    }

    /// Runs a command and, for read-your-writes, waits (bounded) until the read models
    /// show its events.
    pub async fn execute<A: Executable>(
        &self,
        aggregate_id: &str,
        ctx: &CommandContext,
        command: A::Command,
    ) -> ApiResult<Outcome> {
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
