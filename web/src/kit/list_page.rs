//! A list page: its filters live in the URL (so a filtered page can be linked and
//! reloaded), a hand-edited link still shows a page (unknown values are dropped), the
//! pager walks the API's cursors, and the download link asks for every page as
//! filtered.

use std::future::Future;

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::response::Response;
use maud::{html, Markup};

use crate::context::Ctx;
use crate::failure::{respond, Failure};

use crate::i18n::Locale;
use crate::messages::{t, Msg};
use crate::model::PageInfo;
use crate::url;

/// The filters of one list page, as its query string carries them.
pub trait Filters: Default {
    /// The list's own page (`/referrals`).
    const PATH: &'static str;

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

/// The link that downloads the list as filtered, all pages (`download` is its path).
pub fn download_link<F: Filters>(l: Locale, filters: &F, download: &str) -> Markup {
    html! {
        p { a.button.secondary href=(filters.href_at(download, None)) download { (t(l, Msg::DownloadXlsx)) } }
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
