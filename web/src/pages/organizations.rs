//! `GET /organizations`: the service directory. Filters (kind, governorate, status,
//! free text) are a GET form, so every filtered page has its own link; 20 rows a page
//! with a "next page" link built from `pageInfo.endCursor`. `GET /organizations.xlsx`
//! is the directory under the same filters as a workbook.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::every_page;
use crate::export::{self, Cell, Sheet};
use crate::failure::{respond, Failure};
use crate::gql;
use crate::i18n::Locale;
use crate::labels::{self, ORGANIZATION_KINDS, ORGANIZATION_STATUSES};
use crate::layout;
use crate::messages::{count, shown_total, t, Count, Msg};
use crate::model::{Governorate, Organization, OrganizationConnection, Viewer, VIEWER_FIELDS};
use crate::state::AppState;
use crate::url;

/// Rows per page.
pub const PAGE_SIZE: i64 = 20;

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

/// Organisations a download asks for at a time, within the API's complexity limit.
const EXPORT_PAGE: i64 = 50;

const EXPORT_QUERY: &str = "query($first: Int, $after: String, $kind: OrganizationKind, $governorate: String, $status: OrganizationStatus, $search: String) {
  organizations(first: $first, after: $after, kind: $kind, governorate: $governorate, status: $status, search: $search) {
    pageInfo { hasNextPage endCursor }
    nodes { id kind nameAr nameEn status registeredAt verifiedAt governorates { code nameAr nameEn } services { category } }
  }
}";

/// The query string of the directory.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    pub kind: Option<String>,
    pub governorate: Option<String>,
    pub status: Option<String>,
    pub q: Option<String>,
    pub after: Option<String>,
}

impl Filters {
    /// Drops empty values and values the schema would reject (an unknown kind or
    /// status), so a hand-edited link still shows a page.
    fn cleaned(self) -> Filters {
        let keep = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let known =
            |v: Option<String>, list: &[&str]| keep(v).filter(|s| list.contains(&s.as_str()));
        Filters {
            kind: known(self.kind, &ORGANIZATION_KINDS),
            governorate: keep(self.governorate),
            status: known(self.status, &ORGANIZATION_STATUSES),
            q: keep(self.q).map(|s| s.chars().take(MAX_SEARCH_CHARS).collect()),
            after: keep(self.after),
        }
    }

    fn is_filtered(&self) -> bool {
        self.kind.is_some()
            || self.governorate.is_some()
            || self.status.is_some()
            || self.q.is_some()
    }

    /// A link to this directory with these filters and the given cursor.
    fn href(&self, after: Option<&str>) -> String {
        self.href_at("/organizations", after)
    }

    /// The download of the directory as filtered (all pages).
    fn download_href(&self) -> String {
        self.href_at("/organizations.xlsx", None)
    }

    fn href_at(&self, path: &str, after: Option<&str>) -> String {
        url::with_query(
            path,
            &[
                ("kind", self.kind.as_deref()),
                ("governorate", self.governorate.as_deref()),
                ("status", self.status.as_deref()),
                ("q", self.q.as_deref()),
                ("after", after),
            ],
        )
    }
}

#[derive(Deserialize)]
struct Data {
    viewer: Option<Viewer>,
    #[serde(default)]
    governorates: Vec<Governorate>,
    organizations: OrganizationConnection,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    filters: Result<Query<Filters>, QueryRejection>,
) -> Response {
    let filters = filters.map(|Query(f)| f).unwrap_or_default().cleaned();
    let result = render(&state, &ctx, filters).await;
    respond(&ctx, result)
}

/// `GET /organizations.xlsx`: for whoever the API lets read the directory, as the page.
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    filters: Result<Query<Filters>, QueryRejection>,
) -> Response {
    let filters = filters.map(|Query(f)| f).unwrap_or_default().cleaned();
    let result = workbook(&state, &ctx, filters).await;
    respond(&ctx, result)
}

async fn workbook(state: &AppState, ctx: &Ctx, filters: Filters) -> Result<Response, Failure> {
    let variables = serde_json::json!({
        "kind": filters.kind,
        "governorate": filters.governorate,
        "status": filters.status,
        "search": filters.q,
    });
    let organizations: every_page::Rows<Organization> = every_page::collect(
        state,
        ctx,
        EXPORT_QUERY,
        "organizations",
        EXPORT_PAGE,
        variables,
    )
    .await?;
    let l = ctx.locale;
    let headers = [
        Msg::NameAr,
        Msg::NameEn,
        Msg::Kind,
        Msg::Status,
        Msg::Governorates,
        Msg::Services,
    ]
    .iter()
    .map(|m| t(l, *m).to_string())
    .chain([
        format!("{} (UTC)", t(l, Msg::RegisteredAt)),
        format!("{} (UTC)", t(l, Msg::VerifiedAt)),
    ])
    .collect();
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
    export::download(l, &sheet, "sanad-directory.xlsx")
}

