//! Opaque Relay cursors: hex of a small JSON array, so clients cannot depend on their shape.

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

/// The page size asked for, checked.
pub fn page_size(first: Option<i32>) -> ApiResult<i64> {
    let n = first.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&n) {
        return Err(ApiError::validation("input.first_out_of_range", "first").arg("max", MAX_PAGE));
    }
    Ok(n as i64)
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
