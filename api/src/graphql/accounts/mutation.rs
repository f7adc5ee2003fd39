//! Signing in and out, and API tokens.

use async_graphql::{Context, Object, SimpleObject, ID};

use super::types::Viewer;
use crate::accounts::access_log::AccessKind;
use crate::accounts::api_tokens;
use crate::accounts::login::{login, Attempt};
use crate::accounts::sessions;
use crate::accounts::AuthMethod;
use crate::errors::ApiError;
use crate::graphql::common::command::Sender;
use crate::graphql::common::context::{mutator, req, state, OrGql};

#[derive(Default)]
pub struct AuthMutations;

#[derive(SimpleObject)]
pub struct LoginPayload {
    /// Send as `Authorization: Bearer <token>`, or keep in the `sanad_session` cookie.
    pub session_token: String,
    pub csrf_token: String,
    pub viewer: Viewer,
}

#[derive(SimpleObject)]
pub struct NewApiToken {
    pub id: ID,
    /// Shown once: store it now.
    pub token: String,
    pub name: String,
}

#[Object]
impl AuthMutations {
    /// Signs in. Past five wrong passwords for an account from one address (or thirty from
    /// one address) that address waits before its next try (`RATE_LIMITED`, with
    /// `retryAfter` seconds, doubling with each further failure); other addresses do not.
    async fn login(
        &self,
        ctx: &Context<'_>,
        username: String,
        password: String,
    ) -> async_graphql::Result<LoginPayload> {
        let st = state(ctx)?;
        let r = req(ctx);
        if username.len() > 256 || password.len() > 1024 {
            return Err(ApiError::new(
                crate::errors::Code::Unauthenticated,
                "login.failed",
            ))
            .or_gql(ctx);
        }
        let (user_id, session) = login(
            st,
            Attempt {
                username: &username,
                password: &password,
                address: &r.address,
                request_id: &r.request_id,
            },
        )
        .await
        .or_gql(ctx)?;
        let (username, display_name, actor) =
            crate::accounts::principal::actor_for(&st.pool, user_id)
                .await
                .or_gql(ctx)?
                .ok_or_else(|| ApiError::new(crate::errors::Code::Unauthenticated, "login.failed"))
                .or_gql(ctx)?;
        Ok(LoginPayload {
            viewer: Viewer {
                id: ID(user_id.to_string()),
                username,
                display_name,
                role: actor.role.map(Into::into),
                csrf_token: Some(session.csrf_token.clone()),
                user_id,
                organization_id: actor.org_id,
            },
            session_token: session.token,
            csrf_token: session.csrf_token,
        })
    }

    /// Ends the current session. A request made with an API token has no session to end
    /// and is refused (`logout.api_token`): `revokeApiToken` stops a token.
    async fn logout(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let p = mutator(ctx)?;
        if let AuthMethod::ApiToken { .. } = &p.method {
            return Err(ApiError::new(
                crate::errors::Code::Validation,
                "logout.api_token",
            ))
            .or_gql(ctx);
        }
        if let AuthMethod::Session { token_hash, .. } = &p.method {
            sessions::end(&state(ctx)?.pool, token_hash)
                .await
                .or_gql(ctx)?;
            // At once here; other processes hear it from the database.
            state(ctx)?.accounts.session_cache.changed();
            req(ctx)
                .log_access(&state(ctx)?.pool, AccessKind::Logout, p, None)
                .await
                .map_err(ApiError::from)
                .or_gql(ctx)?;
        }
        Ok(true)
    }

    /// Makes a bearer token for an integration, acting as the signed-in user.
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        name: String,
        command_id: Option<String>,
    ) -> async_graphql::Result<NewApiToken> {
        let sender = Sender::new(ctx)?;
        let cc = sender.context(command_id);
        let user = sender.principal().user_id;
        let t = sender.ok(api_tokens::create(sender.state, &cc, user, &name).await)?;
        Ok(NewApiToken {
            id: ID(t.id.to_string()),
            token: t.token,
            name: name.trim().to_string(),
        })
    }

    /// Revokes one of your API tokens (the Secretariat administrator may revoke anyone's).
    async fn revoke_api_token(
        &self,
        ctx: &Context<'_>,
        id: ID,
        command_id: Option<String>,
    ) -> async_graphql::Result<bool> {
        let sender = Sender::new(ctx)?;
        let id = sender.id(&id, "id")?;
        let cc = sender.context(command_id);
        sender.ok(api_tokens::revoke(sender.state, &cc, id).await)?;
        Ok(true)
    }
}
