//! `sanad rebuild [name]`: empties read models and replays the whole log into them.

use std::time::{Duration, Instant};

use sqlx::{Acquire, PgPool};

use crate::checkpoint::{self, Checkpoint};
use crate::{read_after, Projection, ProjectionError, StoredEvent};

#[derive(Debug, Clone)]
pub struct RebuildReport {
    pub projections: Vec<&'static str>,
    pub events: u64,
    pub elapsed: Duration,
}

/// Rebuilds `only` (or every read model) in one transaction: readers see the old model
/// until the new one is complete, and the live projector waits on the checkpoint locks.
pub async fn rebuild(
    pool: &PgPool,
    projections: &[Box<dyn Projection>],
    only: Option<&str>,
    batch_size: i64,
) -> Result<RebuildReport, RebuildError> {
    let started = Instant::now();
    let selected: Vec<&dyn Projection> = projections
        .iter()
        .map(|p| p.as_ref())
        .filter(|p| only.is_none_or(|n| n == p.name()))
        .collect();
    if selected.is_empty() {
        return Err(RebuildError::Unknown(only.unwrap_or_default().to_string()));
    }
    let all: Vec<&str> = projections.iter().map(|p| p.name()).collect();
    let mut conn = pool.acquire().await.map_err(ProjectionError::from)?;
    let mut tx = conn.begin().await.map_err(ProjectionError::from)?;
    checkpoint::lock(&mut tx, &all)
        .await
        .map_err(ProjectionError::from)?;
    for p in &selected {
        p.reset(&mut tx).await?;
    }
    let mut at = Checkpoint::default();
    let mut events = 0u64;
    loop {
        let batch = read_after(&mut tx, at, batch_size)
            .await
            .map_err(ProjectionError::from)?;
        let Some(last) = batch.last().map(|e| e.at) else {
            break;
        };
        let refs: Vec<&StoredEvent> = batch.iter().collect();
        for p in &selected {
            p.apply(&mut tx, &refs).await?;
        }
        events += batch.len() as u64;
        at = last;
    }
    for p in &selected {
        checkpoint::save(&mut tx, p.name(), at)
            .await
            .map_err(ProjectionError::from)?;
    }
    tx.commit().await.map_err(ProjectionError::from)?;
    Ok(RebuildReport {
        projections: selected.iter().map(|p| p.name()).collect(),
        events,
        elapsed: started.elapsed(),
    })
}

#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    #[error("no read model is called {0:?}")]
    Unknown(String),
    #[error(transparent)]
    Projection(#[from] ProjectionError),
}
