use std::sync::Arc;

use super::fake::{get, post, viewer, Fake, SESSION};

fn profile(role: &str, status: &str) -> serde_json::Value {
    serde_json::json!({
        "viewer": viewer(role),
        "organization": {
            "id": "org-7",
            "kind": "NGO",
            "nameAr": "منظمة الأمل",
            "nameEn": "Hope Organisation",
            "status": status,
            "registeredAt": "2025-01-05T09:30:00Z",
            "verifiedAt": null,
            "suspendedReason": null,
            "governorates": [{ "code": "IQ-NI", "nameAr": "نينوى", "nameEn": "Ninewa" }],
            "services": [{
                "category": "HLP_DISPUTE",
                "monthlyCapacity": 35,
                "governorates": [{ "code": "IQ-AN", "nameAr": "الأنبار", "nameEn": "Anbar" }]
            }]
        }
    })
}

fn history() -> serde_json::Value {
    serde_json::json!({ "organization": { "id": "org-7", "history": {
        "nodes": [{
            "position": 12,
            "eventType": "OrganizationRegistered",
            "occurredAt": "2025-01-05T09:30:00Z",
            "actorUser": "admin.sec",
            "actorRole": "SECRETARIAT_ADMIN"
        }],
        "pageInfo": { "hasNextPage": true, "endCursor": "h1" }
    } } })
}

fn members() -> serde_json::Value {
    serde_json::json!({ "organization": { "id": "org-7", "members": [
        { "userId": "u1", "username": "sara", "displayName": "سارة علي", "role": "PROVIDER_COORDINATOR" }
    ] } })
}

#[tokio::test]
async fn the_profile_shows_services_members_and_history() {
    let fake = Arc::new(
        Fake::new()
            .data("members", members())
            .data("history(", history())
            .data("organization(", profile("PROVIDER_STAFF", "PENDING")),
    );
    let answer = get(&fake, "/organizations/org-7", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains("منظمة الأمل"));
    assert!(answer.body.contains("قيد التحقق"));
    assert!(answer.body.contains("تسوية نزاعات الأراضي والممتلكات"));
    assert!(answer.body.contains("الأنبار"));
    assert!(answer.body.contains("<td>35</td>"));
    assert!(answer.body.contains("سارة علي"));
    assert!(answer.body.contains("تسجيل المؤسسة"));
    assert!(answer.body.contains("admin.sec"));
    assert!(answer.body.contains("2025-01-05 09:30 UTC"));
    assert!(answer.body.contains("/organizations/org-7?after=h1"));
    // Not an administrator: no command forms.
    assert!(!answer.body.contains("/organizations/org-7/verify"));
}

#[tokio::test]
async fn members_are_hidden_when_the_api_forbids_them() {
    let fake = Arc::new(
        Fake::new()
            .error("members", "FORBIDDEN", "غير مسموح")
            .data("history(", history())
            .data("organization(", profile("EMPLOYER", "VERIFIED")),
    );
    let answer = get(&fake, "/organizations/org-7", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(!answer.body.contains("members-heading"));
    assert!(!answer.body.contains("غير مسموح"));
    assert!(answer.body.contains("history-heading"));
}

#[tokio::test]
async fn an_unknown_organisation_is_a_404_page() {
    let fake = Arc::new(Fake::new().error("organization(", "NOT_FOUND", "لا توجد مؤسسة"));
    let answer = get(&fake, "/organizations/nope", Some(SESSION)).await;
    assert_eq!(answer.status, 404);
    assert!(answer.body.contains("الصفحة غير موجودة"));
}

#[tokio::test]
async fn a_null_organisation_is_a_404_page_too() {
    let fake = Arc::new(Fake::new().data(
        "organization(",
        serde_json::json!({ "viewer": viewer("EMPLOYER"), "organization": null }),
    ));
    let answer = get(&fake, "/organizations/nope", Some(SESSION)).await;
    assert_eq!(answer.status, 404);
}

#[tokio::test]
async fn an_administrator_gets_verify_and_suspend_forms_for_a_pending_organisation() {
    let fake = Arc::new(
        Fake::new()
            .data("members", members())
            .data("history(", history())
            .data("organization(", profile("SECRETARIAT_ADMIN", "PENDING")),
    );
    let answer = get(&fake, "/organizations/org-7", Some(SESSION)).await;
    let body = &answer.body;
    assert!(body.contains(r#"action="/organizations/org-7/verify""#));
    assert!(body.contains(r#"action="/organizations/org-7/suspend""#));
    assert!(!body.contains(r#"action="/organizations/org-7/reinstate""#));
    assert!(body.contains(r#"name="csrf" value="right-token""#));
    assert!(body.contains(r#"name="commandId" value=""#));
    // Every form gets its own command id.
    let ids: Vec<&str> = body
        .split(r#"name="commandId" value=""#)
        .skip(1)
        .map(|rest| &rest[..36])
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

#[tokio::test]
async fn a_suspended_organisation_can_be_reinstated() {
    let fake = Arc::new(
        Fake::new()
            .data("members", members())
            .data("history(", history())
            .data("organization(", profile("SECRETARIAT_ADMIN", "SUSPENDED")),
    );
    let answer = get(&fake, "/organizations/org-7?done=suspended", Some(SESSION)).await;
    assert!(answer
        .body
        .contains(r#"action="/organizations/org-7/reinstate""#));
    assert!(!answer
        .body
        .contains(r#"action="/organizations/org-7/suspend""#));
    assert!(answer.body.contains("تم تعليق المؤسسة."));
}

#[tokio::test]
async fn a_refused_command_shows_the_api_message_on_the_profile() {
    let fake = Arc::new(
        Fake::new()
            .error("verifyOrganization", "CONFLICT", "المؤسسة موثّقة مسبقاً")
            .data("members", members())
            .data("history(", history())
            .data("organization(", profile("SECRETARIAT_ADMIN", "VERIFIED"))
            .data(
                "viewer",
                serde_json::json!({ "viewer": viewer("SECRETARIAT_ADMIN") }),
            ),
    );
    let answer = post(
        &fake,
        "/organizations/org-7/verify",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&note=",
    )
    .await;
    assert_eq!(answer.status, 409);
    assert!(answer.body.contains("المؤسسة موثّقة مسبقاً"));
    assert!(answer.body.contains("منظمة الأمل"));
    // The language links lead back to the profile, not to the POST-only address.
    assert!(answer
        .body
        .contains(r#"href="/organizations/org-7?lang=en""#));
    assert!(fake.call_with("verifyOrganization").variables["note"].is_null());
}
