//! The CSRF check of every POST except `/login`: the form's `csrf` field must equal
//! the session's `viewer.csrfToken`, fetched from the API. Nothing else runs when it
//! does not.

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

/// The signed-in viewer when `submitted` is their CSRF token; otherwise
/// [`Failure::Csrf`] (or [`Failure::SignIn`] when there is no session).
pub async fn check(state: &AppState, ctx: &Ctx, submitted: &str) -> Result<Viewer, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let query = format!("query {{ {VIEWER_FIELDS} }}");
    let data: Data = gql::run(state, ctx, &query, serde_json::json!({}))
        .await
        .into_data()?;
    let viewer = data.viewer.ok_or(Failure::SignIn)?;
    let expected = viewer.csrf();
    if expected.is_empty() || !same(submitted.as_bytes(), expected.as_bytes()) {
        tracing::warn!(path = %ctx.path, "web: CSRF token mismatch, request refused");
        return Err(Failure::Csrf);
    }
    Ok(viewer)
}

/// Compares in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn compares_whole_tokens() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
    }
}
