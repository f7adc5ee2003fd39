//! `GET /organizations/{id}`: an organisation's profile, services, members (when the
//! viewer may see them) and audit trail; for a Secretariat administrator, the forms
//! that verify, suspend and reinstate it (see [`super::actions`]); for
//! whoever the API lets manage its services and members, the forms that offer, change
//! and withdraw services and add, change and remove members (see
//! [`super::services`] and [`super::members`]).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::notice::{MemberDraft, Notice, ServiceDraft};
use super::sections::{self, members_section, profile, secretariat_actions, services};
use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::gql;
use crate::kit::problems::{Control, Problems};
use crate::kit::{command_form, record};
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{Governorate, Member, Organization, Viewer};
use crate::state::AppState;
use crate::url;

const PROFILE: &str = "query($id: ID!) {
  VIEWER
  governorates { code nameAr nameEn }
  organization(id: $id) {
    id kind nameAr nameEn status registeredAt verifiedAt suspendedReason viewerActions memberRoles
    governorates { code nameAr nameEn }
    services { category monthlyCapacity governorates { code nameAr nameEn } }
  }
}";

const MEMBERS: &str =
    "query($id: ID!) { organization(id: $id) { id members { userId username displayName role } } }";

/// The query string of the profile page.
#[derive(Debug, Default, Deserialize)]
pub struct ProfileQuery {
    /// Cursor of the audit trail.
    pub after: Option<String>,
    /// Which action just succeeded: `verified`, `suspended`, `reinstated`,
    /// `service-saved` or `service-withdrawn`.
    pub done: Option<String>,
    /// A service category to change: the service form starts with its values.
    pub service: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    query: Result<Query<ProfileQuery>, QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let notice = match query.done.as_deref() {
        Some("verified") => Notice::Done(Msg::DoneVerified),
        Some("suspended") => Notice::Done(Msg::DoneSuspended),
        Some("reinstated") => Notice::Done(Msg::DoneReinstated),
        Some("service-saved") => Notice::Done(Msg::DoneServiceSaved),
        Some("service-withdrawn") => Notice::Done(Msg::DoneServiceWithdrawn),
        Some("registered") => Notice::Done(Msg::DoneRegistered),
        Some("updated") => Notice::Done(Msg::DoneProfileUpdated),
        Some("member-added") => Notice::Done(Msg::DoneMemberAdded),
        Some("member-changed") => Notice::Done(Msg::DoneMemberChanged),
        Some("member-removed") => Notice::Done(Msg::DoneMemberRemoved),
        Some("password-reset") => Notice::Done(Msg::DonePasswordReset),
        _ => match query.service {
            Some(category) => Notice::Edit(category),
            None => Notice::None,
        },
    };
    let after = query.after.filter(|a| !a.is_empty());
    let result = render(&state, &ctx, &id, after.as_deref(), notice).await;
    respond(&ctx, result)
}

#[derive(Deserialize)]
struct ProfileData {
    viewer: Option<Viewer>,
    #[serde(default)]
    governorates: Vec<Governorate>,
    organization: Option<Organization>,
}

#[derive(Deserialize)]
struct MembersData {
    organization: Option<MembersOnly>,
}

#[derive(Deserialize)]
struct MembersOnly {
    members: Vec<Member>,
}

/// Loads and renders the profile page, with `notice` above it.
pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    history_after: Option<&str>,
    notice: Notice,
) -> Result<Response, Failure> {
    let data: ProfileData = record::load(state, ctx, PROFILE, id).await?;
    let org = data.organization.ok_or(Failure::NotFound)?;
    let members = load_members(state, ctx, id).await;
    let history = sections::history(id)
        .load(state, ctx, id, history_after)
        .await;

    let l = ctx.locale;
    let viewer = data.viewer.as_ref();
    let status = match &notice {
        Notice::Failed { status, .. }
        | Notice::ServiceFailed { status, .. }
        | Notice::MemberFailed { status, .. } => *status,
        _ => StatusCode::OK,
    };
    let member_draft = match &notice {
        Notice::MemberFailed { draft, .. } => draft.clone(),
        _ => MemberDraft::default(),
    };
    let no_problems = Problems::default();
    let problems = match &notice {
        Notice::Failed { problems, .. }
        | Notice::ServiceFailed { problems, .. }
        | Notice::MemberFailed { problems, .. } => problems,
        _ => &no_problems,
    };
    let draft = match &notice {
        Notice::ServiceFailed { draft, .. } => draft.clone(),
        Notice::Edit(category) => org
            .services
            .iter()
            .find(|s| &s.category == category)
            .map(|s| ServiceDraft {
                category: s.category.clone(),
                governorates: s.governorates.iter().map(|g| g.code.clone()).collect(),
                capacity: s
                    .monthly_capacity
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
            })
            .unwrap_or_default(),
        _ => ServiceDraft::default(),
    };
    let title = if l.prefers_arabic_names() {
        org.name_ar.clone()
    } else {
        org.name_en.clone()
    };
    let body = html! {
        @match &notice {
            Notice::None | Notice::Edit(_) => {},
            Notice::Done(msg) => div.notice role="status" { (t(l, *msg)) },
            Notice::Failed { problems, .. } | Notice::ServiceFailed { problems, .. } | Notice::MemberFailed { problems, .. } => {
                (problems.summary(l, Msg::ActionFailed))
            },
        }
        (profile(l, &org))
        @if org.allows("UPDATE_PROFILE") {
            p { a.button.secondary href={ (url::organization(&org.id)) "/edit" } { (t(l, Msg::EditProfile)) } }
        }
        @if let Some(viewer) = viewer.filter(|v| v.capabilities().verify_organizations) {
            (secretariat_actions(state, l, &org, viewer, &notice, problems))
        }
        (services(state, l, &org, viewer, &data.governorates, &draft, problems))
        @if let Some(members) = &members {
            (members_section(state, l, &org, viewer, members, &member_draft, problems))
        }
        @if let Some(history) = &history {
            (sections::history(&org.id).section(l, history_after.is_some(), history))
        }
    };
    Ok((status, layout::page(ctx, viewer, &title, body)).into_response())
}

/// The members, or `None` when the viewer may not see them (FORBIDDEN) or they could
/// not be read: the section is then left out.
async fn load_members(state: &AppState, ctx: &Ctx, id: &str) -> Option<Vec<Member>> {
    let variables = serde_json::json!({ "id": id });
    let d: MembersData = gql::optional_with(state, ctx, MEMBERS, variables, "members").await?;
    d.organization.map(|o| o.members)
}

/// How every form posted from the profile is answered: back to the profile with the
/// notice of what was `done`, or the profile again with the API's refusal in the notice
/// `refused` makes, at the control of `controls` it names, else at the `form`.
#[allow(clippy::too_many_arguments)]
pub async fn answer(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    outcome: gql::Outcome,
    done: &str,
    controls: &[Control<'_>],
    form: Option<(&str, Msg)>,
    refused: impl FnOnce(Problems, StatusCode) -> Notice,
) -> Result<Response, Failure> {
    match outcome.errors.into_iter().next() {
        None => Ok(command_form::done(&url::organization(id), done)),
        Some(error) => {
            let field = error.field.clone();
            let (message, status) = command_form::refusal(ctx, error)?;
            let problems = Problems::refusal(ctx.locale, field.as_deref(), message, controls, form);
            render(state, ctx, id, None, refused(problems, status)).await
        }
    }
}
