//! The signed-in user, their organisation and their API tokens.

use async_graphql::{ComplexObject, Context, SimpleObject, ID};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::accounts::api_tokens;
use crate::graphql::common::context::{state, OrGql};
use crate::graphql::directory::enums::RoleGql;
use crate::graphql::directory::types::{load_organization, OrganizationNode};

#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Viewer {
    pub id: ID,
    pub username: String,
    pub display_name: String,
    /// None when the user belongs to no organisation (then they may do nothing).
    pub role: Option<RoleGql>,
    /// The token to send as `x-csrf-token` (or a form's `csrf` field) with a session cookie.
    pub csrf_token: Option<String>,
    #[graphql(skip)]
    pub user_id: Uuid,
    #[graphql(skip)]
    pub organization_id: Option<Uuid>,
}

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "ApiToken")]
pub struct ApiTokenGql {
    pub id: ID,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[ComplexObject]
impl Viewer {
    async fn organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        let Some(id) = self.organization_id else {
            return Ok(None);
        };
        load_organization(state(ctx)?, id).await.or_gql(ctx)
    }

    /// The API tokens this user made, newest first (the secrets are never shown again).
    async fn api_tokens(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ApiTokenGql>> {
        let tokens = api_tokens::list(&state(ctx)?.pool, self.user_id)
            .await
            .or_gql(ctx)?;
        Ok(tokens
            .into_iter()
            .map(|t| ApiTokenGql {
                id: ID(t.id.to_string()),
                name: t.name,
                created_at: t.created_at,
                last_used_at: t.last_used_at,
                revoked_at: t.revoked_at,
            })
            .collect())
    }
}
