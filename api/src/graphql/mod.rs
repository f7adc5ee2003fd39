//! The GraphQL schema: queries read the projections' tables, mutations send commands.

pub mod context;
mod cursor;
mod mutation;
mod nesting;
mod query;
mod referral_query;
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

pub fn build(state: crate::AppState) -> SanadSchema {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot,
    )
    .data(state)
    .extension(nesting::NestingLimit)
    .limit_depth(MAX_DEPTH)
    .limit_complexity(MAX_COMPLEXITY)
    .limit_recursive_depth(32)
    .limit_directives(10)
    .finish()
}

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
