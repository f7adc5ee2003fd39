//! The three languages of the interface and how a request picks one: `?lang=` first
//! (remembered in the [`LANG_COOKIE`] cookie by [`remember_language`]), then that
//! cookie, then Arabic.

use axum::extract::Request;
use axum::http::header::{HeaderValue, SET_COOKIE};
use axum::middleware::Next;
use axum::response::Response;

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "sanad_lang";

/// One year, in seconds: how long the language choice is remembered.
const LANG_COOKIE_MAX_AGE: u32 = 365 * 24 * 60 * 60;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// Arabic, the default.
    #[default]
    Ar,
    /// English.
    En,
    /// Kurdish (Sorani), written right to left.
    Ckb,
}

impl Locale {
    /// Every locale, in the order the language switch shows them.
    pub const ALL: [Locale; 3] = [Locale::Ar, Locale::En, Locale::Ckb];

    /// Parses `ar`, `en` or `ckb` (case-insensitive); anything else is `None`.
    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" => Some(Locale::Ar),
            "en" => Some(Locale::En),
            "ckb" => Some(Locale::Ckb),
            _ => None,
        }
    }

    /// The code sent to the API and written in `lang=""`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::En => "en",
            Locale::Ckb => "ckb",
        }
    }

    /// Writing direction: `rtl` for Arabic and Kurdish, `ltr` for English.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar | Locale::Ckb => "rtl",
            Locale::En => "ltr",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Ar => "العربية",
            Locale::En => "English",
            Locale::Ckb => "کوردی",
        }
    }

    /// Whether Arabic-script names (an organisation's `nameAr`, a governorate's
    /// `nameAr`) are the natural ones to show first.
    pub fn prefers_arabic_names(self) -> bool {
        !matches!(self, Locale::En)
    }
}

/// The value of the `lang` parameter of a raw query string, if it names a locale.
pub fn lang_from_query(query: Option<&str>) -> Option<Locale> {
    query?
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .find_map(Locale::from_code)
}

/// The locale of a request: `?lang=`, else the cookie, else Arabic.
pub fn resolve(query: Option<&str>, cookie: Option<&str>) -> Locale {
    lang_from_query(query)
        .or_else(|| cookie.and_then(Locale::from_code))
        .unwrap_or_default()
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
        assert_eq!(resolve(Some("lang=en"), Some("ckb")), Locale::En);
        assert_eq!(resolve(Some("a=1&lang=ckb"), None), Locale::Ckb);
        assert_eq!(resolve(Some("lang=fr"), Some("en")), Locale::En);
        assert_eq!(resolve(None, Some("xx")), Locale::Ar);
        assert_eq!(resolve(None, None), Locale::Ar);
    }

    #[test]
    fn kurdish_is_written_right_to_left() {
        assert_eq!(Locale::Ckb.dir(), "rtl");
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::En.dir(), "ltr");
    }
}
