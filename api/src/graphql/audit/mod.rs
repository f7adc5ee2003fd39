//! The audit's schema: the history of any aggregate and the event log's hash chain.

pub mod query;
pub mod types;
