//! What viewers read about many referrals: statistics, the action-needed queue, the lists
//! and their counts, and the spreadsheet downloads.

use super::*;

#[tokio::test]
async fn statistics_are_anonymised_and_small_cells_suppressed() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    for _ in 0..5 {
        ok(create(
            &app,
            &caseworker,
            "IQ-NI",
            json!([{"category": "LIVELIHOODS"}]),
        )
        .await);
    }
    let auditor = app.login("auditor", DEMO_PASSWORD).await;
    let s = ok(app
        .gql(
            Some(&auditor),
            "{ referralStatistics { status governorate { code } need count suppressed } }",
            json!({}),
        )
        .await);
    let rows = s["referralStatistics"].as_array().unwrap();
    let livelihoods = rows
        .iter()
        .find(|r| {
            r["need"] == "LIVELIHOODS"
                && r["status"] == "OPEN"
                && r["governorate"]["code"] == "IQ-NI"
        })
        .unwrap();
    assert_eq!(livelihoods["count"], 5);
    assert!(rows
        .iter()
        .filter(|r| r["suppressed"] == true)
        .all(|r| r["count"].is_null()));
    assert!(
        rows.iter().any(|r| r["suppressed"] == true),
        "the seeded single referrals are suppressed"
    );

    // The indicators follow each referral as it moves: a claim takes it out of OPEN.
    let open_psychosocial = |s: &Value| -> Option<i64> {
        s["referralStatistics"].as_array()?.iter().find(|r| {
            r["need"] == "PSYCHOSOCIAL"
                && r["status"] == "OPEN"
                && r["governorate"]["code"] == "IQ-NI"
        })?["count"]
            .as_i64()
    };
    let mut ids = Vec::new();
    for _ in 0..6 {
        let created = ok(create(
            &app,
            &caseworker,
            "IQ-NI",
            json!([{"category": "PSYCHOSOCIAL"}]),
        )
        .await);
        ids.push(
            created["createReferral"]["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let statistics = "{ referralStatistics { status governorate { code } need count suppressed } }";
    let before = open_psychosocial(&ok(app.gql(Some(&auditor), statistics, json!({})).await))
        .expect("six or more open psychosocial referrals are shown");
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    ok(app
        .gql(
            Some(&staff),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": ids[0]}),
        )
        .await);
    let after = open_psychosocial(&ok(app.gql(Some(&auditor), statistics, json!({})).await));
    assert_eq!(after, Some(before - 1));
    let body = app
        .gql(
            Some(&caseworker),
            "{ referralStatistics { count } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
}

#[tokio::test]
async fn the_action_needed_queue_shows_what_waits_for_each_side() {
    let app = TestApp::spawn_with(Options {
        projector: true,
        configure: |c| c.referral_sla_hours = 0,
    })
    .await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let queue = "{ actionNeeded { reason referral { id caseNumber } } }";
    let claimed = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await)["createReferral"]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(app
        .gql(
            Some(&staff),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": claimed}),
        )
        .await);
    let waiting = ok(create(&app, &caseworker, "IQ-NI", json!([{"category": "LEGAL"}])).await)
        ["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    api::referrals::sla::escalate_overdue(&app.state)
        .await
        .unwrap();
    assert!(
        eventually(5, || async {
            let q = app.gql(Some(&caseworker), queue, json!({})).await;
            q["data"]["actionNeeded"].as_array().is_some_and(|items| {
                items
                    .iter()
                    .any(|i| i["reason"] == "ESCALATED" && i["referral"]["id"] == waiting.as_str())
            })
        })
        .await
    );
    let mine = ok(app.gql(Some(&staff), queue, json!({})).await);
    let items = mine["actionNeeded"].as_array().unwrap();
    assert!(
        items.iter().any(
            |i| i["reason"] == "AWAITING_ACCEPTANCE" && i["referral"]["id"] == claimed.as_str()
        ),
        "{mine}"
    );
    assert!(!items
        .iter()
        .any(|i| i["referral"]["id"] == waiting.as_str()));
    let employer = app.login("employer-tigris", DEMO_PASSWORD).await;
    assert_eq!(
        ok(app.gql(Some(&employer), queue, json!({})).await)["actionNeeded"],
        json!([])
    );

    // The home page shows each side what waits for it, in Arabic, linked to the referral.
    let home = |token: String| {
        let app = &app;
        async move {
            let (status, body) = app.page(Some(&token), "/").await;
            assert_eq!(status, 200);
            String::from_utf8(body).unwrap()
        }
    };
    let page = home(staff.clone()).await;
    assert!(page.contains("ما ينتظرك"), "{page}");
    assert!(
        page.contains(&format!(r#"href="/referrals/{claimed}""#)),
        "{page}"
    );
    assert!(
        page.contains("محجوزة لمؤسستك: اقبلها أو اعتذر عنها"),
        "{page}"
    );
    assert!(!page.contains(&format!(r#"href="/referrals/{waiting}""#)));
    let page = home(caseworker.clone()).await;
    assert!(
        page.contains(&format!(r#"href="/referrals/{waiting}""#)),
        "{page}"
    );
    assert!(page.contains("متأخرة — أُبلغ المشرف"), "{page}");
    let page = home(employer.clone()).await;
    assert!(!page.contains("ما ينتظرك"), "an employer has no queue");
}

const LIST: &str = "query($first:Int,$after:String,$s:ReferralStatus,$g:String,$n:String){
  referrals(first:$first, after:$after, status:$s, governorate:$g, caseNumber:$n){
    totalCount pageInfo{ hasNextPage endCursor } nodes{ id status createdAt governorate{ code } } } }";

/// A viewer's list under `filters`, every page of it: its total and the referrals listed
/// (checked to come newest first across the pages).
async fn list(app: &TestApp, token: &str, filters: Value) -> (i64, Vec<(String, String)>) {
    let mut listed = Vec::new();
    let mut after = Value::Null;
    let mut last_created: Option<chrono::DateTime<chrono::Utc>> = None;
    loop {
        let mut vars = filters.clone();
        vars["first"] = json!(7);
        vars["after"] = after;
        let page = ok(app.gql(Some(token), LIST, vars).await)["referrals"].clone();
        for n in page["nodes"].as_array().unwrap() {
            let created: chrono::DateTime<chrono::Utc> =
                n["createdAt"].as_str().unwrap().parse().unwrap();
            assert!(
                last_created.is_none_or(|last| created <= last),
                "{filters}: not newest first"
            );
            last_created = Some(created);
            listed.push((
                n["id"].as_str().unwrap().to_string(),
                n["status"].as_str().unwrap().to_string(),
            ));
        }
        if page["pageInfo"]["hasNextPage"] != true {
            return (page["totalCount"].as_i64().unwrap(), listed);
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
}

#[tokio::test]
async fn every_list_counts_what_it_shows_as_referrals_move() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let supervisor = app.login("nrm-ni-supervisor", DEMO_PASSWORD).await;
    let amal = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let io = app.login("io-coordinator", DEMO_PASSWORD).await;
    let open = json!({"s": "OPEN"});
    let claimed = json!({"s": "CLAIMED", "g": "IQ-NI"});
    let (office_before, _) = list(&app, &caseworker, json!({})).await;
    let (open_before, _) = list(&app, &admin, open.clone()).await;
    let (claimed_before, _) = list(&app, &caseworker, claimed.clone()).await;

    let mut ids = Vec::new();
    let mut case_numbers = Vec::new();
    for _ in 0..3 {
        let r =
            ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await)["createReferral"].clone();
        ids.push(r["id"].as_str().unwrap().to_string());
        case_numbers.push(r["caseNumber"].as_str().unwrap().to_string());
    }
    // Two claimed by Al-Amal; the first handed on to the IO, which then serves Ninewa.
    for id in &ids[..2] {
        claim(&app, &amal, id).await;
    }
    let io_org = app
        .org_id("International Migration Support Organisation")
        .await;
    offer_psychosocial_in_ninewa(&app, &admin, &io_org).await;
    ok(app
        .gql(Some(&supervisor), "mutation($id:ID!,$p:ID!){ transferReferral(id:$id, providerId:$p, reason:\"closer\"){ status } }", json!({"id": ids[0], "p": io_org}))
        .await);

    // The totals moved with the referrals.
    assert_eq!(
        list(&app, &caseworker, json!({})).await.0,
        office_before + 3
    );
    assert_eq!(list(&app, &admin, open.clone()).await.0, open_before + 1);
    assert_eq!(
        list(&app, &caseworker, claimed.clone()).await.0,
        claimed_before + 2
    );
    // Al-Amal lists what it holds and what it handed on; the IO what it holds now.
    let (_, amal_listed) = list(&app, &amal, json!({})).await;
    for id in &ids[..2] {
        assert!(
            amal_listed.iter().any(|(l, _)| l == id),
            "Al-Amal's list lacks {id}"
        );
    }
    let (_, io_listed) = list(&app, &io, json!({})).await;
    assert!(io_listed.iter().any(|(l, _)| *l == ids[0]));
    assert!(!io_listed.iter().any(|(l, _)| *l == ids[1]));

    // Whoever looks and however it is filtered, the total is what the pages list.
    let filters = [
        json!({}),
        open,
        claimed,
        json!({"s": "CLOSED"}),
        json!({"g": "IQ-NI"}),
        json!({"g": "IQ-BA"}),
        json!({"n": case_numbers[1]}),
        json!({"n": "NRM-NI", "s": "CLAIMED"}),
    ];
    for (who, token) in [
        ("admin", &admin),
        ("caseworker", &caseworker),
        ("amal", &amal),
        ("io", &io),
    ] {
        for f in &filters {
            let (total, listed) = list(&app, token, f.clone()).await;
            assert_eq!(total, listed.len() as i64, "{who} {f}");
            if let Some(s) = f.get("s") {
                assert!(listed.iter().all(|(_, st)| st == s), "{who} {f}");
            }
        }
    }
    let (found, listed) = list(&app, &caseworker, json!({"n": case_numbers[1]})).await;
    assert_eq!((found, listed[0].0.as_str()), (1, ids[1].as_str()));

    // Handed back to Al-Amal: held again and handed on before, listed and counted once.
    let amal_org = app.org_id("Al-Amal Development Organisation").await;
    ok(app
        .gql(Some(&supervisor), "mutation($id:ID!,$p:ID!){ transferReferral(id:$id, providerId:$p, reason:\"back\"){ status } }", json!({"id": ids[0], "p": amal_org}))
        .await);
    for (who, token) in [("amal", &amal), ("io", &io)] {
        let (total, listed) = list(&app, token, json!({})).await;
        let mut unique: Vec<&String> = listed.iter().map(|(id, _)| id).collect();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), listed.len(), "{who} lists a referral twice");
        assert_eq!(total, listed.len() as i64, "{who}");
        assert!(
            listed.iter().any(|(l, _)| *l == ids[0]),
            "{who} lacks {}",
            ids[0]
        );
    }
}

#[tokio::test]
async fn downloads_open_as_spreadsheets_and_hold_what_the_viewer_may_see() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let auditor = app.login("auditor", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let mut created = Vec::new();
    for _ in 0..6 {
        let r = ok(create(&app, &caseworker, "IQ-NI", json!([{"category": "LEGAL"}])).await);
        created.push(
            r["createReferral"]["caseNumber"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let claimed = documents_referral(&app, &caseworker).await;
    claim(&app, &staff, &claimed).await;

    // The office's download: every referral it made, the same rows as its list.
    let (status, bytes) = app.page(Some(&caseworker), "/referrals.xlsx").await;
    assert_eq!(status, 200);
    let rows = xlsx_cells(&bytes);
    let (total, _) = list(&app, &caseworker, json!({})).await;
    assert_eq!(rows.len() as i64, total + 1, "a header and every referral");
    for case in &created {
        assert!(rows.iter().any(|r| &r[0] == case), "{case} missing");
    }
    let flat = rows.concat().join("|");
    assert!(!flat.contains("مريم"), "no personal data in a download");
    assert!(!flat.contains("A12345678"));

    // Filtered like the list: only the claimed one.
    let (_, bytes) = app
        .page(Some(&caseworker), "/referrals.xlsx?status=CLAIMED")
        .await;
    let rows = xlsx_cells(&bytes);
    assert!(rows.len() >= 2);
    assert!(rows.iter().skip(1).all(|r| r[1] == "محجوزة لمقدّم خدمة"));

    // A provider's download is its caseload: the one it claimed, none of the others.
    let (status, bytes) = app.page(Some(&staff), "/referrals.xlsx").await;
    assert_eq!(status, 200);
    let rows = xlsx_cells(&bytes);
    for case in &created {
        assert!(!rows.iter().any(|r| &r[0] == case), "{case} is not theirs");
    }
    assert!(rows.len() >= 2, "{rows:?}");

    // Statistics: the Secretariat's cell for Ninewa × legal support × open counts all six
    // (the seed may add its own); a provider is refused.
    let (status, bytes) = app.page(Some(&auditor), "/statistics.xlsx").await;
    assert_eq!(status, 200);
    let rows = xlsx_cells(&bytes);
    let open = rows[0]
        .iter()
        .position(|h| h == "مفتوحة لمقدّمي الخدمات")
        .unwrap();
    let cell = rows
        .iter()
        .find(|r| r[0] == "IQ-NI" && r[2] == "الدعم القانوني")
        .unwrap_or_else(|| panic!("no Ninewa × legal row: {rows:?}"));
    assert!(cell[open].parse::<i64>().unwrap() >= 6, "{cell:?}");
    let (status, _) = app.page(Some(&staff), "/statistics.xlsx").await;
    assert_eq!(status, 403);
}
