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
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::form;
use crate::gql::{self, ErrorCode};
use crate::i18n::Locale;
use crate::kit::command_form;
use crate::kit::history::{Column, History};
use crate::labels::{self, SERVICE_CATEGORIES};
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{Governorate, HistoryConnection, Member, Organization, Viewer, VIEWER_FIELDS};
use crate::state::AppState;
use crate::url;

/// Audit events per page.
pub const HISTORY_PAGE_SIZE: i64 = 50;

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

const HISTORY: &str = "query($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    id
    history(first: $first, after: $after) {
      nodes { position eventType occurredAt actorUser actorLabel actorRole }
      pageInfo { hasNextPage endCursor }
    }
  }
}";

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

/// What the add-member form keeps after a refusal (never the password).
#[derive(Debug, Clone, Default)]
pub struct MemberDraft {
    pub username: String,
    pub display_name: String,
    pub role: String,
}

/// What the service form holds: a service offered (to change it), or what was typed
/// before the API refused it.
#[derive(Debug, Clone, Default)]
pub struct ServiceDraft {
    pub category: String,
    pub governorates: Vec<String>,
    pub capacity: String,
}

/// A message above the profile.
#[derive(Debug, Default)]
pub enum Notice {
    #[default]
    None,
    /// An action succeeded.
    Done(Msg),
    /// An action failed: the API's message, the status to answer with, and what the
    /// administrator had typed in the form.
    Failed {
        message: String,
        status: StatusCode,
        draft: String,
    },
    /// The service form failed: the message, the status, and what was typed.
    ServiceFailed {
        message: String,
        status: StatusCode,
        draft: ServiceDraft,
    },
    /// A member form failed: the message, the status, and what was typed.
    MemberFailed {
        message: String,
        status: StatusCode,
        draft: MemberDraft,
    },
    /// No message; the service form starts with this category's service.
    Edit(String),
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

#[derive(Deserialize)]
struct HistoryData {
    organization: Option<HistoryOnly>,
}

#[derive(Deserialize)]
struct HistoryOnly {
    history: HistoryConnection,
}

/// Loads and renders the profile page, with `notice` above it.
pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    history_after: Option<&str>,
    notice: Notice,
) -> Result<Response, Failure> {
    let query = PROFILE.replace("VIEWER", VIEWER_FIELDS);
    let variables = serde_json::json!({ "id": id });
    let data: ProfileData = gql::run(state, ctx, &query, variables)
        .await
        .into_data()
        .map_err(|error| match error.code {
            // An id the API cannot even parse names no organisation.
            ErrorCode::Validation => Failure::NotFound,
            _ => Failure::from(error),
        })?;
    let org = data.organization.ok_or(Failure::NotFound)?;
    let members = load_members(state, ctx, id).await;
    let history = load_history(state, ctx, id, history_after).await;

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
            Notice::Failed { message, .. } | Notice::ServiceFailed { message, .. } | Notice::MemberFailed { message, .. } => div.notice.error role="alert" {
                strong { (t(l, Msg::ActionFailed)) } ": " (message)
            },
        }
        (profile(l, &org))
        @if org.allows("UPDATE_PROFILE") {
            p { a.button.secondary href={ (url::organization(&org.id)) "/edit" } { (t(l, Msg::EditProfile)) } }
        }
        @if let Some(viewer) = viewer.filter(|v| v.capabilities().verify_organizations) {
            (secretariat_actions(state, l, &org, viewer, &notice))
        }
        (services(state, l, &org, viewer, &data.governorates, &draft))
        @if let Some(members) = &members {
            (members_section(state, l, &org, viewer, members, &member_draft))
        }
        @if let Some(history) = &history {
            (history_section(l, &org.id, history_after.is_some(), history))
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

/// One page of the audit trail, or `None` when it cannot be shown.
async fn load_history(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    after: Option<&str>,
) -> Option<HistoryConnection> {
    let variables = serde_json::json!({ "id": id, "first": HISTORY_PAGE_SIZE, "after": after });
    let d: HistoryData = gql::optional_with(state, ctx, HISTORY, variables, "history").await?;
    d.organization.map(|o| o.history)
}

fn profile(l: Locale, org: &Organization) -> Markup {
    let (first, second, second_lang) = if l.prefers_arabic_names() {
        (&org.name_ar, &org.name_en, "en")
    } else {
        (&org.name_en, &org.name_ar, "ar")
    };
    html! {
        h1 {
            bdi { (first) }
            " "
            span.other-script lang=(second_lang) { bdi { (second) } }
        }
        section.card aria-labelledby="profile-heading" {
            h2 #profile-heading { (t(l, Msg::Profile)) }
            dl.facts {
                dt { (t(l, Msg::Status)) }
                dd { (layout::status_badge(l, &org.status)) }
                dt { (t(l, Msg::Kind)) }
                dd { (labels::organization_kind(l, &org.kind)) }
                dt { (t(l, Msg::Governorates)) }
                dd { (layout::governorates(l, &org.governorates)) }
                @if let Some(at) = &org.registered_at {
                    dt { (t(l, Msg::RegisteredAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(at) = &org.verified_at {
                    dt { (t(l, Msg::VerifiedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if org.status == "SUSPENDED" {
                    @if let Some(reason) = &org.suspended_reason {
                        dt { (t(l, Msg::SuspendedReason)) }
                        dd { bdi { (reason) } }
                    }
                }
            }
        }
    }
}

fn secretariat_actions(
    state: &AppState,
    l: Locale,
    org: &Organization,
    viewer: &Viewer,
    notice: &Notice,
) -> Markup {
    let base = url::organization(&org.id);
    let draft = match notice {
        Notice::Failed { draft, .. } => draft.as_str(),
        _ => "",
    };
    let hidden = |state: &AppState| {
        html! {
            input type="hidden" name="csrf" value=(viewer.csrf());
            input type="hidden" name="commandId" value=(state.command_ids.next());
        }
    };
    let can_verify = org.status == "PENDING";
    let can_suspend = org.status != "SUSPENDED";
    let can_reinstate = org.status == "SUSPENDED";
    html! {
        section aria-labelledby="actions-heading" {
            h2 #actions-heading { (t(l, Msg::SecretariatActions)) }
            div.actions-grid {
                @if can_verify {
                    form.card method="post" action={ (base) "/verify" } {
                        (hidden(state))
                        div.field {
                            label for="verify-note" { (t(l, Msg::Note)) }
                            textarea #verify-note name="note" rows="2" {}
                        }
                        button type="submit" { (t(l, Msg::Verify)) }
                    }
                }
                @if can_suspend {
                    form.card method="post" action={ (base) "/suspend" } {
                        (hidden(state))
                        div.field {
                            label for="suspend-reason" { (t(l, Msg::Reason)) }
                            textarea #suspend-reason name="reason" rows="2" required { (draft) }
                        }
                        button.danger type="submit" { (t(l, Msg::Suspend)) }
                    }
                }
                @if can_reinstate {
                    form.card method="post" action={ (base) "/reinstate" } {
                        (hidden(state))
                        div.field {
                            label for="reinstate-note" { (t(l, Msg::Note)) }
                            textarea #reinstate-note name="note" rows="2" {}
                        }
                        button type="submit" { (t(l, Msg::Reinstate)) }
                    }
                }
            }
        }
    }
}

fn services(
    state: &AppState,
    l: Locale,
    org: &Organization,
    viewer: Option<&Viewer>,
    governorates: &[Governorate],
    draft: &ServiceDraft,
) -> Markup {
    // The forms need the session's CSRF token; without a viewer there is none.
    let manager = viewer.filter(|_| {
        org.allows("OFFER_SERVICE")
            || org.allows("UPDATE_SERVICE")
            || org.allows("WITHDRAW_SERVICE")
    });
    let base = url::organization(&org.id);
    html! {
        section aria-labelledby="services-heading" {
            h2 #services-heading { (t(l, Msg::Services)) }
            @if org.services.is_empty() {
                p.muted { (t(l, Msg::NoServices)) }
            } @else {
                div.table-wrap {
                    table {
                        thead {
                            tr {
                                th scope="col" { (t(l, Msg::Category)) }
                                th scope="col" { (t(l, Msg::Governorates)) }
                                th scope="col" { (t(l, Msg::MonthlyCapacity)) }
                                @if manager.is_some() { td {} }
                            }
                        }
                        tbody {
                            @for service in &org.services {
                                tr {
                                    td { (labels::service_category(l, &service.category)) }
                                    td { (layout::governorates(l, &service.governorates)) }
                                    td {
                                        @if let Some(capacity) = service.monthly_capacity { (capacity) }
                                    }
                                    @if let Some(viewer) = manager {
                                        td {
                                            @if org.allows("UPDATE_SERVICE") {
                                                a href={ (url::with_query(&base, &[("service", Some(&service.category))])) "#service-form" } {
                                                    (t(l, Msg::ChangeService))
                                                }
                                            }
                                            @if org.allows("WITHDRAW_SERVICE") {
                                                form.inline method="post" action={ (base) "/services/withdraw" } {
                                                    (form::guard(state, viewer))
                                                    input type="hidden" name="category" value=(service.category);
                                                    button.danger type="submit"
                                                        aria-label={ (t(l, Msg::WithdrawService)) " — " (labels::service_category(l, &service.category)) } {
                                                        (t(l, Msg::WithdrawService))
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(viewer) = manager.filter(|_| org.allows("OFFER_SERVICE") || org.allows("UPDATE_SERVICE")) {
                (service_form(state, l, &base, viewer, governorates, draft))
            }
        }
    }
}

/// Offer a service, or change one already offered (the category says which).
fn service_form(
    state: &AppState,
    l: Locale,
    base: &str,
    viewer: &Viewer,
    governorates: &[Governorate],
    draft: &ServiceDraft,
) -> Markup {
    html! {
        form.card #service-form method="post" action={ (base) "/services" } aria-describedby="service-hint" {
            h3 { (t(l, Msg::ServiceFormTitle)) }
            p #service-hint.muted { (t(l, Msg::ServiceFormHint)) }
            (form::guard(state, viewer))
            div.field {
                label for="service-category" { (t(l, Msg::Category)) }
                select #service-category name="category" required {
                    @for category in SERVICE_CATEGORIES {
                        option value=(category) selected[draft.category == category] {
                            (labels::service_category(l, category))
                        }
                    }
                }
            }
            (layout::governorate_checks(l, "service-gov-", governorates, &draft.governorates))
            div.field {
                label for="service-capacity" { (t(l, Msg::MonthlyCapacity)) }
                input #service-capacity type="number" name="monthlyCapacity" min="1" max="100000" step="1"
                    inputmode="numeric" required value=(draft.capacity);
            }
            button type="submit" { (t(l, Msg::SaveService)) }
        }
    }
}

fn members_section(
    state: &AppState,
    l: Locale,
    org: &Organization,
    viewer: Option<&Viewer>,
    members: &[Member],
    draft: &MemberDraft,
) -> Markup {
    let base = url::organization(&org.id);
    // The forms need the session's CSRF token; without a viewer there is none.
    let can_change = viewer.filter(|_| org.allows("CHANGE_MEMBER_ROLE"));
    let can_remove = viewer.filter(|_| org.allows("REMOVE_MEMBER"));
    let can_add = viewer.filter(|_| org.allows("ADD_MEMBER"));
    let role_options = |selected: &str| {
        html! {
            @for role in &org.member_roles {
                option value=(role) selected[selected == role] { (labels::role(l, role)) }
            }
        }
    };
    html! {
        section aria-labelledby="members-heading" {
            h2 #members-heading { (t(l, Msg::Members)) }
            @if members.is_empty() {
                p.muted { (t(l, Msg::NoMembers)) }
            } @else {
                div.table-wrap {
                    table {
                        thead {
                            tr {
                                th scope="col" { (t(l, Msg::DisplayName)) }
                                th scope="col" { (t(l, Msg::Username)) }
                                th scope="col" { (t(l, Msg::Role)) }
                                @if can_remove.is_some() { td {} }
                            }
                        }
                        tbody {
                            @for member in members {
                                tr data-user-id=(member.user_id) {
                                    td { bdi { (member.display_name) } }
                                    td { bdi dir="ltr" { (member.username) } }
                                    td {
                                        @if let Some(viewer) = can_change {
                                            form.inline method="post" action={ (base) "/members/role" } {
                                                (form::guard(state, viewer))
                                                input type="hidden" name="userId" value=(member.user_id);
                                                select name="role" aria-label={ (t(l, Msg::Role)) " — " (member.display_name) } {
                                                    (role_options(&member.role))
                                                }
                                                " "
                                                button.secondary type="submit" { (t(l, Msg::ChangeRole)) }
                                            }
                                        } @else {
                                            (labels::role(l, &member.role))
                                        }
                                    }
                                    @if let Some(viewer) = can_remove {
                                        td {
                                            form.inline method="post" action={ (base) "/members/remove" } {
                                                (form::guard(state, viewer))
                                                input type="hidden" name="userId" value=(member.user_id);
                                                button.danger type="submit"
                                                    aria-label={ (t(l, Msg::RemoveMember)) " — " (member.display_name) } {
                                                    (t(l, Msg::RemoveMember))
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(viewer) = can_add {
                form.card #member-form method="post" action={ (base) "/members" } aria-describedby="member-hint" {
                    h3 { (t(l, Msg::AddMemberTitle)) }
                    p #member-hint.muted { (t(l, Msg::AddMemberHint)) }
                    (form::guard(state, viewer))
                    div.field {
                        label for="member-display-name" { (t(l, Msg::DisplayName)) }
                        input #member-display-name type="text" name="displayName" required value=(draft.display_name);
                    }
                    div.field {
                        label for="member-username" { (t(l, Msg::Username)) }
                        input #member-username type="text" name="username" required dir="ltr"
                            autocomplete="off" pattern="[a-z0-9._-]{3,64}" value=(draft.username);
                    }
                    div.field {
                        label for="member-password" { (t(l, Msg::InitialPassword)) }
                        input #member-password type="password" name="password" required minlength="10"
                            autocomplete="new-password" dir="ltr";
                    }
                    div.field {
                        label for="member-role" { (t(l, Msg::Role)) }
                        select #member-role name="role" required { (role_options(&draft.role)) }
                    }
                    button type="submit" { (t(l, Msg::AddMemberTitle)) }
                }
            }
        }
    }
}

/// The audit trail: numbered, then when, who and what.
fn history_section(l: Locale, org_id: &str, paged: bool, history: &HistoryConnection) -> Markup {
    History {
        base: url::organization(org_id),
        anchor: "history-heading",
        title: Msg::History,
        intro: Msg::HistoryIntro,
        columns: &[Column::Position, Column::Time, Column::Actor, Column::Event],
        row_positions: false,
    }
    .section(l, paged, history)
}

/// How every form posted from the profile is answered: back to the profile with the
/// notice of what was `done`, or the profile again with the API's refusal in the notice
/// `refused` makes.
pub async fn answer(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    outcome: gql::Outcome,
    done: &str,
    refused: impl FnOnce(String, StatusCode) -> Notice,
) -> Result<Response, Failure> {
    match outcome.errors.into_iter().next() {
        None => Ok(command_form::done(&url::organization(id), done)),
        Some(error) => {
            let (message, status) = command_form::refusal(ctx, error)?;
            render(state, ctx, id, None, refused(message, status)).await
        }
    }
}
