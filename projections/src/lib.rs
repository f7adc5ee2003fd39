//! The read side. The catch-up [`Projector`] reads the global event log after each read
//! model's checkpoint and applies events and checkpoint in one transaction, so a crash
//! never loses or doubles an event. Read models live in `models/`, one per module.

pub mod at_checkpoint;
mod batch_tx;
mod changes;
mod checkpoint;
mod log;
pub mod models;
mod projection;
mod projector;
mod rebuild;
mod row_cache;
mod rows;
mod staged;
pub mod status;
mod watch;

pub use at_checkpoint::AtCheckpoint;
pub use changes::{BatchChanges, HeardChanges, ACCESS_CHANNEL, OFFERS_CHANNEL};
pub use checkpoint::Checkpoint;
pub use log::{read_after, StoredEvent};
pub use projection::{Projection, ProjectionError, Stage};
pub use projector::{catch_up, pending_events, CaughtUp, Projector, ProjectorConfig};
pub use rebuild::{rebuild, RebuildError, RebuildReport};
pub use staged::Staged;
pub use watch::ProjectionWatch;

/// The advisory lock key held by the one process that projects.
pub const PROJECTOR_LOCK: i64 = 0x5A_4E_AD_01;
