//! A list page: its filters live in the URL (so a filtered page can be linked and
//! reloaded), a hand-edited link still shows a page (unknown values are dropped), the
//! pager walks the API's cursors, and the download link asks for every page as
//! filtered.

use std::future::Future;

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::response::Response;
use maud::{html, Markup};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::gql;
use crate::i18n::Locale;
use crate::kit::table;
use crate::messages::{t, Count, Msg};
use crate::model::{Connection, Governorate, PageInfo, Viewer, VIEWER_FIELDS};
use crate::state::AppState;
use crate::url;

/// Rows per page.
pub const PAGE_SIZE: i64 = 20;

/// The filters of one list page, as its query string carries them.
pub trait Filters: Default {
    /// The list's own page (`/referrals`).
    const PATH: &'static str;

    /// The query's field that answers the list (`referrals`), for the page and its
    /// download alike.
    const FIELD: &'static str;

    /// The list's arguments in the API (a JSON object), the cursor left out.
    fn arguments(&self) -> serde_json::Value;

    /// Without empty values and values the schema would reject.
    fn cleaned(self) -> Self;

    /// Each filter's name and value, in the order the URL shows them; the cursor is
    /// not one of them.
    fn pairs(&self) -> Vec<(&'static str, Option<&str>)>;

    /// The cursor of the page shown (`after`), `None` on the first.
    fn after(&self) -> Option<&str>;

    /// Whether any filter narrows the list (the form then offers to clear them).
    fn is_filtered(&self) -> bool {
        self.pairs().iter().any(|(_, value)| value.is_some())
    }

    /// A link to `path` (the list, or its download) with these filters from `after`.
    fn href_at(&self, path: &str, after: Option<&str>) -> String {
        let mut pairs = self.pairs();
        pairs.push(("after", after));
        url::with_query(path, &pairs)
    }

    /// A link to the list with these filters, from `after`.
    fn href(&self, after: Option<&str>) -> String {
        self.href_at(Self::PATH, after)
    }
}

/// The query string of a list's request, as axum reads it.
pub type Asked<F> = Result<Query<F>, QueryRejection>;

/// The filters of a request, cleaned; an unreadable query string is no filter at all.
pub fn filters<F: Filters>(query: Asked<F>) -> F {
    query.map(|Query(f)| f).unwrap_or_default().cleaned()
}

/// Answers a list's page (or its download) drawn by `draw` with the request's filters.
pub async fn answer<F: Filters, Fut>(
    ctx: &Ctx,
    query: Asked<F>,
    draw: impl FnOnce(F) -> Fut,
) -> Response
where
    Fut: Future<Output = Result<Response, Failure>>,
{
    let result = draw(filters(query)).await;
    respond(ctx, result)
}

/// What every list page reads: the viewer, the governorates its filters offer, and one
/// page of its list.
pub struct Listed<T> {
    pub viewer: Option<Viewer>,
    pub governorates: Vec<Governorate>,
    pub connection: Connection<T>,
}

/// The part of a list page's data around its list.
#[derive(Deserialize)]
struct Frame {
    viewer: Option<Viewer>,
    #[serde(default)]
    governorates: Vec<Governorate>,
}

/// Runs a list page's `query` (which asks for `VIEWER`, `governorates` and the
/// [`Filters::FIELD`] connection) for one page with `filters`.
pub async fn load<F: Filters, T: DeserializeOwned>(
    state: &AppState,
    ctx: &Ctx,
    query: &str,
    filters: &F,
) -> Result<Listed<T>, Failure> {
    let query = query.replace("VIEWER", VIEWER_FIELDS);
    let mut variables = filters.arguments();
    variables["first"] = PAGE_SIZE.into();
    variables["after"] = filters.after().into();
    let mut data: serde_json::Value = gql::run(state, ctx, &query, variables).await.into_data()?;
    let connection = gql::decode(data[F::FIELD].take())?;
    let Frame {
        viewer,
        governorates,
    } = gql::decode(data)?;
    Ok(Listed {
        viewer,
        governorates,
        connection,
    })
}

/// A value as typed, trimmed; `None` when nothing is left.
pub fn keep(value: Option<String>) -> Option<String> {
    value
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// [`keep`], and only when it is one of `allowed`.
pub fn known(value: Option<String>, allowed: &[&str]) -> Option<String> {
    keep(value).filter(|s| allowed.contains(&s.as_str()))
}

/// [`keep`], cut to `max` characters.
pub fn at_most(value: Option<String>, max: usize) -> Option<String> {
    keep(value).map(|s| s.chars().take(max).collect())
}

/// The filters' form: a GET of the list itself, so that every filtered page has its own
/// link; `fields` are its filters, then come the buttons.
pub fn filter_form<F: Filters>(l: Locale, filters: &F, fields: Markup) -> Markup {
    html! {
        form.card.filters method="get" action=(F::PATH) role="search" aria-label=(t(l, Msg::Filters)) {
            (fields)
            div.actions {
                button type="submit" { (t(l, Msg::ApplyFilters)) }
                @if filters.is_filtered() {
                    a href=(F::PATH) { (t(l, Msg::ClearFilters)) }
                }
            }
        }
    }
}

/// One filter of the form: its label, then its control (whose `id` is `id`).
pub fn filter(l: Locale, id: &str, label: Msg, control: Markup) -> Markup {
    html! {
        div {
            label for=(id) { (t(l, label)) }
            (control)
        }
    }
}

/// The page's rows, one `row` per node, in a table captioned with their count (`count`:
/// its label and what is counted), or the `empty` message when there are none.
pub fn rows<T>(
    l: Locale,
    connection: &Connection<T>,
    empty: Msg,
    count: (Msg, Count),
    head: Markup,
    row: impl Fn(&T) -> Markup,
) -> Markup {
    html! {
        @if connection.nodes.is_empty() {
            p.card { (t(l, empty)) }
        } @else {
            (table::framed(
                Some(table::count(l, count.0, count.1, connection.total_count, connection.nodes.len())),
                head,
                html! { @for node in &connection.nodes { (row(node)) } },
            ))
        }
    }
}

/// The links that download the list as filtered, all pages: `stem` (`/referrals`) with
/// `.xlsx` and with `.csv`.
pub fn download_link<F: Filters>(l: Locale, filters: &F, stem: &str) -> Markup {
    download_links(
        l,
        &filters.href_at(&format!("{stem}.xlsx"), None),
        &filters.href_at(&format!("{stem}.csv"), None),
    )
}

/// A workbook's download and, beside it, the same table as CSV.
pub fn download_links(l: Locale, xlsx: &str, csv: &str) -> Markup {
    html! {
        p.downloads {
            a.button.secondary href=(xlsx) download { (t(l, Msg::DownloadXlsx)) }
            " "
            a.button.secondary href=(csv) download { (t(l, Msg::DownloadCsv)) }
        }
    }
}

/// Back to the first page, on to the next.
pub fn pager<F: Filters>(l: Locale, filters: &F, page: &PageInfo) -> Markup {
    html! {
        nav.pager aria-label=(t(l, Msg::Pagination)) {
            @if filters.after().is_some() {
                a.button.secondary href=(filters.href(None)) { (t(l, Msg::FirstPage)) }
            }
            @if page.has_next_page {
                @if let Some(cursor) = &page.end_cursor {
                    a.button href=(filters.href(Some(cursor))) rel="next" { (t(l, Msg::NextPage)) }
                }
            }
        }
    }
}
