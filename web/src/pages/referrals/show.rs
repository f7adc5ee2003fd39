//! `GET /referrals/{id}`: one referral — its anonymised facts, needs (with what was
//! delivered), consent, status, office and holder, results once closed, and its
//! timeline — with the forms of the actions its status allows (see
//! [`super::actions`]; the API refuses what the viewer's role may not do,
//! and the page shows its message). Personal data never appears here, except on the
//! answer to the recorded `POST /referrals/{id}/personal`.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{HeaderValue, CACHE_CONTROL, PRAGMA};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use super::action::Action;
use super::choices::{load_choices, Choices};
use super::forms::actions;
use super::notice::Notice;
use super::sections::{
    self, consent_section, facts, needs_section, personal_section, results_section, timeline,
};
use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::kit::record;
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{PersonalData, Referral, Viewer};
use crate::state::AppState;

const DETAIL: &str = "query($id: ID!) {
  VIEWER
  referral(id: $id) {
    id caseNumber status beneficiaryType returnCountry district sex ageBand householdSize
    vulnerabilities nextFollowUp escalated erased noProviderAvailable createdAt openedAt
    claimedAt closedAt waitingHours viewerActions
    governorate { code nameAr nameEn }
    needs { category priority delivered }
    consent { givenBy givenOn shareWithProviders mayContact expiresOn }
    results { category outcome reason note hasNote }
    office { id nameAr nameEn }
    holder { id nameAr nameEn }
  }
}";

/// The query string of the page.
#[derive(Debug, Default, Deserialize)]
pub struct DetailQuery {
    /// Cursor of the timeline.
    pub after: Option<String>,
    /// Which action just succeeded.
    pub done: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    query: Result<Query<DetailQuery>, QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let notice = match query.done.as_deref() {
        Some("created") => Notice::Done(Msg::DoneCreated),
        Some(done) => Action::from_done(done)
            .map(|action| Notice::Done(action.done_msg()))
            .unwrap_or_default(),
        None => Notice::None,
    };
    let after = query.after.filter(|a| !a.is_empty());
    let result = render(&state, &ctx, &id, after.as_deref(), notice, None).await;
    respond(&ctx, result)
}

#[derive(Deserialize)]
struct DetailData {
    viewer: Option<Viewer>,
    referral: Option<Referral>,
}

/// Loads and renders the page, with `notice` above it and, on the answer to a
/// recorded reading, the person's data (the response is then never cached).
pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    timeline_after: Option<&str>,
    notice: Notice,
    personal: Option<PersonalData>,
) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let data: DetailData = record::load(state, ctx, DETAIL, id).await?;
    let referral = data.referral.ok_or(Failure::NotFound)?;
    let timeline = timeline(id).load(state, ctx, id, timeline_after).await;
    let l = ctx.locale;
    let viewer = data.viewer.as_ref();
    let choices = match viewer {
        Some(viewer) => load_choices(state, ctx, viewer, &referral).await,
        None => Choices::default(),
    };
    let status = match &notice {
        Notice::Failed { status, .. } => *status,
        _ => StatusCode::OK,
    };
    let has_personal = personal.is_some();
    let problems = super::forms::problems(l, &notice);
    let body = html! {
        @match &notice {
            Notice::None => {},
            Notice::Done(msg) => div.notice role="status" { (t(l, *msg)) },
            Notice::Failed { .. } => (problems.summary(l, Msg::ActionFailed)),
        }
        h1 {
            (t(l, Msg::CaseNumber)) " " bdi dir="ltr" { (referral.case_number) }
            " " (layout::referral_status_badge(l, &referral.status))
            @if referral.escalated { " " span.badge.escalated { (t(l, Msg::Escalated)) } }
            @if referral.erased { " " span.badge.erased { (t(l, Msg::Erased)) } }
        }
        @if referral.no_provider_available {
            div.notice.error.no-provider role="status" { (t(l, Msg::NoProviderAvailable)) }
        }
        @if let Some(personal) = &personal {
            (personal_section(l, personal))
        }
        (facts(l, &referral))
        (needs_section(l, &referral))
        (consent_section(l, &referral))
        @if !referral.results.is_empty() {
            (results_section(l, &referral))
        }
        @if let Some(viewer) = viewer {
            (actions(state, l, viewer, &referral, &notice, &problems, &choices))
        }
        @if let Some(timeline) = &timeline {
            (sections::timeline(&referral.id).section(l, timeline_after.is_some(), timeline))
        }
    };
    let mut response = (
        status,
        layout::page(ctx, viewer, &referral.case_number, body),
    )
        .into_response();
    if has_personal || matches!(notice, Notice::Failed { .. }) {
        // Personal data shown, or typed into a form shown again: never cache.
        let headers = response.headers_mut();
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
    }
    Ok(response)
}
