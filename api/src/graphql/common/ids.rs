//! Ids as clients send them.

use uuid::Uuid;

use crate::errors::{ApiError, ApiResult};

pub fn parse_id(raw: &str, field: &str) -> ApiResult<Uuid> {
    raw.trim().parse::<Uuid>().map_err(|_| {
        ApiError::validation("input.bad_id", field)
            .arg("value", raw.chars().take(40).collect::<String>())
    })
}
