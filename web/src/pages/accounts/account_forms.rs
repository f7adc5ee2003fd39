//! The forms of `/account`: `POST /account/password`, `/account/sessions/end`,
//! `/account/sessions/end-others`, `/account/tokens` and `/account/tokens/revoke`. Each
//! carries the session's CSRF token and its own command id. Success goes back to the page
//! with a notice (a new token is shown on the answer itself, never put in a URL); a
//! refusal draws the page again with the API's message.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::account::{render, Notice};
use super::new_password::typed_twice;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::form::{self, Fields};
use crate::gql::{self, GqlError};
use crate::kit::command_form;
use crate::kit::problems::{Control, Problems};
use crate::messages::Msg;
use crate::state::AppState;

const CHANGE_PASSWORD: &str = "mutation($current: String!, $new: String!, $endOthers: Boolean!, $commandId: String) {
  changePassword(currentPassword: $current, newPassword: $new, endOtherSessions: $endOthers, commandId: $commandId) { otherSessionsEnded }
}";

const END_SESSION: &str =
    "mutation($id: ID!, $commandId: String) { endSession(id: $id, commandId: $commandId) }";

const END_OTHER_SESSIONS: &str =
    "mutation($commandId: String) { endOtherSessions(commandId: $commandId) }";

const CREATE_TOKEN: &str = "mutation($name: String!, $commandId: String) {
  createApiToken(name: $name, commandId: $commandId) { id name token }
}";

const REVOKE_TOKEN: &str =
    "mutation($id: ID!, $commandId: String) { revokeApiToken(id: $id, commandId: $commandId) }";

/// Which form was sent.
#[derive(Debug, Clone, Copy)]
pub enum AccountForm {
    Password,
    EndSession,
    EndOtherSessions,
    CreateToken,
    RevokeToken,
}

impl AccountForm {
    pub const ALL: [AccountForm; 5] = [
        Self::Password,
        Self::EndSession,
        Self::EndOtherSessions,
        Self::CreateToken,
        Self::RevokeToken,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Self::Password => "/account/password",
            Self::EndSession => "/account/sessions/end",
            Self::EndOtherSessions => "/account/sessions/end-others",
            Self::CreateToken => "/account/tokens",
            Self::RevokeToken => "/account/tokens/revoke",
        }
    }
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    body: form::Body,
    which: AccountForm,
) -> Response {
    command_form::submit(&state, &ctx, body, |fields, _| {
        run(&state, &ctx, fields, which)
    })
    .await
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    create_api_token: NewToken,
}

#[derive(Deserialize)]
struct NewToken {
    name: String,
    token: String,
}

async fn run(
    state: &AppState,
    ctx: &Ctx,
    fields: Fields,
    which: AccountForm,
) -> Result<Response, Failure> {
    let command_id = fields.command_id(state);
    let (query, variables, done) = match which {
        AccountForm::Password => {
            if let Some(problems) = typed_twice(ctx.locale, &fields) {
                let notice = Notice::Refused {
                    problems,
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                };
                return render(state, ctx, notice).await;
            }
            (
                CHANGE_PASSWORD,
                serde_json::json!({
                    "current": fields.get("currentPassword"),
                    "new": fields.get("newPassword"),
                    "endOthers": fields.checked("endOtherSessions"),
                    "commandId": command_id,
                }),
                "password-changed",
            )
        }
        AccountForm::EndSession => (
            END_SESSION,
            serde_json::json!({ "id": fields.trimmed("id"), "commandId": command_id }),
            "session-ended",
        ),
        AccountForm::EndOtherSessions => (
            END_OTHER_SESSIONS,
            serde_json::json!({ "commandId": command_id }),
            "other-sessions-ended",
        ),
        AccountForm::CreateToken => (
            CREATE_TOKEN,
            serde_json::json!({ "name": fields.trimmed("name"), "commandId": command_id }),
            "",
        ),
        AccountForm::RevokeToken => (
            REVOKE_TOKEN,
            serde_json::json!({ "id": fields.trimmed("id"), "commandId": command_id }),
            "token-revoked",
        ),
    };
    let outcome = gql::run(state, ctx, query, variables).await;
    if let Some(error) = outcome.errors.first().cloned() {
        return render(state, ctx, refused(ctx, which, error)?).await;
    }
    if let AccountForm::CreateToken = which {
        let created = outcome.into_data::<Created>()?.create_api_token;
        let notice = Notice::NewToken {
            name: created.name,
            secret: created.token,
        };
        return render(state, ctx, notice).await;
    }
    Ok(command_form::done("/account", done))
}

/// The controls of the password form, as the API's refusals name them.
const PASSWORD_CONTROLS: [Control<'static>; 2] = [
    Control {
        field: "currentPassword",
        id: "current-password",
        label: Msg::CurrentPassword,
    },
    Control {
        field: "newPassword",
        id: "new-password",
        label: Msg::NewPassword,
    },
];

/// The refusal as the page shows it: at the password field at fault, at the token form,
/// or about the page's forms as a whole.
fn refused(ctx: &Ctx, which: AccountForm, error: GqlError) -> Result<Notice, Failure> {
    let field = error.field.clone();
    let (message, status) = command_form::refusal(ctx, error)?;
    let (controls, form): (&[Control<'_>], _) = match which {
        AccountForm::Password => (
            &PASSWORD_CONTROLS,
            Some(("password-form", Msg::ChangePasswordTitle)),
        ),
        AccountForm::CreateToken => (&[], Some(("token-form", Msg::TokensTitle))),
        _ => (&[], None),
    };
    let problems = Problems::refusal(ctx.locale, field.as_deref(), message, controls, form);
    Ok(Notice::Refused { problems, status })
}
