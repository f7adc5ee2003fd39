//! The GraphQL schema: queries read the projections' tables, mutations send commands.

pub mod accounts;
pub mod audit;
pub mod common;
pub mod directory;
pub mod referrals;
pub mod transport;

use async_graphql::Schema;

// The paths the rest of the crate (and `web_bridge`) used before the areas.
pub use common::{context, limits, null_propagation, projected};
pub use context::RequestCtx;
pub use transport::{http, ws};

/// Every query, merged from one object per area.
#[derive(async_graphql::MergedObject, Default)]
pub struct QueryRoot(
    accounts::query::ViewerQuery,
    directory::query::DirectoryQuery,
    audit::query::AuditQuery,
    accounts::query::SignInAlertQuery,
    common::read_models::ReadModelQuery,
    referrals::query::ReferralQuery,
);

// Mutations: one per command. Each takes an optional `commandId`: repeating it returns
// the first result instead of acting twice.
#[derive(async_graphql::MergedObject, Default)]
pub struct MutationRoot(
    accounts::mutation::AuthMutations,
    directory::mutation::organizations::OrganizationMutations,
    directory::mutation::members::MemberMutations,
    directory::mutation::services::ServiceMutations,
    referrals::mutation::ReferralMutations,
    accounts::self_service::SelfServiceMutations,
);

// Subscriptions over graphql-ws at `/graphql/ws`.
#[derive(async_graphql::MergedSubscription, Default)]
pub struct SubscriptionRoot(referrals::subscription::BoardSubscription);

pub type SanadSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// Deep enough for every page we serve; shallow enough that no query walks the schema.
pub const MAX_DEPTH: usize = 12;
pub const MAX_COMPLEXITY: usize = 2_000;

/// Introspection documents nest deeper than any page's query: the standard one of
/// graphql-core and gql reaches 7–9 levels of `ofType` (15 levels in all under `args`).
pub const MAX_INTROSPECTION_DEPTH: usize = 16;

/// The schema for requests. Every request passes [`limits`] before it runs (see
/// `http::admit`), in the handler rather than as an extension, which spares every field of
/// every request the cost of going through one.
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

/// [`build`] with the depth that introspection needs, for documents whose root fields
/// all introspect (`http::only_introspects`).
pub fn build_introspection(state: crate::AppState) -> SanadSchema {
    builder(state).limit_depth(MAX_INTROSPECTION_DEPTH).finish()
}

fn builder(
    state: crate::AppState,
) -> async_graphql::SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .data(state)
    .limit_depth(MAX_DEPTH)
    .limit_complexity(MAX_COMPLEXITY)
    .limit_recursive_depth(32)
    .limit_directives(10)
}

pub use common::documents::{DocumentCache, Known};

/// The schema in SDL, as committed in `schema.graphql`.
pub fn sdl() -> String {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .finish()
    .sdl_with_options(async_graphql::SDLExportOptions::new().include_specified_by())
}
