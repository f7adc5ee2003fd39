use std::sync::Arc;

use crate::tests::fake::{get, post, viewer, Fake, SESSION};

#[tokio::test]
async fn a_failed_sign_in_shows_the_api_message_and_sets_no_cookie() {
    let fake = Arc::new(Fake::new().error(
        "login(",
        "UNAUTHENTICATED",
        "اسم المستخدم أو كلمة المرور غير صحيحة",
    ));
    let answer = post(&fake, "/login", None, "username=amal&password=wrong").await;
    assert!(answer.status.is_client_error());
    assert!(answer
        .body
        .contains("اسم المستخدم أو كلمة المرور غير صحيحة"));
    assert!(answer.body.contains(r#"value="amal""#));
    assert!(answer.cookie("sanad_session").is_none());
}

#[tokio::test]
async fn a_successful_sign_in_sets_an_http_only_cookie_and_goes_home() {
    let fake = Arc::new(Fake::new().data(
        "login(",
        serde_json::json!({ "login": { "sessionToken": "tok-new", "csrfToken": "c", "viewer": viewer("NGO") } }),
    ));
    let answer = post(&fake, "/login", None, "username=amal&password=s%3Ecret").await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/");
    let cookie = answer.cookie("sanad_session").expect("session cookie");
    assert!(cookie.starts_with("sanad_session=tok-new"));
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(cookie.contains("Path=/"));
    let call = fake.call_with("login(");
    assert_eq!(call.variables["u"], "amal");
    assert_eq!(call.variables["p"], "s>cret");
}

#[tokio::test]
async fn an_empty_form_is_refused_without_asking_the_api() {
    let fake = Arc::new(Fake::new());
    let answer = post(&fake, "/login?lang=en", None, "username=&password=").await;
    assert!(answer.status.is_client_error());
    assert!(answer.body.contains("Enter your username and password."));
    assert!(fake.calls().is_empty());
}

#[tokio::test]
async fn an_unavailable_api_is_not_a_server_error() {
    let fake = Arc::new(Fake::new().error("login(", "UNAVAILABLE", "الخدمة غير متاحة"));
    let answer = post(&fake, "/login", None, "username=a&password=b").await;
    assert_ne!(answer.status, 500);
    assert!(answer.body.contains("الخدمة غير متاحة"));
}

#[tokio::test]
async fn signing_out_ends_the_session_and_forgets_the_cookie() {
    let fake = Arc::new(
        Fake::new()
            .data("logout", serde_json::json!({ "logout": true }))
            .data("viewer", serde_json::json!({ "viewer": viewer("NGO") })),
    );
    let answer = post(&fake, "/logout", Some(SESSION), "csrf=right-token").await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/login");
    assert!(fake.was_asked("logout"));
    let cookie = answer.cookie("sanad_session").expect("removal cookie");
    assert!(cookie.contains("Max-Age=0"));
}

#[tokio::test]
async fn the_sign_in_page_needs_no_api_call() {
    let fake = Arc::new(Fake::new());
    let answer = get(&fake, "/login", None).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains(r#"name="username""#));
    assert!(answer.body.contains(r#"autocomplete="current-password""#));
    assert!(fake.calls().is_empty());
}
