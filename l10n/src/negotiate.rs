//! How a request picks its language: the `?lang=` link first, then the remembered
//! cookie, then the browser's `Accept-Language`, then Arabic.

use crate::locale::Locale;

/// The value of the `lang` parameter of a raw query string, if it names a locale.
pub fn lang_from_query(query: Option<&str>) -> Option<Locale> {
    query?
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .find_map(Locale::from_code)
}

/// The locale of a request from its query string, its language cookie and its
/// `Accept-Language` header, in that order of precedence; Arabic when none names one.
pub fn negotiate(query: Option<&str>, cookie: Option<&str>, accept: Option<&str>) -> Locale {
    lang_from_query(query)
        .or_else(|| cookie.and_then(Locale::from_code))
        .or_else(|| accept.map(Locale::from_accept_language))
        .unwrap_or_default()
}
