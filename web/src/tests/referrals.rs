use std::sync::Arc;

use super::fake::{get, ninewa, viewer, Fake, SESSION};

fn list(role: &str) -> serde_json::Value {
    serde_json::json!({
        "viewer": viewer(role),
        "governorates": [ninewa()],
        "referrals": {
            "totalCount": 27,
            "pageInfo": { "hasNextPage": true, "endCursor": "c/2" },
            "nodes": [{
                "id": "r-1",
                "caseNumber": "NRM-NI-2026-000123",
                "status": "IN_SERVICE",
                "ageBand": "UNDER_18",
                "sex": "MALE",
                "createdAt": "2026-01-05T09:30:00Z",
                "escalated": false,
                "erased": false,
                "governorate": ninewa(),
                "needs": [{ "category": "CIVIL_DOCUMENTATION", "priority": "HIGH", "delivered": false }],
                "holder": { "id": "org-7", "nameAr": "منظمة الأمل", "nameEn": "Hope Organisation" }
            }]
        }
    })
}

#[tokio::test]
async fn the_office_list_shows_the_referrals_with_their_facts() {
    let fake = Arc::new(Fake::new().data("referrals(", list("NRM_CASEWORKER")));
    let answer = get(
        &fake,
        "/referrals?status=IN_SERVICE&governorate=IQ-NI&case=000123",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    let body = &answer.body;
    assert!(body.contains("<h1>إحالات المكتب</h1>"));
    assert!(body.contains(r#"href="/referrals/r-1""#));
    assert!(body.contains("NRM-NI-2026-000123"));
    assert!(body.contains("قيد تقديم الخدمة"));
    assert!(body.contains("نينوى"));
    assert!(body.contains("الوثائق المدنية"));
    assert!(body.contains("أقل من 18 سنة"));
    assert!(body.contains("ذكر"));
    assert!(body.contains("منظمة الأمل"));
    assert!(body.contains("2026-01-05 09:30 UTC"));
    assert!(body.contains("27"));
    assert!(body.contains(
        r#"href="/referrals?status=IN_SERVICE&amp;governorate=IQ-NI&amp;case=000123&amp;after=c%2F2""#
    ));
    let call = fake.call_with("referrals(");
    assert_eq!(call.variables["first"], 20);
    assert_eq!(call.variables["status"], "IN_SERVICE");
    assert_eq!(call.variables["governorate"], "IQ-NI");
    assert_eq!(call.variables["caseNumber"], "000123");
}

#[tokio::test]
async fn a_provider_sees_the_list_as_my_cases() {
    let fake = Arc::new(Fake::new().data("referrals(", list("PROVIDER_STAFF")));
    let answer = get(&fake, "/referrals?status=BOGUS", Some(SESSION)).await;
    assert!(answer.body.contains("<h1>حالاتي</h1>"));
    assert!(fake.call_with("referrals(").variables["status"].is_null());
}

#[tokio::test]
async fn without_a_session_the_list_redirects_to_login() {
    let fake = Arc::new(Fake::new());
    let answer = get(&fake, "/referrals", None).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/login");
    assert!(fake.calls().is_empty());
}
