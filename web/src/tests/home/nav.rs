use std::sync::Arc;

use crate::tests::fake::{get, viewer_data, Fake, SESSION};

async fn home_as(role: &str) -> String {
    let fake = Arc::new(Fake::new().data("viewer", viewer_data(role)));
    let answer = get(&fake, "/", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    // Only the header's navigation, not the page body.
    let nav = answer
        .body
        .split(r#"aria-label="التنقل الرئيسي""#)
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
        .expect("main navigation")
        .to_string();
    nav
}

#[tokio::test]
async fn nrm_case_workers_get_office_referrals_and_new_referral() {
    let nav = home_as("NRM_CASEWORKER").await;
    assert!(nav.contains(r#"href="/referrals""#));
    assert!(nav.contains("إحالات المكتب"));
    assert!(nav.contains(r#"href="/referrals/new""#));
    assert!(nav.contains("إحالة جديدة"));
    assert!(!nav.contains("/referrals/board"));
    assert!(!nav.contains("/statistics"));
    assert!(nav.contains(r#"href="/organizations""#));
}

#[tokio::test]
async fn providers_get_the_board_and_their_cases() {
    for role in ["PROVIDER_COORDINATOR", "PROVIDER_STAFF", "MRC_COUNSELLOR"] {
        let nav = home_as(role).await;
        assert!(nav.contains(r#"href="/referrals/board""#), "{role}");
        assert!(nav.contains("لوحة الإحالات"), "{role}");
        assert!(nav.contains("حالاتي"), "{role}");
        assert!(!nav.contains("/referrals/new"), "{role}");
    }
}

#[tokio::test]
async fn the_secretariat_gets_referrals_and_statistics() {
    for role in ["SECRETARIAT_ADMIN", "SECRETARIAT_AUDITOR"] {
        let nav = home_as(role).await;
        assert!(nav.contains(r#"href="/referrals""#), "{role}");
        assert!(nav.contains(r#"href="/statistics""#), "{role}");
        assert!(nav.contains("الإحصاءات"), "{role}");
        assert!(!nav.contains("/referrals/new"), "{role}");
        assert!(!nav.contains("/referrals/board"), "{role}");
    }
}

#[tokio::test]
async fn an_employer_sees_no_referral_links() {
    let nav = home_as("EMPLOYER").await;
    assert!(!nav.contains("/referrals"));
    assert!(!nav.contains("/statistics"));
    assert!(nav.contains(r#"href="/organizations""#));
    assert!(nav.contains(r#"href="/""#));
}
