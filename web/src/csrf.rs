//! The CSRF check of every POST except `/login`: the form's `csrf` field must equal
//! the session's `viewer.csrfToken`, fetched from the API. Nothing else runs when it
//! does not.

use crate::context::Ctx;
use crate::failure::Failure;
use crate::kit::viewer;
use crate::model::Viewer;
use crate::state::AppState;

/// The signed-in viewer when `submitted` is their CSRF token; otherwise
/// [`Failure::Csrf`] (or [`Failure::SignIn`] when there is no session).
pub async fn check(state: &AppState, ctx: &Ctx, submitted: &str) -> Result<Viewer, Failure> {
    let viewer = viewer::signed_in(state, ctx).await?;
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
