//! Referrals: the list and its download, the providers' board, the new-referral form,
//! one referral's page, the commands posted from it, and the statistics.

use axum::routing::{get, post};
use axum::Router;

use crate::export::FileType;
use crate::state::AppState;

pub mod action;
pub mod actions;
pub mod board;
pub mod board_stream;
mod choices;
mod forms;
pub mod list;
pub mod new;
pub mod notice;
mod sections;
pub mod show;
pub mod statistics;

/// `GET /referrals`, `GET /referrals.xlsx` and `.csv`, `GET /referrals/board` and its events,
/// `GET|POST /referrals/new`, `GET /referrals/{id}`, `POST /referrals/{id}/{action}`
/// (one per [`action::Action`]), `GET /statistics`, `GET /statistics.xlsx` and `.csv`.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new()
        .route("/referrals", get(list::show))
        .route(
            "/referrals.xlsx",
            get(|s, c, f| list::download(s, c, f, FileType::Xlsx)),
        )
        .route(
            "/referrals.csv",
            get(|s, c, f| list::download(s, c, f, FileType::Csv)),
        )
        .route("/referrals/board", get(board::show))
        .route(board_stream::PATH, get(board_stream::events))
        .route("/referrals/new", get(new::show).post(new::submit))
        .route("/referrals/{id}", get(show::show))
        .route("/statistics", get(statistics::show))
        .route(
            "/statistics.xlsx",
            get(|s, c| statistics::download(s, c, FileType::Xlsx)),
        )
        .route(
            "/statistics.csv",
            get(|s, c| statistics::download(s, c, FileType::Csv)),
        );
    // One POST-only route per action: a GET to any of them (notably `/personal`)
    // is answered 405 and never reads anything.
    for action in action::Action::ALL {
        let path = format!("/referrals/{{id}}/{}", action.slug());
        router = router.route(
            &path,
            post(move |state, ctx, id, body| actions::run(state, ctx, id, body, action)),
        );
    }
    router
}
