//! The directory of organisations: the list and its download, an organisation's
//! profile, its registration and edit forms, and the commands posted from the profile
//! (verify, suspend, reinstate, services, members).

use axum::routing::{get, post};
use axum::Router;

use self::profile_forms::ProfileForm;
use crate::export::FileType;
use crate::state::AppState;

pub mod actions;
pub mod edit;
pub mod list;
pub mod members;
pub mod notice;
pub mod profile_forms;
mod sections;
pub mod services;
pub mod show;

/// `GET /organizations`, `GET /organizations.xlsx` and `.csv`, `GET|POST /organizations/new`,
/// `GET /organizations/{id}`, `GET|POST /organizations/{id}/edit`,
/// `POST /organizations/{id}/{verify,suspend,reinstate}`,
/// `POST /organizations/{id}/services` and `.../services/withdraw`,
/// `POST /organizations/{id}/members`, `.../members/role` and `.../members/remove`.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new()
        .route("/organizations", get(list::show))
        .route(
            "/organizations.xlsx",
            get(|s, c, f| list::download(s, c, f, FileType::Xlsx)),
        )
        .route(
            "/organizations.csv",
            get(|s, c, f| list::download(s, c, f, FileType::Csv)),
        )
        .route(
            "/organizations/new",
            get(edit::show_new).post(edit::submit_new),
        )
        .route("/organizations/{id}", get(show::show))
        .route(
            "/organizations/{id}/edit",
            get(edit::show_edit).post(edit::submit_edit),
        );
    for action in actions::Action::ALL {
        router = router.route(
            &format!("/organizations/{{id}}/{}", action.slug()),
            post(move |s, c, id, form| actions::run(s, c, id, form, action)),
        );
    }
    for form in ProfileForm::ALL {
        router = router.route(
            &format!("/organizations/{{id}}/{}", form.path()),
            post(move |s, c, id, body| profile_forms::submit(s, c, id, body, form)),
        );
    }
    router
}
