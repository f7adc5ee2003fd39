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
use crate::export::{self, Cell, FileType, Sheet};
use crate::failure::Failure;
use crate::i18n::Locale;
use crate::kit::list_page::{self, at_most, filter, keep, known, Asked, Filters as _, Listed};
use crate::kit::table;
use crate::labels::{self, REFERRAL_STATUSES};
use crate::layout::{self, Select};
use crate::messages::{t, Count, Msg};
use crate::model::{Governorate, Need, Referral, Side, Viewer};
use crate::state::AppState;
use crate::url;

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
    const FIELD: &'static str = "referrals";

    fn arguments(&self) -> serde_json::Value {
        serde_json::json!({
            "status": self.status,
            "governorate": self.governorate,
            "caseNumber": self.case,
        })
    }

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

pub async fn show(State(state): State<AppState>, ctx: Ctx, filters: Asked<Filters>) -> Response {
    list_page::answer(&ctx, filters, |f| render(&state, &ctx, f)).await
}

/// `GET /referrals.xlsx` and `/referrals.csv`: for whoever the API lets read the list, as the page
/// shows it, in the file type asked.
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    filters: Asked<Filters>,
    file_type: FileType,
) -> Response {
    list_page::answer(&ctx, filters, |f| file(&state, &ctx, f, file_type)).await
}

/// Every page of the filtered list, up to [`every_page::MAX_ROWS`] referrals.
async fn file(
    state: &AppState,
    ctx: &Ctx,
    filters: Filters,
    file_type: FileType,
) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let referrals: every_page::Rows<Referral> = every_page::collect(
        state,
        ctx,
        EXPORT_QUERY,
        Filters::FIELD,
        filters.arguments(),
    )
    .await?;
    let l = ctx.locale;
    let headers = export::headers(
        l,
        &[
            Msg::CaseNumber,
            Msg::Status,
            Msg::GovernorateCode,
            Msg::FilterGovernorate,
            Msg::Needs,
            Msg::AgeBand,
            Msg::Sex,
            Msg::Holder,
        ],
        &[Msg::CreatedAt],
    );
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
    export::download(l, &sheet, "sanad-referrals", file_type)
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
    let data: Listed<Referral> = list_page::load(state, ctx, QUERY, &filters).await?;
    let l = ctx.locale;
    let side = data.viewer.as_ref().map(Viewer::side).unwrap_or(Side::None);
    let (title, intro) = heading(side);
    let connection = &data.connection;
    let body = html! {
        h1 { (t(l, title)) }
        p.lead { (t(l, intro)) }
        @if side == Side::Nrm {
            p { a.button href="/referrals/new" { (t(l, Msg::NavNewReferral)) } }
        }
        (filter_form(l, &filters, &data.governorates))
        @if !connection.nodes.is_empty() {
            (list_page::download_link(l, &filters, "/referrals"))
        }
        (list_page::rows(l, connection, Msg::NoReferrals, (Msg::ReferralCount, Count::Referrals), table::headers(l, &HEADERS), |referral| html! {
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
                td { @if let Some(at) = &referral.created_at { (layout::datetime(l, at)) } }
            }
        }))
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
    list_page::filter_form(
        l,
        filters,
        html! {
            (filter(l, "f-status", Msg::FilterStatus, layout::enum_select(Select::filter("f-status", "status"), l, &REFERRAL_STATUSES, labels::referral_status, filters.status.as_deref())))
            (filter(l, "f-governorate", Msg::FilterGovernorate, layout::governorate_select(Select::filter("f-governorate", "governorate"), l, governorates, filters.governorate.as_deref())))
            (filter(l, "f-case", Msg::CaseNumber, html! {
                input #f-case type="search" name="case" value=[filters.case.as_deref()] dir="ltr"
                    maxlength=(MAX_CASE_CHARS) placeholder="NRM-NI-2026" aria-describedby="f-case-hint";
                span #f-case-hint.muted { (t(l, Msg::CaseNumberHint)) }
            }))
        },
    )
}
