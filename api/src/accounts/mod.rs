//! The accounts area: accounts, passwords, sessions, API tokens, sign-in throttling and the access log.
//! Credentials are mutable secrets and live in their own tables, never in the event log.

pub mod access_log;
pub mod account;
pub mod api_tokens;
pub mod login;
pub mod password;
pub mod principal;
pub mod secrets;
pub mod services;
pub mod session_cache;
pub mod session_row;
pub mod sessions;
pub mod throttle;

pub use principal::{AuthMethod, Principal};
