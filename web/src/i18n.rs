//! How a request of the pages picks its language (the [`Locale`] of the `l10n` crate):
//! `?lang=` first (remembered in the [`LANG_COOKIE`] cookie by [`remember_language`]),
//! then that cookie, then Arabic.

use axum::extract::Request;
use axum::http::header::{HeaderValue, SET_COOKIE};
use axum::middleware::Next;
use axum::response::Response;

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "sanad_lang";

/// One year, in seconds: how long the language choice is remembered.
const LANG_COOKIE_MAX_AGE: u32 = 365 * 24 * 60 * 60;

pub use l10n::{lang_from_query, Locale};

/// The locale of a request: `?lang=`, else the cookie, else the browser's
/// `Accept-Language`, else Arabic.
pub fn resolve(query: Option<&str>, cookie: Option<&str>, accept: Option<&str>) -> Locale {
    l10n::negotiate(query, cookie, accept)
}

/// Middleware: when a request carries a valid `?lang=`, the response remembers it in
/// the [`LANG_COOKIE`] cookie, so the next pages keep the language.
pub async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = lang_from_query(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(locale) = chosen {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age={LANG_COOKIE_MAX_AGE}; SameSite=Lax",
            locale.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_wins_over_cookie_and_arabic_is_the_default() {
        assert_eq!(resolve(Some("lang=en"), Some("ckb"), None), Locale::En);
        assert_eq!(resolve(Some("a=1&lang=ckb"), None, None), Locale::Ckb);
        assert_eq!(resolve(Some("lang=fr"), Some("en"), None), Locale::En);
        assert_eq!(resolve(None, Some("xx"), None), Locale::Ar);
        assert_eq!(resolve(None, None, None), Locale::Ar);
    }

    #[test]
    fn the_browser_language_counts_after_the_link_and_the_cookie() {
        let browser = Some("en-GB,en;q=0.9,ar;q=0.8");
        assert_eq!(resolve(None, None, browser), Locale::En);
        assert_eq!(resolve(None, Some("ckb"), browser), Locale::Ckb);
        assert_eq!(resolve(Some("lang=ar"), None, browser), Locale::Ar);
        assert_eq!(resolve(None, None, Some("fr-FR")), Locale::Ar);
    }

    #[test]
    fn kurdish_is_written_right_to_left() {
        assert_eq!(Locale::Ckb.dir(), "rtl");
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::En.dir(), "ltr");
    }
}
