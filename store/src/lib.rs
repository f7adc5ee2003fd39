//! The write side. [`EventStore::execute`] loads an aggregate's events with postgres-es,
//! runs the command through the cqrs-es `Aggregate`, and appends the new events in one
//! statement with their metadata (actor, command id, request id, time) and their hash
//! links. It answers a repeated command id with the first result, and re-runs a
//! command that lost an optimistic-concurrency race a bounded number of times.

mod append;
pub mod batch;
mod cache;
mod canonical;
mod chain;
mod context;
mod error;
mod execute;
mod held;
mod position;
mod signal;

pub use canonical::{canonical_json, write_canonical_json};
pub use chain::{verify_chain, ChainReport, EventBody, GENESIS_HASH};
pub use context::CommandContext;
pub use error::StoreError;
pub use execute::{EventStore, Outcome};
pub use held::{Held, HeldConnection, HeldConnections};
pub use position::LogPosition;
pub use signal::{LogSignal, EVENTS_CHANNEL};
