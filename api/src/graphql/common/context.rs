//! Per-request facts and the helpers resolvers use to reach them.

use async_graphql::Context;
use domain::access::AccessDenied;
use sqlx::PgPool;
use store::CommandContext;

use crate::accounts::access_log::{self, AccessKind, AccessRecord};
use crate::accounts::Principal;
use crate::errors::{ApiError, Code};
use crate::i18n::Locale;
use crate::state::AppState;

#[derive(Debug, Clone, Default)]
pub struct RequestCtx {
    pub principal: Option<Principal>,
    /// A credential was presented but is unknown, expired or revoked.
    pub credential_rejected: bool,
    pub locale: Locale,
    pub request_id: String,
    pub address: String,
    /// False for a cookie-authenticated request without the session's CSRF token.
    pub csrf_ok: bool,
}

impl RequestCtx {
    /// Records in the access log what `p` did in this request.
    pub async fn log_access(
        &self,
        pool: &PgPool,
        kind: AccessKind,
        p: &Principal,
        detail: Option<&str>,
    ) -> Result<(), sqlx::Error> {
        let record = AccessRecord {
            kind,
            username: Some(&p.username),
            user_id: Some(p.user_id),
            address: &self.address,
            request_id: &self.request_id,
            detail,
        };
        access_log::record(pool, record).await
    }
}

pub fn req<'a>(ctx: &Context<'a>) -> &'a RequestCtx {
    static EMPTY: std::sync::OnceLock<RequestCtx> = std::sync::OnceLock::new();
    ctx.data_opt::<RequestCtx>()
        .unwrap_or_else(|| EMPTY.get_or_init(RequestCtx::default))
}

pub fn state<'a>(ctx: &Context<'a>) -> Result<&'a AppState, async_graphql::Error> {
    ctx.data::<AppState>()
}

/// Converts an API error into the GraphQL error for this caller's language.
pub fn err(ctx: &Context<'_>, e: ApiError) -> async_graphql::Error {
    let r = req(ctx);
    e.to_graphql(r.locale, &r.request_id)
}

pub trait OrGql<T> {
    fn or_gql(self, ctx: &Context<'_>) -> Result<T, async_graphql::Error>;
}

impl<T> OrGql<T> for Result<T, ApiError> {
    fn or_gql(self, ctx: &Context<'_>) -> Result<T, async_graphql::Error> {
        self.map_err(|e| err(ctx, e))
    }
}

/// A policy's decision as a caller sees it: a refusal is FORBIDDEN, without the policy's
/// reason.
pub trait OrForbidden<T> {
    fn or_forbidden(self, ctx: &Context<'_>) -> Result<T, async_graphql::Error>;
}

impl<T> OrForbidden<T> for Result<T, AccessDenied> {
    fn or_forbidden(self, ctx: &Context<'_>) -> Result<T, async_graphql::Error> {
        self.map_err(|_| ApiError::forbidden()).or_gql(ctx)
    }
}

pub fn principal<'a>(ctx: &Context<'a>) -> Result<&'a Principal, async_graphql::Error> {
    let r = req(ctx);
    match &r.principal {
        Some(p) => Ok(p),
        None if r.credential_rejected => Err(err(
            ctx,
            ApiError::new(Code::Unauthenticated, "session_expired"),
        )),
        None => Err(err(ctx, ApiError::unauthenticated())),
    }
}

/// The caller of a mutation, who must also have passed the CSRF check.
pub fn mutator<'a>(ctx: &Context<'a>) -> Result<&'a Principal, async_graphql::Error> {
    let p = principal(ctx)?;
    if !req(ctx).csrf_ok {
        return Err(err(ctx, ApiError::new(Code::Forbidden, "csrf.missing")));
    }
    Ok(p)
}

pub fn command_context(
    ctx: &Context<'_>,
    p: &Principal,
    command_id: Option<String>,
) -> CommandContext {
    CommandContext::new(p.actor.clone(), command_id, req(ctx).request_id.clone())
}

/// How a request presented its credentials.
pub struct Credentials<'a> {
    pub secret: Option<&'a str>,
    /// The secret came in the session cookie (so mutations need the CSRF token).
    pub via_cookie: bool,
    pub csrf_header: Option<&'a str>,
}

/// Resolves credentials into the per-request context; records API-token use.
pub async fn request_ctx(
    st: &AppState,
    creds: Credentials<'_>,
    locale: Locale,
    request_id: String,
    address: String,
) -> Result<RequestCtx, ApiError> {
    let mut rc = RequestCtx {
        principal: None,
        credential_rejected: false,
        locale,
        request_id,
        address,
        csrf_ok: true,
    };
    let Some(secret) = creds.secret else {
        return Ok(rc);
    };
    match crate::accounts::principal::resolve(
        &st.pool,
        &st.accounts.sessions,
        &st.accounts.session_cache,
        secret,
    )
    .await?
    {
        Some(p) => {
            if creds.via_cookie {
                rc.csrf_ok = p.csrf_token().is_some() && creds.csrf_header == p.csrf_token();
            }
            if let crate::accounts::AuthMethod::ApiToken { id } = &p.method {
                rc.log_access(&st.pool, AccessKind::TokenUsed, &p, Some(&id.to_string()))
                    .await?;
            }
            rc.principal = Some(p);
        }
        None => rc.credential_rejected = true,
    }
    Ok(rc)
}
