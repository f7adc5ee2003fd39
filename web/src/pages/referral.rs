//! `GET /referrals/{id}`: one referral — its anonymised facts, needs (with what was
//! delivered), consent, status, office and holder, results once closed, and its
//! timeline — with the forms of the actions its status allows (see
//! [`super::referral_actions`]; the API refuses what the viewer's role may not do,
//! and the page shows its message). Personal data never appears here, except on the
//! answer to the recorded `POST /referrals/{id}/personal`.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{HeaderValue, CACHE_CONTROL, PRAGMA};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::form::{self, Fields};
use crate::gql::{self, ErrorCode};
use crate::i18n::Locale;
use crate::labels::{self, CLOSURE_REASONS, CONSENT_GIVERS, NEED_OUTCOMES};
use crate::layout::{self, Select};
use crate::messages::{count, t, Count, Msg};
use crate::model::{
    Member, OrgName, PageInfo, PersonalData, Referral, Side, TimelineConnection, Viewer,
    VIEWER_FIELDS,
};
use crate::pages::referral_actions::Action;
use crate::state::AppState;
use crate::url;

/// Timeline events per page.
pub const TIMELINE_PAGE_SIZE: i64 = 50;

const DETAIL: &str = "query($id: ID!) {
  VIEWER
  referral(id: $id) {
    id caseNumber status beneficiaryType returnCountry district sex ageBand householdSize
    vulnerabilities nextFollowUp escalated erased noProviderAvailable createdAt openedAt
    claimedAt closedAt waitingHours viewerActions
    governorate { code nameAr nameEn }
    needs { category priority delivered }
    consent { givenBy givenOn shareWithProviders mayContact expiresOn }
    results { category outcome reason note }
    office { id nameAr nameEn }
    holder { id nameAr nameEn }
  }
}";

const TIMELINE: &str = "query($id: ID!, $first: Int, $after: String) {
  referral(id: $id) {
    id
    timeline(first: $first, after: $after) {
      nodes { position eventType occurredAt actorUser actorLabel actorRole }
      pageInfo { hasNextPage endCursor }
    }
  }
}";

/// The members of the viewer's own organisation (for the case worker to assign).
const MEMBERS: &str =
    "query { viewer { organization { id members { userId username displayName role } } } }";

/// Verified organisations of one governorate and where they serve what (for the
/// provider to transfer to); the directory has no filter by service, so the page
/// keeps those that serve one of the referral's needs there.
const PROVIDERS: &str = "query($governorate: String, $first: Int, $after: String) {
  organizations(first: $first, after: $after, governorate: $governorate, status: VERIFIED) {
    nodes { id nameAr nameEn services { category governorates { code } } }
    pageInfo { hasNextPage endCursor }
  }
}";

/// Directory page size when listing providers, and how many pages at most.
pub const PROVIDER_PAGE_SIZE: i64 = 50;
const PROVIDER_PAGES: usize = 10;

/// The query string of the page.
#[derive(Debug, Default, Deserialize)]
pub struct DetailQuery {
    /// Cursor of the timeline.
    pub after: Option<String>,
    /// Which action just succeeded.
    pub done: Option<String>,
}

/// A message above the referral.
#[derive(Default)]
pub enum Notice {
    #[default]
    None,
    /// An action succeeded.
    Done(Msg),
    /// An action was refused: the message, the status to answer with, which form it
    /// came from and what was typed in it.
    Failed {
        message: String,
        status: StatusCode,
        action: Action,
        draft: Fields,
    },
}

impl Notice {
    /// What was typed in `action`'s form, when it is that form that failed.
    fn draft(&self, action: Action) -> Option<&Fields> {
        match self {
            Notice::Failed {
                action: failed,
                draft,
                ..
            } if *failed == action => Some(draft),
            _ => None,
        }
    }

