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
    // The log is read ahead on a connection of its own while this one applies: reading and
    // applying then run on both cores instead of taking turns (the log is append-only,
    // so reading it outside the transaction sees the same events).
    let (ahead, mut batches) = tokio::sync::mpsc::channel(2);
    let reader = tokio::spawn(read_ahead(pool.clone(), batch_size, ahead));
    let mut at = Checkpoint::default();
    let mut events = 0u64;
    while let Some(batch) = batches.recv().await {
        let batch = batch.map_err(ProjectionError::from)?;
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
    reader.abort();
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

/// Sends the log batch by batch, ending with an empty batch (or an error).
async fn read_ahead(
    pool: PgPool,
    batch_size: i64,
    out: tokio::sync::mpsc::Sender<Result<Vec<StoredEvent>, sqlx::Error>>,
) {
    let mut conn = match pool.acquire().await {
        Ok(c) => c,
        Err(e) => {
            let _ = out.send(Err(e)).await;
            return;
        }
    };
    let mut at = Checkpoint::default();
    loop {
        let batch = read_after(&mut conn, at, batch_size).await;
        let next = match &batch {
            Ok(b) => b.last().map(|e| e.at),
            Err(_) => None,
        };
        if out.send(batch).await.is_err() {
            return;
        }
        match next {
            Some(last) => at = last,
            None => return,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    #[error("no read model is called {0:?}")]
    Unknown(String),
    #[error(transparent)]
    Projection(#[from] ProjectionError),
}
