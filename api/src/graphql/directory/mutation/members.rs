//! Members of an organisation: user accounts with a role.

use async_graphql::{Context, InputObject, Object, ID};
use domain::organization::{Organization, OrganizationCommand};
use domain::Actor;
use projections::models::directory::queries::members;
use uuid::Uuid;

use crate::accounts::account::{self, NewAccount};
use crate::errors::{ApiError, ApiResult, Code};
use crate::graphql::common::command::{GqlResult, Sender};
use crate::graphql::common::context::OrGql;
use crate::graphql::directory::enums::RoleGql;
use crate::graphql::directory::types::MemberGql;
use crate::state::AppState;

#[derive(Default)]
pub struct MemberMutations;

#[derive(InputObject)]
pub struct NewMemberInput {
    /// 3 to 64 of a-z, 0-9, `.`, `_`, `-`.
    pub username: String,
    pub display_name: String,
    /// At least 10 characters.
    pub password: String,
    pub role: RoleGql,
}

async fn load_member(st: &AppState, org: Uuid, user: Uuid) -> ApiResult<MemberGql> {
    let m = members::member(&st.pool, org, user).await?.ok_or_else(|| {
        ApiError::new(Code::NotFound, "organization.not_a_member").field("userId")
    })?;
    let role = domain::values::Role::parse(&m.role)
        .ok_or_else(|| ApiError::internal(format!("unknown role {}", m.role)))?;
    Ok(MemberGql {
        user_id: ID(user.to_string()),
        username: m.username,
        display_name: m.display_name,
        role: role.into(),
        added_at: m.added_at,
    })
}

/// Runs the command `make` builds, from the caller's actor and the member's id, on the
/// member's organisation; answers with the state and the organisation's and member's ids.
async fn on_member<'c>(
    ctx: &Context<'c>,
    organization_id: &ID,
    user_id: &ID,
    command_id: Option<String>,
    make: impl FnOnce(Actor, Uuid) -> OrganizationCommand,
) -> GqlResult<(&'c AppState, Uuid, Uuid)> {
    let sender = Sender::new(ctx)?;
    let org = sender.id(organization_id, "organizationId")?;
    let user = sender.id(user_id, "userId")?;
    sender
        .execute::<Organization>(org, command_id, make(sender.actor(), user))
        .await?;
    Ok((sender.state, org, user))
}

#[Object]
impl MemberMutations {
    /// Creates a user account in an organisation with a role that fits its kind.
    async fn create_member(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        input: NewMemberInput,
        command_id: Option<String>,
    ) -> GqlResult<MemberGql> {
        let sender = Sender::new(ctx)?;
        let org = sender.id(&organization_id, "organizationId")?;
        let cc = sender.context(command_id);
        let user = account::create(
            sender.state,
            &cc,
            NewAccount {
                organization_id: org,
                username: input.username,
                display_name: input.display_name,
                password: input.password,
                role: input.role.into(),
            },
        )
        .await;
        let user = sender.ok(user)?;
        sender.ok(load_member(sender.state, org, user).await)
    }

    /// Gives a member another role. An organisation always keeps one manager.
    async fn change_member_role(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        user_id: ID,
        role: RoleGql,
        command_id: Option<String>,
    ) -> GqlResult<MemberGql> {
        let (st, org, user) = on_member(
            ctx,
            &organization_id,
            &user_id,
            command_id,
            |actor, user_id| OrganizationCommand::ChangeMemberRole {
                actor,
                user_id,
                role: role.into(),
            },
        )
        .await?;
        load_member(st, org, user).await.or_gql(ctx)
    }

    /// Removes a member: their account can then do nothing in the platform.
    async fn remove_member(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        user_id: ID,
        command_id: Option<String>,
    ) -> GqlResult<bool> {
        on_member(
            ctx,
            &organization_id,
            &user_id,
            command_id,
            |actor, user_id| OrganizationCommand::RemoveMember { actor, user_id },
        )
        .await?;
        Ok(true)
    }
}
