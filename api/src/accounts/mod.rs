//! The accounts area: accounts, passwords, sessions, API tokens, sign-in throttling and the access log.
//! Credentials are mutable secrets and live in their own tables, never in the event log;
//! what is done to them (a password changed or reset, sessions ended, tokens made and
//! revoked) is, as the events of the `Account` aggregate.

pub mod access_log;
pub mod account;
pub mod api_tokens;
pub mod change_password;
pub mod end_sessions;
pub mod holder;
pub mod login;
pub mod password;
pub mod principal;
pub mod reset_password;
pub mod secrets;
pub mod services;
pub mod session_cache;
pub mod session_row;
pub mod sessions;
pub mod throttle;

pub use principal::{AuthMethod, Principal};
