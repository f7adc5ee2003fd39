use std::sync::Arc;

use crate::tests::fake::{
    anbar, get, ninewa, post, ran_a_mutation, viewer, viewer_data, Fake, SESSION,
};

/// A urlencoded form body.
fn body(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", crate::url::encode(k), crate::url::encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn governorates() -> serde_json::Value {
    serde_json::json!({ "governorates": [ninewa(), anbar()] })
}

fn filled(csrf: &str) -> Vec<(&'static str, String)> {
    vec![
        ("csrf", csrf.to_string()),
        ("commandId", "cmd-new-1".to_string()),
        ("beneficiaryType", "RETURNEE_FROM_ABROAD".to_string()),
        ("returnCountry", "de".to_string()),
        ("governorate", "IQ-AN".to_string()),
        ("district", "الفلوجة".to_string()),
        ("sex", "FEMALE".to_string()),
        ("ageBand", "FROM_25_TO_34".to_string()),
        ("householdSize", "6".to_string()),
        ("vulnerabilities", "FEMALE_HEADED_HOUSEHOLD".to_string()),
        ("vulnerabilities", "CHRONIC_ILLNESS".to_string()),
        ("needs", "LEGAL".to_string()),
        ("priority.LEGAL", "HIGH".to_string()),
        ("needs", "HOUSING".to_string()),
        ("priority.HOUSING", "LOW".to_string()),
        ("priority.MEDICAL", "HIGH".to_string()),
        ("consent.givenBy", "PERSON".to_string()),
        ("consent.givenOn", "2026-01-04".to_string()),
        ("consent.shareWithProviders", "true".to_string()),
        ("consent.expiresOn", "".to_string()),
        ("personal.fullName", "زينب كاظم".to_string()),
        ("personal.phone", "+964 770 000 0000".to_string()),
        ("personal.dateOfBirth", "1994".to_string()),
        ("personal.idDocumentType", "".to_string()),
        ("personal.idDocumentNumber", "A123".to_string()),
        ("personal.address", "".to_string()),
        ("personal.notes", "تحتاج متابعة".to_string()),
        ("open", "true".to_string()),
    ]
}

