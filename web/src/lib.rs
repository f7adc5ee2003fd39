//! The human interface: server-rendered pages, Arabic (RTL) first, with English and
//! Kurdish (Sorani). Pages run the same GraphQL schema as API clients, in-process,
//! through [`GraphqlExecutor`], which the `api` crate implements. This crate never
//! depends on `api` or `projections`: the arrow runs api → web only.
//!
//! Where things are: [`i18n`] picks the language, [`messages`] and [`labels`] hold
//! every string, [`layout`] frames each page, [`gql`] runs operations, [`csrf`] guards
//! every POST but the sign-in, and [`pages`] has one folder per area
//! (its routes in its `mod.rs`), and [`kit`] what the areas' pages share.

use std::sync::Arc;

mod assets;
mod command_id;
mod context;
mod csrf;
mod every_page;
mod export;
mod failure;
mod form;
mod gql;
pub mod i18n;
mod kit;
mod labels;
mod layout;
mod messages;
mod model;
mod pages;
mod session;
mod state;
mod url;

#[cfg(test)]
mod tests;

/// Runs one GraphQL operation on behalf of a browser session.
#[async_trait::async_trait]
pub trait GraphqlExecutor: Send + Sync + 'static {
    /// `session_token` is the value of the session cookie, when there is one;
    /// `locale` is `ar`, `en` or `ckb` and selects the language of error messages.
    async fn execute(
        &self,
        session_token: Option<String>,
        locale: &str,
        request: async_graphql::Request,
    ) -> async_graphql::Response;

    /// Runs a subscription on behalf of a browser session: its first answer (or its
    /// refusal, a coded error), then one response per change, for as long as the session
    /// stands for the same person, organisation, role and standing.
    async fn subscribe(
        &self,
        session_token: String,
        locale: &str,
        request: async_graphql::Request,
    ) -> Responses {
        let _ = (session_token, locale, request);
        Box::pin(futures::stream::once(async {
            async_graphql::Response::from_errors(vec![async_graphql::ServerError::new(
                "subscriptions are not served here",
                None,
            )])
        }))
    }
}

/// The responses of a subscription, as they come.
pub type Responses =
    std::pin::Pin<Box<dyn futures::Stream<Item = async_graphql::Response> + Send + 'static>>;

/// Whether the browser's request reached the platform over HTTPS, as the api crate
/// decides it (a trusted proxy's `X-Forwarded-Proto`) and puts in the request's
/// extensions; the session cookie is then `Secure`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Https(pub bool);

/// Name of the cookie that carries the session token.
pub const SESSION_COOKIE: &str = "sanad_session";

/// The pages, mounted at `/` by the api crate.
///
/// Routes: `GET /`, `GET|POST /login`, `POST /logout`, `GET /organizations`,
/// `GET|POST /organizations/new`, `GET /organizations/{id}`, `GET|POST /organizations/{id}/edit`,
/// `POST /organizations/{id}/{verify,suspend,reinstate}`,
/// `POST /organizations/{id}/services` and `.../services/withdraw`,
/// `POST /organizations/{id}/members`, `.../members/role` and `.../members/remove`,
/// `GET /referrals`, `GET /referrals/board`, `GET|POST /referrals/new`,
/// `GET /referrals/{id}`, `POST /referrals/{id}/{action}` (open, claim, accept,
/// decline, start, deliver, close, transfer, assign, withdraw, reopen, follow-up, consent,
/// personal, erase), `GET /statistics`, and the downloads `GET /organizations.xlsx`,
/// `GET /referrals.xlsx` and `GET /statistics.xlsx`, each also as `.csv`.
/// Unknown paths get a localised 404 page (this router has a fallback, so merge it
/// into a router that has none, or mount it with `fallback_service`).
pub fn router(executor: Arc<dyn GraphqlExecutor>) -> axum::Router {
    pages::routes()
        .fallback(failure::not_found)
        .layer(axum::middleware::from_fn(i18n::remember_language))
        .layer(axum::middleware::from_fn(i18n::choose_digits))
        .with_state(state::AppState::new(executor))
}
