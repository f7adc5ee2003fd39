use std::sync::Arc;

use crate::tests::fake::{get, ninewa, post, ran_a_mutation, viewer, viewer_data, Fake, SESSION};

fn referral(role: &str, status: &str) -> serde_json::Value {
    serde_json::json!({
        "viewer": viewer(role),
        "referral": {
            "id": "r-1",
            "caseNumber": "NRM-NI-2026-000123",
            "status": status,
            "beneficiaryType": "IDP",
            "returnCountry": null,
            "district": "الموصل",
            "sex": "FEMALE",
            "ageBand": "FROM_35_TO_49",
            "householdSize": 4,
            "vulnerabilities": ["DISABILITY"],
            "nextFollowUp": "2026-02-01",
            "escalated": true,
            "erased": false,
            "noProviderAvailable": false,
            "createdAt": "2026-01-05T09:30:00Z",
            "openedAt": "2026-01-05T09:31:00Z",
            "claimedAt": null,
            "closedAt": null,
            "waitingHours": null,
            "governorate": ninewa(),
            "needs": [
                { "category": "LEGAL", "priority": "HIGH", "delivered": true },
                { "category": "MEDICAL", "priority": "MEDIUM", "delivered": false }
            ],
            "consent": {
                "givenBy": "GUARDIAN",
                "givenOn": "2026-01-04",
                "shareWithProviders": true,
                "mayContact": false,
                "expiresOn": null
            },
            "results": if status == "CLOSED" {
                serde_json::json!([{ "category": "LEGAL", "outcome": "PARTLY_RESOLVED", "reason": "NO_CAPACITY", "note": "أُحيل لاحقاً" }])
            } else {
                serde_json::json!([])
            },
            "office": { "id": "org-1", "nameAr": "مكتب الموصل", "nameEn": "Mosul office" },
            "holder": { "id": "org-7", "nameAr": "منظمة الأمل", "nameEn": "Hope Organisation" }
        }
    })
}

fn timeline() -> serde_json::Value {
    serde_json::json!({ "referral": { "id": "r-1", "timeline": {
        "nodes": [
            {
                "position": 40, "eventType": "ReferralCreated", "occurredAt": "2026-01-05T09:30:00Z",
                "actorUser": "u-9", "actorLabel": "amal", "actorRole": "NRM_CASEWORKER"
            },
            {
                "position": 41, "eventType": "PersonalDataViewed", "occurredAt": "2026-01-06T10:00:00Z",
                "actorUser": "u-3", "actorLabel": null, "actorRole": "PROVIDER_STAFF"
            }
        ],
        "pageInfo": { "hasNextPage": false, "endCursor": null }
    } } })
}

fn personal() -> serde_json::Value {
    serde_json::json!({ "viewPersonalData": {
        "fullName": "زينب كاظم",
        "phone": "+964 770 000 0000",
        "dateOfBirth": null,
        "idDocumentType": null,
        "idDocumentNumber": "A123",
        "address": null,
        "notes": null
    } })
}

/// A fake answering the page's queries, with `before` rules first.
fn fake_with(before: Fake, role: &str, status: &str) -> Arc<Fake> {
    Arc::new(
        before
            .data("timeline(", timeline())
            .data("referral(id", referral(role, status))
            .data("viewer", viewer_data(role)),
    )
}

