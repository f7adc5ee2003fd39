//! One folder per area of the work; each area's `mod.rs` declares its routes and this
//! module merges them. An area holds its pages by idea: `list` (filters, pages, the
//! download), `show` (one record), `new`/`edit` (a form), `actions` (the commands posted
//! from a record's page).

use axum::routing::get;
use axum::Router;

use crate::assets;
use crate::state::AppState;

pub mod accounts;
pub mod directory;
pub mod home;
pub mod referrals;

/// Every page's route, the areas' routers merged.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/favicon.ico", get(assets::icon))
        .route("/favicon.svg", get(assets::icon))
        .route(assets::BOARD_JS_PATH, get(assets::board_js))
        .merge(home::routes())
        .merge(accounts::routes())
        .merge(directory::routes())
        .merge(referrals::routes())
}
