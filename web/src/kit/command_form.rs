//! A command form's handler: read the fields, check the CSRF token, run the command;
//! on success send the browser back to the record with what was `done`; on a refusal
//! draw the page again with the message (the page keeps what was typed); a lost
//! session or record is the failure page.

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::context::Ctx;
use crate::csrf;
use crate::failure::{message_of, respond, status_of, Failure};
use crate::form::{Body, Fields};
use crate::gql::{ErrorCode, GqlError};
use crate::model::Viewer;
use crate::state::AppState;
use crate::url;

/// Runs `command` with the submitted fields and the viewer, once the CSRF token has
/// passed, and answers with its page (or the failure page).
pub async fn submit<Fut>(
    state: &AppState,
    ctx: &Ctx,
    body: Body,
    command: impl FnOnce(Fields, Viewer) -> Fut,
) -> Response
where
    Fut: Future<Output = Result<Response, Failure>>,
{
    let fields = Fields::from_body(body);
    let result = match csrf::check(state, ctx, fields.csrf()).await {
        Ok(viewer) => command(fields, viewer).await,
        Err(failure) => Err(failure),
    };
    respond(ctx, result)
}

/// Back to the record at `path`, which then says what was `done`.
pub fn done(path: &str, done: &str) -> Response {
    let back = url::with_query(path, &[("done", Some(done))]);
    Redirect::to(&back).into_response()
}

/// What a refusal shows beside its form: the API's message and the status of the
/// page. A lost session or a record that is gone is no refusal but a failure.
pub fn refusal(ctx: &Ctx, error: GqlError) -> Result<(String, StatusCode), Failure> {
    match error.code {
        ErrorCode::Unauthenticated | ErrorCode::NotFound => Err(Failure::from(error)),
        code => Ok((message_of(ctx, &error), status_of(code))),
    }
}
