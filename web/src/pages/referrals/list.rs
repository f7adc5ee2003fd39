//! `GET /referrals`: the referrals the viewer works on — an NRM office's own
//! referrals, a provider's caseload, everything for the Secretariat — newest first,
//! 20 a page, filtered by status, governorate and case number. No personal data.
//! `GET /referrals.xlsx` is the same list under the same filters as a workbook.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::every_page;
use crate::export::{self, Cell, Sheet};
use crate::failure::Failure;
use crate::gql;
use crate::i18n::Locale;
use crate::kit::list_page::{self, at_most, keep, known, Asked, Filters as _};
use crate::kit::table;
use crate::labels::{self, REFERRAL_STATUSES};
use crate::layout::{self, Select};
use crate::messages::{t, Count, Msg};
use crate::model::{Governorate, Need, Referral, ReferralConnection, Side, Viewer, VIEWER_FIELDS};
use crate::state::AppState;
use crate::url;

/// Rows per page.
pub const PAGE_SIZE: i64 = 20;

/// Longest case-number search sent to the API.
const MAX_CASE_CHARS: usize = 40;

const QUERY: &str = "query($first: Int, $after: String, $status: ReferralStatus, $governorate: String, $caseNumber: String) {
  VIEWER
  governorates { code nameAr nameEn }
  referrals(first: $first, after: $after, status: $status, governorate: $governorate, caseNumber: $caseNumber) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id caseNumber status ageBand sex createdAt escalated erased
      governorate { code nameAr nameEn }
      needs { category priority delivered }
      holder { id nameAr nameEn }
    }
  }
}";

/// Referrals a download asks for at a time: a page of 100 would pass the API's
/// complexity limit.
const EXPORT_PAGE: i64 = 50;

const EXPORT_QUERY: &str = "query($first: Int, $after: String, $status: ReferralStatus, $governorate: String, $caseNumber: String) {
  referrals(first: $first, after: $after, status: $status, governorate: $governorate, caseNumber: $caseNumber) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id caseNumber status ageBand sex createdAt
      governorate { code nameAr nameEn }
      needs { category }
      holder { id nameAr nameEn }
    }
  }
}";

/// The columns of the list.
const HEADERS: [Msg; 8] = [
    Msg::CaseNumber,
    Msg::Status,
    Msg::FilterGovernorate,
    Msg::Needs,
    Msg::AgeBand,
    Msg::Sex,
    Msg::Holder,
    Msg::CreatedAt,
];

/// The query string of the list.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    pub status: Option<String>,
    pub governorate: Option<String>,
    /// Part of a case number.
    pub case: Option<String>,
    pub after: Option<String>,
}

impl list_page::Filters for Filters {
    const PATH: &'static str = "/referrals";

    /// Drops empty values and an unknown status, so a hand-edited link still works.
    fn cleaned(self) -> Filters {
        Filters {
            status: known(self.status, &REFERRAL_STATUSES),
            governorate: keep(self.governorate),
            case: at_most(self.case, MAX_CASE_CHARS),
            after: keep(self.after),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Option<&str>)> {
        vec![
            ("status", self.status.as_deref()),
            ("governorate", self.governorate.as_deref()),
            ("case", self.case.as_deref()),
        ]
    }

    fn after(&self) -> Option<&str> {
        self.after.as_deref()
    }
}

#[derive(Deserialize)]
struct Data {
    viewer: Option<Viewer>,
    #[serde(default)]
    governorates: Vec<Governorate>,
    referrals: ReferralConnection,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, filters: Asked<Filters>) -> Response {
    list_page::answer(&ctx, filters, |f| render(&state, &ctx, f)).await
}

/// `GET /referrals.xlsx`.
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    filters: Asked<Filters>,
) -> Response {
    list_page::answer(&ctx, filters, |f| workbook(&state, &ctx, f)).await
}

/// Every page of the filtered list, up to [`every_page::MAX_ROWS`] referrals.
async fn workbook(state: &AppState, ctx: &Ctx, filters: Filters) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let variables = serde_json::json!({
        "status": filters.status,
        "governorate": filters.governorate,
        "caseNumber": filters.case,
    });
    let referrals: every_page::Rows<Referral> = every_page::collect(
        state,
        ctx,
        EXPORT_QUERY,
        "referrals",
        EXPORT_PAGE,
        variables,
    )
    .await?;
    let l = ctx.locale;
    let headers = [
        Msg::CaseNumber,
        Msg::Status,
        Msg::GovernorateCode,
        Msg::FilterGovernorate,
        Msg::Needs,
        Msg::AgeBand,
        Msg::Sex,
        Msg::Holder,
    ]
    .iter()
    .map(|m| t(l, *m).to_string())
    .chain([format!("{} (UTC)", t(l, Msg::CreatedAt))])
    .collect();
    let text = |s: Option<String>| s.map(Cell::Text).unwrap_or(Cell::Empty);
    let notes = referrals.notes(l);
    let rows = referrals
        .nodes
        .into_iter()
        .map(|r| {
            let needs: Vec<String> = r
                .needs
                .iter()
                .map(|n| labels::service_category(l, &n.category))
                .collect();
            vec![
                Cell::Text(r.case_number),
                Cell::Text(labels::referral_status(l, &r.status)),
                text(r.governorate.as_ref().map(|g| g.code.clone())),
                text(
                    r.governorate
                        .as_ref()
                        .map(|g| layout::name_text(l, &g.name_ar, &g.name_en).to_string()),
                ),
                Cell::Text(needs.join(layout::comma(l))),
                text(r.age_band.map(|band| labels::age_band(l, &band))),
                text(r.sex.map(|sex| labels::sex(l, &sex))),
                text(
                    r.holder
                        .as_ref()
                        .map(|h| layout::name_text(l, &h.name_ar, &h.name_en).to_string()),
                ),
                r.created_at.map(Cell::Time).unwrap_or(Cell::Empty),
            ]
        })
        .collect();
    let sheet = Sheet {
        name: t(l, Msg::NavAllReferrals).to_string(),
        headers,
        rows,
        notes,
    };
    export::download(l, &sheet, "sanad-referrals.xlsx")
}

