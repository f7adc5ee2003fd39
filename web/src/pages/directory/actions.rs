//! `POST /organizations/{id}/verify|suspend|reinstate`: the Secretariat's commands on
//! an organisation. Each form carries the session's CSRF token and its own command id
//! (so a double submit runs once). Success goes back to the profile with a notice;
//! failure shows the profile again with the API's message.

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

use super::notice::Notice;
use super::show;
use crate::context::Ctx;
use crate::csrf;
use crate::failure::{respond, Failure};
use crate::gql;
use crate::kit::problems::Control;
use crate::messages::Msg;
use crate::state::AppState;

/// The fields of the three forms (`reason` only for suspend, `note` for the others).
#[derive(Debug, Default, Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default, rename = "commandId")]
    pub command_id: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub note: String,
}

/// Which of the three forms was sent.
#[derive(Debug, Clone, Copy)]
pub enum Action {
    Verify,
    Suspend,
    Reinstate,
}

impl Action {
    pub const ALL: [Action; 3] = [Action::Verify, Action::Suspend, Action::Reinstate];

    /// Its route below `/organizations/{id}/`.
    pub fn slug(self) -> &'static str {
        match self {
            Action::Verify => "verify",
            Action::Suspend => "suspend",
            Action::Reinstate => "reinstate",
        }
    }

    fn mutation(self) -> &'static str {
        match self {
            Action::Verify => "mutation($id: ID!, $note: String, $commandId: String) { verifyOrganization(id: $id, note: $note, commandId: $commandId) { id status } }",
            Action::Suspend => "mutation($id: ID!, $reason: String!, $commandId: String) { suspendOrganization(id: $id, reason: $reason, commandId: $commandId) { id status } }",
            Action::Reinstate => "mutation($id: ID!, $note: String, $commandId: String) { reinstateOrganization(id: $id, note: $note, commandId: $commandId) { id status } }",
        }
    }

    fn done(self) -> &'static str {
        match self {
            Action::Verify => "verified",
            Action::Suspend => "suspended",
            Action::Reinstate => "reinstated",
        }
    }
}

pub type FormResult = Result<Form<ActionForm>, FormRejection>;

/// The handler of the three forms; the route says which `action` it is.
pub async fn run(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormResult,
    action: Action,
) -> Response {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = execute(&state, &ctx, &id, action, form).await;
    respond(&ctx, result)
}

async fn execute(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    action: Action,
    form: ActionForm,
) -> Result<Response, Failure> {
    csrf::check(state, ctx, &form.csrf).await?;
    let command_id = match form.command_id.trim() {
        "" => state.command_ids.next(),
        given => given.to_string(),
    };
    let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let variables = match action {
        Action::Suspend => serde_json::json!({
            "id": id, "reason": form.reason.trim(), "commandId": command_id,
        }),
        Action::Verify | Action::Reinstate => serde_json::json!({
            "id": id, "note": optional(&form.note), "commandId": command_id,
        }),
    };
    let outcome = gql::run(state, ctx, action.mutation(), variables).await;
    let (field, label) = match action {
        Action::Suspend => ("reason", Msg::Reason),
        Action::Verify | Action::Reinstate => ("note", Msg::Note),
    };
    let control = format!("{}-{field}", action.slug());
    let controls = [Control {
        field,
        id: &control,
        label,
    }];
    show::answer(
        state,
        ctx,
        id,
        outcome,
        action.done(),
        &controls,
        None,
        |problems, status| Notice::Failed {
            problems,
            status,
            draft: form.reason,
        },
    )
    .await
}