    fn failed_message(&self, action: Action) -> Option<&str> {
        match self {
            Notice::Failed {
                action: failed,
                message,
                ..
            } if *failed == action => Some(message),
            _ => None,
        }
    }
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

#[derive(Deserialize)]
struct MembersData {
    viewer: Option<MembersViewer>,
}

#[derive(Deserialize)]
struct MembersViewer {
    organization: Option<MembersOrg>,
}

#[derive(Deserialize)]
struct MembersOrg {
    #[serde(default)]
    members: Vec<Member>,
}

#[derive(Deserialize)]
struct ProvidersData {
    organizations: ProviderConnection,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProviderConnection {
    nodes: Vec<ProviderNode>,
    page_info: PageInfo,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProviderNode {
    id: String,
    name_ar: String,
    name_en: String,
    #[serde(default)]
    services: Vec<ProviderService>,
}

#[derive(Deserialize)]
struct ProviderService {
    category: String,
    #[serde(default)]
    governorates: Vec<Code>,
}

#[derive(Deserialize)]
struct Code {
    code: String,
}

/// A provider the referral may be transferred to, and which of its needs it serves.
struct ProviderChoice {
    id: String,
    name_ar: String,
    name_en: String,
    serves: Vec<String>,
}

/// What the forms that name someone offer to choose from.
#[derive(Default)]
struct Choices {
    /// Colleagues the viewer may assign as case worker; `None` when the viewer
    /// assigns nobody here (or the members could not be read): no form then.
    colleagues: Option<Vec<Member>>,
    /// Providers to transfer to; `None` when they could not be read.
    providers: Option<Vec<ProviderChoice>>,
}

#[derive(Deserialize)]
struct TimelineData {
    referral: Option<TimelineOnly>,
}

#[derive(Deserialize)]
struct TimelineOnly {
    timeline: TimelineConnection,
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
    let query = DETAIL.replace("VIEWER", VIEWER_FIELDS);
    let data: DetailData = gql::run(state, ctx, &query, serde_json::json!({ "id": id }))
        .await
        .into_data()
        .map_err(|error| match error.code {
            // An id the API cannot even parse names no referral.
            ErrorCode::Validation => Failure::NotFound,
            _ => Failure::from(error),
        })?;
    let referral = data.referral.ok_or(Failure::NotFound)?;
    let timeline = load_timeline(state, ctx, id, timeline_after).await;
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
    let body = html! {
        @match &notice {
            Notice::None => {},
            Notice::Done(msg) => div.notice role="status" { (t(l, *msg)) },
            Notice::Failed { message, action, draft, .. } => div.notice.error role="alert" {
                strong { (t(l, Msg::ActionFailed)) } ": " (message)
                " " a href={ "#" (action.anchor_for(action.key_of(draft))) } { (t(l, action.title())) }
            },
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
            (actions(state, l, viewer, &referral, &notice, &choices))
        }
        @if let Some(timeline) = &timeline {
            (timeline_section(l, &referral.id, timeline_after.is_some(), timeline))
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

/// One page of the timeline, or `None` when it cannot be shown.
async fn load_timeline(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    after: Option<&str>,
) -> Option<TimelineConnection> {
    let variables = serde_json::json!({ "id": id, "first": TIMELINE_PAGE_SIZE, "after": after });
    let outcome = gql::run(state, ctx, TIMELINE, variables).await;
    match outcome.into_data::<TimelineData>() {
        Ok(data) => data.referral.map(|r| r.timeline),
        Err(error) => {
            if error.code != ErrorCode::Forbidden {
                tracing::warn!(message = %error.message, "web: timeline could not be read");
            }
            None
        }
    }
}

/// Who may assign a case worker here, and on which side: an NRM supervisor of the
/// referral's office, or a provider coordinator of its holder (the API decides; this
/// only spares the others a form they could not use).
fn assign_side(viewer: &Viewer, r: &Referral) -> Option<Side> {
    let org = viewer.organization.as_ref()?;
    let is_own = |named: &Option<OrgName>| named.as_ref().is_some_and(|o| o.id == org.id);
    match viewer.role.as_deref() {
        Some("NRM_SUPERVISOR") if is_own(&r.office) => Some(Side::Nrm),
        Some("PROVIDER_COORDINATOR") if is_own(&r.holder) => Some(Side::Provider),
        _ => None,
    }
}

fn is_held(status: &str) -> bool {
    matches!(status, "CLAIMED" | "ACCEPTED" | "IN_SERVICE")
}

fn is_ended(status: &str) -> bool {
    matches!(status, "CLOSED" | "WITHDRAWN")
}

async fn load_choices(state: &AppState, ctx: &Ctx, viewer: &Viewer, r: &Referral) -> Choices {
    // Nothing is fetched for a form the viewer will not be offered.
    let colleagues = match assign_side(viewer, r) {
        Some(side) if !is_ended(&r.status) && r.allows(Action::Assign.allowed_by()) => {
            load_colleagues(state, ctx, side).await
        }
        _ => None,
    };
    let providers = if is_held(&r.status) && r.allows(Action::Transfer.allowed_by()) {
        load_providers(state, ctx, r).await
    } else {
        Some(Vec::new())
    };
    Choices {
        colleagues,
        providers,
    }
}

/// The members of the viewer's organisation on `side` (NRM case workers and
/// supervisors, or a provider's staff), or `None` when they cannot be read.
async fn load_colleagues(state: &AppState, ctx: &Ctx, side: Side) -> Option<Vec<Member>> {
    let outcome = gql::run(state, ctx, MEMBERS, serde_json::json!({})).await;
    match outcome.into_data::<MembersData>() {
        Ok(data) => {
            let members = data.viewer?.organization?.members;
            Some(
                members
                    .into_iter()
                    .filter(|m| Side::of(Some(&m.role)) == side)
                    .collect(),
            )
        }
        Err(error) => {
            if error.code != ErrorCode::Forbidden {
                tracing::warn!(message = %error.message, "web: members could not be read");
            }
            None
        }
    }
}

/// Verified providers, other than the holder, that serve one of the referral's needs
/// in its governorate — or `None` when the directory cannot be read.
async fn load_providers(state: &AppState, ctx: &Ctx, r: &Referral) -> Option<Vec<ProviderChoice>> {
    let Some(governorate) = r.governorate.as_ref().map(|g| g.code.as_str()) else {
        return Some(Vec::new());
    };
    let mut nodes = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..PROVIDER_PAGES {
        let variables = serde_json::json!({
            "governorate": governorate,
            "first": PROVIDER_PAGE_SIZE,
            "after": after,
        });
        let outcome = gql::run(state, ctx, PROVIDERS, variables).await;
        let page = match outcome.into_data::<ProvidersData>() {
            Ok(data) => data.organizations,
            Err(error) => {
                tracing::warn!(message = %error.message, "web: providers could not be read");
                return None;
            }
        };
        nodes.extend(page.nodes);
        match page
            .page_info
            .end_cursor
            .filter(|_| page.page_info.has_next_page)
        {
            Some(cursor) => after = Some(cursor),
            None => break,
        }
    }
    Some(matching_providers(nodes, r, governorate))
}

fn matching_providers(
    nodes: Vec<ProviderNode>,
    r: &Referral,
    governorate: &str,
) -> Vec<ProviderChoice> {
    let holder = r.holder.as_ref().map(|h| h.id.as_str());
    nodes
        .into_iter()
        .filter(|node| Some(node.id.as_str()) != holder)
        .filter_map(|node| {
            let serves: Vec<String> = r
                .needs
                .iter()
                .map(|need| need.category.clone())
                .filter(|category| {
                    node.services.iter().any(|s| {
                        &s.category == category
                            && s.governorates.iter().any(|g| g.code == governorate)
                    })
                })
                .collect();
            (!serves.is_empty()).then_some(ProviderChoice {
                id: node.id,
                name_ar: node.name_ar,
                name_en: node.name_en,
                serves,
            })
        })
        .collect()
}

fn yes_no(l: Locale, value: bool) -> &'static str {
    t(l, if value { Msg::Yes } else { Msg::No })
}

fn personal_section(l: Locale, personal: &PersonalData) -> Markup {
    // `(label, value, written left to right)`.
    let rows: [(Msg, Option<&str>, bool); 7] = [
        (Msg::FullName, Some(personal.full_name.as_str()), false),
        (Msg::Phone, personal.phone.as_deref(), true),
        (Msg::DateOfBirth, personal.date_of_birth.as_deref(), true),
        (
            Msg::IdDocumentType,
            personal.id_document_type.as_deref(),
            false,
        ),
        (
            Msg::IdDocumentNumber,
            personal.id_document_number.as_deref(),
            true,
        ),
        (Msg::Address, personal.address.as_deref(), false),
        (Msg::CaseNotes, personal.notes.as_deref(), false),
    ];
    html! {
        section.card.confidential #personal-data aria-labelledby="personal-heading" {
            h2 #personal-heading { (t(l, Msg::SectionPersonal)) }
            p role="note" { (t(l, Msg::PersonalRecorded)) }
            dl.facts {
                @for (label, value, ltr) in rows {
                    @if let Some(value) = value.filter(|v| !v.is_empty()) {
                        dt { (t(l, label)) }
                        dd { bdi dir=[ltr.then_some("ltr")] { (value) } }
                    }
                }
            }
        }
    }
}

fn facts(l: Locale, r: &Referral) -> Markup {
    html! {
        section.card aria-labelledby="facts-heading" {
            h2 #facts-heading { (t(l, Msg::CaseFacts)) }
            dl.facts {
                dt { (t(l, Msg::Status)) }
                dd { (layout::referral_status_badge(l, &r.status)) }
                @if let Some(kind) = &r.beneficiary_type {
                    dt { (t(l, Msg::BeneficiaryType)) }
                    dd { (labels::beneficiary_type(l, kind)) }
                }
                @if let Some(country) = &r.return_country {
                    dt { (t(l, Msg::ReturnCountry)) }
                    dd { bdi dir="ltr" { (country) } }
                }
                @if let Some(g) = &r.governorate {
                    dt { (t(l, Msg::FilterGovernorate)) }
                    dd { (layout::governorates(l, std::slice::from_ref(g))) }
                }
                @if let Some(district) = &r.district {
                    dt { (t(l, Msg::District)) }
                    dd { bdi { (district) } }
                }
                @if let Some(sex) = &r.sex {
                    dt { (t(l, Msg::Sex)) }
                    dd { (labels::sex(l, sex)) }
                }
                @if let Some(band) = &r.age_band {
                    dt { (t(l, Msg::AgeBand)) }
                    dd { (labels::age_band(l, band)) }
                }
                @if let Some(size) = r.household_size {
                    dt { (t(l, Msg::HouseholdSize)) }
                    dd { (size) }
                }
                @if !r.vulnerabilities.is_empty() {
                    dt { (t(l, Msg::Vulnerabilities)) }
                    dd {
                        @for (i, v) in r.vulnerabilities.iter().enumerate() {
                            @if i > 0 { (layout::comma(l)) }
                            (labels::vulnerability(l, v))
                        }
                    }
                }
                dt { (t(l, Msg::Office)) }
                dd { @if let Some(office) = &r.office { (layout::org_link(l, office)) } }
                dt { (t(l, Msg::Holder)) }
                dd {
                    @match &r.holder {
                        Some(holder) => (layout::org_link(l, holder)),
                        None => span.muted { (t(l, Msg::NoHolder)) },
                    }
                }
                @if let Some(hours) = r.waiting_hours {
                    dt { (t(l, Msg::WaitingHours)) }
                    dd { (count(l, Count::Hours, u64::try_from(hours).unwrap_or(0))) }
                }
                @if let Some(at) = &r.created_at {
                    dt { (t(l, Msg::CreatedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(at) = &r.opened_at {
                    dt { (t(l, Msg::OpenedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(at) = &r.claimed_at {
                    dt { (t(l, Msg::ClaimedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(at) = &r.closed_at {
                    dt { (t(l, Msg::ClosedAt)) }
                    dd { (layout::datetime(at)) }
                }
                @if let Some(day) = &r.next_follow_up {
                    dt { (t(l, Msg::NextFollowUp)) }
                    dd { (layout::date(day)) }
                }
            }
        }
    }
}

fn needs_section(l: Locale, r: &Referral) -> Markup {
    html! {
        section aria-labelledby="needs-heading" {
            h2 #needs-heading { (t(l, Msg::Needs)) }
            div.table-wrap {
                table {
                    thead {
                        tr {
                            th scope="col" { (t(l, Msg::FilterNeed)) }
                            th scope="col" { (t(l, Msg::Priority)) }
                            th scope="col" { (t(l, Msg::Delivered)) }
                        }
                    }
                    tbody {
                        @for need in &r.needs {
                            tr {
                                td { (labels::service_category(l, &need.category)) }
                                td {
                                    @if let Some(priority) = &need.priority {
                                        span class={ "badge priority-" (priority) } { (labels::priority(l, priority)) }
                                    }
                                }
                                td {
                                    @if need.delivered {
                                        span.delivered { span aria-hidden="true" { "✓ " } (t(l, Msg::Delivered)) }
                                    } @else {
                                        span.muted { (t(l, Msg::NotDelivered)) }
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

fn consent_section(l: Locale, r: &Referral) -> Markup {
    html! {
        @if let Some(consent) = &r.consent {
            section.card aria-labelledby="consent-heading" {
                h2 #consent-heading { (t(l, Msg::SectionConsent)) }
                dl.facts {
                    dt { (t(l, Msg::GivenBy)) }
                    dd { (labels::consent_giver(l, &consent.given_by)) }
                    dt { (t(l, Msg::GivenOn)) }
                    dd { (layout::date(&consent.given_on)) }
                    dt { (t(l, Msg::ShareWithProviders)) }
                    dd { (yes_no(l, consent.share_with_providers)) }
                    dt { (t(l, Msg::MayContact)) }
                    dd { (yes_no(l, consent.may_contact)) }
                    dt { (t(l, Msg::ExpiresOn)) }
                    dd {
                        @match &consent.expires_on {
                            Some(day) => (layout::date(day)),
                            None => span.muted { (t(l, Msg::NoExpiry)) },
                        }
                    }
                }
            }
        }
    }
}

fn results_section(l: Locale, r: &Referral) -> Markup {
    html! {
        section aria-labelledby="results-heading" {
            h2 #results-heading { (t(l, Msg::Results)) }
            div.table-wrap {
                table {
                    thead {
                        tr {
                            th scope="col" { (t(l, Msg::FilterNeed)) }
                            th scope="col" { (t(l, Msg::Outcome)) }
                            th scope="col" { (t(l, Msg::ClosureReason)) }
                            th scope="col" { (t(l, Msg::Note)) }
                        }
                    }
                    tbody {
                        @for result in &r.results {
                            tr {
                                td { (labels::service_category(l, &result.category)) }
                                td { (labels::need_outcome(l, &result.outcome)) }
                                td { @if let Some(reason) = &result.reason { (labels::closure_reason(l, reason)) } }
                                td { @if let Some(note) = &result.note { bdi { (note) } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The forms of the actions the referral's status and the viewer's `viewerActions` allow.
fn actions(
    state: &AppState,
    l: Locale,
    viewer: &Viewer,
    r: &Referral,
    notice: &Notice,
    choices: &Choices,
) -> Markup {
    let status = r.status.as_str();
    let held = is_held(status);
    let ended = is_ended(status);
    // A form with nothing to choose from shows why, and cannot be sent.
    let can_transfer = choices.providers.as_ref().is_some_and(|p| !p.is_empty());
    let can_assign = choices.colleagues.as_ref().is_some_and(|c| !c.is_empty());
    let mut forms: Vec<Markup> = Vec::new();
    // `key` tells apart the forms of one action (delivery: one per need).
    let mut add = |action: Action, key: Option<&str>, fields: Markup| {
        // Only what the viewer's role and relation allow (the server refuses the rest).
        if !r.allows(action.allowed_by()) {
            return;
        }
        let anchor = action.anchor_for(key);
        let failed = notice
            .failed_message(action)
            .filter(|_| key.is_none() || notice.draft(action).map(|d| d.get("category")) == key);
        let enabled = match action {
            Action::Transfer => can_transfer,
            Action::Assign => can_assign,
            _ => true,
        };
        forms.push(action_form(
            state, l, viewer, r, action, &anchor, failed, fields, enabled,
        ));
    };
    match status {
        "DRAFT" => add(Action::Open, None, html! {}),
        "OPEN" => add(Action::Claim, None, html! {}),
        "CLAIMED" => {
            add(Action::Accept, None, html! {});
            add(
                Action::Decline,
                None,
                reason_field(l, notice.draft(Action::Decline), "decline"),
            );
        }
        "ACCEPTED" => add(Action::Start, None, html! {}),
        _ => {}
    }
    if status == "IN_SERVICE" {
        for need in r.needs.iter().filter(|n| !n.delivered) {
            let key = format!("deliver-{}", need.category);
            let draft = notice
                .draft(Action::Deliver)
                .filter(|d| d.get("category") == need.category);
            add(
                Action::Deliver,
                Some(&need.category),
                html! {
                    p { strong { (labels::service_category(l, &need.category)) } }
                    input type="hidden" name="category" value=(need.category);
                    div.field {
                        label for={ (key) "-note" } { (t(l, Msg::Note)) }
                        textarea id={ (key) "-note" } name="note" rows="2" {
                            @if let Some(d) = draft { (d.get("note")) }
                        }
                    }
                },
            );
        }
    }
    if matches!(status, "ACCEPTED" | "IN_SERVICE") {
        add(
            Action::Close,
            None,
            close_fields(l, r, notice.draft(Action::Close)),
        );
    }
    if held {
        let draft = notice.draft(Action::Transfer);
        add(
            Action::Transfer,
            None,
            transfer_fields(l, choices.providers.as_deref(), draft),
        );
    }
    if let Some(colleagues) = choices.colleagues.as_deref() {
        add(
            Action::Assign,
            None,
            assign_fields(l, colleagues, notice.draft(Action::Assign)),
        );
    }
    if !ended {
        let draft = notice.draft(Action::Withdraw);
        add(
            Action::Withdraw,
            None,
            html! {
                div.check {
                    input #withdraw-consent type="checkbox" name="consentWithdrawn" value="true"
                        checked[draft.is_some_and(|d| d.checked("consentWithdrawn"))];
                    label for="withdraw-consent" { (t(l, Msg::ConsentWithdrawn)) }
                }
                div.field {
                    label for="withdraw-note" { (t(l, Msg::Note)) }
                    textarea #withdraw-note name="note" rows="2" { @if let Some(d) = draft { (d.get("note")) } }
                }
            },
        );
    } else {
        add(Action::Reopen, None, html! {});
    }
    if !r.erased {
        let draft = notice.draft(Action::FollowUp);
        add(
            Action::FollowUp,
            None,
            html! {
                div.field {
                    label for="followup-due" { (t(l, Msg::DueOn)) }
                    input #followup-due type="date" name="dueOn" required dir="ltr"
                        value=[draft.map(|d| d.get("dueOn"))];
                }
                div.field {
                    label for="followup-note" { (t(l, Msg::FollowUpNote)) }
                    textarea #followup-note name="note" rows="2" autocomplete="off" {
                        @if let Some(d) = draft { (d.get("note")) }
                    }
                }
            },
        );
    }
    add(
        Action::Consent,
        None,
        consent_fields(l, r, notice.draft(Action::Consent)),
    );
    if !r.erased {
        add(
            Action::Personal,
            None,
            html! {
                p.muted #personal-hint { (t(l, Msg::ViewPersonalHint)) }
                div.field {
                    label for="personal-purpose" { (t(l, Msg::Purpose)) }
                    textarea #personal-purpose name="purpose" rows="2" required aria-describedby="personal-hint" {
                        @if let Some(d) = notice.draft(Action::Personal) { (d.get("purpose")) }
                    }
                }
            },
        );
        add(
            Action::Erase,
            None,
            html! {
                p.warning #erase-warning { (t(l, Msg::EraseWarning)) }
                div.check {
                    input #erase-confirm type="checkbox" name="confirm" value="yes" required aria-describedby="erase-warning";
                    label for="erase-confirm" { (t(l, Msg::EraseConfirm)) }
                }
            },
        );
    }
    html! {
        section aria-labelledby="actions-heading" {
            h2 #actions-heading { (t(l, Msg::Actions)) }
            p.lead { (t(l, Msg::ActionsIntro)) }
            div.actions-grid {
                @for form in forms { (form) }
            }
        }
    }
}

/// A name in the language of the page, as plain text (an `<option>` holds no markup).
fn name_in(l: Locale, name_ar: &str, name_en: &str) -> String {
    if l.prefers_arabic_names() {
        name_ar.to_string()
    } else {
        name_en.to_string()
    }
}

fn transfer_fields(
    l: Locale,
    providers: Option<&[ProviderChoice]>,
    draft: Option<&Fields>,
) -> Markup {
    let chosen = draft.map(|d| d.trimmed("providerId"));
    let Some(providers) = providers else {
        return html! { p.muted role="note" { (t(l, Msg::ProvidersUnavailable)) } };
    };
    let mut providers: Vec<&ProviderChoice> = providers.iter().collect();
    providers.sort_by_cached_key(|p| name_in(l, &p.name_ar, &p.name_en));
    html! {
        @match providers.is_empty() {
            true => p.muted role="note" { (t(l, Msg::NoMatchingProviders)) },
            false => {
                div.field {
                    label for="transfer-provider" { (t(l, Msg::TransferProvider)) }
                    select #transfer-provider name="providerId" required aria-describedby="transfer-provider-hint" {
                        option value="" { (t(l, Msg::Choose)) }
                        @for p in &providers {
                            @let serves: Vec<String> = p.serves.iter().map(|c| labels::service_category(l, c)).collect();
                            option value=(p.id) selected[chosen == Some(p.id.as_str())] {
                                (name_in(l, &p.name_ar, &p.name_en)) " — " (serves.join(layout::comma(l)))
                            }
                        }
                    }
                    span #transfer-provider-hint.muted { (t(l, Msg::TransferProviderHint)) }
                }
                (reason_field(l, draft, "transfer"))
            },
        }
    }
}

fn assign_fields(l: Locale, colleagues: &[Member], draft: Option<&Fields>) -> Markup {
    let chosen = draft.map(|d| d.trimmed("userId"));
    html! {
        @if colleagues.is_empty() {
            p.muted role="note" { (t(l, Msg::NoColleagues)) }
        } @else {
            div.field {
                label for="assign-user" { (t(l, Msg::Caseworker)) }
                select #assign-user name="userId" required aria-describedby="assign-user-hint" {
                    option value="" { (t(l, Msg::Choose)) }
                    @for m in colleagues {
                        option value=(m.user_id) selected[chosen == Some(m.user_id.as_str())] {
                            (m.display_name) " — " (labels::role(l, &m.role))
                        }
                    }
                }
                span #assign-user-hint.muted { (t(l, Msg::AssignHint)) }
            }
        }
    }
}

fn reason_field(l: Locale, draft: Option<&Fields>, prefix: &str) -> Markup {
    let id = format!("{prefix}-reason");
    html! {
        div.field {
            label for=(id) { (t(l, Msg::Reason)) }
            textarea id=(id) name="reason" rows="2" required { @if let Some(d) = draft { (d.get("reason")) } }
        }
    }
}

fn close_fields(l: Locale, r: &Referral, draft: Option<&Fields>) -> Markup {
    let value = |name: String| draft.map(|d| d.trimmed(&name).to_string());
    html! {
        p.muted { (t(l, Msg::CloseHint)) }
        @for need in &r.needs {
            @let c = need.category.as_str();
            fieldset.need-result {
                legend { (labels::service_category(l, c)) }
                div.field {
                    label for={ "close-outcome-" (c) } { (t(l, Msg::Outcome)) }
                    (layout::enum_select(
                        Select::required(&format!("close-outcome-{c}"), &format!("outcome.{c}")),
                        l, &NEED_OUTCOMES, labels::need_outcome, value(format!("outcome.{c}")).as_deref()))
                }
                div.field {
                    label for={ "close-reason-" (c) } { (t(l, Msg::ClosureReason)) }
                    (layout::enum_select(
                        Select { id: &format!("close-reason-{c}"), name: &format!("reason.{c}"), empty: Msg::Choose, required: false },
                        l, &CLOSURE_REASONS, labels::closure_reason, value(format!("reason.{c}")).as_deref()))
                }
                div.field {
                    label for={ "close-note-" (c) } { (t(l, Msg::Note)) }
                    input id={ "close-note-" (c) } type="text" name={ "note." (c) }
                        value=[value(format!("note.{c}"))];
                }
            }
        }
    }
}

fn consent_fields(l: Locale, r: &Referral, draft: Option<&Fields>) -> Markup {
    let current = r.consent.as_ref();
    let given_by = draft
        .map(|d| d.trimmed("givenBy").to_string())
        .or_else(|| current.map(|c| c.given_by.clone()));
    let given_on = draft
        .map(|d| d.trimmed("givenOn").to_string())
        .or_else(|| current.map(|c| c.given_on.clone()));
    let expires_on = draft
        .map(|d| d.trimmed("expiresOn").to_string())
        .or_else(|| current.and_then(|c| c.expires_on.clone()));
    let share = draft.map_or_else(
        || current.is_some_and(|c| c.share_with_providers),
        |d| d.checked("shareWithProviders"),
    );
    let may_contact = draft.map_or_else(
        || current.is_some_and(|c| c.may_contact),
        |d| d.checked("mayContact"),
    );
    html! {
        div.field {
            label for="consent-given-by" { (t(l, Msg::GivenBy)) }
            (layout::enum_select(Select::required("consent-given-by", "givenBy"), l, &CONSENT_GIVERS, labels::consent_giver, given_by.as_deref()))
        }
        div.field {
            label for="consent-given-on" { (t(l, Msg::GivenOn)) }
            input #consent-given-on type="date" name="givenOn" required dir="ltr" value=[given_on];
        }
        div.field {
            label for="consent-expires-on" { (t(l, Msg::ExpiresOn)) }
            input #consent-expires-on type="date" name="expiresOn" dir="ltr" value=[expires_on];
        }
        div.check {
            input #consent-share type="checkbox" name="shareWithProviders" value="true" checked[share];
            label for="consent-share" { (t(l, Msg::ShareWithProviders)) }
        }
        div.check {
            input #consent-contact type="checkbox" name="mayContact" value="true" checked[may_contact];
            label for="consent-contact" { (t(l, Msg::MayContact)) }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn action_form(
    state: &AppState,
    l: Locale,
    viewer: &Viewer,
    r: &Referral,
    action: Action,
    anchor: &str,
    failed: Option<&str>,
    fields: Markup,
    enabled: bool,
) -> Markup {
    html! {
        form.card method="post" action={ (url::referral(&r.id)) "/" (action.slug()) } id=(anchor) {
            h3 { (t(l, action.title())) }
            (form::guard(state, viewer))
            @if let Some(message) = failed {
                p.field-error role="alert" { (message) }
            }
            (fields)
            button class=[action.is_dangerous().then_some("danger")] type="submit" disabled[!enabled] { (t(l, action.title())) }
        }
    }
}

fn timeline_section(l: Locale, id: &str, paged: bool, timeline: &TimelineConnection) -> Markup {
    let base = url::referral(id);
    html! {
        section aria-labelledby="timeline-heading" {
            h2 #timeline-heading { (t(l, Msg::Timeline)) }
            p.lead { (t(l, Msg::TimelineIntro)) }
            @if timeline.nodes.is_empty() {
                p.muted { (t(l, Msg::NoHistory)) }
            } @else {
                div.table-wrap {
                    table {
                        thead {
                            tr {
                                th scope="col" { (t(l, Msg::Time)) }
                                th scope="col" { (t(l, Msg::Event)) }
                                th scope="col" { (t(l, Msg::Actor)) }
                            }
                        }
                        tbody {
                            @for event in &timeline.nodes {
                                tr data-position=(event.position) {
                                    td { (layout::datetime(&event.occurred_at)) }
                                    td { span title=(event.event_type) { (labels::event_type(l, &event.event_type)) } }
                                    td {
                                        bdi dir="ltr" { (event.actor_label.as_deref().unwrap_or(&event.actor_user)) }
                                        @if let Some(role) = &event.actor_role {
                                            " — " span.muted { (labels::role(l, role)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            nav.pager aria-label=(t(l, Msg::Pagination)) {
                @if paged {
                    a.button.secondary href={ (base) "#timeline-heading" } { (t(l, Msg::HistoryFromStart)) }
                }
                @if timeline.page_info.has_next_page {
                    @if let Some(cursor) = &timeline.page_info.end_cursor {
                        a.button href={ (url::with_query(&base, &[("after", Some(cursor))])) "#timeline-heading" } rel="next" {
                            (t(l, Msg::MoreHistory))
                        }
                    }
                }
            }
        }
    }
}
