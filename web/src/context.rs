//! [`Ctx`]: what every page needs to know about the request before it asks the API
//! anything — the locale, the session token, and where the request went (for the
//! language switch links).

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::Method;
use axum_extra::extract::CookieJar;

use crate::i18n::{self, Digits, Locale, LANG_COOKIE};
use crate::SESSION_COOKIE;

/// The request's locale, session and location.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub locale: Locale,
    /// The value of the [`SESSION_COOKIE`] cookie, if any.
    pub session: Option<String>,
    /// Path of the request (`/organizations`).
    pub path: String,
    /// Raw query string of the request, if any.
    pub query: Option<String>,
    /// The page the language links lead to: the request itself for a GET, the page
    /// the form belongs to for a POST (`/organizations/x/verify` → `/organizations/x`).
    pub page_path: String,
}

impl Ctx {
    /// A link to the same page in another language: the same path and query, with
    /// `lang` replaced (and a one-off `done` notice dropped).
    pub fn switch_href(&self, locale: Locale) -> String {
        self.same_page_with("lang", locale.code())
    }

    /// A link to the same page in other digits, as [`Ctx::switch_href`] for languages.
    pub fn digits_href(&self, digits: Digits) -> String {
        self.same_page_with("digits", digits.code())
    }

    /// The page the switches lead to, its query without the switches' own parameters
    /// (each link sets one, the cookie keeps the other) and with `key=value`.
    fn same_page_with(&self, key: &str, value: &str) -> String {
        let query = if self.page_path == self.path {
            self.query.as_deref().unwrap_or_default()
        } else {
            ""
        };
        let mut params: Vec<&str> = query
            .split('&')
            // `done=` announces an action that just succeeded: not worth repeating.
            .filter(|p| {
                !p.is_empty()
                    && !p.starts_with("lang=")
                    && !p.starts_with("digits=")
                    && !p.starts_with("done=")
            })
            .collect();
        let chosen = format!("{key}={value}");
        params.push(&chosen);
        format!("{}?{}", self.page_path, params.join("&"))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        let query = parts.uri.query().map(str::to_string);
        let browser = parts
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let locale = i18n::resolve(
            query.as_deref(),
            jar.get(LANG_COOKIE).map(|c| c.value()),
            browser,
        );
        let session = jar
            .get(SESSION_COOKIE)
            .map(|c| c.value().to_string())
            .filter(|v| !v.is_empty());
        let path = parts.uri.path().to_string();
        let page_path = if parts.method == Method::GET || parts.method == Method::HEAD {
            path.clone()
        } else {
            page_of_form(&path)
        };
        Ok(Ctx {
            locale,
            session,
            path,
            query,
            page_path,
        })
    }
}

/// The page a form posting to `path` lives on.
fn page_of_form(path: &str) -> String {
    match path {
        "/login" => "/login".to_string(),
        "/logout" => "/".to_string(),
        // The new-referral form posts to its own address.
        "/referrals/new" => "/referrals/new".to_string(),
        other => match other.rsplit_once('/') {
            Some((parent, _)) if !parent.is_empty() => parent.to_string(),
            _ => "/".to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_links_keep_the_rest_of_the_query() {
        let ctx = Ctx {
            locale: Locale::Ar,
            session: None,
            path: "/organizations".into(),
            query: Some("kind=NGO&lang=ar&done=verified&after=abc".into()),
            page_path: "/organizations".into(),
        };
        assert_eq!(
            ctx.switch_href(Locale::En),
            "/organizations?kind=NGO&after=abc&lang=en"
        );
    }

    #[test]
    fn digits_links_keep_the_rest_of_the_query_but_not_a_language_link() {
        let ctx = Ctx {
            locale: Locale::Ar,
            session: None,
            path: "/organizations".into(),
            query: Some("q=x&lang=ckb&digits=latn".into()),
            page_path: "/organizations".into(),
        };
        assert_eq!(
            ctx.digits_href(Digits::ArabicIndic),
            "/organizations?q=x&digits=arab"
        );
        assert_eq!(ctx.switch_href(Locale::Ar), "/organizations?q=x&lang=ar");
    }

    #[test]
    fn language_links_of_a_form_post_lead_to_the_form_page() {
        assert_eq!(
            page_of_form("/organizations/abc/suspend"),
            "/organizations/abc"
        );
        assert_eq!(page_of_form("/logout"), "/");
        assert_eq!(page_of_form("/login"), "/login");
        assert_eq!(page_of_form("/referrals/new"), "/referrals/new");
        assert_eq!(page_of_form("/referrals/r-1/personal"), "/referrals/r-1");
    }
}
