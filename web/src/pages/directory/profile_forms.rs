//! The forms posted from an organisation's profile about its members and services,
//! one POST route each (`/organizations/{id}/members`, `.../members/role`,
//! `.../members/remove`, `.../services`, `.../services/withdraw`).

use axum::extract::{Path, State};
use axum::response::Response;

use super::{members, services};
use crate::context::Ctx;
use crate::failure::Answer;
use crate::form::{self, Fields};
use crate::kit::command_form;
use crate::state::AppState;

/// Which form was sent.
#[derive(Debug, Clone, Copy)]
pub enum ProfileForm {
    Member(members::Form),
    Service(services::Form),
}

impl ProfileForm {
    pub const ALL: [ProfileForm; 5] = [
        Self::Member(members::Form::Add),
        Self::Member(members::Form::ChangeRole),
        Self::Member(members::Form::Remove),
        Self::Service(services::Form::Save),
        Self::Service(services::Form::Withdraw),
    ];

    /// Its route below `/organizations/{id}/`.
    pub fn path(self) -> &'static str {
        match self {
            Self::Member(members::Form::Add) => "members",
            Self::Member(members::Form::ChangeRole) => "members/role",
            Self::Member(members::Form::Remove) => "members/remove",
            Self::Service(services::Form::Save) => "services",
            Self::Service(services::Form::Withdraw) => "services/withdraw",
        }
    }
}

/// The handler of every form; the route says which one it is.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    body: form::Body,
    which: ProfileForm,
) -> Response {
    command_form::submit(&state, &ctx, body, |fields, _| {
        run(&state, &ctx, &id, fields, which)
    })
    .await
}

async fn run(state: &AppState, ctx: &Ctx, id: &str, fields: Fields, which: ProfileForm) -> Answer {
    match which {
        ProfileForm::Member(form) => members::run(state, ctx, id, fields, form).await,
        ProfileForm::Service(form) => services::run(state, ctx, id, fields, form).await,
    }
}
