//! A referral's life through its commands: creation to closure, refusals that append
//! nothing, transfers, escalation, repeated commands, and what each viewer may do.

use super::*;

#[tokio::test]
async fn a_referral_goes_from_creation_to_closure() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let made = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await);
    let id = made["createReferral"]["id"].as_str().unwrap().to_string();
    let number = made["createReferral"]["caseNumber"].as_str().unwrap();
    assert!(
        number.starts_with("NRM-NI-2026-") || number.starts_with("NRM-NI-20"),
        "{number}"
    );
    assert_eq!(made["createReferral"]["status"], "OPEN");

    let step = |q: &'static str| {
        let (app, staff, id) = (&app, &staff, id.clone());
        async move { ok(app.gql(Some(staff), q, json!({"id": id})).await) }
    };
    assert_eq!(
        step("mutation($id:ID!){ claimReferral(id:$id){ status } }").await["claimReferral"]
            ["status"],
        "CLAIMED"
    );
    assert_eq!(
        step("mutation($id:ID!){ acceptReferral(id:$id){ status } }").await["acceptReferral"]
            ["status"],
        "ACCEPTED"
    );
    assert_eq!(
        step("mutation($id:ID!){ startService(id:$id){ status } }").await["startService"]["status"],
        "IN_SERVICE"
    );
    let delivered = step("mutation($id:ID!){ recordServiceDelivery(id:$id, category: PSYCHOSOCIAL){ needs { category delivered } } }").await;
    assert_eq!(
        delivered["recordServiceDelivery"]["needs"][0]["delivered"],
        true
    );
    let closed = ok(app
        .gql(
            Some(&staff),
            "mutation($id:ID!){ closeReferral(id:$id, results:[
                {category: PSYCHOSOCIAL, outcome: RESOLVED},
                {category: CIVIL_DOCUMENTATION, outcome: NOT_RESOLVED, reason: UNABLE_TO_CONTACT_PERSON}]){ status results { outcome reason } } }",
            json!({"id": id}),
        )
        .await);
    assert_eq!(closed["closeReferral"]["status"], "CLOSED");

    // The office sees the whole timeline, with the actor of each step.
    let t = ok(app
        .gql(Some(&caseworker), "query($id:ID!){ referral(id:$id){ holder { nameEn } timeline { nodes { eventType actorLabel } } } }", json!({"id": id}))
        .await);
    let types: Vec<&str> = t["referral"]["timeline"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["eventType"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "ReferralCreated",
            "ReferralOpened",
            "ReferralClaimed",
            "CaseworkerAssigned",
            "ReferralAccepted",
            "ServiceStarted",
            "ServiceDelivered",
            "ReferralClosed"
        ]
    );
    assert_eq!(
        t["referral"]["holder"]["nameEn"],
        "Al-Amal Development Organisation"
    );
    // Search by case number.
    let found = ok(app
        .gql(
            Some(&caseworker),
            "query($n:String){ referrals(caseNumber:$n){ totalCount nodes { id } } }",
            json!({"n": number.to_lowercase()}),
        )
        .await);
    assert_eq!(found["referrals"]["totalCount"], 1);
}

#[tokio::test]
async fn invalid_referral_commands_answer_a_coded_error_and_append_nothing() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let before = app.event_count().await;
    let body = create(&app, &caseworker, "IQ-XX", psychosocial()).await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"));
    assert_eq!(body["errors"][0]["extensions"]["field"], "governorate");
    let body = create(&app, &caseworker, "IQ-NI", json!([])).await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"));
    assert_eq!(body["errors"][0]["extensions"]["field"], "needs");
    assert_eq!(
        app.event_count().await,
        before,
        "refused creations appended nothing"
    );
    let keys: i64 = sqlx::query_scalar("SELECT count(*) FROM beneficiary_keys")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let referrals: i64 = sqlx::query_scalar("SELECT count(*) FROM referrals")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(keys, referrals, "no key left behind by a refused referral");

    let id = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for q in [
        "mutation($id:ID!){ claimReferral(id:$id){ id } }",
        "mutation($id:ID!){ acceptReferral(id:$id){ id } }",
        "mutation($id:ID!){ startService(id:$id){ id } }",
    ] {
        ok(app.gql(Some(&staff), q, json!({"id": id})).await);
    }
    let n = app.event_count().await;
    let cases = [
        ("mutation($id:ID!){ claimReferral(id:$id){ id } }", "CONFLICT"),
        ("mutation($id:ID!){ closeReferral(id:$id, results:[{category: PSYCHOSOCIAL, outcome: RESOLVED}]){ id } }", "VALIDATION"),
        ("mutation($id:ID!){ closeReferral(id:$id, results:[{category: PSYCHOSOCIAL, outcome: RESOLVED}, {category: CIVIL_DOCUMENTATION, outcome: LOST_CONTACT}]){ id } }", "VALIDATION"),
        ("mutation($id:ID!){ closeReferral(id:$id, results:[{category: HOUSING, outcome: RESOLVED}]){ id } }", "VALIDATION"),
        ("mutation($id:ID!){ declineReferral(id:$id, reason:\"x\"){ id } }", "CONFLICT"),
    ];
    for (q, want) in cases {
        let body = app.gql(Some(&staff), q, json!({"id": id})).await;
        assert_eq!(code(&body).as_deref(), Some(want), "{q}: {body}");
    }
    assert_eq!(app.event_count().await, n);
    ok(app
        .gql(Some(&staff), "mutation($id:ID!){ closeReferral(id:$id, results:[{category: PSYCHOSOCIAL, outcome: RESOLVED}, {category: CIVIL_DOCUMENTATION, outcome: RESOLVED}]){ id } }", json!({"id": id}))
        .await);
    let n = app.event_count().await;
    for q in [
        "mutation($id:ID!){ claimReferral(id:$id){ id } }",
        "mutation($id:ID!){ recordServiceDelivery(id:$id, category: PSYCHOSOCIAL){ id } }",
        "mutation($id:ID!){ withdrawReferral(id:$id){ id } }",
    ] {
        let token = if q.contains("withdraw") {
            &caseworker
        } else {
            &staff
        };
        let body = app.gql(Some(token), q, json!({"id": id})).await;
        assert_eq!(code(&body).as_deref(), Some("CONFLICT"), "{q}: {body}");
        assert_eq!(
            body["errors"][0]["extensions"]["key"],
            "referral.wrong_status"
        );
    }
    assert_eq!(
        app.event_count().await,
        n,
        "acting on a closed referral appended nothing"
    );
}

