use std::sync::Arc;

use crate::tests::fake::{get, viewer_data, Fake, SESSION};

#[tokio::test]
async fn pages_are_arabic_right_to_left_by_default() {
    let fake = Arc::new(Fake::new());
    let answer = get(&fake, "/login", None).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(answer.body.contains("تسجيل الدخول"));
    assert!(answer.cookie("sanad_lang").is_none());
    // The language switch offers the three languages.
    assert!(answer.body.contains("العربية"));
    assert!(answer.body.contains("English"));
    assert!(answer.body.contains("کوردی"));
}

#[tokio::test]
async fn lang_en_gives_english_left_to_right_and_is_remembered() {
    let fake = Arc::new(Fake::new());
    let answer = get(&fake, "/login?lang=en", None).await;
    assert!(answer.body.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(answer.body.contains("Sign in"));
    let cookie = answer.cookie("sanad_lang").expect("language cookie");
    assert!(cookie.starts_with("sanad_lang=en;"));
    assert!(cookie.contains("Path=/"));
}

#[tokio::test]
async fn the_language_cookie_is_used_and_sent_to_the_api() {
    let fake = Arc::new(Fake::new().data("viewer", viewer_data("NRM_CASEWORKER")));
    let cookies = format!("{SESSION}; sanad_lang=ckb");
    let answer = get(&fake, "/", Some(&cookies)).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains(r#"<html lang="ckb" dir="rtl">"#));
    assert_eq!(fake.calls()[0].locale, "ckb");
    assert_eq!(fake.calls()[0].session.as_deref(), Some("tok-1"));
}

#[tokio::test]
async fn unknown_paths_get_a_localised_404() {
    let fake = Arc::new(Fake::new());
    let answer = get(&fake, "/nowhere?lang=en", None).await;
    assert_eq!(answer.status, 404);
    assert!(answer.body.contains("Not found"));
}
