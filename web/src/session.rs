//! The session cookie: set after a successful sign-in, cleared at sign-out or when the
//! API no longer knows the session.

use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;

use crate::SESSION_COOKIE;

/// The cookie that carries a session token: HttpOnly, SameSite=Lax, Path=/.
pub fn session_cookie(token: String) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .build()
}

/// The session cookie, `Secure` when the request came over HTTPS: a browser then never
/// sends it over plain HTTP.
pub fn session_cookie_over(token: String, https: bool) -> Cookie<'static> {
    let mut cookie = session_cookie(token);
    cookie.set_secure(https);
    cookie
}

/// A jar that tells the browser to forget the session cookie.
pub fn forget_session() -> CookieJar {
    let mut cookie = session_cookie(String::new());
    cookie.make_removal();
    CookieJar::new().add(cookie)
}
