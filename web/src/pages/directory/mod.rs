//! The directory of organisations: the list and its download, an organisation's
//! profile, its registration and edit forms, and the commands posted from the profile
//! (verify, suspend, reinstate, services, members).

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub mod actions;
pub mod edit;
pub mod list;
pub mod members;
pub mod notice;
mod sections;
pub mod services;
pub mod show;

/// `GET /organizations`, `GET /organizations.xlsx`, `GET|POST /organizations/new`,
/// `GET /organizations/{id}`, `GET|POST /organizations/{id}/edit`,
/// `POST /organizations/{id}/{verify,suspend,reinstate}`,
/// `POST /organizations/{id}/services` and `.../services/withdraw`,
/// `POST /organizations/{id}/members`, `.../members/role` and `.../members/remove`.
pub fn routes() -> Router<AppState> {
    use actions::Action;
    use members::Form as MemberForm;
    use services::Form as ServiceForm;
    Router::new()
        .route("/organizations", get(list::show))
        .route("/organizations.xlsx", get(list::download))
        .route(
            "/organizations/new",
            get(edit::show_new).post(edit::submit_new),
        )
        .route("/organizations/{id}", get(show::show))
        .route(
            "/organizations/{id}/edit",
            get(edit::show_edit).post(edit::submit_edit),
        )
        .route(
            "/organizations/{id}/verify",
            post(|s, c, id, form| actions::run(s, c, id, form, Action::Verify)),
        )
        .route(
            "/organizations/{id}/suspend",
            post(|s, c, id, form| actions::run(s, c, id, form, Action::Suspend)),
        )
        .route(
            "/organizations/{id}/reinstate",
            post(|s, c, id, form| actions::run(s, c, id, form, Action::Reinstate)),
        )
        .route(
            "/organizations/{id}/members",
            post(|s, c, id, body| members::submit(s, c, id, body, MemberForm::Add)),
        )
        .route(
            "/organizations/{id}/members/role",
            post(|s, c, id, body| members::submit(s, c, id, body, MemberForm::ChangeRole)),
        )
        .route(
            "/organizations/{id}/members/remove",
            post(|s, c, id, body| members::submit(s, c, id, body, MemberForm::Remove)),
        )
        .route(
            "/organizations/{id}/services",
            post(|s, c, id, body| services::submit(s, c, id, body, ServiceForm::Save)),
        )
        .route(
            "/organizations/{id}/services/withdraw",
            post(|s, c, id, body| services::submit(s, c, id, body, ServiceForm::Withdraw)),
        )
}
