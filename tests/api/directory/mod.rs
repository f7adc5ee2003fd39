//! The organisation directory: filters, cursor pagination, and who sees members and history.

mod search;

use std::collections::HashSet;

use sanad_tests::*;
use serde_json::json;

const PAGE: &str = "query($after:String,$kind:OrganizationKind,$g:String,$s:OrganizationStatus,$q:String){
  organizations(first:4, after:$after, kind:$kind, governorate:$g, status:$s, search:$q){
    totalCount pageInfo{ hasNextPage endCursor } edges{ node{ id nameAr nameEn kind status governorates{ code } } } } }";

#[tokio::test]
async fn pages_walk_the_whole_directory_once_in_arabic_order() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let token = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let mut after: Option<String> = None;
    let mut seen = Vec::new();
    let mut total;
    loop {
        let page = ok(app.gql(Some(&token), PAGE, json!({"after": after})).await);
        let c = &page["organizations"];
        total = c["totalCount"].as_i64().unwrap();
        for e in c["edges"].as_array().unwrap() {
            seen.push(e["node"]["nameAr"].as_str().unwrap().to_string());
        }
        if !c["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = c["pageInfo"]["endCursor"].as_str().map(str::to_string);
    }
    let db: i64 = sqlx::query_scalar("SELECT count(*) FROM organizations")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(total, db);
    assert_eq!(seen.len() as i64, db);
    assert_eq!(
        seen.iter().collect::<HashSet<_>>().len(),
        seen.len(),
        "no organisation twice"
    );
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted);
}

#[tokio::test]
async fn filters_narrow_the_directory() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let token = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let q = |vars| {
        let app = &app;
        let token = &token;
        async move { ok(app.gql(Some(token), PAGE, vars).await)["organizations"].clone() }
    };
    let nrm = q(json!({"kind": "NRM_OFFICE"})).await;
    assert_eq!(nrm["totalCount"], 7, "one NRM office per focus governorate");
    let ninewa = q(json!({"g": "iq-ni"})).await;
    for e in ninewa["edges"].as_array().unwrap() {
        let codes: Vec<&str> = e["node"]["governorates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&"IQ-NI"));
    }
    let pending = q(json!({"s": "PENDING"})).await;
    assert_eq!(pending["totalCount"], 2);
    let search = q(json!({"q": "الرافدين"})).await;
    assert_eq!(search["totalCount"], 1);
    assert_eq!(
        search["edges"][0]["node"]["nameEn"],
        "Rafidain Relief Association"
    );
    let search = q(json!({"q": "relief"})).await;
    assert_eq!(
        search["totalCount"], 1,
        "English names are searched without case"
    );
    let none = q(json!({"q": "%"})).await;
    assert_eq!(none["totalCount"], 0, "a % is a character, not a wildcard");

    // The download holds the same organisations.
    let (status, bytes) = app
        .page(Some(&token), "/organizations.xlsx?kind=NRM_OFFICE")
        .await;
    assert_eq!(status, 200);
    let rows = xlsx_cells(&bytes);
    assert_eq!(
        rows.len(),
        1 + 7,
        "a header and the seven offices: {rows:?}"
    );
    assert!(
        rows[1..].iter().all(|r| r[2] == "مكتب آلية الإحالة الوطنية"),
        "{rows:?}"
    );
}

#[tokio::test]
async fn members_and_history_are_for_the_organisation_and_the_secretariat() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let q = "query($id:ID!){ organization(id:$id){ nameAr services{ category monthlyCapacity } members{ username role } history(first:50){ edges{ node{ eventType actorUser commandId } } } } }";
    for who in ["ngo-amal-coordinator", "admin", "auditor"] {
        let token = app.login(who, DEMO_PASSWORD).await;
        let o = ok(app.gql(Some(&token), q, json!({"id": amal})).await);
        assert_eq!(
            o["organization"]["members"].as_array().unwrap().len(),
            2,
            "{who}"
        );
        let types: Vec<&str> = o["organization"]["history"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["eventType"].as_str().unwrap())
            .collect();
        assert_eq!(types[0], "OrganizationRegistered");
        assert!(types.contains(&"MemberAdded"));
    }
    for who in [
        "ngo-amal-staff",
        "ngo-rafidain-coordinator",
        "employer-tigris",
        "nrm-ni-caseworker",
    ] {
        let token = app.login(who, DEMO_PASSWORD).await;
        let body = app.gql(Some(&token), q, json!({"id": amal})).await;
        assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{who}: {body}");
        // The public profile is still there for them.
        let body = ok(app
            .gql(
                Some(&token),
                "query($id:ID!){ organization(id:$id){ nameAr services{ category } } }",
                json!({"id": amal}),
            )
            .await);
        assert_eq!(
            body["organization"]["services"].as_array().unwrap().len(),
            3
        );
    }
}

