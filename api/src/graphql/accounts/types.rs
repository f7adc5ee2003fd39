//! The signed-in user, their organisation, their sessions, API tokens and history.

use async_graphql::{ComplexObject, Context, SimpleObject, ID};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use domain::access::{authorize_account, AccountOperation};

use crate::accounts::api_tokens;
use crate::accounts::sessions::{self, Lifetime};
use crate::graphql::audit::types::{audit_page, AuditPage};
use crate::graphql::common::context::{principal, state, OrForbidden, OrGql};
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

/// A live session of the viewer's (never its secret).
#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "Session")]
pub struct SessionGql {
    pub id: ID,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The address it was opened from.
    pub address: Option<String>,
    /// The browser's description of itself, as it sent it.
    pub user_agent: Option<String>,
    /// The session this request came with.
    pub current: bool,
}

impl Viewer {
    /// The caller, once the accounts' policy lets them `op` on this account.
    fn caller_may<'c>(
        &self,
        ctx: &Context<'c>,
        op: AccountOperation,
    ) -> async_graphql::Result<&'c crate::accounts::Principal> {
        let p = principal(ctx)?;
        authorize_account(&p.actor, op, self.user_id, self.organization_id).or_forbidden(ctx)?;
        Ok(p)
    }
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

    /// Your live sessions, most recently used first.
    async fn sessions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<SessionGql>> {
        let p = self.caller_may(ctx, AccountOperation::ViewSessions)?;
        let current = p.session_digest();
        let st = state(ctx)?;
        let life = Lifetime {
            idle_minutes: st.config.session_idle_minutes,
            max_hours: st.config.session_max_hours,
        };
        let list = sessions::list(&st.pool, self.user_id, current, life)
            .await
            .or_gql(ctx)?;
        Ok(list
            .into_iter()
            .map(|s| SessionGql {
                id: ID(s.id.to_string()),
                created_at: s.created_at,
                last_seen_at: s.last_seen_at,
                address: s.address,
                user_agent: s.user_agent,
                current: s.current,
            })
            .collect())
    }

    /// Your account's history: password changes and resets, sessions ended, API tokens
    /// made and revoked, oldest first.
    async fn history(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<AuditPage> {
        self.caller_may(ctx, AccountOperation::ViewAccountHistory)?;
        let id = self.user_id.to_string();
        audit_page(
            &state(ctx)?.pool,
            domain::account::AGGREGATE_TYPE,
            &id,
            first,
            after,
            None,
        )
        .await
        .or_gql(ctx)
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
