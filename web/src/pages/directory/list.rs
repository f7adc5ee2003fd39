//! `GET /organizations`: the service directory. Filters (kind, governorate, status,
//! free text) are a GET form, so every filtered page has its own link; 20 rows a page
//! with a "next page" link built from `pageInfo.endCursor`. `GET /organizations.xlsx`
//! is the directory under the same filters as a workbook.

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
use crate::labels::{self, ORGANIZATION_KINDS, ORGANIZATION_STATUSES};
use crate::layout::{self, Select};
use crate::messages::{t, Count, Msg};
use crate::model::{Governorate, Organization};
use crate::state::AppState;
use crate::url;

/// Longest search text sent to the API.
const MAX_SEARCH_CHARS: usize = 200;

const QUERY: &str = "query($first: Int, $after: String, $kind: OrganizationKind, $governorate: String, $status: OrganizationStatus, $search: String) {
  VIEWER
  governorates { code nameAr nameEn }
  organizations(first: $first, after: $after, kind: $kind, governorate: $governorate, status: $status, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id kind nameAr nameEn status governorates { code nameAr nameEn } services { category } }
  }
}";

const EXPORT_QUERY: &str = "query($first: Int, $after: String, $kind: OrganizationKind, $governorate: String, $status: OrganizationStatus, $search: String) {
  organizations(first: $first, after: $after, kind: $kind, governorate: $governorate, status: $status, search: $search) {
    pageInfo { hasNextPage endCursor }
    nodes { id kind nameAr nameEn status registeredAt verifiedAt governorates { code nameAr nameEn } services { category } }
  }
}";

/// The columns of the directory.
const HEADERS: [Msg; 6] = [
    Msg::NameAr,
    Msg::NameEn,
    Msg::Kind,
    Msg::Governorates,
    Msg::Status,
    Msg::ServiceCount,
];

/// The query string of the directory.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    pub kind: Option<String>,
    pub governorate: Option<String>,
    pub status: Option<String>,
    pub q: Option<String>,
    pub after: Option<String>,
}

impl list_page::Filters for Filters {
    const PATH: &'static str = "/organizations";
    const FIELD: &'static str = "organizations";

    fn arguments(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": self.kind,
            "governorate": self.governorate,
            "status": self.status,
            "search": self.q,
        })
    }

    /// Drops empty values and values the schema would reject (an unknown kind or
    /// status), so a hand-edited link still shows a page.
    fn cleaned(self) -> Filters {
        Filters {
            kind: known(self.kind, &ORGANIZATION_KINDS),
            governorate: keep(self.governorate),
            status: known(self.status, &ORGANIZATION_STATUSES),
            q: at_most(self.q, MAX_SEARCH_CHARS),
            after: keep(self.after),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Option<&str>)> {
        vec![
            ("kind", self.kind.as_deref()),
            ("governorate", self.governorate.as_deref()),
            ("status", self.status.as_deref()),
            ("q", self.q.as_deref()),
        ]
    }

    fn after(&self) -> Option<&str> {
        self.after.as_deref()
    }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, filters: Asked<Filters>) -> Response {
    list_page::answer(&ctx, filters, |f| render(&state, &ctx, f)).await
}

/// `GET /organizations.xlsx` and `/organizations.csv`: for whoever the API lets read the list, as the page
/// shows it, in the file type asked.
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    filters: Asked<Filters>,
    file_type: FileType,
) -> Response {
    list_page::answer(&ctx, filters, |f| file(&state, &ctx, f, file_type)).await
}