/// The title and introduction of the list for the viewer's side of the work.
fn heading(side: Side) -> (Msg, Msg) {
    match side {
        Side::Nrm => (Msg::NavOfficeReferrals, Msg::ReferralsIntroOffice),
        Side::Provider => (Msg::NavMyCases, Msg::ReferralsIntroProvider),
        Side::Secretariat | Side::None => (Msg::NavAllReferrals, Msg::ReferralsIntroAll),
    }
}

async fn render(state: &AppState, ctx: &Ctx, filters: Filters) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let query = QUERY.replace("VIEWER", VIEWER_FIELDS);
    let variables = serde_json::json!({
        "first": PAGE_SIZE,
        "after": filters.after,
        "status": filters.status,
        "governorate": filters.governorate,
        "caseNumber": filters.case,
    });
    let data: Data = gql::run(state, ctx, &query, variables).await.into_data()?;
    let l = ctx.locale;
    let side = data.viewer.as_ref().map(Viewer::side).unwrap_or(Side::None);
    let (title, intro) = heading(side);
    let connection = &data.referrals;
    let body = html! {
        h1 { (t(l, title)) }
        p.lead { (t(l, intro)) }
        @if side == Side::Nrm {
            p { a.button href="/referrals/new" { (t(l, Msg::NavNewReferral)) } }
        }
        (filter_form(l, &filters, &data.governorates))
        @if !connection.nodes.is_empty() {
            (list_page::download_link(l, &filters, "/referrals.xlsx"))
        }
        @if connection.nodes.is_empty() {
            p.card { (t(l, Msg::NoReferrals)) }
        } @else {
            (table::framed(
                Some(table::count(l, Msg::ReferralCount, Count::Referrals, connection.total_count, connection.nodes.len())),
                table::headers(l, &HEADERS),
                html! {
                    @for referral in &connection.nodes {
                        tr {
                            td {
                                a href=(url::referral(&referral.id)) { bdi dir="ltr" { (referral.case_number) } }
                                @if referral.escalated {
                                    " " span.badge.escalated { (t(l, Msg::Escalated)) }
                                }
                                @if referral.erased {
                                    " " span.badge.erased { (t(l, Msg::Erased)) }
                                }
                            }
                            td { (layout::referral_status_badge(l, &referral.status)) }
                            td {
                                @if let Some(g) = &referral.governorate {
                                    (layout::governorates(l, std::slice::from_ref(g)))
                                }
                            }
                            td { (need_list(l, &referral.needs)) }
                            td { @if let Some(band) = &referral.age_band { (labels::age_band(l, band)) } }
                            td { @if let Some(sex) = &referral.sex { (labels::sex(l, sex)) } }
                            td {
                                @match &referral.holder {
                                    Some(holder) => (layout::org_link(l, holder)),
                                    None => span.muted { (t(l, Msg::NoHolder)) },
                                }
                            }
                            td { @if let Some(at) = &referral.created_at { (layout::datetime(at)) } }
                        }
                    }
                },
            ))
        }
        (list_page::pager(l, &filters, &connection.page_info))
    };
    Ok(layout::page(ctx, data.viewer.as_ref(), t(l, title), body).into_response())
}

/// The needs of a referral as a list of labels.
pub fn need_list(l: Locale, needs: &[Need]) -> Markup {
    html! {
        ul.needs {
            @for need in needs {
                li { (labels::service_category(l, &need.category)) }
            }
        }
    }
}

fn filter_form(l: Locale, filters: &Filters, governorates: &[Governorate]) -> Markup {
    let selected = |current: &Option<String>, value: &str| current.as_deref() == Some(value);
    html! {
        form.card.filters method="get" action="/referrals" role="search" aria-label=(t(l, Msg::Filters)) {
            div {
                label for="f-status" { (t(l, Msg::FilterStatus)) }
                select #f-status name="status" {
                    option value="" { (t(l, Msg::Any)) }
                    @for status in REFERRAL_STATUSES {
                        option value=(status) selected[selected(&filters.status, status)] {
                            (labels::referral_status(l, status))
                        }
                    }
                }
            }
            div {
                label for="f-governorate" { (t(l, Msg::FilterGovernorate)) }
                (layout::governorate_select(Select::filter("f-governorate", "governorate"), l, governorates, filters.governorate.as_deref()))
            }
            div {
                label for="f-case" { (t(l, Msg::CaseNumber)) }
                input #f-case type="search" name="case" value=[filters.case.as_deref()] dir="ltr"
                    maxlength=(MAX_CASE_CHARS) placeholder="NRM-NI-2026" aria-describedby="f-case-hint";
                span #f-case-hint.muted { (t(l, Msg::CaseNumberHint)) }
            }
            div.actions {
                button type="submit" { (t(l, Msg::ApplyFilters)) }
                @if filters.is_filtered() {
                    a href="/referrals" { (t(l, Msg::ClearFilters)) }
                }
            }
        }
    }
}
