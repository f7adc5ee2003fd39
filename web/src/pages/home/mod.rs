//! The signed-in viewer's home: who they are and what waits for them.

use axum::routing::get;
use axum::Router;

use crate::state::AppState;

pub mod show;

/// `GET /`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(show::show))
}
