//! The GraphQL schema: queries read the projections' tables, mutations send commands.

pub mod at_checkpoint;
pub mod context;
mod cursor;
mod documents;
mod mutation;
mod nesting;
pub mod projected;
mod query;
mod referral_list;
pub mod referral_query;
pub mod subscription;
pub mod types;

use async_graphql::Schema;

pub use context::RequestCtx;
pub use mutation::MutationRoot;
pub use subscription::SubscriptionRoot;
/// Every query, merged from one object per area.
#[derive(async_graphql::MergedObject, Default)]
pub struct QueryRoot(query::CoreQuery, referral_query::ReferralQuery);

pub type SanadSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// Deep enough for every page we serve; shallow enough that no query walks the schema.
pub const MAX_DEPTH: usize = 12;
pub const MAX_COMPLEXITY: usize = 2_000;

/// The schema for requests over HTTP. Their nesting is checked before execution
/// ([`refuse_deep`]), which spares every field of every request the cost of going through
/// an extension.
pub fn build(state: crate::AppState) -> SanadSchema {
    builder(state).finish()
}

/// [`build`] with the engine's fast validation, for documents that passed the full one
/// before ([`DocumentCache`]).
pub fn build_prevalidated(state: crate::AppState) -> SanadSchema {
    builder(state)
        .validation_mode(async_graphql::ValidationMode::Fast)
        .finish()
}

/// The schema for graphql-ws, whose documents arrive inside WebSocket messages: the
/// nesting check runs as an extension there.
pub fn build_ws(state: crate::AppState) -> SanadSchema {
    builder(state).extension(nesting::NestingLimit).finish()
}

fn builder(
    state: crate::AppState,
) -> async_graphql::SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot,
    )
    .data(state)
    .limit_depth(MAX_DEPTH)
    .limit_complexity(MAX_COMPLEXITY)
    .limit_recursive_depth(32)
    .limit_directives(10)
}

pub use documents::{DocumentCache, Known};
pub use nesting::refuse_deep;

/// The schema in SDL, as committed in `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot,
    )
    .finish()
    .sdl()
}
