//! Relay pagination: opaque cursors (hex of a small JSON array, so clients cannot depend on
//! their shape), page sizes and costs, and a page built from the rows read for it.

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{ObjectType, OutputType};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::errors::{ApiError, ApiResult};

pub const DEFAULT_PAGE: i32 = 20;
pub const MAX_PAGE: i32 = 100;

pub fn encode<T: Serialize>(value: &T) -> String {
    hex::encode(serde_json::to_vec(value).unwrap_or_default())
}

pub fn decode<T: DeserializeOwned>(cursor: &str) -> ApiResult<T> {
    hex::decode(cursor)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| ApiError::validation("input.bad_cursor", "after"))
}

/// Where the client's `after` cursor, if it sent one, says the page starts.
pub fn after<T: DeserializeOwned>(after: Option<&str>) -> ApiResult<Option<T>> {
    after.map(decode).transpose()
}

/// The page size asked for, checked.
pub fn page_size(first: Option<i32>) -> ApiResult<i64> {
    let n = first.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&n) {
        return Err(ApiError::validation("input.first_out_of_range", "first").arg("max", MAX_PAGE));
    }
    Ok(n as i64)
}

/// A page of `limit` rows from `rows`, read with one row more: that row only tells that a
/// next page exists. `edge` gives a row of the page its cursor and node, or `None` to
/// leave it out; `additional` are the connection's own fields.
pub fn page<R, N, A>(
    rows: Vec<R>,
    limit: i64,
    has_previous: bool,
    additional: A,
    mut edge: impl FnMut(usize, R) -> ApiResult<Option<(String, N)>>,
) -> ApiResult<Connection<String, N, A>>
where
    N: OutputType,
    A: ObjectType,
{
    let has_next = rows.len() as i64 > limit;
    let mut page = Connection::with_additional_fields(has_previous, has_next, additional);
    for (i, row) in rows.into_iter().take(limit as usize).enumerate() {
        if let Some((cursor, node)) = edge(i, row)? {
            page.edges
                .push(Edge::<String, N, EmptyFields>::new(cursor, node));
        }
    }
    Ok(page)
}

/// What a page costs in the complexity limit. A `first` out of range is costed as the
/// largest page: the resolver then refuses it with a range error naming the argument,
/// instead of the whole request being "too complex".
pub fn page_cost(first: Option<i32>, child_complexity: usize) -> usize {
    let n = first.unwrap_or(DEFAULT_PAGE).clamp(0, MAX_PAGE);
    (n as usize).saturating_mul(child_complexity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_out_of_range_page_costs_as_the_largest_one() {
        assert_eq!(page_cost(Some(1_000_000), 3), 300);
        assert_eq!(page_cost(Some(-5), 3), 0);
        assert_eq!(page_cost(None, 2), 40);
        assert!(page_size(Some(1_000_000)).is_err());
    }
}
