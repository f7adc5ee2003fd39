//! `GET /login` and `POST /login`: the sign-in form. A successful sign-in sets the
//! session cookie and goes to `/`; a failed one shows the form again with the API's
//! message — never a server error page.

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use axum_extra::extract::CookieJar;
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::message_of;
use crate::gql::{self, ErrorCode};
use crate::layout;
use crate::messages::{t, Msg};
use crate::session;
use crate::state::AppState;

const LOGIN: &str = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { sessionToken csrfToken } }";

/// The fields of the sign-in form. Missing fields count as empty.
#[derive(Debug, Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: String,
}

#[derive(Deserialize)]
struct Data {
    login: Payload,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Payload {
    session_token: String,
}

pub async fn show(ctx: Ctx) -> Response {
    form_page(&ctx, "", None).into_response()
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    https: Option<axum::Extension<crate::Https>>,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let username = form.username.trim();
    if username.is_empty() || form.password.is_empty() {
        let message = t(ctx.locale, Msg::LoginMissingFields).to_string();
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            form_page(&ctx, username, Some(message)),
        )
            .into_response();
    }
    let variables = serde_json::json!({ "u": username, "p": form.password });
    // The sign-in runs without the old session, whatever the browser still holds.
    let anonymous = Ctx {
        session: None,
        ..ctx.clone()
    };
    let outcome = gql::run(&state, &anonymous, LOGIN, variables).await;
    match outcome.into_data::<Data>() {
        Ok(data) => {
            let https = https.is_some_and(|h| h.0 .0);
            let cookie = session::session_cookie_over(data.login.session_token, https);
            let jar = CookieJar::new().add(cookie);
            (jar, Redirect::to("/")).into_response()
        }
        Err(error) => {
            let status = match error.code {
                ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
                // A form shown again with what was wrong, as for any rejected form.
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let message = if error.code == ErrorCode::Internal && error.message.is_empty() {
                t(ctx.locale, Msg::LoginFailed).to_string()
            } else {
                message_of(&ctx, &error)
            };
            (status, form_page(&ctx, username, Some(message))).into_response()
        }
    }
}

fn form_page(ctx: &Ctx, username: &str, error: Option<String>) -> Markup {
    let l = ctx.locale;
    let body = html! {
        div.card.narrow {
            h1 { (t(l, Msg::LoginTitle)) }
            p.lead { (t(l, Msg::LoginIntro)) }
            @if let Some(message) = &error {
                div.notice.error #login-error role="alert" { (message) }
            }
            form method="post" action="/login" {
                div.field {
                    label for="username" { (t(l, Msg::Username)) }
                    input #username type="text" name="username" value=(username)
                        autocomplete="username" autocapitalize="none" spellcheck="false"
                        dir="ltr" required
                        aria-invalid=[error.as_ref().map(|_| "true")]
                        aria-describedby=[error.as_ref().map(|_| "login-error")];
                }
                div.field {
                    label for="password" { (t(l, Msg::Password)) }
                    input #password type="password" name="password"
                        autocomplete="current-password" dir="ltr" required
                        aria-invalid=[error.as_ref().map(|_| "true")]
                        aria-describedby=[error.as_ref().map(|_| "login-error")];
                }
                button type="submit" { (t(l, Msg::SignIn)) }
            }
        }
    };
    layout::page(ctx, None, t(l, Msg::SignIn), body)
}