async fn render(state: &AppState, ctx: &Ctx, filters: Filters) -> Result<Response, Failure> {
    let query = QUERY.replace("VIEWER", VIEWER_FIELDS);
    let variables = serde_json::json!({
        "first": PAGE_SIZE,
        "after": filters.after,
        "kind": filters.kind,
        "governorate": filters.governorate,
        "status": filters.status,
        "search": filters.q,
    });
    let data: Data = gql::run(state, ctx, &query, variables).await.into_data()?;
    let l = ctx.locale;
    let connection = &data.organizations;
    let body = html! {
        h1 { (t(l, Msg::DirectoryTitle)) }
        p.lead { (t(l, Msg::DirectoryIntro)) }
        @if data.viewer.as_ref().is_some_and(Viewer::is_secretariat_admin) {
            p { a.button href="/organizations/new" { (t(l, Msg::RegisterOrganization)) } }
        }
        (filter_form(l, &filters, &data.governorates))
        @if !connection.nodes.is_empty() {
            p { a.button.secondary href=(filters.download_href()) download { (t(l, Msg::DownloadXlsx)) } }
        }
        @if connection.nodes.is_empty() {
            p.card { (t(l, Msg::NoResults)) }
        } @else {
            div.table-wrap {
                table {
                    caption {
                        (t(l, Msg::ResultCount)) ": "
                        (count(l, Count::Organizations, shown_total(connection.total_count, connection.nodes.len())))
                    }
                    thead {
                        tr {
                            th scope="col" { (t(l, Msg::NameAr)) }
                            th scope="col" { (t(l, Msg::NameEn)) }
                            th scope="col" { (t(l, Msg::Kind)) }
                            th scope="col" { (t(l, Msg::Governorates)) }
                            th scope="col" { (t(l, Msg::Status)) }
                            th scope="col" { (t(l, Msg::ServiceCount)) }
                        }
                    }
                    tbody {
                        @for org in &connection.nodes {
                            tr {
                                td lang="ar" dir="rtl" { a href=(url::organization(&org.id)) { (org.name_ar) } }
                                td lang="en" dir="ltr" { a href=(url::organization(&org.id)) { (org.name_en) } }
                                td { (labels::organization_kind(l, &org.kind)) }
                                td { (layout::governorates(l, &org.governorates)) }
                                td { (layout::status_badge(l, &org.status)) }
                                td { (org.services.len()) }
                            }
                        }
                    }
                }
            }
        }
        nav.pager aria-label=(t(l, Msg::Pagination)) {
            @if filters.after.is_some() {
                a.button.secondary href=(filters.href(None)) { (t(l, Msg::FirstPage)) }
            }
            @if connection.page_info.has_next_page {
                @if let Some(cursor) = &connection.page_info.end_cursor {
                    a.button href=(filters.href(Some(cursor))) rel="next" { (t(l, Msg::NextPage)) }
                }
            }
        }
    };
    Ok(layout::page(ctx, data.viewer.as_ref(), t(l, Msg::DirectoryTitle), body).into_response())
}

fn filter_form(l: Locale, filters: &Filters, governorates: &[Governorate]) -> Markup {
    let selected = |current: &Option<String>, value: &str| current.as_deref() == Some(value);
    html! {
        form.card.filters method="get" action="/organizations" role="search" aria-label=(t(l, Msg::Filters)) {
            div {
                label for="f-kind" { (t(l, Msg::FilterKind)) }
                select #f-kind name="kind" {
                    option value="" { (t(l, Msg::Any)) }
                    @for kind in ORGANIZATION_KINDS {
                        option value=(kind) selected[selected(&filters.kind, kind)] {
                            (labels::organization_kind(l, kind))
                        }
                    }
                }
            }
            div {
                label for="f-governorate" { (t(l, Msg::FilterGovernorate)) }
                select #f-governorate name="governorate" {
                    option value="" { (t(l, Msg::Any)) }
                    @for g in governorates {
                        option value=(g.code) selected[selected(&filters.governorate, &g.code)] {
                            @if l.prefers_arabic_names() { (g.name_ar) } @else { (g.name_en) }
                        }
                    }
                }
            }
            div {
                label for="f-status" { (t(l, Msg::FilterStatus)) }
                select #f-status name="status" {
                    option value="" { (t(l, Msg::Any)) }
                    @for status in ORGANIZATION_STATUSES {
                        option value=(status) selected[selected(&filters.status, status)] {
                            (labels::organization_status(l, status))
                        }
                    }
                }
            }
            div {
                label for="f-q" { (t(l, Msg::FilterSearch)) }
                input #f-q type="search" name="q" value=[filters.q.as_deref()]
                    placeholder=(t(l, Msg::SearchHint)) aria-describedby="f-q-hint";
                span #f-q-hint hidden { (t(l, Msg::SearchHint)) }
            }
            div.actions {
                button type="submit" { (t(l, Msg::ApplyFilters)) }
                @if filters.is_filtered() {
                    a href="/organizations" { (t(l, Msg::ClearFilters)) }
                }
            }
        }
    }
}