#[tokio::test]
async fn a_transfer_leaves_the_former_provider_read_only_history() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let supervisor = app.login("nrm-ni-supervisor", DEMO_PASSWORD).await;
    let amal = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let id = ok(create(
        &app,
        &caseworker,
        "IQ-NI",
        json!([{"category": "PSYCHOSOCIAL"}]),
    )
    .await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    claim(&app, &amal, &id).await;
    let io = app
        .org_id("International Migration Support Organisation")
        .await;
    // The IO offers psychosocial support only in Erbil: not a match in Ninewa.
    let body = app
        .gql(Some(&supervisor), "mutation($id:ID!,$p:ID!){ transferReferral(id:$id, providerId:$p, reason:\"closer\"){ status } }", json!({"id": id, "p": io}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
    // Offer it there, then transfer.
    let admin = app.login("admin", DEMO_PASSWORD).await;
    offer_psychosocial_in_ninewa(&app, &admin, &io).await;
    let moved = ok(app
        .gql(Some(&supervisor), "mutation($id:ID!,$p:ID!){ transferReferral(id:$id, providerId:$p, reason:\"closer\"){ status holder { nameEn } } }", json!({"id": id, "p": io}))
        .await);
    assert_eq!(
        moved["transferReferral"]["holder"]["nameEn"],
        "International Migration Support Organisation"
    );
    // Al-Amal still reads the history it took part in, but no personal data and no new events.
    let t = ok(app
        .gql(
            Some(&amal),
            "query($id:ID!){ referral(id:$id){ timeline { nodes { eventType } } } }",
            json!({"id": id}),
        )
        .await);
    let types: Vec<&str> = t["referral"]["timeline"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["eventType"].as_str().unwrap())
        .collect();
    assert_eq!(types.last(), Some(&"ReferralTransferred"));
    let body = app
        .gql(
            Some(&amal),
            "mutation($id:ID!){ viewPersonalData(id:$id, purpose:\"x\"){ fullName } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
    let body = app
        .gql(
            Some(&amal),
            "mutation($id:ID!){ acceptReferral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
    let caseload = ok(app
        .gql(Some(&amal), "{ referrals { totalCount } }", json!({}))
        .await);
    assert!(caseload["referrals"]["totalCount"].as_i64().unwrap() >= 1);
}

#[tokio::test]
async fn unclaimed_referrals_are_escalated_once_by_the_scheduler() {
    let app = TestApp::spawn_with(Options {
        projector: true,
        configure: |c| c.referral_sla_hours = 0,
    })
    .await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let id = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let n = api::referrals::sla::escalate_overdue(&app.state)
        .await
        .unwrap();
    assert!(n >= 1);
    assert_eq!(count(&app, "ReferralEscalated", &id).await, 1);
    let again = api::referrals::sla::escalate_overdue(&app.state)
        .await
        .unwrap();
    assert_eq!(again, 0);
    assert_eq!(count(&app, "ReferralEscalated", &id).await, 1);
    let r = ok(app
        .gql(
            Some(&caseworker),
            "query($id:ID!){ referral(id:$id){ escalated } }",
            json!({"id": id}),
        )
        .await);
    assert_eq!(r["referral"]["escalated"], true);
}

/// Pages offer only what the server would accept: the referral says what the viewer's role
/// and relation allow, by the policy the commands are checked with.
#[tokio::test]
async fn a_referral_tells_each_viewer_what_they_may_do_with_it() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let id = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let actions = |token: String| {
        let (app, id) = (&app, id.clone());
        async move {
            let r = ok(app
                .gql(
                    Some(&token),
                    "query($id:ID!){ referral(id:$id){ viewerActions } }",
                    json!({"id": id}),
                )
                .await);
            r["referral"]["viewerActions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        }
    };
    let office = actions(caseworker.clone()).await;
    assert!(office.contains(&"WITHDRAW".to_string()), "{office:?}");
    assert!(office.contains(&"VIEW_PERSONAL_DATA".to_string()));
    assert!(
        !office.contains(&"CLAIM".to_string()),
        "the office cannot claim its own referral"
    );

    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let provider = actions(staff.clone()).await;
    assert!(provider.contains(&"CLAIM".to_string()), "{provider:?}");
    assert!(!provider.contains(&"WITHDRAW".to_string()));
    assert!(!provider.contains(&"VIEW_PERSONAL_DATA".to_string()));
    // What is offered is what the server accepts.
    ok(app
        .gql(
            Some(&staff),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await);
    let holder = actions(staff).await;
    assert!(holder.contains(&"ACCEPT".to_string()), "{holder:?}");
    assert!(holder.contains(&"DECLINE".to_string()));
}

/// A case worker whose connection dropped sends the same createReferral again: the answer
/// is the same referral under the same case number, and the office's next referral takes
/// the next number.
#[tokio::test]
async fn a_repeated_create_gets_the_same_referral_and_case_number() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let send = |command_id: &'static str| {
        let (app, caseworker) = (&app, &caseworker);
        async move {
            ok(app
                .gql(
                    Some(caseworker),
                    CREATE,
                    json!({"c": command_id, "g": "IQ-NI", "needs": psychosocial()}),
                )
                .await)["createReferral"]
                .clone()
        }
    };
    let first = send("intake-7").await;
    let again = send("intake-7").await;
    assert_eq!(again["id"], first["id"]);
    assert_eq!(again["caseNumber"], first["caseNumber"]);
    let created: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM events WHERE event_type = 'ReferralCreated' AND aggregate_id = $1",
    )
    .bind(first["id"].as_str().unwrap())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(created, 1);

    let number = |v: &Value| -> u32 {
        let n = v["caseNumber"].as_str().unwrap();
        n.rsplit('-').next().unwrap().parse().unwrap()
    };
    let next = send("intake-8").await;
    assert_ne!(next["id"], first["id"]);
    assert_eq!(number(&next), number(&first) + 1, "{next} after {first}");
}

/// Every field a referral has, for comparing two answers about it.
const EVERY_FIELD: &str =
    "id caseNumber status beneficiaryType returnCountry governorate { code nameAr }
  district sex ageBand householdSize vulnerabilities needs { category priority delivered }
  consent { givenBy givenOn shareWithProviders mayContact expiresOn }
  results { category outcome reason note } nextFollowUp escalated erased createdAt openedAt
  claimedAt closedAt updatedAt version waitingHours viewerActions office { id } holder { id }";

#[tokio::test]
async fn each_mutation_answers_the_referral_as_a_later_read_shows_it() {
    // A mutation answers from the row its own process's projector committed (no read
    // back); a query reads the table. Both must tell the same, at every step.
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let made = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await);
    let id = made["createReferral"]["id"].as_str().unwrap().to_string();
    let read = |token: String| {
        let (app, id) = (&app, id.clone());
        async move {
            let q = format!("query($id:ID!){{ referral(id:$id){{ {EVERY_FIELD} }} }}");
            ok(app.gql(Some(&token), &q, json!({"id": id})).await)["referral"].clone()
        }
    };
    let steps = [
        (&caseworker, "addFollowUp", "dueOn: \"2026-12-24\""),
        (&staff, "claimReferral", ""),
        (&staff, "acceptReferral", ""),
        (&staff, "startService", ""),
        (&staff, "recordServiceDelivery", "category: PSYCHOSOCIAL"),
        (
            &staff,
            "closeReferral",
            "results: [{category: PSYCHOSOCIAL, outcome: RESOLVED},
               {category: CIVIL_DOCUMENTATION, outcome: NOT_RESOLVED, reason: UNABLE_TO_CONTACT_PERSON, note: \"no answer\"}]",
        ),
    ];
    for (token, mutation, args) in steps {
        let args = if args.is_empty() {
            String::new()
        } else {
            format!(", {args}")
        };
        let q = format!("mutation($id:ID!){{ {mutation}(id:$id{args}){{ {EVERY_FIELD} }} }}");
        let answered = ok(app.gql(Some(token), &q, json!({"id": id})).await)[mutation].clone();
        let later = read(token.clone()).await;
        assert_eq!(answered, later, "{mutation}");
    }
    assert_eq!(read(staff.clone()).await["status"], "CLOSED");
}
