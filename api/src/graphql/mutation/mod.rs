//! Mutations: one per command. Each takes an optional `commandId`: repeating it
//! returns the first result instead of acting twice.

mod auth;
mod members;
mod organizations;
mod referrals;
mod services;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    auth::AuthMutations,
    organizations::OrganizationMutations,
    members::MemberMutations,
    services::ServiceMutations,
    referrals::ReferralMutations,
);
