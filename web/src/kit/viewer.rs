//! The signed-in viewer, as every page and every form check reads it first.

use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::Failure;
use crate::gql;
use crate::model::{Viewer, VIEWER_FIELDS};
use crate::state::AppState;

#[derive(Deserialize)]
struct Data {
    viewer: Option<Viewer>,
}

/// The viewer of this session, or [`Failure::SignIn`] when there is no session or the
/// API no longer knows it.
pub async fn signed_in(state: &AppState, ctx: &Ctx) -> Result<Viewer, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let query = format!("query {{ {VIEWER_FIELDS} }}");
    let data: Data = gql::run(state, ctx, &query, serde_json::json!({}))
        .await
        .into_data()?;
    data.viewer.ok_or(Failure::SignIn)
}