async fn file(
    state: &AppState,
    ctx: &Ctx,
    filters: Filters,
    file_type: FileType,
) -> Result<Response, Failure> {
    let organizations: every_page::Rows<Organization> = every_page::collect(
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
            Msg::NameAr,
            Msg::NameEn,
            Msg::Kind,
            Msg::Status,
            Msg::Governorates,
            Msg::Services,
        ],
        &[Msg::RegisteredAt, Msg::VerifiedAt],
    );
    let notes = organizations.notes(l);
    let rows = organizations
        .nodes
        .into_iter()
        .map(|org| {
            let governorates: Vec<&str> = org
                .governorates
                .iter()
                .map(|g| layout::name_text(l, &g.name_ar, &g.name_en))
                .collect();
            let services: Vec<String> = org
                .services
                .iter()
                .map(|s| labels::service_category(l, &s.category))
                .collect();
            let time = |at: Option<String>| at.map(Cell::Time).unwrap_or(Cell::Empty);
            vec![
                Cell::Text(org.name_ar),
                Cell::Text(org.name_en),
                Cell::Text(labels::organization_kind(l, &org.kind)),
                Cell::Text(labels::organization_status(l, &org.status)),
                Cell::Text(governorates.join(layout::comma(l))),
                Cell::Text(services.join(layout::comma(l))),
                time(org.registered_at),
                time(org.verified_at),
            ]
        })
        .collect();
    let sheet = Sheet {
        name: t(l, Msg::DirectoryTitle).to_string(),
        headers,
        rows,
        notes,
    };
    export::download(l, &sheet, "sanad-directory", file_type)
}

async fn render(state: &AppState, ctx: &Ctx, filters: Filters) -> Result<Response, Failure> {
    let data: Listed<Organization> = list_page::load(state, ctx, QUERY, &filters).await?;
    let l = ctx.locale;
    let connection = &data.connection;
    let body = html! {
        h1 { (t(l, Msg::DirectoryTitle)) }
        p.lead { (t(l, Msg::DirectoryIntro)) }
        @if data.viewer.as_ref().is_some_and(|v| v.capabilities().register_organizations) {
            p { a.button href="/organizations/new" { (t(l, Msg::RegisterOrganization)) } }
        }
        (filter_form(l, &filters, &data.governorates))
        @if !connection.nodes.is_empty() {
            (list_page::download_link(l, &filters, "/organizations"))
        }
        (list_page::rows(l, connection, Msg::NoResults, (Msg::ResultCount, Count::Organizations), table::headers(l, &HEADERS), |org| html! {
            tr {
                td lang="ar" dir="rtl" { a href=(url::organization(&org.id)) { (org.name_ar) } }
                td lang="en" dir="ltr" { a href=(url::organization(&org.id)) { (org.name_en) } }
                td { (labels::organization_kind(l, &org.kind)) }
                td { (layout::governorates(l, &org.governorates)) }
                td { (layout::status_badge(l, &org.status)) }
                td { (layout::number(l, org.services.len())) }
            }
        }))
        (list_page::pager(l, &filters, &connection.page_info))
    };
    Ok(layout::page(ctx, data.viewer.as_ref(), t(l, Msg::DirectoryTitle), body).into_response())
}

fn filter_form(l: Locale, filters: &Filters, governorates: &[Governorate]) -> Markup {
    list_page::filter_form(
        l,
        filters,
        html! {
            (filter(l, "f-kind", Msg::FilterKind, layout::enum_select(Select::filter("f-kind", "kind"), l, &ORGANIZATION_KINDS, labels::organization_kind, filters.kind.as_deref())))
            (filter(l, "f-governorate", Msg::FilterGovernorate, layout::governorate_select(Select::filter("f-governorate", "governorate"), l, governorates, filters.governorate.as_deref())))
            (filter(l, "f-status", Msg::FilterStatus, layout::enum_select(Select::filter("f-status", "status"), l, &ORGANIZATION_STATUSES, labels::organization_status, filters.status.as_deref())))
            (filter(l, "f-q", Msg::FilterSearch, html! {
                input #f-q type="search" name="q" value=[filters.q.as_deref()]
                    placeholder=(t(l, Msg::SearchHint)) aria-describedby="f-q-hint";
                span #f-q-hint hidden { (t(l, Msg::SearchHint)) }
            }))
        },
    )
}
