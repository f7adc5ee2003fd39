//! A record's page (an organisation's profile, a referral): read by the id in its path,
//! which names no record at all when the API cannot even parse it.

use serde::de::DeserializeOwned;

use crate::context::Ctx;
use crate::failure::Failure;
use crate::gql::{self, ErrorCode};
use crate::model::VIEWER_FIELDS;
use crate::state::AppState;

/// Runs a record page's `query` (which asks for `VIEWER` and takes `$id`) for `id`.
pub async fn load<T: DeserializeOwned>(
    state: &AppState,
    ctx: &Ctx,
    query: &str,
    id: &str,
) -> Result<T, Failure> {
    let query = query.replace("VIEWER", VIEWER_FIELDS);
    gql::run(state, ctx, &query, serde_json::json!({ "id": id }))
        .await
        .into_data()
        .map_err(|error| match error.code {
            ErrorCode::Validation => Failure::NotFound,
            _ => Failure::from(error),
        })
}
