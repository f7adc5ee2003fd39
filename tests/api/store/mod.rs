//! The write side and the read side's engine, tested through the real database.

/// The log's promises: append-only, one global order, metadata, hash links, idempotency.
mod event_store;

/// The catch-up projector: late commits, crashes mid-batch, rebuilds, leadership.
mod projector;

/// The real binary under faults: kill -9, a PostgreSQL restart, two processes.
mod faults;
