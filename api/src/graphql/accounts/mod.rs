//! The accounts' schema: the viewer, sign-in and sign-out, API tokens, sign-in alerts.

pub mod mutation;
pub mod query;
pub mod sign_in_alerts;
pub mod types;
