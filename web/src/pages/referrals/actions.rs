//! `POST /referrals/{id}/{action}`: the commands on a referral, one form each. Every
//! form carries the session's CSRF token (checked before anything else runs) and its
//! own command id. Success goes back to the referral with a notice; a refusal shows
//! the referral again with the API's message beside the form.
//!
//! `POST /referrals/{id}/personal` is the one exception: the recorded reading of the
//! person's data (`viewPersonalData`, with a purpose). Its answer is the referral page
//! with the data on it, marked `Cache-Control: no-store`; there is no GET for it, so
//! personal data is never behind a link, in a history entry or in a cache.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::action::Action;
use super::notice::Notice;
use super::show;
use crate::context::Ctx;
use crate::failure::{Answer, Failure};
use crate::form::{self, Fields};
use crate::gql::{self, ErrorCode, GqlError};
use crate::kit::command_form;
use crate::messages::t;
use crate::model::PersonalData;
use crate::state::AppState;
use crate::url;

/// The handler of one action's form.
pub async fn run(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    body: form::Body,
    action: Action,
) -> Response {
    command_form::submit(&state, &ctx, body, |fields, _| {
        execute(&state, &ctx, &id, action, fields)
    })
    .await
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Viewed {
    view_personal_data: PersonalData,
}

async fn execute(state: &AppState, ctx: &Ctx, id: &str, action: Action, fields: Fields) -> Answer {
    let variables = match action.variables(state, id, &fields) {
        Ok(variables) => variables,
        Err(msg) => {
            let refusal = GqlError {
                code: ErrorCode::Validation,
                message: t(ctx.locale, msg).to_string(),
                ..GqlError::internal()
            };
            return refused(state, ctx, id, action, fields, refusal).await;
        }
    };
    let outcome = gql::run(state, ctx, action.mutation(), variables).await;
    if action == Action::Personal {
        return match outcome.into_sensitive_data::<Viewed>() {
            Ok(viewed) => {
                show::render(
                    state,
                    ctx,
                    id,
                    None,
                    Notice::None,
                    Some(viewed.view_personal_data),
                )
                .await
            }
            Err(error) => refused(state, ctx, id, action, fields, error).await,
        };
    }
    match outcome.first_error() {
        None => Ok(command_form::done(&url::referral(id), action.slug())),
        Some(error) => refused(state, ctx, id, action, fields, error).await,
    }
}

/// The referral again, with the refusal beside the form it came from. When the page
/// itself can no longer be shown (the viewer lost access), the refusal alone.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    action: Action,
    fields: Fields,
    error: GqlError,
) -> Answer {
    let (message, status) = command_form::refusal(ctx, error.clone())?;
    let notice = Notice::Failed {
        message,
        field: error.field.clone(),
        status,
        action,
        draft: fields,
    };
    match show::render(state, ctx, id, None, notice, None).await {
        Ok(page) => Ok(page),
        Err(Failure::SignIn) => Err(Failure::SignIn),
        Err(_) => Err(Failure::Api(error)),
    }
}