fn form_actions(body: &str) -> Vec<String> {
    body.split(r#"action="/referrals/r-1/"#)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_page_shows_facts_needs_consent_and_timeline() {
    let fake = fake_with(Fake::new(), "NRM_CASEWORKER", "IN_SERVICE");
    let answer = get(&fake, "/referrals/r-1?done=created", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    let body = &answer.body;
    assert!(body.contains("سُجّلت الإحالة."));
    assert!(body.contains("NRM-NI-2026-000123"));
    assert!(body.contains("قيد تقديم الخدمة"));
    assert!(body.contains("متأخرة — أُبلغ المشرف"));
    assert!(body.contains("نازح داخلياً"));
    assert!(body.contains("35 إلى 49 سنة"));
    assert!(body.contains("إعاقة"));
    assert!(body.contains("مكتب الموصل"));
    assert!(body.contains("منظمة الأمل"));
    // Needs, with the delivered one ticked.
    assert!(body.contains("الدعم القانوني"));
    assert!(body.contains("المساعدات الطبية"));
    assert!(body.contains("قُدّمت الخدمة"));
    assert!(body.contains("لم تُقدَّم بعد"));
    // Consent.
    assert!(body.contains("وليّ الأمر"));
    assert!(body.contains("2026-01-04"));
    assert!(body.contains("بلا تاريخ انتهاء"));
    // Timeline, localised, with the actor's label (or id when there is none).
    assert!(body.contains("تسجيل الإحالة"));
    assert!(body.contains("الاطلاع على البيانات الشخصية"));
    assert!(body.contains(">amal<"));
    assert!(body.contains(">u-3<"));
    assert_eq!(fake.call_with("timeline(").variables["first"], 50);
    // No personal data on the page, and nothing that would fetch it by GET.
    assert!(!body.contains("زينب"));
    assert!(!body.contains(r#"href="/referrals/r-1/personal""#));
    assert!(!ran_a_mutation(&fake));
}

#[tokio::test]
async fn the_forms_follow_the_status() {
    let cases: [(&str, &[&str], &[&str]); 5] = [
        (
            "OPEN",
            &["claim", "withdraw"],
            &["accept", "close", "reopen", "transfer"],
        ),
        (
            "CLAIMED",
            &["accept", "decline", "transfer"],
            &["claim", "start", "close"],
        ),
        (
            "ACCEPTED",
            &["start", "close", "transfer"],
            &["deliver", "accept"],
        ),
        (
            "IN_SERVICE",
            &["deliver", "close", "transfer", "withdraw"],
            &["start", "reopen"],
        ),
        (
            "CLOSED",
            &["reopen"],
            &["withdraw", "close", "claim", "transfer"],
        ),
    ];
    for (status, present, absent) in cases {
        let fake = fake_with(Fake::new(), "NRM_SUPERVISOR", status);
        let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
        let actions = form_actions(&answer.body);
        for action in present
            .iter()
            .chain(["follow-up", "consent", "personal", "erase"].iter())
        {
            assert!(
                actions.iter().any(|a| a == action),
                "{status}: {action} missing in {actions:?}"
            );
        }
        for action in absent {
            assert!(
                !actions.iter().any(|a| a == action),
                "{status}: {action} shown"
            );
        }
    }
}

#[tokio::test]
async fn delivery_is_offered_for_undelivered_needs_only() {
    let fake = fake_with(Fake::new(), "PROVIDER_STAFF", "IN_SERVICE");
    let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    let actions = form_actions(&answer.body);
    assert_eq!(actions.iter().filter(|a| *a == "deliver").count(), 1);
    assert!(answer.body.contains(r#"name="category" value="MEDICAL""#));
    assert!(!answer.body.contains(r#"name="category" value="LEGAL""#));
    // Every form carries the CSRF token and its own command id.
    let forms = actions.len();
    assert_eq!(
        answer
            .body
            .matches(r#"name="csrf" value="right-token""#)
            .count(),
        forms + 1
    );
    let ids: Vec<&str> = answer
        .body
        .split(r#"name="commandId" value=""#)
        .skip(1)
        .map(|rest| &rest[..36])
        .collect();
    assert_eq!(ids.len(), forms);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[tokio::test]
async fn a_closed_referral_shows_its_results() {
    let fake = fake_with(Fake::new(), "SECRETARIAT_AUDITOR", "CLOSED");
    let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    assert!(answer.body.contains("نتائج الإغلاق"));
    assert!(answer.body.contains("لُبّي جزئياً"));
    assert!(answer.body.contains("لا توجد سعة"));
    assert!(answer.body.contains("أُحيل لاحقاً"));
}

#[tokio::test]
async fn an_unknown_referral_is_a_404_page() {
    let fake = Arc::new(Fake::new().error("referral(id", "NOT_FOUND", "لا توجد إحالة"));
    let answer = get(&fake, "/referrals/nope", Some(SESSION)).await;
    assert_eq!(answer.status, 404);
}

#[tokio::test]
async fn viewing_personal_data_is_a_recorded_post_answered_no_store() {
    let fake = fake_with(
        Fake::new().data("viewPersonalData", personal()),
        "NRM_CASEWORKER",
        "IN_SERVICE",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/personal",
        Some(SESSION),
        "csrf=right-token&commandId=c-9&purpose=%D9%85%D8%AA%D8%A7%D8%A8%D8%B9%D8%A9",
    )
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.headers.get("cache-control").unwrap(), "no-store");
    assert!(answer.body.contains("زينب كاظم"));
    assert!(answer.body.contains("A123"));
    assert!(answer.body.contains("سُجّل هذا الاطلاع"));
    let call = fake.call_with("viewPersonalData");
    assert_eq!(call.variables["id"], "r-1");
    assert_eq!(call.variables["purpose"], "متابعة");
    // The language links lead to the referral, not back to the POST-only address.
    assert!(answer.body.contains(r#"href="/referrals/r-1?lang=en""#));
    assert!(!answer.body.contains(r#"href="/referrals/r-1/personal"#));
}

#[tokio::test]
async fn personal_data_cannot_be_fetched_with_a_get() {
    let fake = fake_with(
        Fake::new().data("viewPersonalData", personal()),
        "NRM_CASEWORKER",
        "IN_SERVICE",
    );
    let answer = get(&fake, "/referrals/r-1/personal?purpose=x", Some(SESSION)).await;
    assert!(
        answer.status == 405 || answer.status == 404,
        "got {}",
        answer.status
    );
    assert!(!answer.body.contains("زينب"));
    assert!(fake.calls().is_empty());
}

#[tokio::test]
async fn a_wrong_csrf_token_never_reaches_a_mutation() {
    for path in ["personal", "claim", "erase", "close", "withdraw"] {
        let fake = fake_with(
            Fake::new()
                .data("viewPersonalData", personal())
                .data("mutation", serde_json::json!({})),
            "NRM_SUPERVISOR",
            "IN_SERVICE",
        );
        let answer = post(
            &fake,
            &format!("/referrals/r-1/{path}"),
            Some(SESSION),
            "csrf=forged&commandId=c-1&purpose=x&confirm=yes",
        )
        .await;
        assert_eq!(answer.status, 403, "{path}");
        assert!(!answer.body.contains("زينب"), "{path}");
        assert!(!ran_a_mutation(&fake), "{path}");
        // The only thing asked was who the viewer is (to compare tokens).
        assert!(
            fake.calls().iter().all(|c| c.query.contains("viewer")),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_missing_csrf_token_is_refused_too() {
    let fake = fake_with(Fake::new(), "NRM_SUPERVISOR", "OPEN");
    let answer = post(&fake, "/referrals/r-1/withdraw", Some(SESSION), "").await;
    assert_eq!(answer.status, 403);
    assert!(!ran_a_mutation(&fake));
}

#[tokio::test]
async fn a_successful_action_goes_back_with_a_notice() {
    let fake = fake_with(
        Fake::new().data(
            "withdrawReferral",
            serde_json::json!({ "withdrawReferral": { "id": "r-1", "status": "WITHDRAWN" } }),
        ),
        "NRM_CASEWORKER",
        "OPEN",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/withdraw",
        Some(SESSION),
        "csrf=right-token&commandId=cmd-w&consentWithdrawn=true&note=",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/referrals/r-1?done=withdraw");
    let call = fake.call_with("withdrawReferral");
    assert_eq!(call.variables["commandId"], "cmd-w");
    assert_eq!(call.variables["consentWithdrawn"], true);
    assert!(call.variables["note"].is_null());

    let back = get(&fake, "/referrals/r-1?done=withdraw", Some(SESSION)).await;
    assert!(back.body.contains("سُحبت الإحالة."));
}

#[tokio::test]
async fn closing_sends_an_outcome_per_need() {
    let fake = fake_with(
        Fake::new().data(
            "closeReferral",
            serde_json::json!({ "closeReferral": { "id": "r-1", "status": "CLOSED" } }),
        ),
        "PROVIDER_COORDINATOR",
        "IN_SERVICE",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/close",
        Some(SESSION),
        "csrf=right-token&commandId=c&outcome.LEGAL=RESOLVED&reason.LEGAL=&note.LEGAL=&outcome.MEDICAL=NOT_RESOLVED&reason.MEDICAL=CLIENT_REFUSED&note.MEDICAL=x",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        fake.call_with("closeReferral").variables["results"],
        serde_json::json!([
            { "category": "MEDICAL", "outcome": "NOT_RESOLVED", "reason": "CLIENT_REFUSED", "note": "x" },
            { "category": "LEGAL", "outcome": "RESOLVED", "reason": null, "note": null }
        ])
    );
}

#[tokio::test]
async fn a_refused_action_shows_the_api_message_beside_its_form() {
    let fake = fake_with(
        Fake::new().error("claimReferral", "CONFLICT", "حجز مقدّم خدمة آخر هذه الإحالة"),
        "PROVIDER_STAFF",
        "OPEN",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/claim",
        Some(SESSION),
        "csrf=right-token&commandId=c-1",
    )
    .await;
    assert_eq!(answer.status, 409);
    assert_eq!(
        answer.body.matches("حجز مقدّم خدمة آخر هذه الإحالة").count(),
        2
    );
    assert!(answer.body.contains(r##"href="#act-claim""##));
    assert!(answer.body.contains("NRM-NI-2026-000123"));
}

#[tokio::test]
async fn a_forbidden_decline_keeps_the_typed_reason() {
    let fake = fake_with(
        Fake::new().error("declineReferral", "FORBIDDEN", "لا يسمح دورك بهذا"),
        "NRM_CASEWORKER",
        "CLAIMED",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/decline",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&reason=%D9%84%D8%A7%20%D8%B3%D8%B9%D8%A9",
    )
    .await;
    assert_eq!(answer.status, 403);
    assert!(answer.body.contains("لا يسمح دورك بهذا"));
    assert!(answer.body.contains(">لا سعة</textarea>"));
}

#[tokio::test]
async fn erasing_needs_the_confirmation_box() {
    let fake = fake_with(
        Fake::new().data(
            "eraseBeneficiary",
            serde_json::json!({ "eraseBeneficiary": { "id": "r-1", "status": "OPEN" } }),
        ),
        "NRM_SUPERVISOR",
        "OPEN",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/erase",
        Some(SESSION),
        "csrf=right-token&commandId=c-1",
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("ضع علامة على التأكيد لمحو البيانات."));
    assert!(!ran_a_mutation(&fake));

    let answer = post(
        &fake,
        "/referrals/r-1/erase",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&confirm=yes",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/referrals/r-1?done=erase");
    assert!(fake.was_asked("eraseBeneficiary"));
}

#[tokio::test]
async fn a_follow_up_date_the_schema_cannot_read_is_refused_before_the_api() {
    let fake = fake_with(Fake::new(), "NRM_CASEWORKER", "OPEN");
    let answer = post(
        &fake,
        "/referrals/r-1/follow-up",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&dueOn=2026-02-30&note=",
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("سنة-شهر-يوم"));
    assert!(!ran_a_mutation(&fake));
}

#[tokio::test]
async fn a_refused_reading_of_personal_data_shows_the_message_and_no_data() {
    let fake = fake_with(
        Fake::new().error(
            "viewPersonalData",
            "FORBIDDEN",
            "لا تسمح موافقة الشخص بالاطلاع على بياناته",
        ),
        "PROVIDER_STAFF",
        "IN_SERVICE",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/personal",
        Some(SESSION),
        "csrf=right-token&commandId=c-1&purpose=x",
    )
    .await;
    assert_eq!(answer.status, 403);
    assert!(answer
        .body
        .contains("لا تسمح موافقة الشخص بالاطلاع على بياناته"));
    assert!(!answer.body.contains("personal-heading"));
}

// --- Assigning a case worker and transferring to a provider: pick from lists. ---

const EN: &str = "sanad_session=tok-1; sanad_lang=en";

/// The referral as seen by a member of `org` (the office is org-1, the holder org-7).
fn referral_seen_from(org: &str, role: &str, status: &str) -> serde_json::Value {
    let mut data = referral(role, status);
    data["viewer"]["organization"]["id"] = serde_json::json!(org);
    data
}

fn members() -> serde_json::Value {
    serde_json::json!({ "viewer": { "organization": { "id": "org-1", "members": [
        { "userId": "u-2", "username": "sara", "displayName": "سارة علي", "role": "NRM_CASEWORKER" },
        { "userId": "u-1", "username": "amal", "displayName": "أمل حسن", "role": "NRM_SUPERVISOR" },
        { "userId": "u-5", "username": "karim", "displayName": "كريم جاسم", "role": "PROVIDER_STAFF" }
    ] } } })
}

fn provider(id: &str, ar: &str, en: &str, services: serde_json::Value) -> serde_json::Value {
    serde_json::json!({ "id": id, "nameAr": ar, "nameEn": en, "services": services })
}

fn service(category: &str, governorates: &[&str]) -> serde_json::Value {
    let codes: Vec<_> = governorates
        .iter()
        .map(|c| serde_json::json!({ "code": c }))
        .collect();
    serde_json::json!({ "category": category, "governorates": codes })
}

/// The directory of Ninewa: one provider that fits (MEDICAL in IQ-NI), and three
/// that do not (the holder itself, a need served elsewhere, a service not needed).
fn directory() -> serde_json::Value {
    serde_json::json!({ "organizations": {
        "nodes": [
            provider("org-7", "منظمة الأمل", "Hope Organisation", serde_json::json!([service("LEGAL", &["IQ-NI"])])),
            provider("p-1", "جمعية الشفاء", "Shifa Society", serde_json::json!([service("MEDICAL", &["IQ-NI", "IQ-AN"]), service("HOUSING", &["IQ-NI"])])),
            provider("p-2", "منظمة النور", "Noor Organisation", serde_json::json!([service("MEDICAL", &["IQ-AN"])])),
            provider("p-3", "بيت الإسكان", "Housing House", serde_json::json!([service("HOUSING", &["IQ-NI"])]))
        ],
        "pageInfo": { "hasNextPage": false, "endCursor": null }
    } })
}

fn option_values(body: &str, name: &str) -> Vec<String> {
    let Some(select) = body.split(&format!(r#"name="{name}""#)).nth(1) else {
        return Vec::new();
    };
    let select = select.split("</select>").next().unwrap();
    select
        .split(r#"<option value=""#)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

#[tokio::test]
async fn an_nrm_supervisor_picks_a_case_worker_among_the_office_members() {
    let fake = fake_with(
        Fake::new().data("members {", members()),
        "NRM_SUPERVISOR",
        "IN_SERVICE",
    );
    let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    assert!(form_actions(&answer.body).iter().any(|a| a == "assign"));
    assert!(answer.body.contains("تعيين أخصائي الحالة"));
    // The office's case workers and supervisors, by name and role; nobody else.
    assert_eq!(option_values(&answer.body, "userId"), ["u-2", "u-1"]);
    assert!(answer.body.contains("سارة علي — أخصائي الحالة"));
    assert!(!answer.body.contains("كريم جاسم"));
}

#[tokio::test]
async fn assigning_sends_the_chosen_member_and_comes_back_with_a_notice() {
    let fake = fake_with(
        Fake::new().data("members {", members()).data(
            "assignCaseworker",
            serde_json::json!({ "assignCaseworker": { "id": "r-1", "status": "IN_SERVICE" } }),
        ),
        "NRM_SUPERVISOR",
        "IN_SERVICE",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/assign",
        Some(SESSION),
        "csrf=right-token&commandId=cmd-a&userId=u-2",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/referrals/r-1?done=assign");
    let call = fake.call_with("assignCaseworker");
    assert_eq!(call.variables["id"], "r-1");
    assert_eq!(call.variables["userId"], "u-2");
    assert_eq!(call.variables["commandId"], "cmd-a");

    let back = get(&fake, "/referrals/r-1?done=assign", Some(SESSION)).await;
    assert!(back.body.contains("عُيّن أخصائي الحالة."));
}

#[tokio::test]
async fn a_refused_assignment_shows_the_api_message_in_the_page_language() {
    let fake = fake_with(
        Fake::new().data("members {", members()).error(
            "assignCaseworker",
            "FORBIDDEN",
            "Your role does not allow this",
        ),
        "NRM_SUPERVISOR",
        "IN_SERVICE",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/assign",
        Some(EN),
        "csrf=right-token&commandId=cmd-a&userId=u-2",
    )
    .await;
    assert_eq!(answer.status, 403);
    assert_eq!(fake.call_with("assignCaseworker").locale, "en");
    assert_eq!(
        answer.body.matches("Your role does not allow this").count(),
        2
    );
    assert!(answer.body.contains(r##"href="#act-assign""##));
    // The choice is kept, labelled in English.
    assert!(answer
        .body
        .contains(r#"<option value="u-2" selected>سارة علي — Case worker</option>"#));
}

#[tokio::test]
async fn assigning_nobody_is_refused_before_the_api() {
    let fake = fake_with(
        Fake::new().data("members {", members()),
        "NRM_SUPERVISOR",
        "IN_SERVICE",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/assign",
        Some(SESSION),
        "csrf=right-token&commandId=cmd-a&userId=",
    )
    .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("هذا الحقل مطلوب."));
    assert!(!ran_a_mutation(&fake));
}

#[tokio::test]
async fn a_provider_coordinator_of_the_holder_picks_among_its_staff() {
    let staff = serde_json::json!({ "viewer": { "organization": { "id": "org-7", "members": [
        { "userId": "u-7", "username": "noor", "displayName": "نور كاظم", "role": "PROVIDER_STAFF" },
        { "userId": "u-8", "username": "ali", "displayName": "علي حسين", "role": "MRC_COUNSELLOR" }
    ] } } });
    let fake = Arc::new(
        Fake::new()
            .data("members {", staff)
            .data("timeline(", timeline())
            .data(
                "referral(id",
                referral_seen_from("org-7", "PROVIDER_COORDINATOR", "ACCEPTED"),
            )
            .data("viewer", viewer_data("PROVIDER_COORDINATOR")),
    );
    let answer = get(&fake, "/referrals/r-1?lang=en", Some(SESSION)).await;
    assert_eq!(option_values(&answer.body, "userId"), ["u-7", "u-8"]);
    assert!(answer.body.contains("Assign a case worker"));
    assert!(answer.body.contains("نور كاظم — Service provider staff"));
}

#[tokio::test]
async fn only_those_who_assign_get_the_form_and_the_member_list() {
    // Staff of the holder, a case worker of the office, a supervisor of another office.
    for (org, role) in [
        ("org-7", "PROVIDER_STAFF"),
        ("org-1", "NRM_CASEWORKER"),
        ("org-2", "NRM_SUPERVISOR"),
    ] {
        let fake = Arc::new(
            Fake::new()
                .data("members {", members())
                .data("timeline(", timeline())
                .data("referral(id", referral_seen_from(org, role, "IN_SERVICE"))
                .data("viewer", viewer_data(role)),
        );
        let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
        assert_eq!(answer.status, 200);
        assert!(
            !form_actions(&answer.body).iter().any(|a| a == "assign"),
            "{role} of {org}"
        );
        assert!(!fake.was_asked("members {"), "{role} of {org}");
    }
}

#[tokio::test]
async fn an_office_without_anyone_to_assign_says_so() {
    let nobody =
        serde_json::json!({ "viewer": { "organization": { "id": "org-1", "members": [] } } });
    let fake = fake_with(
        Fake::new().data("members {", nobody),
        "NRM_SUPERVISOR",
        "OPEN",
    );
    let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    assert!(answer
        .body
        .contains("لا يوجد في منظمتك أحد يمكن تعيينه أخصائياً للحالة."));
    assert!(option_values(&answer.body, "userId").is_empty());
    let form = answer.body.split(r#"id="act-assign""#).nth(1).unwrap();
    let form = form.split("</form>").next().unwrap();
    assert!(form.contains("disabled"));
}

#[tokio::test]
async fn transfer_offers_verified_providers_serving_a_need_in_the_governorate() {
    let fake = fake_with(
        Fake::new()
            .data("members {", members())
            .data("organizations(", directory()),
        "NRM_SUPERVISOR",
        "IN_SERVICE",
    );
    let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    let call = fake.call_with("organizations(");
    assert!(call.query.contains("status: VERIFIED"));
    assert_eq!(call.variables["governorate"], "IQ-NI");
    // Not the holder, not a provider serving the need elsewhere or another service.
    assert_eq!(option_values(&answer.body, "providerId"), ["p-1"]);
    assert!(answer.body.contains("جمعية الشفاء — المساعدات الطبية"));
    assert!(!answer
        .body
        .contains(r#"name="providerId" required dir="ltr""#));
    assert!(!answer.body.contains("معرّف مقدّم الخدمة"));

    let english = get(&fake, "/referrals/r-1?lang=en", Some(SESSION)).await;
    assert!(english.body.contains("Shifa Society — Medical"));
    assert!(!english.body.contains("جمعية الشفاء"));
}

#[tokio::test]
async fn transferring_sends_the_chosen_provider() {
    let fake = fake_with(
        Fake::new().data("organizations(", directory()).data(
            "transferReferral",
            serde_json::json!({ "transferReferral": { "id": "r-1", "status": "CLAIMED" } }),
        ),
        "PROVIDER_COORDINATOR",
        "IN_SERVICE",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/transfer",
        Some(SESSION),
        "csrf=right-token&commandId=cmd-t&providerId=p-1&reason=%D9%84%D8%A7%20%D8%B3%D8%B9%D8%A9",
    )
    .await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location(), "/referrals/r-1?done=transfer");
    let call = fake.call_with("transferReferral");
    assert_eq!(call.variables["providerId"], "p-1");
    assert_eq!(call.variables["reason"], "لا سعة");
    assert_eq!(call.variables["commandId"], "cmd-t");
}

#[tokio::test]
async fn a_refused_transfer_shows_the_message_and_keeps_the_choice() {
    let fake = fake_with(
        Fake::new().data("organizations(", directory()).error(
            "transferReferral",
            "CONFLICT",
            "بلغ مقدّم الخدمة سعته لهذا الشهر",
        ),
        "NRM_SUPERVISOR",
        "IN_SERVICE",
    );
    let answer = post(
        &fake,
        "/referrals/r-1/transfer",
        Some(SESSION),
        "csrf=right-token&commandId=cmd-t&providerId=p-1&reason=x",
    )
    .await;
    assert_eq!(answer.status, 409);
    assert_eq!(fake.call_with("transferReferral").locale, "ar");
    assert_eq!(
        answer
            .body
            .matches("بلغ مقدّم الخدمة سعته لهذا الشهر")
            .count(),
        2
    );
    assert!(answer.body.contains(r##"href="#act-transfer""##));
    assert!(answer.body.contains(r#"<option value="p-1" selected>"#));
}

#[tokio::test]
async fn with_no_matching_provider_the_transfer_form_says_why_and_cannot_be_sent() {
    let empty = serde_json::json!({ "organizations": {
        "nodes": [provider("p-2", "منظمة النور", "Noor Organisation", serde_json::json!([service("MEDICAL", &["IQ-AN"])]))],
        "pageInfo": { "hasNextPage": false, "endCursor": null }
    } });
    let fake = fake_with(
        Fake::new().data("organizations(", empty),
        "PROVIDER_COORDINATOR",
        "CLAIMED",
    );
    let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    assert!(answer
        .body
        .contains("لا يوجد مقدّم خدمة معتمد آخر يقدّم أحد احتياجات هذه الإحالة في محافظتها"));
    assert!(option_values(&answer.body, "providerId").is_empty());
    let form = answer.body.split(r#"id="act-transfer""#).nth(1).unwrap();
    let form = form.split("</form>").next().unwrap();
    assert!(form.contains("disabled"));
}

/// Within what the status allows, only the actions the viewer's role and relation allow
/// (`viewerActions`, the domain's policy) get a form: the office sees no claim, the
/// provider no withdrawal.
#[tokio::test]
async fn the_forms_follow_what_the_viewer_may_do() {
    use serde_json::json;
    let seen_with = |role: &str, allowed: serde_json::Value| {
        let mut r = referral(role, "OPEN");
        r["referral"]["viewerActions"] = allowed;
        Arc::new(
            Fake::new()
                .data("timeline(", timeline())
                .data("referral(id", r)
                .data("viewer", viewer_data(role)),
        )
    };
    let office = seen_with(
        "NRM_CASEWORKER",
        json!([
            "WITHDRAW",
            "ADD_FOLLOW_UP",
            "UPDATE_CONSENT",
            "VIEW_PERSONAL_DATA"
        ]),
    );
    let answer = get(&office, "/referrals/r-1", Some(SESSION)).await;
    let actions = form_actions(&answer.body);
    assert!(actions.iter().any(|a| a == "withdraw"), "{actions:?}");
    assert!(actions.iter().any(|a| a == "personal"), "{actions:?}");
    assert!(!actions.iter().any(|a| a == "claim"), "{actions:?}");
    assert!(!actions.iter().any(|a| a == "erase"), "{actions:?}");

    let provider = seen_with("PROVIDER_STAFF", json!(["CLAIM"]));
    let answer = get(&provider, "/referrals/r-1", Some(SESSION)).await;
    assert_eq!(form_actions(&answer.body), vec!["claim".to_string()]);
}

#[tokio::test]
async fn a_referral_no_provider_can_take_says_so_to_its_office() {
    let mut answer = referral("NRM_CASEWORKER", "OPEN");
    answer["referral"]["noProviderAvailable"] = serde_json::json!(true);
    let fake = Arc::new(
        Fake::new()
            .data("timeline(", timeline())
            .data("referral(id", answer)
            .data("viewer", viewer_data("NRM_CASEWORKER")),
    );
    assert!(fake_call_asks_for_it(&fake).await);
    let arabic = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    assert!(arabic
        .body
        .contains("لا يستطيع أي مقدّم خدمة استلام هذه الإحالة الآن"));
    let english = get(&fake, "/referrals/r-1?lang=en", Some(SESSION)).await;
    assert!(english
        .body
        .contains("No provider can take this referral right now"));

    let fake = fake_with(Fake::new(), "NRM_CASEWORKER", "OPEN");
    let body = get(&fake, "/referrals/r-1", Some(SESSION)).await.body;
    assert!(!body.contains("لا يستطيع أي مقدّم خدمة"));
}

async fn fake_call_asks_for_it(fake: &Arc<Fake>) -> bool {
    get(fake, "/referrals/r-1", Some(SESSION)).await;
    fake.call_with("referral(id")
        .query
        .contains("noProviderAvailable")
}

/// A timeline whose steps say what they recorded, as the office reads it (notes shown)
/// or as the Secretariat does (`notes: false`: only that one was written).
fn recorded_steps(notes: bool) -> serde_json::Value {
    let note = |text: &str| {
        if notes {
            serde_json::json!(text)
        } else {
            serde_json::Value::Null
        }
    };
    let event = |position: i64, event_type: &str, step: serde_json::Value| {
        let mut node = serde_json::json!({
            "position": position, "eventType": event_type, "occurredAt": "2026-01-06T10:00:00Z",
            "actorUser": "u-3", "actorLabel": "amal-staff", "actorRole": "PROVIDER_COORDINATOR",
            "actorName": "منسقة منظمة الأمل",
            "needs": [], "results": [], "provider": null, "hasAssignee": false,
            "assigneeName": null, "note": null, "hasNote": false
        });
        for (k, v) in step.as_object().unwrap() {
            node[k] = v.clone();
        }
        node
    };
    serde_json::json!({ "referral": { "id": "r-1", "timeline": {
        "nodes": [
            event(50, "ReferralClaimed", serde_json::json!({
                "provider": { "id": "org-7", "nameAr": "منظمة الأمل", "nameEn": "Hope Organisation" } })),
            event(51, "CaseworkerAssigned", serde_json::json!({
                "hasAssignee": true, "assigneeName": "موظف منظمة الأمل" })),
            event(52, "ServiceDelivered", serde_json::json!({
                "needs": ["LEGAL"], "hasNote": true, "note": note("<script>alert(1)</script> زيارتان") })),
            event(53, "ServiceDelivered", serde_json::json!({ "needs": ["MEDICAL"] })),
            event(54, "FollowUpAdded", serde_json::json!({ "hasNote": true })),
            event(55, "ReferralClosed", serde_json::json!({
                "needs": ["LEGAL", "MEDICAL"],
                "results": [
                    { "category": "LEGAL", "outcome": "RESOLVED", "reason": null, "note": null, "hasNote": false },
                    { "category": "MEDICAL", "outcome": "NOT_RESOLVED", "reason": "NO_CAPACITY", "note": null, "hasNote": false }
                ] }))
        ],
        "pageInfo": { "hasNextPage": false, "endCursor": null }
    } } })
}

/// The text of each timeline row (`data-position`), tags dropped.
fn timeline_rows(body: &str) -> Vec<String> {
    body.split("<tr data-position=")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap_or_default();
            let mut text = String::new();
            let mut in_tag = false;
            for c in row.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect()
}

#[tokio::test]
async fn each_step_of_the_timeline_says_what_it_recorded() {
    let fake = Arc::new(
        Fake::new()
            .data("timeline(", recorded_steps(true))
            .data("referral(id", referral("NRM_CASEWORKER", "CLOSED"))
            .data("viewer", viewer_data("NRM_CASEWORKER")),
    );
    let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    assert_eq!(answer.status, 200);
    let query = &fake.call_with("timeline(").query;
    for field in [
        "actorName",
        "needs",
        "assigneeName",
        "hasNote",
        "provider {",
    ] {
        assert!(query.contains(field), "the timeline asks for {field}");
    }
    let rows = timeline_rows(&answer.body);
    assert_eq!(rows.len(), 6, "{rows:?}");
    assert!(rows[0].contains("مقدّم الخدمة: منظمة الأمل"), "{}", rows[0]);
    assert!(
        rows[1].contains("عُيّن للحالة: موظف منظمة الأمل"),
        "{}",
        rows[1]
    );
    // Who acted, by name.
    assert!(rows[1].contains("منسقة منظمة الأمل"), "{}", rows[1]);
    assert!(rows[2].contains("الدعم القانوني"), "{}", rows[2]);
    assert!(
        rows[2].contains("الملاحظة: &lt;script&gt;alert(1)&lt;/script&gt; زيارتان"),
        "{}",
        rows[2]
    );
    assert!(rows[3].contains("المساعدات الطبية"), "{}", rows[3]);
    assert!(
        !rows[3].contains("الملاحظة"),
        "no note, no line: {}",
        rows[3]
    );
    assert!(rows[4].contains("ملاحظة مختومة"), "{}", rows[4]);
    assert!(
        rows[5].contains("الدعم القانوني: لُبّي الاحتياج"),
        "{}",
        rows[5]
    );
    assert!(rows[5].contains("لا توجد سعة"), "{}", rows[5]);
    assert!(!answer.body.contains("<script>alert"));
}

#[tokio::test]
async fn a_reader_kept_from_the_notes_learns_that_one_was_written() {
    let fake = Arc::new(
        Fake::new()
            .data("timeline(", recorded_steps(false))
            .data("referral(id", referral("SECRETARIAT_AUDITOR", "CLOSED"))
            .data("viewer", viewer_data("SECRETARIAT_AUDITOR")),
    );
    let answer = get(&fake, "/referrals/r-1", Some(SESSION)).await;
    let rows = timeline_rows(&answer.body);
    assert!(rows[2].contains("الدعم القانوني"), "{}", rows[2]);
    assert!(rows[2].contains("كُتبت ملاحظة"), "{}", rows[2]);
    assert!(!answer.body.contains("زيارتان"));
}