#[tokio::test]
async fn services_are_offered_updated_and_withdrawn_by_their_coordinator() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let token = app.login("ngo-rafidain-coordinator", DEMO_PASSWORD).await;
    let org = app.org_id("Rafidain Relief Association").await;
    let offer = "mutation($o:ID!,$c:Int!){ offerService(organizationId:$o, input:{category:LEGAL, governorates:[\"IQ-AN\"], monthlyCapacity:$c}){ category monthlyCapacity governorates{ nameAr } } }";
    let made = ok(app
        .gql(Some(&token), offer, json!({"o": org, "c": 12}))
        .await);
    assert_eq!(made["offerService"]["governorates"][0]["nameAr"], "الأنبار");
    let again = app
        .gql(Some(&token), offer, json!({"o": org, "c": 12}))
        .await;
    assert_eq!(code(&again).as_deref(), Some("CONFLICT"));
    let zero = app
        .gql(
            Some(&token),
            offer.replace("offerService", "updateService").as_str(),
            json!({"o": org, "c": 0}),
        )
        .await;
    assert_eq!(code(&zero).as_deref(), Some("VALIDATION"));
    assert_eq!(zero["errors"][0]["extensions"]["field"], "monthlyCapacity");
    let negative = app
        .gql(Some(&token), offer, json!({"o": org, "c": -3}))
        .await;
    assert_eq!(code(&negative).as_deref(), Some("VALIDATION"));
    let updated = ok(app
        .gql(
            Some(&token),
            offer.replace("offerService", "updateService").as_str(),
            json!({"o": org, "c": 30}),
        )
        .await);
    assert_eq!(updated["updateService"]["monthlyCapacity"], 30);
    ok(app
        .gql(
            Some(&token),
            "mutation($o:ID!){ withdrawService(organizationId:$o, category:LEGAL) }",
            json!({"o": org}),
        )
        .await);
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM organization_services WHERE category = 'legal' AND organization_id = $1::uuid")
        .bind(&org)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
    // An employer cannot offer services.
    let employer = app.login("employer-tigris", DEMO_PASSWORD).await;
    let tigris = app.org_id("Tigris Construction Company").await;
    let body = app
        .gql(Some(&employer), offer, json!({"o": tigris, "c": 5}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
}

#[tokio::test]
async fn the_member_list_follows_additions_role_changes_and_removals() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let members = |token: String| {
        let app = &app;
        let amal = amal.clone();
        async move {
            let o = ok(app
                .gql(
                    Some(&token),
                    "query($id:ID!){ organization(id:$id){ members{ username role } } }",
                    json!({"id": amal}),
                )
                .await);
            let mut list: Vec<(String, String)> = o["organization"]["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["username"].as_str().unwrap().to_string(),
                        m["role"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            list.sort();
            list
        }
    };
    let before = members(coordinator.clone()).await;
    assert_eq!(before.len(), 2);

    let user = app
        .create_member(&coordinator, &amal, "amal.new.staff", "PROVIDER_STAFF")
        .await;
    let after_add = members(coordinator.clone()).await;
    assert_eq!(after_add.len(), 3);
    assert!(after_add.contains(&("amal.new.staff".into(), "PROVIDER_STAFF".into())));

    app.change_member_role(&coordinator, &amal, &user, "PROVIDER_COORDINATOR")
        .await;
    let after_change = members(coordinator.clone()).await;
    assert!(after_change.contains(&("amal.new.staff".into(), "PROVIDER_COORDINATOR".into())));
    assert_eq!(after_change.len(), 3);

    app.remove_member(&coordinator, &amal, &user).await;
    assert_eq!(members(coordinator.clone()).await, before);
    // The services, written in the same statements as the members, are untouched.
    let o = ok(app
        .gql(
            Some(&coordinator),
            "query($id:ID!){ organization(id:$id){ services{ category } } }",
            json!({"id": amal}),
        )
        .await);
    assert_eq!(o["organization"]["services"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn each_viewer_is_told_what_it_may_do_with_an_organisation() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let rafidain = app.org_id("Rafidain Relief Association").await;
    let tigris = app.org_id("Tigris Construction Company").await;
    let actions = |user: &'static str, org: String| {
        let app = &app;
        async move {
            let token = app.login(user, DEMO_PASSWORD).await;
            let body = ok(app
                .gql(
                    Some(&token),
                    "query($id:ID!){ organization(id:$id){ viewerActions } }",
                    json!({"id": org}),
                )
                .await);
            body["organization"]["viewerActions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect::<HashSet<_>>()
        }
    };
    let coordinator = actions("ngo-rafidain-coordinator", rafidain.clone()).await;
    for a in [
        "OFFER_SERVICE",
        "UPDATE_SERVICE",
        "WITHDRAW_SERVICE",
        "ADD_MEMBER",
    ] {
        assert!(coordinator.contains(a), "{a}: {coordinator:?}");
    }
    assert!(!coordinator.contains("VERIFY"));
    let staff = actions("ngo-rafidain-staff", rafidain.clone()).await;
    assert!(!staff.contains("OFFER_SERVICE"), "{staff:?}");
    let other = actions("ngo-amal-coordinator", rafidain.clone()).await;
    assert!(other.is_empty(), "another NGO's coordinator: {other:?}");
    let admin = actions("admin", rafidain.clone()).await;
    assert!(admin.contains("VERIFY") && admin.contains("OFFER_SERVICE"));
    let roles = |org: String| {
        let app = &app;
        async move {
            let token = app.login("admin", DEMO_PASSWORD).await;
            ok(app
                .gql(
                    Some(&token),
                    "query($id:ID!){ organization(id:$id){ memberRoles } }",
                    json!({"id": org}),
                )
                .await)["organization"]["memberRoles"]
                .clone()
        }
    };
    assert_eq!(
        roles(rafidain.clone()).await,
        json!(["PROVIDER_COORDINATOR", "PROVIDER_STAFF"])
    );
    assert_eq!(roles(tigris.clone()).await, json!(["EMPLOYER"]));
    let employer = actions("employer-tigris", tigris).await;
    assert!(
        !employer.contains("OFFER_SERVICE"),
        "a company offers no services: {employer:?}"
    );
}

#[tokio::test]
async fn a_coordinator_offers_and_withdraws_a_service_from_the_profile_page() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let org = app.org_id("Rafidain Relief Association").await;
    let (session, csrf) = app.web_login("ngo-rafidain-coordinator").await;
    let submit = |path: String, form: Vec<(&'static str, String)>| {
        let app = &app;
        let session = session.clone();
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form(&session, &path, &form).await
        }
    };
    let services = || async {
        ok(app
            .gql(
                Some(&session),
                "query($id:ID!){ organization(id:$id){ services{ category monthlyCapacity governorates{ code } } } }",
                json!({"id": org}),
            )
            .await)["organization"]["services"]
            .clone()
    };
    let (page_status, page) = app
        .page(Some(&session), &format!("/organizations/{org}"))
        .await;
    assert_eq!(page_status, 200);
    assert!(String::from_utf8(page)
        .unwrap()
        .contains("عرض خدمة أو تعديلها"));

    let (status, page) = submit(
        format!("/organizations/{org}/services"),
        vec![
            ("csrf", csrf.clone()),
            ("category", "LEGAL".into()),
            ("governorates", "IQ-AN".into()),
            ("governorates", "IQ-SD".into()),
            ("monthlyCapacity", "25".into()),
        ],
    )
    .await;
    assert_eq!(status, 200, "redirected back to the profile");
    assert!(page.contains("حُفظت الخدمة."), "{page}");
    let legal = services()
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["category"] == "LEGAL")
        .cloned()
        .expect("LEGAL offered");
    assert_eq!(legal["monthlyCapacity"], 25);
    assert_eq!(legal["governorates"].as_array().unwrap().len(), 2);

    // The same form again changes it instead of being refused as a duplicate.
    let (_, page) = submit(
        format!("/organizations/{org}/services"),
        vec![
            ("csrf", csrf.clone()),
            ("category", "LEGAL".into()),
            ("governorates", "IQ-AN".into()),
            ("monthlyCapacity", "40".into()),
        ],
    )
    .await;
    assert!(page.contains("حُفظت الخدمة."), "{page}");
    let legal = services().await;
    let legal = legal
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["category"] == "LEGAL")
        .unwrap();
    assert_eq!(legal["monthlyCapacity"], 40);

    let (status, page) = submit(
        format!("/organizations/{org}/services/withdraw"),
        vec![("csrf", csrf.clone()), ("category", "LEGAL".into())],
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("سُحبت الخدمة"), "{page}");
    assert!(!services()
        .await
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["category"] == "LEGAL"));

    // Another organisation's coordinator is refused, and nothing changes.
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let (status, page) = submit(
        format!("/organizations/{amal}/services"),
        vec![
            ("csrf", csrf),
            ("category", "HOUSING".into()),
            ("governorates", "IQ-NI".into()),
            ("monthlyCapacity", "5".into()),
        ],
    )
    .await;
    assert_eq!(status, 403, "{page}");
}

