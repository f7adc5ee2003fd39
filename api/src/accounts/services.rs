//! What the accounts' reads share across requests.

use std::sync::Arc;

use projections::ProjectionWatch;
use sqlx::PgPool;
use store::batch::Batched;
use store::HeldConnection;

use super::principal::SessionLookup;
use super::session_cache::SessionCache;
use crate::config::Config;

#[derive(Clone)]
pub struct AccountServices {
    /// Session lookups, batched across concurrent requests.
    pub sessions: Batched<SessionLookup>,
    /// Sessions looked up, kept until who may act changes (or briefly).
    pub session_cache: Arc<SessionCache>,
}

impl AccountServices {
    pub fn new(pool: &PgPool, config: &Config, watch: Option<&ProjectionWatch>) -> Self {
        Self {
            sessions: Batched::new(SessionLookup {
                conn: HeldConnection::new(pool.clone()),
                idle_minutes: config.session_idle_minutes,
                max_hours: config.session_max_hours,
            }),
            session_cache: Arc::new(SessionCache::new(watch.map(|w| w.access().clone()))),
        }
    }
}
