use std::sync::Arc;

use crate::tests::fake::{get, viewer, Fake, SESSION};
use crate::tests::xlsx::{first_sheet, right_to_left};

fn page(has_next: bool) -> serde_json::Value {
    let ninewa = serde_json::json!({ "code": "IQ-NI", "nameAr": "نينوى", "nameEn": "Ninewa" });
    let erbil = serde_json::json!({ "code": "IQ-AR", "nameAr": "أربيل", "nameEn": "Erbil" });
    serde_json::json!({
        "viewer": viewer("NRM_CASEWORKER"),
        "governorates": [ninewa, erbil],
        "organizations": {
            "totalCount": 41,
            "pageInfo": { "hasNextPage": has_next, "endCursor": "Y3Vyc29y+/=" },
            "nodes": [{
                "id": "org-7",
                "kind": "NGO",
                "nameAr": "منظمة الأمل",
                "nameEn": "Hope Organisation",
                "status": "VERIFIED",
                "governorates": [ninewa, erbil],
                "services": [{ "category": "LEGAL" }, { "category": "HOUSING" }]
            }]
        }
    })
}

#[tokio::test]
async fn the_directory_shows_arabic_names_and_a_next_page_link() {
    let fake = Arc::new(Fake::new().data("organizations(", page(true)));
    let answer = get(
        &fake,
        "/organizations?kind=NGO&q=%D8%A3%D9%85%D9%84",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.contains("نينوى"));
    assert!(answer.body.contains("أربيل"));
    assert!(answer.body.contains("منظمة الأمل"));
    assert!(answer.body.contains("Hope Organisation"));
    assert!(answer.body.contains("منظمة غير حكومية"));
    assert!(answer.body.contains("موثّقة"));
    assert!(answer.body.contains("<td>2</td>"));
    assert!(answer.body.contains("41"));
    // Next page keeps the filters and carries the cursor, encoded.
    assert!(answer.body.contains(
        r#"href="/organizations?kind=NGO&amp;q=%D8%A3%D9%85%D9%84&amp;after=Y3Vyc29y%2B%2F%3D""#
    ));
    assert!(answer.body.contains("الصفحة التالية"));
    let call = fake.call_with("organizations(");
    assert_eq!(call.variables["first"], 20);
    assert_eq!(call.variables["kind"], "NGO");
    assert_eq!(call.variables["search"], "أمل");
    assert!(call.variables["status"].is_null());
}

#[tokio::test]
async fn no_next_page_link_on_the_last_page() {
    let fake = Arc::new(Fake::new().data("organizations(", page(false)));
    let answer = get(&fake, "/organizations?after=abc", Some(SESSION)).await;
    assert!(!answer.body.contains("الصفحة التالية"));
    assert!(answer.body.contains("الصفحة الأولى"));
    assert_eq!(fake.call_with("organizations(").variables["after"], "abc");
}

#[tokio::test]
async fn unknown_filter_values_are_dropped_not_sent() {
    let fake = Arc::new(Fake::new().data("organizations(", page(false)));
    let answer = get(
        &fake,
        "/organizations?kind=SPACESHIP&status=",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    let call = fake.call_with("organizations(");
    assert!(call.variables["kind"].is_null());
    assert!(call.variables["status"].is_null());
}

#[tokio::test]
async fn english_readers_see_english_governorate_names_beside_the_arabic() {
    let fake = Arc::new(Fake::new().data("organizations(", page(false)));
    let answer = get(&fake, "/organizations?lang=en", Some(SESSION)).await;
    assert!(answer.body.contains("Ninewa"));
    assert!(answer.body.contains("نينوى"));
    assert!(answer.body.contains("Non-governmental organisation"));
}

#[tokio::test]
async fn the_directory_downloads_under_its_filters_with_services_named() {
    let mut first = page(true);
    first["organizations"]["nodes"][0]["registeredAt"] = "2026-03-01T08:00:00Z".into();
    let mut last = page(false);
    last["organizations"]["nodes"][0]["nameEn"] = "Second Organisation".into();
    let fake = Arc::new(Fake::new().pages("organizations(", vec![first, last]));
    let answer = get(
        &fake,
        "/organizations.xlsx?kind=NGO&governorate=IQ-NI&lang=en",
        Some(SESSION),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert!(!right_to_left(&answer.bytes));
    let (name, rows) = first_sheet(&answer.bytes);
    assert_eq!(name, "Service directory");
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(
        rows[1][..7],
        [
            "منظمة الأمل",
            "Hope Organisation",
            "Non-governmental organisation",
            "Verified",
            "Ninewa, Erbil",
            "Legal support, Housing",
            "2026-03-01 11:00",
        ]
    );
    assert_eq!(rows[2][1], "Second Organisation");
    let calls = fake.calls();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[1].variables["after"], "Y3Vyc29y+/=");
    assert!(calls
        .iter()
        .all(|c| c.variables["kind"] == "NGO" && c.variables["governorate"] == "IQ-NI"));

    let fake = Arc::new(Fake::new().data("organizations(", page(false)));
    let listed = get(&fake, "/organizations?kind=NGO", Some(SESSION)).await;
    assert!(listed
        .body
        .contains(r#"href="/organizations.xlsx?kind=NGO""#));
    assert!(listed
        .body
        .contains(r#"href="/organizations.csv?kind=NGO""#));
}
