//! The accounts' schema: the viewer, sign-in and sign-out, one's own password, sessions
//! and API tokens, a manager's password reset, sign-in alerts.

pub mod mutation;
pub mod query;
pub mod self_service;
pub mod sign_in_alerts;
pub mod types;
