//! Account: what a person (or their manager) did to their own credentials and sessions.
//! The secrets themselves (the password hash, session and token digests) stay beside the
//! log, in the accounts tables; the log records that a password was changed or reset, which
//! sessions were ended and why, and which API tokens were made and revoked, so the account
//! has a history like every other record.

mod aggregate;
mod command;
mod error;
mod event;

pub use aggregate::Account;
pub use command::{AccountCommand, AccountHolder};
pub use error::AccountError;
pub use event::{AccountEvent, SessionsEndedBecause};

/// The aggregate type under which account events are stored (the aggregate id is the
/// user id).
pub const AGGREGATE_TYPE: &str = "Account";

/// The most sessions one command ends: more than any person has open, few enough that the
/// event stays small.
pub const MAX_SESSIONS_PER_COMMAND: usize = 1_000;

#[cfg(test)]
mod tests;
