//! The black-box tests: the real router and `sanad` binary against a real PostgreSQL, one
//! module per area, all in one test binary so that the suite links `api` once.
//!
//! Shared helpers (a fresh database per test, the app on a real port, GraphQL and web
//! clients, the binary as a child process) are the `sanad_tests` library in `tests/support/`.
//!
//! Run one area with `cargo test -p sanad-tests -- referrals::`, one test by a part of its name.

/// The event store and the projector: append-only log, hash links, idempotency, catch-up,
/// rebuilds, and the faults (kill -9, a PostgreSQL restart, two processes).
mod store;

/// The organisation directory: listing, members, services, the profile pages.
mod directory;

/// Accounts, sessions, API tokens, CSRF and sign-in throttling.
mod accounts;

/// Referrals end to end, and the personal data they carry.
mod referrals;

/// The GraphQL surface: coded errors, hardening against attacks, fuzzing.
mod graphql;

/// The pages in a real browser: walks, page checks, screenshots.
mod browser;

/// Health, readiness, metrics and the `sanad` command line.
mod operations;
