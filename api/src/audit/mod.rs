//! The audit's reads of the event log: any aggregate's history, shared by every area.

pub mod history;
