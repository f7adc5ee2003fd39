//! Operations: request ids and metrics for every request, health and readiness, Prometheus.

pub mod client;
pub mod health;
pub mod metrics;
pub mod request;
