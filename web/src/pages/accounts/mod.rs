//! Signing in and out.

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub mod login;
pub mod logout;

/// `GET|POST /login`, `POST /logout`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login::show).post(login::submit))
        .route("/logout", post(logout::submit))
}
