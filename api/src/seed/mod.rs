//! Demo data: the Secretariat, MoMD NRM offices in the focus governorates, providers,
//! companies and their people, all written as ordinary commands (so as events).
//! One file per area: `directory` (organisations and their services, the Secretariat),
//! `accounts` (their people, the first administrator), `referrals` (a few at each stage).

mod accounts;
mod directory;
mod referrals;

use std::collections::BTreeSet;

use domain::values::{Governorate, Name};

use crate::errors::{ApiError, ApiResult};
use crate::state::AppState;

pub use crate::directory::register::organization_id_for;
pub use accounts::{create_admin, SeededAccount};
pub use directory::ensure_secretariat;

/// The password of every demo account. Demo databases only.
pub const DEMO_PASSWORD: &str = "sanad-demo-2026";

fn govs(codes: &[&str]) -> ApiResult<BTreeSet<Governorate>> {
    codes
        .iter()
        .map(|c| {
            c.parse()
                .map_err(|_| ApiError::internal(format!("bad seed governorate {c}")))
        })
        .collect()
}

fn name(s: &str) -> ApiResult<Name> {
    Name::new(s).map_err(|e| ApiError::internal(format!("bad seed name {s}: {e}")))
}

/// Applies what is in the log to the read models now (there may be no server running).
/// Waits, up to 30 s, for events that sit behind a transaction still running elsewhere.
pub async fn project_now(state: &AppState) -> ApiResult<()> {
    let models = projections::models::all();
    let mut conn = state.pool.acquire().await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let caught_up = projections::catch_up(&mut conn, &models, 1000)
            .await
            .map_err(ApiError::internal)?;
        if caught_up.waiting == 0 || std::time::Instant::now() > deadline {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// Writes the demo organisations and accounts. Returns the accounts made.
pub async fn seed(state: &AppState) -> ApiResult<Vec<SeededAccount>> {
    directory::organizations(state).await?;
    project_now(state).await?;
    let made = accounts::people(state).await?;
    project_now(state).await?;
    referrals::referrals(state).await?;
    project_now(state).await?;
    Ok(made)
}
