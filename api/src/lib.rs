//! The `sanad` binary's library: HTTP server (axum), GraphQL schema (async-graphql),
//! accounts and sessions, operations endpoints, demo data and the command line.
//! Commands go to the domain through `store`; queries read the `projections` tables.

pub mod accounts;
pub mod app;
pub mod audit;
pub mod by_id;
pub mod cli;
pub mod config;
pub mod db;
pub mod directory;
pub mod errors;
pub mod graphql;
pub mod i18n;
pub mod ops;
pub mod privacy;
pub mod referrals;
pub mod seed;
pub mod state;
pub mod web_bridge;

pub use app::router;
pub use config::Config;
pub use state::AppState;
