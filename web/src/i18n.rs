//! How a request of the pages picks its language (the [`Locale`] of the `l10n` crate):
//! `?lang=` first (remembered in the [`LANG_COOKIE`] cookie by [`remember_language`]),
//! then that cookie, then Arabic; and the digits its numbers are written with
//! ([`Digits`]): `?digits=`, remembered in [`DIGITS_COOKIE`] by [`choose_digits`], Latin
//! unless chosen.

use axum::extract::Request;
use axum::http::header::{HeaderValue, SET_COOKIE};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::CookieJar;

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "sanad_lang";

/// One year, in seconds: how long the language and digits choices are remembered.
const LANG_COOKIE_MAX_AGE: u32 = 365 * 24 * 60 * 60;

pub use l10n::{lang_from_query, Digits, Locale};

/// Name of the cookie that remembers the chosen digits.
pub const DIGITS_COOKIE: &str = "sanad_digits";

tokio::task_local! {
    // The digits the reader of the response being built chose. Every figure, count and
    // date of every page is written through [`shaped`]; passing the choice down to each
    // of them by hand would thread one more argument through every page, for a value
    // that, like the language of the stylesheet, is the same for the whole response.
    static DIGITS: Digits;
}

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
        remember(&mut response, LANG_COOKIE, locale.code());
    }
    response
}

/// Sets the cookie `name` to a choice the reader made (`value`), for a year.
fn remember(response: &mut Response, name: &str, value: &str) {
    let cookie = format!("{name}={value}; Path=/; Max-Age={LANG_COOKIE_MAX_AGE}; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}

/// The value of the `digits` parameter of a raw query string, if it names a choice.
pub fn digits_from_query(query: Option<&str>) -> Option<Digits> {
    query?
        .split('&')
        .filter_map(|pair| pair.strip_prefix("digits="))
        .find_map(Digits::from_code)
}

/// The digits the reader of the response being built chose (Latin outside a request).
pub fn chosen_digits() -> Digits {
    DIGITS.try_with(|digits| *digits).unwrap_or_default()
}

/// `text` (a number, a count, a date the page shows; never a code, a case number or a
/// value typed in a form) in the digits the reader chose, where `locale` writes them.
pub fn shaped(locale: Locale, text: &str) -> String {
    chosen_digits().on(locale).shape(text)
}

/// Middleware: the request's digits — `?digits=`, else the [`DIGITS_COOKIE`] cookie,
/// else Latin — hold for everything rendered while answering it; a `?digits=` is
/// remembered in the cookie, as a language link is.
pub async fn choose_digits(request: Request, next: Next) -> Response {
    let chosen = digits_from_query(request.uri().query());
    let remembered = CookieJar::from_headers(request.headers())
        .get(DIGITS_COOKIE)
        .and_then(|cookie| Digits::from_code(cookie.value()));
    let digits = chosen.or(remembered).unwrap_or_default();
    let mut response = DIGITS.scope(digits, next.run(request)).await;
    if let Some(digits) = chosen {
        remember(&mut response, DIGITS_COOKIE, digits.code());
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
    fn the_digits_link_is_read_from_the_query() {
        assert_eq!(
            digits_from_query(Some("q=1&digits=arab")),
            Some(Digits::ArabicIndic)
        );
        assert_eq!(digits_from_query(Some("digits=roman")), None);
        assert_eq!(digits_from_query(None), None);
    }

    #[tokio::test]
    async fn figures_take_the_digits_chosen_for_the_response_on_arabic_and_kurdish_pages() {
        assert_eq!(shaped(Locale::Ar, "12"), "12", "Latin outside a request");
        DIGITS
            .scope(Digits::ArabicIndic, async {
                assert_eq!(shaped(Locale::Ar, "12 إحالة"), "١٢ إحالة");
                assert_eq!(shaped(Locale::Ckb, "2026"), "٢٠٢٦");
                assert_eq!(shaped(Locale::En, "12 referrals"), "12 referrals");
            })
            .await;
    }

    #[test]
    fn kurdish_is_written_right_to_left() {
        assert_eq!(Locale::Ckb.dir(), "rtl");
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::En.dir(), "ltr");
    }
}
