//! Operations: request ids and metrics for every request, health and readiness, Prometheus,
//! the body limit and the security headers.

pub mod body_limit;
pub mod client;
pub mod headers;
pub mod health;
pub mod metrics;
pub mod request;
