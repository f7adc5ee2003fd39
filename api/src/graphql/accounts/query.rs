//! The accounts' queries: who is signed in, and the sign-in lock-outs.

use async_graphql::{Context, Object, ID};
use domain::access::{authorize, Operation};

use super::sign_in_alerts::{sign_in_alerts, SignInAlertPage};
use super::types::Viewer;
use crate::graphql::common::context::{principal, req, state, OrForbidden, OrGql};

/// The viewer, first among the roots' fields.
#[derive(Default)]
pub struct ViewerQuery;

#[Object]
impl ViewerQuery {
    /// The signed-in user; null when nobody is signed in.
    async fn viewer(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Viewer>> {
        let Some(p) = &req(ctx).principal else {
            return Ok(None);
        };
        Ok(Some(Viewer {
            id: ID(p.user_id.to_string()),
            username: p.username.clone(),
            display_name: p.display_name.clone(),
            role: p.actor.role.map(Into::into),
            csrf_token: p.csrf_token().map(str::to_string),
            user_id: p.user_id,
            organization_id: p.actor.org_id,
        }))
    }
}

/// The sign-in alerts; a separate object so the schema keeps its field order.
#[derive(Default)]
pub struct SignInAlertQuery;

#[Object]
impl SignInAlertQuery {
    /// Sources of sign-in attempts the throttle locked out, newest first (Secretariat).
    async fn sign_in_alerts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<SignInAlertPage> {
        let p = principal(ctx)?;
        authorize(&p.actor, Operation::ViewSignInAlerts, None).or_forbidden(ctx)?;
        sign_in_alerts(&state(ctx)?.pool, first, after)
            .await
            .or_gql(ctx)
    }
}
