use std::sync::Arc;

use crate::tests::fake::{get, post, viewer, Fake, SESSION};

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
        }, {
            "position": 14,
            "eventType": "ServiceOffered",
            "occurredAt": "2025-01-06T10:00:00Z",
            "actorUser": "5e50b012-23f9-538a-83bc-987cbbda257e",
            "actorLabel": "sara",
            "actorRole": "PROVIDER_COORDINATOR"
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
    // A person is named by their username, not their account's id.
    assert!(answer.body.contains(r#"<bdi dir="ltr">sara</bdi>"#));
    assert!(!answer.body.contains("5e50b012"));
    assert!(answer
        .body
        .contains("5 كانون الثاني 2025، 12:30 بتوقيت بغداد"));
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

/// The profile as its coordinator gets it, with `actions` granted by the API.
fn managed(actions: &[&str], extra: Fake) -> Arc<Fake> {
    let mut data = profile("PROVIDER_COORDINATOR", "VERIFIED");
    data["organization"]["viewerActions"] = serde_json::json!(actions);
    data["organization"]["memberRoles"] =
        serde_json::json!(["PROVIDER_COORDINATOR", "PROVIDER_STAFF"]);
    data["governorates"] = serde_json::json!([
        { "code": "IQ-AN", "nameAr": "الأنبار", "nameEn": "Anbar" },
        { "code": "IQ-NI", "nameAr": "نينوى", "nameEn": "Ninewa" }
    ]);
    Arc::new(
        extra
            .data("members", members())
            .data("history(", history())
            .data("organization(", data)
            .data(
                "viewer",
                serde_json::json!({ "viewer": viewer("PROVIDER_COORDINATOR") }),
            ),
    )
}

fn service_fake(extra: Fake) -> Arc<Fake> {
    managed(
        &[
            "OFFER_SERVICE",
            "UPDATE_SERVICE",
            "WITHDRAW_SERVICE",
            "VIEW_MEMBERS",
        ],
        extra,
    )
}

fn member_fake(extra: Fake) -> Arc<Fake> {
    managed(
        &[
            "ADD_MEMBER",
            "CHANGE_MEMBER_ROLE",
            "REMOVE_MEMBER",
            "VIEW_MEMBERS",
        ],
        extra,
    )
}

#[tokio::test]
async fn a_coordinator_gets_the_forms_to_offer_change_and_withdraw_services() {
    let fake = service_fake(Fake::new());
    let answer = get(&fake, "/organizations/org-7", Some(SESSION)).await;
    let body = &answer.body;
    assert!(body.contains(r#"action="/organizations/org-7/services""#));
    assert!(body.contains(r#"action="/organizations/org-7/services/withdraw""#));
    assert!(body.contains(r#"name="category" value="HLP_DISPUTE""#));
    assert!(body.contains(r#"href="/organizations/org-7?service=HLP_DISPUTE#service-form""#));
    assert!(body.contains("عرض خدمة أو تعديلها"));
    assert!(body.contains(r#"id="service-gov-IQ-NI""#));
    // Nothing is pre-filled until a service is chosen to change.
    assert!(!body.contains(r#"value="IQ-AN" checked"#));

    let answer = get(
        &fake,
        "/organizations/org-7?service=HLP_DISPUTE",
        Some(SESSION),
    )
    .await;
    let body = &answer.body;
    assert!(body.contains(r#"value="HLP_DISPUTE" selected"#));
    assert!(body.contains(r#"value="IQ-AN" checked"#));
    assert!(!body.contains(r#"value="IQ-NI" checked"#));
    assert!(body.contains(r#"name="monthlyCapacity" min="1" max="100000" step="1" inputmode="numeric" required value="35""#));
}

#[tokio::test]
async fn without_the_service_actions_there_are_no_service_forms() {
    let fake = Arc::new(
        Fake::new()
            .data("members", members())
            .data("history(", history())
            .data("organization(", profile("PROVIDER_STAFF", "VERIFIED")),
    );
    let answer = get(&fake, "/organizations/org-7", Some(SESSION)).await;
    assert!(answer.body.contains("تسوية نزاعات الأراضي والممتلكات"));
    assert!(!answer.body.contains("/services"));
    assert!(!answer.body.contains("service-form"));
}

#[tokio::test]
async fn saving_changes_a_service_offered_and_offers_a_new_one() {
    let fake = service_fake(
        Fake::new()
            .data(
                "updateService(",
                serde_json::json!({ "updateService": { "category": "HLP_DISPUTE" } }),
            )
            .data(
                "offerService(",
                serde_json::json!({ "offerService": { "category": "LEGAL" } }),
            ),
    );
    let answer = post(
        &fake,
        "/organizations/org-7/services",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&category=HLP_DISPUTE&governorates=IQ-AN&governorates=IQ-NI&monthlyCapacity=50",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/organizations/org-7?done=service-saved");
    let call = fake.call_with("updateService(");
    assert_eq!(call.variables["id"], "org-7");
    assert_eq!(call.variables["commandId"], "c-1");
    assert_eq!(
        call.variables["input"],
        serde_json::json!({ "category": "HLP_DISPUTE", "governorates": ["IQ-AN", "IQ-NI"], "monthlyCapacity": 50 })
    );
    assert!(!fake.was_asked("offerService("));

    let answer = post(
        &fake,
        "/organizations/org-7/services",
        Some(SESSION),
        "csrf=right-token&commandId=c-2&category=LEGAL&governorates=IQ-NI&monthlyCapacity=12",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        fake.call_with("offerService(").variables["input"]["category"],
        "LEGAL"
    );

    let page = get(
        &fake,
        "/organizations/org-7?done=service-saved",
        Some(SESSION),
    )
    .await;
    assert!(page.body.contains("حُفظت الخدمة."));
}

#[tokio::test]
async fn a_capacity_that_is_not_a_number_is_answered_on_the_form_with_what_was_typed() {
    let fake = service_fake(Fake::new());
    let answer = post(
        &fake,
        "/organizations/org-7/services",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&category=LEGAL&governorates=IQ-NI&monthlyCapacity=many",
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("اكتب السعة الشهرية عددًا صحيحًا."));
    assert!(answer.body.contains(r#"value="LEGAL" selected"#));
    assert!(answer.body.contains(r#"value="IQ-NI" checked"#));
    assert!(answer.body.contains(r#"value="many""#));
    // Past what the API's Int holds: the same answer, not the engine's.
    let answer = post(
        &fake,
        "/organizations/org-7/services",
        Some(SESSION),
        "csrf=right-token&category=LEGAL&governorates=IQ-NI&monthlyCapacity=99999999999",
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("اكتب السعة الشهرية عددًا صحيحًا."));
    assert!(!fake.was_asked("mutation"));
}

#[tokio::test]
async fn a_service_the_api_refuses_shows_its_message() {
    let fake = service_fake(Fake::new().error(
        "offerService(",
        "VALIDATION",
        "اختر محافظة واحدة على الأقل",
    ));
    let answer = post(
        &fake,
        "/organizations/org-7/services",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&category=LEGAL&monthlyCapacity=10",
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("اختر محافظة واحدة على الأقل"));
    assert!(answer.body.contains(r#"value="10""#));
}

#[tokio::test]
async fn withdrawing_a_service_runs_the_command_for_its_category() {
    let fake = service_fake(Fake::new().data(
        "withdrawService(",
        serde_json::json!({ "withdrawService": true }),
    ));
    let answer = post(
        &fake,
        "/organizations/org-7/services/withdraw",
        Some(SESSION),
        "csrf=right-token&commandId=c-9&category=HLP_DISPUTE",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location(),
        "/organizations/org-7?done=service-withdrawn"
    );
    let call = fake.call_with("withdrawService(");
    assert_eq!(call.variables["category"], "HLP_DISPUTE");
    assert_eq!(call.variables["commandId"], "c-9");

    let forged = post(
        &fake,
        "/organizations/org-7/services/withdraw",
        Some(SESSION),
        "csrf=forged&category=LEGAL",
    )
    .await;
    assert_eq!(forged.status, 403);
    assert_eq!(
        fake.calls()
            .iter()
            .filter(|c| c.query.contains("withdrawService("))
            .count(),
        1
    );
}

#[tokio::test]
async fn a_coordinator_gets_the_member_forms_with_the_roles_the_api_lists() {
    let fake = member_fake(Fake::new());
    let answer = get(&fake, "/organizations/org-7", Some(SESSION)).await;
    let body = &answer.body;
    assert!(body.contains(r#"action="/organizations/org-7/members""#));
    assert!(body.contains(r#"action="/organizations/org-7/members/role""#));
    assert!(body.contains(r#"action="/organizations/org-7/members/remove""#));
    assert!(body.contains(r#"name="userId" value="u1""#));
    assert!(body.contains(r#"<option value="PROVIDER_COORDINATOR" selected>"#));
    assert!(body.contains(r#"<option value="PROVIDER_STAFF">"#));
    assert!(
        !body.contains("SECRETARIAT_ADMIN"),
        "only the roles that fit the organisation"
    );
    assert!(body.contains(r#"type="password" name="password" required minlength="10""#));
    // No service actions were granted this time.
    assert!(!body.contains("service-form"));
}

#[tokio::test]
async fn without_the_member_actions_members_are_only_listed() {
    let fake = Arc::new(
        Fake::new()
            .data("members", members())
            .data("history(", history())
            .data("organization(", profile("PROVIDER_STAFF", "VERIFIED")),
    );
    let answer = get(&fake, "/organizations/org-7", Some(SESSION)).await;
    assert!(answer.body.contains("سارة علي"));
    assert!(answer.body.contains("منسّق لدى مقدّم الخدمة"));
    assert!(!answer.body.contains("/members"));
}

#[tokio::test]
async fn adding_a_member_sends_the_account_and_a_refusal_keeps_all_but_the_password() {
    let fake = member_fake(Fake::new().field_error(
        "createMember(",
        "CONFLICT",
        "اسم المستخدم مستعمل",
        "username",
    ));
    let answer = post(
        &fake,
        "/organizations/org-7/members",
        Some(SESSION),
        "csrf=right-token&commandId=c-5&displayName=%D9%84%D9%8A%D9%84%D9%89&username=layla&password=secret-pass-1&role=PROVIDER_STAFF",
    )
    .await;
    assert_eq!(answer.status, 409);
    assert!(answer.body.contains("اسم المستخدم مستعمل"));
    assert!(answer.body.contains(r#"value="layla""#));
    assert!(answer.body.contains(r#"value="ليلى""#));
    assert!(
        !answer.body.contains("secret-pass-1"),
        "a password is never sent back"
    );
    let call = fake.call_with("createMember(");
    assert_eq!(
        call.variables["input"],
        serde_json::json!({ "username": "layla", "displayName": "ليلى", "password": "secret-pass-1", "role": "PROVIDER_STAFF" })
    );
    assert_eq!(call.variables["commandId"], "c-5");
}

#[tokio::test]
async fn changing_a_role_and_removing_a_member_run_their_commands() {
    let fake = member_fake(
        Fake::new()
            .data(
                "changeMemberRole(",
                serde_json::json!({ "changeMemberRole": { "userId": "u1" } }),
            )
            .data("removeMember(", serde_json::json!({ "removeMember": true })),
    );
    let answer = post(
        &fake,
        "/organizations/org-7/members/role",
        Some(SESSION),
        "csrf=right-token&userId=u1&role=PROVIDER_STAFF",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location(),
        "/organizations/org-7?done=member-changed"
    );
    let call = fake.call_with("changeMemberRole(");
    assert_eq!(call.variables["userId"], "u1");
    assert_eq!(call.variables["role"], "PROVIDER_STAFF");

    let answer = post(
        &fake,
        "/organizations/org-7/members/remove",
        Some(SESSION),
        "csrf=right-token&userId=u1",
    )
    .await;
    assert_eq!(
        answer.location(),
        "/organizations/org-7?done=member-removed"
    );
    assert_eq!(fake.call_with("removeMember(").variables["userId"], "u1");
    let page = get(
        &fake,
        "/organizations/org-7?done=member-removed",
        Some(SESSION),
    )
    .await;
    assert!(page.body.contains("أُزيل العضو"));
}
