use std::sync::Arc;

use crate::tests::fake::{get, post, viewer, Fake, SESSION};

fn governorates() -> serde_json::Value {
    serde_json::json!([
        { "code": "IQ-AN", "nameAr": "الأنبار", "nameEn": "Anbar" },
        { "code": "IQ-NI", "nameAr": "نينوى", "nameEn": "Ninewa" }
    ])
}

fn form_data(role: &str, actions: &[&str]) -> serde_json::Value {
    serde_json::json!({
        "viewer": viewer(role),
        "governorates": governorates(),
        "organization": {
            "id": "org-7", "kind": "NGO", "nameAr": "منظمة الأمل", "nameEn": "Hope Organisation",
            "status": "VERIFIED",
            "governorates": [{ "code": "IQ-NI", "nameAr": "نينوى", "nameEn": "Ninewa" }],
            "viewerActions": actions
        }
    })
}

#[tokio::test]
async fn the_secretariat_registers_an_organisation_and_lands_on_its_profile() {
    let fake = Arc::new(
        Fake::new()
            .data(
                "registerOrganization(",
                serde_json::json!({ "registerOrganization": { "id": "org-new" } }),
            )
            .data("governorates", serde_json::json!({ "viewer": viewer("SECRETARIAT_ADMIN"), "governorates": governorates() }))
            .data("viewer", serde_json::json!({ "viewer": viewer("SECRETARIAT_ADMIN") })),
    );
    let page = get(&fake, "/organizations/new", Some(SESSION)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<h1>تسجيل مؤسسة</h1>"));
    assert!(page
        .body
        .contains(r#"<option value="NGO">منظمة غير حكومية</option>"#));
    assert!(page.body.contains(r#"id="org-gov-IQ-AN""#));
    let answer = post(
        &fake,
        "/organizations/new",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&kind=NGO&nameAr=%D8%A7%D9%84%D9%86%D9%88%D8%B1&nameEn=Al-Nour&governorates=IQ-AN&governorates=IQ-NI",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/organizations/org-new?done=registered");
    let call = fake.call_with("registerOrganization(");
    assert_eq!(
        call.variables["input"],
        serde_json::json!({ "kind": "NGO", "nameAr": "النور", "nameEn": "Al-Nour", "governorates": ["IQ-AN", "IQ-NI"] })
    );
    assert_eq!(call.variables["commandId"], "c-1");
}

#[tokio::test]
async fn a_refused_registration_keeps_what_was_typed() {
    let fake = Arc::new(
        Fake::new()
            .error("registerOrganization(", "VALIDATION", "الاسم بالإنجليزية مطلوب")
            .data("governorates", serde_json::json!({ "viewer": viewer("SECRETARIAT_ADMIN"), "governorates": governorates() }))
            .data("viewer", serde_json::json!({ "viewer": viewer("SECRETARIAT_ADMIN") })),
    );
    let answer = post(
        &fake,
        "/organizations/new",
        Some(SESSION),
        "csrf=right-token&kind=MRC&nameAr=%D8%A7%D9%84%D9%86%D9%88%D8%B1&nameEn=&governorates=IQ-NI",
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("الاسم بالإنجليزية مطلوب"));
    assert!(answer.body.contains(r#"value="MRC" selected"#));
    assert!(answer.body.contains(r#"value="النور""#));
    assert!(answer.body.contains(r#"value="IQ-NI" checked"#));
}

#[tokio::test]
async fn only_the_secretariat_administrator_gets_the_registration_form() {
    let fake = Arc::new(Fake::new().data(
        "governorates",
        serde_json::json!({ "viewer": viewer("PROVIDER_COORDINATOR"), "governorates": governorates() }),
    ));
    let answer = get(&fake, "/organizations/new", Some(SESSION)).await;
    assert_eq!(answer.status, 403);
    assert!(!answer.body.contains("name=\"nameAr\""));
    assert_eq!(get(&fake, "/organizations/new", None).await.status, 303);
}

#[tokio::test]
async fn a_manager_edits_the_profile_from_a_form_filled_with_it() {
    let fake = Arc::new(
        Fake::new()
            .data(
                "updateOrganizationProfile(",
                serde_json::json!({ "updateOrganizationProfile": { "id": "org-7" } }),
            )
            .data(
                "organization(",
                form_data("PROVIDER_COORDINATOR", &["UPDATE_PROFILE"]),
            )
            .data(
                "viewer",
                serde_json::json!({ "viewer": viewer("PROVIDER_COORDINATOR") }),
            ),
    );
    let page = get(&fake, "/organizations/org-7/edit", Some(SESSION)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"value="منظمة الأمل""#));
    assert!(page.body.contains(r#"value="IQ-NI" checked"#));
    assert!(!page.body.contains(r#"value="IQ-AN" checked"#));
    assert!(
        !page.body.contains(r#"name="kind""#),
        "the kind is not edited"
    );
    let answer = post(
        &fake,
        "/organizations/org-7/edit",
        Some(SESSION),
        "csrf=right-token&nameAr=%D8%A7%D9%84%D8%A3%D9%85%D9%84&nameEn=Hope&governorates=IQ-AN",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/organizations/org-7?done=updated");
    let call = fake.call_with("updateOrganizationProfile(");
    assert_eq!(call.variables["id"], "org-7");
    assert_eq!(
        call.variables["input"],
        serde_json::json!({ "nameAr": "الأمل", "nameEn": "Hope", "governorates": ["IQ-AN"] })
    );
}

#[tokio::test]
async fn without_the_grant_the_edit_form_is_refused() {
    let fake = Arc::new(Fake::new().data("organization(", form_data("PROVIDER_STAFF", &[])));
    let answer = get(&fake, "/organizations/org-7/edit", Some(SESSION)).await;
    assert_eq!(answer.status, 403);
    assert!(!answer.body.contains(r#"name="nameAr""#));
}
