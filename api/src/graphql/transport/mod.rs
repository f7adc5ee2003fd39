//! How requests reach the schema: HTTP (`/graphql`) and graphql-ws (`/graphql/ws`).

pub mod http;
pub mod ws;
