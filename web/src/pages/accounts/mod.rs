//! Signing in and out, one's own account (password, sessions, API tokens, history) and a
//! manager's reset of a member's password.

use axum::routing::{get, post};
use axum::Router;

use self::account_forms::AccountForm;
use crate::state::AppState;

pub mod account;
pub mod account_forms;
mod browser_name;
pub mod login;
pub mod logout;
pub mod member_password;
mod new_password;

/// `GET|POST /login`, `POST /logout`, `GET /account` and its forms
/// (`POST /account/password`, `/account/sessions/end`, `/account/sessions/end-others`,
/// `/account/tokens`, `/account/tokens/revoke`), and
/// `GET|POST /organizations/{id}/members/{user}/password`.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new()
        .route("/login", get(login::show).post(login::submit))
        .route("/logout", post(logout::submit))
        .route("/account", get(account::show))
        .route(
            "/organizations/{id}/members/{user}/password",
            get(member_password::show).post(member_password::submit),
        );
    for form in AccountForm::ALL {
        router = router.route(
            form.path(),
            post(move |s, c, body| account_forms::submit(s, c, body, form)),
        );
    }
    router
}