fn as_body(pairs: &[(&'static str, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    body(&borrowed)
}

#[tokio::test]
async fn the_form_has_every_section_and_opens_by_default() {
    let fake = Arc::new(Fake::new().data(
        "governorates",
        serde_json::json!({ "viewer": viewer("NRM_CASEWORKER"), "governorates": [ninewa(), anbar()] }),
    ));
    let answer = get(&fake, "/referrals/new", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    let body = &answer.body;
    assert!(body.contains(r#"action="/referrals/new""#));
    assert!(body.contains(r#"name="csrf" value="right-token""#));
    assert!(body.contains(r#"name="commandId" value=""#));
    assert!(body.contains("بيانات شخصية وحساسة — سرية"));
    assert!(body.contains(r#"class="card confidential""#));
    assert!(body.contains(r#"name="personal.fullName""#));
    assert!(body.contains(r#"name="priority.LEGAL""#));
    assert!(body.contains(r#"value="FEMALE_HEADED_HOUSEHOLD""#));
    assert!(body.contains(r#"<option value="IQ-AN">الأنبار</option>"#));
    assert!(body.contains(r#"name="open" value="true" checked"#));
    assert_eq!(answer.headers.get("cache-control").unwrap(), "no-store");
}

#[tokio::test]
async fn only_nrm_roles_get_the_form() {
    let fake = Arc::new(Fake::new().data(
        "governorates",
        serde_json::json!({ "viewer": viewer("PROVIDER_STAFF"), "governorates": [] }),
    ));
    let answer = get(&fake, "/referrals/new", Some(SESSION)).await;
    assert_eq!(answer.status, 403);
    assert!(!answer.body.contains("personal.fullName"));
}

#[tokio::test]
async fn the_form_posts_needs_with_priorities_consent_and_personal_data() {
    let fake = Arc::new(
        Fake::new()
            .data(
                "createReferral",
                serde_json::json!({ "createReferral": { "id": "r-new", "caseNumber": "NRM-AN-2026-000001" } }),
            )
            .data("viewer", viewer_data("NRM_CASEWORKER")),
    );
    let answer = post(
        &fake,
        "/referrals/new",
        Some(SESSION),
        &as_body(&filled("right-token")),
    )
    .await;
    assert_eq!(answer.status, 303);
    // The address carries the id only: no personal data in any URL.
    assert_eq!(answer.location(), "/referrals/r-new?done=created");
    let call = fake.call_with("createReferral");
    assert_eq!(call.variables["commandId"], "cmd-new-1");
    let input = &call.variables["input"];
    assert_eq!(input["beneficiaryType"], "RETURNEE_FROM_ABROAD");
    assert_eq!(input["returnCountry"], "DE");
    assert_eq!(input["governorate"], "IQ-AN");
    assert_eq!(input["district"], "الفلوجة");
    assert_eq!(input["sex"], "FEMALE");
    assert_eq!(input["ageBand"], "FROM_25_TO_34");
    assert_eq!(input["householdSize"], 6);
    assert_eq!(
        input["vulnerabilities"],
        serde_json::json!(["FEMALE_HEADED_HOUSEHOLD", "CHRONIC_ILLNESS"])
    );
    // Only the ticked needs, each with its own priority (MEDICAL was not ticked).
    assert_eq!(
        input["needs"],
        serde_json::json!([
            { "category": "HOUSING", "priority": "LOW" },
            { "category": "LEGAL", "priority": "HIGH" }
        ])
    );
    assert_eq!(
        input["consent"],
        serde_json::json!({
            "givenBy": "PERSON",
            "givenOn": "2026-01-04",
            "shareWithProviders": true,
            "mayContact": false,
            "expiresOn": null
        })
    );
    assert_eq!(
        input["personal"],
        serde_json::json!({
            "fullName": "زينب كاظم",
            "phone": "+964 770 000 0000",
            "dateOfBirth": "1994",
            "idDocumentType": null,
            "idDocumentNumber": "A123",
            "address": null,
            "notes": "تحتاج متابعة"
        })
    );
    assert_eq!(input["open"], true);
}

#[tokio::test]
async fn an_unticked_open_box_keeps_a_draft() {
    let fake = Arc::new(
        Fake::new()
            .data(
                "createReferral",
                serde_json::json!({ "createReferral": { "id": "r-new", "caseNumber": "X" } }),
            )
            .data("viewer", viewer_data("NRM_CASEWORKER")),
    );
    let mut pairs = filled("right-token");
    pairs.retain(|(k, _)| *k != "open");
    post(&fake, "/referrals/new", Some(SESSION), &as_body(&pairs)).await;
    assert_eq!(
        fake.call_with("createReferral").variables["input"]["open"],
        false
    );
}

#[tokio::test]
async fn a_validation_error_on_needs_shows_the_message_and_keeps_the_form() {
    let fake = Arc::new(
        Fake::new()
            .field_error(
                "createReferral",
                "VALIDATION",
                "تحتاج الإحالة إلى احتياج واحد على الأقل",
                "needs",
            )
            .data("viewer", viewer_data("NRM_CASEWORKER"))
            .data("governorates", governorates()),
    );
    let mut pairs = filled("right-token");
    pairs.retain(|(k, _)| *k != "needs");
    let answer = post(&fake, "/referrals/new", Some(SESSION), &as_body(&pairs)).await;
    assert_eq!(answer.status, 422);
    let body = &answer.body;
    // The message, above the form and beside the needs.
    assert_eq!(
        body.matches("تحتاج الإحالة إلى احتياج واحد على الأقل")
            .count(),
        2
    );
    assert!(body.contains(r##"href="#f-needs""##));
    assert!(body.contains(r#"id="f-needs-error""#));
    // The governorate stays selected, the other choices too.
    assert!(body.contains(r#"<option value="IQ-AN" selected>الأنبار</option>"#));
    assert!(body.contains(r#"<option value="FROM_25_TO_34" selected>"#));
    assert!(body.contains(r#"value="FEMALE_HEADED_HOUSEHOLD" checked"#));
    assert!(body.contains(r#"value="6""#));
    // The typed personal data is kept for the case worker, on a page never cached.
    assert!(body.contains(r#"value="زينب كاظم""#));
    assert_eq!(answer.headers.get("cache-control").unwrap(), "no-store");
    // The same command id, so a resubmission cannot create the referral twice.
    assert!(body.contains(r#"name="commandId" value="cmd-new-1""#));
    assert!(answer.location().is_empty());
}

#[tokio::test]
async fn a_validation_error_on_a_personal_field_lands_beside_it() {
    let fake = Arc::new(
        Fake::new()
            .field_error(
                "createReferral",
                "VALIDATION",
                "الاسم الكامل مطلوب",
                "personal.fullName",
            )
            .data("viewer", viewer_data("NRM_CASEWORKER"))
            .data("governorates", governorates()),
    );
    let answer = post(
        &fake,
        "/referrals/new",
        Some(SESSION),
        &as_body(&filled("right-token")),
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains(r#"id="f-personal-fullName-error""#));
    assert!(answer
        .body
        .contains(r#"aria-describedby="f-personal-fullName-error""#));
}

#[tokio::test]
async fn the_return_country_is_sent_as_the_code_of_the_name_chosen() {
    let fake = Arc::new(
        Fake::new()
            .data(
                "createReferral",
                serde_json::json!({ "createReferral": { "id": "r-new", "caseNumber": "NRM-AN-2026-000001" } }),
            )
            .data("viewer", viewer_data("NRM_CASEWORKER"))
            .data("governorates", governorates()),
    );
    let mut pairs = filled("right-token");
    for (k, v) in pairs.iter_mut() {
        if *k == "returnCountry" {
            *v = "ألمانيا".to_string();
        }
    }
    let answer = post(&fake, "/referrals/new", Some(SESSION), &as_body(&pairs)).await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        fake.call_with("createReferral").variables["input"]["returnCountry"],
        "DE"
    );
}

#[tokio::test]
async fn a_country_that_does_not_exist_is_refused_naming_the_field() {
    let fake = Arc::new(
        Fake::new()
            .data("viewer", viewer_data("NRM_CASEWORKER"))
            .data("governorates", governorates()),
    );
    let mut pairs = filled("right-token");
    for (k, v) in pairs.iter_mut() {
        if *k == "returnCountry" {
            *v = "أرض الأحلام".to_string();
        }
    }
    let answer = post(&fake, "/referrals/new", Some(SESSION), &as_body(&pairs)).await;
    assert_eq!(answer.status, 422);
    assert!(!ran_a_mutation(&fake));
    assert!(answer
        .body
        .contains("بلد العودة: لا يوجد بلد بهذا الاسم؛ اختر البلد من القائمة."));
    assert!(answer.body.contains(r#"value="أرض الأحلام""#));
    // The list offers every country by its Arabic name.
    assert!(answer.body.contains(r#"<option value="ألمانيا">"#));
}

#[tokio::test]
async fn values_the_schema_cannot_parse_are_refused_before_the_api() {
    let fake = Arc::new(
        Fake::new()
            .data("viewer", viewer_data("NRM_CASEWORKER"))
            .data("governorates", governorates()),
    );
    let mut pairs = filled("right-token");
    for (k, v) in pairs.iter_mut() {
        match *k {
            "householdSize" => *v = "ستة".to_string(),
            "consent.givenOn" => *v = "04/01/2026".to_string(),
            "sex" => *v = "OTHER".to_string(),
            _ => {}
        }
    }
    let answer = post(&fake, "/referrals/new", Some(SESSION), &as_body(&pairs)).await;
    assert_eq!(answer.status, 422);
    assert!(!ran_a_mutation(&fake));
    assert!(answer.body.contains(r#"id="f-householdSize-error""#));
    assert!(answer.body.contains(r#"id="f-consent-givenOn-error""#));
    assert!(answer.body.contains(r#"id="f-sex-error""#));
    assert!(answer.body.contains("أدخل عدداً صحيحاً."));
}

#[tokio::test]
async fn a_wrong_csrf_token_never_creates_anything() {
    let fake = Arc::new(
        Fake::new()
            .data(
                "createReferral",
                serde_json::json!({ "createReferral": { "id": "r-new", "caseNumber": "X" } }),
            )
            .data("viewer", viewer_data("NRM_CASEWORKER")),
    );
    let answer = post(
        &fake,
        "/referrals/new",
        Some(SESSION),
        &as_body(&filled("forged")),
    )
    .await;
    assert_eq!(answer.status, 403);
    assert!(!ran_a_mutation(&fake));
    assert!(!answer.body.contains("زينب كاظم"));
}

#[tokio::test]
async fn a_refusal_by_role_is_shown_with_the_api_message() {
    let fake = Arc::new(
        Fake::new()
            .error("createReferral", "FORBIDDEN", "لا يسمح دورك بإنشاء الإحالات")
            .data("viewer", viewer_data("NRM_CASEWORKER"))
            .data("governorates", governorates()),
    );
    let answer = post(
        &fake,
        "/referrals/new",
        Some(SESSION),
        &as_body(&filled("right-token")),
    )
    .await;
    assert_eq!(answer.status, 403);
    assert!(answer.body.contains("لا يسمح دورك بإنشاء الإحالات"));
}
