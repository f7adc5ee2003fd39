use std::sync::Arc;

use crate::tests::fake::{post, viewer_data, Fake, SESSION};

fn fake() -> Arc<Fake> {
    Arc::new(
        Fake::new()
            .data(
                "suspendOrganization",
                serde_json::json!({ "suspendOrganization": { "id": "org-9", "status": "SUSPENDED" } }),
            )
            .data("logout", serde_json::json!({ "logout": true }))
            .data("viewer", viewer_data("SECRETARIAT_ADMIN")),
    )
}

#[tokio::test]
async fn a_wrong_csrf_token_is_refused_and_the_command_never_runs() {
    let fake = fake();
    let answer = post(
        &fake,
        "/organizations/org-9/suspend",
        Some(SESSION),
        "csrf=forged&commandId=c1&reason=fraud",
    )
    .await;
    assert_eq!(answer.status, 403);
    assert!(answer.body.contains("انتهت صلاحية هذا النموذج"));
    assert!(!fake.was_asked("suspendOrganization"));
}

#[tokio::test]
async fn a_missing_csrf_token_is_refused_too() {
    let fake = fake();
    let answer = post(&fake, "/logout", Some(SESSION), "").await;
    assert_eq!(answer.status, 403);
    assert!(!fake.was_asked("mutation"));
}

#[tokio::test]
async fn the_right_token_runs_the_command_with_its_command_id() {
    let fake = fake();
    let answer = post(
        &fake,
        "/organizations/org-9/suspend",
        Some(SESSION),
        "csrf=right-token&commandId=cmd-42&reason=%D8%AA%D8%B2%D9%88%D9%8A%D8%B1",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/organizations/org-9?done=suspended");
    let call = fake.call_with("suspendOrganization");
    assert_eq!(call.variables["id"], "org-9");
    assert_eq!(call.variables["commandId"], "cmd-42");
    assert_eq!(call.variables["reason"], "تزوير");
}
