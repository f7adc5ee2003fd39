//! Sanad's domain: the aggregates (their commands, events, state and rules), the value
//! types of the field, and the access policy that decides who may do what.
//!
//! Pure by design: no SQL, no HTTP, no clock and no randomness. Identifiers and times come
//! in with the command, so every rule is testable with cqrs-es's `TestFramework`.

pub mod access;
pub mod account;
pub mod command;
mod decide;
pub mod error;
pub mod opportunity;
pub mod organization;
pub mod referral;
pub mod sign_in;
pub mod values;

pub use access::{authorize, AccessDenied, Actor, Operation};
pub use command::Command;
pub use error::{DomainError, ErrorCode};
