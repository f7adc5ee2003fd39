//! `GET|POST /organizations/{id}/members/{user}/password`: a manager gives a member of
//! their organisation a new password (a forgotten one is the manager's errand). Every
//! session of the member ends; the reset is an event of the member's account. Only those
//! who may remove the member see the form (the API decides again).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::new_password::typed_twice;
use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::form::{self, Fields};
use crate::gql;
use crate::kit::problems::{Control, Problems};
use crate::kit::{command_form, record};
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{Member, Organization, Viewer};
use crate::state::AppState;
use crate::url;

const DATA: &str = "query($id: ID!) {
  VIEWER
  organization(id: $id) { id kind nameAr nameEn status viewerActions members { userId username displayName role } }
}";

const RESET: &str = "mutation($userId: ID!, $new: String!, $commandId: String) {
  resetPassword(userId: $userId, newPassword: $new, commandId: $commandId) { sessionsEnded }
}";

/// The form's control the API's refusals name.
const CONTROLS: [Control<'static>; 1] = [Control {
    field: "newPassword",
    id: "new-password",
    label: Msg::NewPassword,
}];

#[derive(Deserialize)]
struct Data {
    viewer: Option<Viewer>,
    organization: Option<OrganizationWithMembers>,
}

#[derive(Deserialize)]
struct OrganizationWithMembers {
    #[serde(flatten)]
    organization: Organization,
    #[serde(default)]
    members: Vec<Member>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, user)): Path<(String, String)>,
) -> Response {
    respond(&ctx, page(&state, &ctx, &id, &user, None).await)
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, user)): Path<(String, String)>,
    body: form::Body,
) -> Response {
    command_form::submit(&state, &ctx, body, |fields, _| {
        reset(&state, &ctx, &id, &user, fields)
    })
    .await
}

async fn reset(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    user: &str,
    fields: Fields,
) -> Result<Response, Failure> {
    if let Some(problems) = typed_twice(ctx.locale, &fields) {
        let refusal = (problems, StatusCode::UNPROCESSABLE_ENTITY);
        return page(state, ctx, id, user, Some(refusal)).await;
    }
    let variables = serde_json::json!({
        "userId": user,
        "new": fields.get("newPassword"),
        "commandId": fields.command_id(state),
    });
    let outcome = gql::run(state, ctx, RESET, variables).await;
    match outcome.errors.first().cloned() {
        None => Ok(command_form::done(&url::organization(id), "password-reset")),
        Some(error) => {
            let field = error.field.clone();
            let (message, status) = command_form::refusal(ctx, error)?;
            let problems =
                Problems::refusal(ctx.locale, field.as_deref(), message, &CONTROLS, None);
            page(state, ctx, id, user, Some((problems, status))).await
        }
    }
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    user: &str,
    refusal: Option<(Problems, StatusCode)>,
) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let data: Data = record::load(state, ctx, DATA, id).await?;
    let org = data.organization.ok_or(Failure::NotFound)?;
    let member = org
        .members
        .iter()
        .find(|m| m.user_id == user)
        .ok_or(Failure::NotFound)?;
    let viewer = data.viewer.ok_or(Failure::SignIn)?;
    if !org.organization.allows("REMOVE_MEMBER") || viewer.username == member.username {
        return Err(Failure::forbidden());
    }
    let l = ctx.locale;
    let title = t(l, Msg::ResetPasswordTitle);
    let (problems, status) = refusal.unwrap_or_default();
    let new = problems.mark("new-password");
    let repeat = problems.mark("repeat-password");
    let action = format!(
        "{}/members/{}/password",
        url::organization(id),
        url::encode(user)
    );
    let body = html! {
        h1 { (title) }
        p {
            bdi { (member.display_name) } " — " bdi dir="ltr" { (member.username) }
        }
        p.muted #reset-hint { (t(l, Msg::ResetPasswordHint)) }
        (problems.summary(l, Msg::ActionFailed))
        form.card method="post" action=(action) aria-describedby="reset-hint" {
            (form::guard(state, &viewer))
            div.field {
                label for="new-password" { (t(l, Msg::NewPassword)) }
                input #new-password type="password" name="newPassword" required minlength="10"
                    autocomplete="new-password"
                    aria-invalid=[new.invalid()]
                    aria-describedby=[new.described_by(None)];
                (new.message())
            }
            div.field {
                label for="repeat-password" { (t(l, Msg::RepeatPassword)) }
                input #repeat-password type="password" name="repeatPassword" required minlength="10"
                    autocomplete="new-password"
                    aria-invalid=[repeat.invalid()]
                    aria-describedby=[repeat.described_by(None)];
                (repeat.message())
            }
            button type="submit" { (t(l, Msg::ResetPassword)) }
        }
        p { a href=(url::organization(id)) { (layout::org_name(l, &org.organization.name_ar, &org.organization.name_en)) } }
    };
    Ok((status, layout::page(ctx, Some(&viewer), title, body)).into_response())
}
