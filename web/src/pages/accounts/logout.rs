//! `POST /logout`: ends the session (after the CSRF check), forgets the cookie and
//! goes to `/login`.

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use crate::context::Ctx;
use crate::csrf;
use crate::failure::Failure;
use crate::gql;
use crate::session;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    pub csrf: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Result<Form<LogoutForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    match csrf::check(&state, &ctx, &form.csrf).await {
        Ok(_) => {}
        // No session any more: there is nothing to end.
        Err(Failure::SignIn) => {
            return (session::forget_session(), Redirect::to("/login")).into_response()
        }
        Err(failure) => return failure.render(&ctx),
    }
    let outcome = gql::run(&state, &ctx, "mutation { logout }", serde_json::json!({})).await;
    if let Some(error) = outcome.errors.first() {
        tracing::warn!(message = %error.message, "web: logout mutation failed; cookie cleared anyway");
    }
    (session::forget_session(), Redirect::to("/login")).into_response()
}
