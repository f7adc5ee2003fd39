//! The service-level scheduler: an open referral left unclaimed longer than the configured
//! time is escalated to its office's supervisor — an event written by the platform on a
//! timer, not by whoever happens to look at a page.

use std::time::Duration;

use domain::access::Actor;
use domain::referral::{Referral, ReferralCommand};
use projections::models::referrals::queries::overdue;
use store::CommandContext;

use crate::errors::ApiResult;
use crate::state::AppState;

const LOCK: i64 = 0x5A_4E_AD_02;

/// Escalates every overdue referral once; returns how many were escalated.
pub async fn escalate_overdue(state: &AppState) -> ApiResult<usize> {
    let hours = state.config.referral_sla_hours as i32;
    let overdue = overdue::unclaimed_longer_than(&state.pool, hours).await?;
    let actor = Actor::system("sla");
    let mut done = 0;
    for (id, waited) in overdue {
        // One command id per referral and opening, so two schedulers never escalate twice.
        let ctx = CommandContext::new(actor.clone(), Some(format!("sla:escalate:{id}")), "sla");
        let command = ReferralCommand::Escalate {
            actor: actor.clone(),
            waited_hours: waited.clamp(0, u32::MAX as i64) as u32,
        };
        let outcome = state
            .execute::<Referral>(&id.to_string(), &ctx, command)
            .await?;
        done += usize::from(outcome.events > 0 && !outcome.replayed);
    }
    Ok(done)
}

/// Runs `escalate_overdue` every minute in the one process holding the scheduler lock.
pub async fn run(state: AppState) {
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
        let Ok(mut conn) = state.pool.acquire().await else {
            continue;
        };
        // Held on this connection for the round, so one process escalates at a time.
        let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(LOCK)
            .fetch_one(&mut *conn)
            .await
            .unwrap_or(false);
        if !locked {
            continue;
        }
        match escalate_overdue(&state).await {
            Ok(n) if n > 0 => tracing::info!(escalated = n, "referrals escalated to supervisors"),
            Ok(_) => {}
            Err(e) => tracing::warn!(key = e.key, detail = ?e.detail, "escalation round failed"),
        }
        let _ = sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(LOCK)
            .execute(&mut *conn)
            .await;
    }
}