#[tokio::test]
async fn a_coordinator_adds_changes_and_removes_a_colleague_from_the_profile_page() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let org = app.org_id("Rafidain Relief Association").await;
    let (session, csrf) = app.web_login("ngo-rafidain-coordinator").await;
    let (session, csrf) = (session.as_str(), csrf.as_str());
    let members = || async {
        ok(app
            .gql(
                Some(session),
                "query($id:ID!){ organization(id:$id){ members{ userId username role } } }",
                json!({"id": org}),
            )
            .await)["organization"]["members"]
            .as_array()
            .unwrap()
            .clone()
    };

    let (status, page) = app
        .post_form(
            session,
            &format!("/organizations/{org}/members"),
            &[
                ("csrf", csrf),
                ("displayName", "ليلى كريم"),
                ("username", "layla.rafidain"),
                ("password", "a-long-first-password"),
                ("role", "PROVIDER_STAFF"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("أُضيف العضو."), "{page}");
    let layla = members()
        .await
        .into_iter()
        .find(|m| m["username"] == "layla.rafidain")
        .expect("the new member is listed");
    assert_eq!(layla["role"], "PROVIDER_STAFF");
    // The colleague signs in with what the coordinator gave.
    app.login("layla.rafidain", "a-long-first-password").await;
    let user = layla["userId"].as_str().unwrap();

    let (_, page) = app
        .post_form(
            session,
            &format!("/organizations/{org}/members/role"),
            &[
                ("csrf", csrf),
                ("userId", user),
                ("role", "PROVIDER_COORDINATOR"),
            ],
        )
        .await;
    assert!(page.contains("تغيّر دور العضو."), "{page}");

    let (_, page) = app
        .post_form(
            session,
            &format!("/organizations/{org}/members/remove"),
            &[("csrf", csrf), ("userId", user)],
        )
        .await;
    assert!(page.contains("أُزيل العضو"), "{page}");
    assert!(!members()
        .await
        .iter()
        .any(|m| m["username"] == "layla.rafidain"));

    // A username already taken is refused on the page, with what was typed kept.
    let (status, page) = app
        .post_form(
            session,
            &format!("/organizations/{org}/members"),
            &[
                ("csrf", csrf),
                ("displayName", "نسخة"),
                ("username", "ngo-rafidain-staff"),
                ("password", "another-long-password"),
                ("role", "PROVIDER_STAFF"),
            ],
        )
        .await;
    assert!((400..500).contains(&status), "{status}");
    assert!(page.contains(r#"value="ngo-rafidain-staff""#));
    assert!(!page.contains("another-long-password"));
}

#[tokio::test]
async fn the_secretariat_registers_and_a_manager_edits_an_organisation_on_the_web() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let (admin, admin_csrf) = app.web_login("admin").await;
    let (status, page) = app
        .post_form(
            &admin,
            "/organizations/new",
            &[
                ("csrf", &admin_csrf),
                ("kind", "NGO"),
                ("nameAr", "جمعية النور للإغاثة"),
                ("nameEn", "Al-Nour Relief Society"),
                ("governorates", "IQ-BA"),
            ],
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("سُجّلت المؤسسة"), "{page}");
    assert!(page.contains("جمعية النور للإغاثة"));
    let nour = ok(app
        .gql(
            Some(&admin),
            "{ organizations(search:\"Al-Nour\"){ nodes{ id status governorates{ code } } } }",
            json!({}),
        )
        .await)["organizations"]["nodes"][0]
        .clone();
    assert_eq!(nour["status"], "PENDING");
    assert_eq!(nour["governorates"][0]["code"], "IQ-BA");

    // A coordinator edits its own organisation's profile, and may not register one.
    let (session, csrf) = app.web_login("ngo-rafidain-coordinator").await;
    let org = app.org_id("Rafidain Relief Association").await;
    let (status, page) = app
        .page(Some(&session), &format!("/organizations/{org}"))
        .await;
    assert_eq!(status, 200);
    assert!(String::from_utf8(page)
        .unwrap()
        .contains(&format!(r#"href="/organizations/{org}/edit""#)));
    let (_, page) = app
        .post_form(
            &session,
            &format!("/organizations/{org}/edit"),
            &[
                ("csrf", &csrf),
                ("nameAr", "جمعية الرافدين للإغاثة الإنسانية"),
                ("nameEn", "Rafidain Relief Association"),
                ("governorates", "IQ-AN"),
                ("governorates", "IQ-NI"),
            ],
        )
        .await;
    assert!(page.contains("حُفظت بيانات المؤسسة."), "{page}");
    let name = ok(app
        .gql(
            Some(&session),
            "query($id:ID!){ organization(id:$id){ nameAr } }",
            json!({"id": org}),
        )
        .await)["organization"]["nameAr"]
        .clone();
    assert_eq!(name, "جمعية الرافدين للإغاثة الإنسانية");
    let (status, _) = app.page(Some(&session), "/organizations/new").await;
    assert_eq!(status, 403);
}
