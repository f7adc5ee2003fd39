//! Why a page could not be shown, and the answer the browser gets instead: a redirect
//! to the sign-in page, a 404 page, a 403 page for a failed CSRF check, or a page with
//! the API's own (localised) message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use crate::context::Ctx;
use crate::gql::{ErrorCode, GqlError};
use crate::layout;
use crate::messages::{t, Msg};
use crate::session;

/// What a page's work ends in: its response, or the failure to answer with.
pub type Answer = Result<Response, Failure>;

/// A page that cannot be shown.
#[derive(Debug)]
pub enum Failure {
    /// Not signed in (or the session ended): go to `/login`.
    SignIn,
    /// Nothing there: 404.
    NotFound,
    /// A POST whose `csrf` field is not the session's token: 403.
    Csrf,
    /// Any other error of the API, shown with its message.
    Api(GqlError),
}

impl Failure {
    /// The page is not for this viewer, as the API would refuse its command: 403.
    pub fn forbidden() -> Failure {
        Failure::Api(GqlError {
            code: ErrorCode::Forbidden,
            ..GqlError::internal()
        })
    }
}

impl From<GqlError> for Failure {
    fn from(error: GqlError) -> Failure {
        match error.code {
            ErrorCode::Unauthenticated => Failure::SignIn,
            ErrorCode::NotFound => Failure::NotFound,
            _ => Failure::Api(error),
        }
    }
}

/// The HTTP status that goes with an API error code.
pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::Validation => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The text to show for an API error: its own message, or a generic one when it has
/// none.
pub fn message_of(ctx: &Ctx, error: &GqlError) -> String {
    if error.message.trim().is_empty() {
        t(ctx.locale, Msg::ErrorBody).to_string()
    } else {
        error.message.clone()
    }
}

impl Failure {
    /// The response for this failure, in the request's language.
    pub fn render(self, ctx: &Ctx) -> Response {
        let l = ctx.locale;
        match self {
            Failure::SignIn => {
                if ctx.session.is_some() {
                    (session::forget_session(), Redirect::to("/login")).into_response()
                } else {
                    Redirect::to("/login").into_response()
                }
            }
            Failure::NotFound => problem(
                ctx,
                StatusCode::NOT_FOUND,
                t(l, Msg::NotFoundTitle),
                t(l, Msg::NotFoundBody).to_string(),
            ),
            Failure::Csrf => problem(
                ctx,
                StatusCode::FORBIDDEN,
                t(l, Msg::CsrfTitle),
                t(l, Msg::CsrfBody).to_string(),
            ),
            Failure::Api(error) if error.code == ErrorCode::Forbidden => {
                let hint = t(l, Msg::ForbiddenBody);
                let message = match error.message.trim() {
                    "" => hint.to_string(),
                    said => format!("{said} {hint}"),
                };
                problem(
                    ctx,
                    StatusCode::FORBIDDEN,
                    t(l, Msg::ForbiddenTitle),
                    message,
                )
            }
            Failure::Api(error) => {
                let message = message_of(ctx, &error);
                problem(ctx, status_of(error.code), t(l, Msg::ErrorTitle), message)
            }
        }
    }
}

/// Turns a page result into a response.
pub fn respond(ctx: &Ctx, result: Result<Response, Failure>) -> Response {
    result.unwrap_or_else(|failure| failure.render(ctx))
}

fn problem(ctx: &Ctx, status: StatusCode, title: &str, message: String) -> Response {
    let l = ctx.locale;
    let body = html! {
        div.card.narrow role="alert" {
            h1 { (title) }
            p { (message) }
            p { a href="/" { (t(l, Msg::BackHome)) } }
        }
    };
    (status, layout::page(ctx, None, title, body)).into_response()
}

/// Fallback for unknown paths: the localised 404 page.
pub async fn not_found(ctx: Ctx) -> Response {
    Failure::NotFound.render(&ctx)
}
