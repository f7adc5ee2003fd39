//! A download's rows: every page of a GraphQL connection, walked with its cursor in
//! pages the API's complexity limit allows, up to [`MAX_ROWS`].

use serde::de::DeserializeOwned;

use crate::context::Ctx;
use crate::failure::Failure;
use crate::gql::{self, GqlError};
use crate::i18n::Locale;
use crate::messages::{count, Count};
use crate::model::Connection;
use crate::state::AppState;

/// Most rows one download holds; past it the sheet says so. A list this long is
/// read in a spreadsheet's filters, not scrolled.
pub const MAX_ROWS: usize = 10_000;

/// Rows asked for at a time: a page of 100 referrals would pass the API's complexity
/// limit.
const PAGE_SIZE: i64 = 50;

/// What a download got.
pub struct Rows<T> {
    pub nodes: Vec<T>,
    /// More matched than [`MAX_ROWS`].
    pub truncated: bool,
}

impl<T> Rows<T> {
    /// The line a truncated download carries on its notes sheet.
    pub fn notes(&self, locale: Locale) -> Vec<String> {
        if self.truncated {
            vec![count(locale, Count::ExportTruncated, MAX_ROWS as u64)]
        } else {
            Vec::new()
        }
    }
}

/// Runs `query` (which takes `$first` and `$after`) page after page, [`PAGE_SIZE`] at a
/// time, with `variables` for its other arguments, and gathers the nodes of `field`.
pub async fn collect<T: DeserializeOwned>(
    state: &AppState,
    ctx: &Ctx,
    query: &str,
    field: &str,
    mut variables: serde_json::Value,
) -> Result<Rows<T>, Failure> {
    let mut nodes = Vec::new();
    let mut after: Option<String> = None;
    loop {
        variables["first"] = PAGE_SIZE.into();
        variables["after"] = after.clone().into();
        let mut data: serde_json::Value = gql::run(state, ctx, query, variables.clone())
            .await
            .into_data()?;
        let page: Connection<T> = serde_json::from_value(data[field].take())
            .map_err(|_| Failure::Api(GqlError::internal()))?;
        let more = page.page_info.has_next_page;
        nodes.extend(page.nodes);
        if nodes.len() >= MAX_ROWS {
            let truncated = more || nodes.len() > MAX_ROWS;
            nodes.truncate(MAX_ROWS);
            return Ok(Rows { nodes, truncated });
        }
        match page.page_info.end_cursor {
            Some(cursor) if more => after = Some(cursor),
            _ => {
                return Ok(Rows {
                    nodes,
                    truncated: false,
                })
            }
        }
    }
}
