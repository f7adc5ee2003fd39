use std::sync::Arc;

use crate::tests::fake::{get, viewer_data, Fake, SESSION};

#[tokio::test]
async fn without_a_session_home_redirects_to_login() {
    let fake = Arc::new(Fake::new());
    let answer = get(&fake, "/", None).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/login");
}

#[tokio::test]
async fn an_expired_session_redirects_to_login_and_forgets_the_cookie() {
    let fake = Arc::new(Fake::new().data("viewer", serde_json::json!({ "viewer": null })));
    let answer = get(&fake, "/", Some(SESSION)).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/login");
    assert!(answer
        .cookie("sanad_session")
        .is_some_and(|c| c.contains("Max-Age=0")));
}

#[tokio::test]
async fn home_greets_the_viewer_with_role_and_organisation() {
    let fake = Arc::new(Fake::new().data("viewer", viewer_data("NRM_CASEWORKER")));
    let answer = get(&fake, "/", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains("أمل حسن"));
    assert!(answer.body.contains("أخصائي الحالة"));
    assert!(answer.body.contains("مكتب الموصل"));
    assert!(answer.body.contains(r#"href="/organizations""#));
    assert!(answer.body.contains(r#"href="/organizations/org-1""#));
    // The sign-out form carries the CSRF token.
    assert!(answer.body.contains(r#"name="csrf" value="right-token""#));
}

#[tokio::test]
async fn an_unauthenticated_error_from_the_api_redirects_to_login() {
    let fake = Arc::new(Fake::new().error("viewer", "UNAUTHENTICATED", "سجّل الدخول"));
    let answer = get(&fake, "/organizations", Some(SESSION)).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/login");
}

#[tokio::test]
async fn a_case_worker_with_nothing_waiting_is_told_so() {
    let fake = Arc::new(
        Fake::new()
            .data("actionNeeded", serde_json::json!({ "actionNeeded": [] }))
            .data("viewer", viewer_data("NRM_CASEWORKER")),
    );
    let answer = get(&fake, "/", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains("ما ينتظرك"));
    assert!(answer.body.contains("لا شيء ينتظرك الآن."));
}

#[tokio::test]
async fn a_queue_it_may_not_read_leaves_the_box_out_but_keeps_the_page() {
    let fake = Arc::new(
        Fake::new()
            .error("actionNeeded", "FORBIDDEN", "ممنوع")
            .data("viewer", viewer_data("PROVIDER_STAFF")),
    );
    let answer = get(&fake, "/", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains("أمل حسن"));
    assert!(!answer.body.contains("ما ينتظرك"));
}

#[tokio::test]
async fn the_secretariat_is_not_asked_for_a_queue() {
    let fake = Arc::new(Fake::new().data("viewer", viewer_data("SECRETARIAT_ADMIN")));
    let answer = get(&fake, "/", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(!fake.was_asked("actionNeeded"));
}

#[tokio::test]
async fn a_referral_no_provider_can_take_waits_in_the_offices_queue() {
    let fake = Arc::new(
        Fake::new()
            .data(
                "actionNeeded",
                serde_json::json!({ "actionNeeded": [{
                    "reason": "NO_PROVIDER_AVAILABLE",
                    "referral": {
                        "id": "r-9", "caseNumber": "NRM-NI-2026-000009", "status": "OPEN",
                        "governorate": { "code": "IQ-NI", "nameAr": "نينوى", "nameEn": "Ninewa" }
                    }
                }] }),
            )
            .data("viewer", viewer_data("NRM_CASEWORKER")),
    );
    let answer = get(&fake, "/", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains(r#"href="/referrals/r-9""#));
    assert!(answer.body.contains("لا يستطيع أي مقدّم خدمة استلامها الآن"));
}
