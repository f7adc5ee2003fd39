//! Monthly capacity: a full service leaves the routing, and racing claims and transfers
//! take exactly the places left.

use super::*;

/// How many civil-documentation places Al-Amal used this month (the demo data claims some).
async fn documents_used(app: &TestApp, staff: &str) -> i64 {
    let body = ok(app
        .gql(
            Some(staff),
            "{ myCapacity { category usedThisMonth } }",
            json!({}),
        )
        .await);
    body["myCapacity"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "CIVIL_DOCUMENTATION")
        .and_then(|c| c["usedThisMonth"].as_i64())
        .unwrap()
}

/// Sets Al-Amal's monthly capacity for civil documentation (Ninewa, Salah al-Din).
async fn documents_capacity(app: &TestApp, admin: &str, amal: &str, capacity: i64) {
    ok(app
        .gql(
            Some(admin),
            "mutation($o:ID!,$c:Int!){ updateService(organizationId:$o, input:{category:CIVIL_DOCUMENTATION, governorates:[\"IQ-NI\",\"IQ-SD\"], monthlyCapacity:$c}){ monthlyCapacity } }",
            json!({"o": amal, "c": capacity}),
        )
        .await);
}

async fn on_board_of(app: &TestApp, token: &str, id: &str) -> bool {
    let b = ok(app
        .gql(
            Some(token),
            "{ referralBoard(first: 100) { totalCount nodes { id } } }",
            json!({}),
        )
        .await);
    b["referralBoard"]["nodes"]
        .as_array()
        .is_some_and(|n| n.iter().any(|x| x["id"] == id))
}

async fn no_provider_available(app: &TestApp, token: &str, id: &str) -> bool {
    ok(app
        .gql(
            Some(token),
            "query($id:ID!){ referral(id:$id){ noProviderAvailable } }",
            json!({"id": id}),
        )
        .await)["referral"]["noProviderAvailable"]
        .as_bool()
        .unwrap()
}

/// A service whose monthly capacity is used up drops out of the routing: its referrals
/// leave the provider's board, a claim is refused with a code and appends nothing, and
/// the referring office and the Secretariat see that no provider can take the referral;
/// raising the capacity (or a place freed by a decline) puts them back.
#[tokio::test]
async fn a_full_service_leaves_the_board_and_refuses_claims_until_capacity_frees_up() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let auditor = app.login("auditor", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let used = documents_used(&app, &staff).await;
    // One place left; only Al-Amal offers civil documentation in Ninewa.
    documents_capacity(&app, &admin, &amal, used + 1).await;
    let first = documents_referral(&app, &caseworker).await;
    let second = documents_referral(&app, &caseworker).await;
    assert!(on_board_of(&app, &staff, &second).await);
    assert!(!no_provider_available(&app, &caseworker, &second).await);
    ok(try_claim(&app, &staff, &first).await);

    // Full: the second referral is off the board and cannot be claimed.
    assert!(!on_board_of(&app, &staff, &second).await);
    let events = app.event_count().await;
    let body = try_claim(&app, &staff, &second).await;
    assert_eq!(code(&body).as_deref(), Some("CONFLICT"), "{body}");
    assert_eq!(
        body["errors"][0]["extensions"]["key"],
        "referral.no_capacity"
    );
    assert_eq!(app.event_count().await, events, "a refusal appends nothing");
    assert_eq!(count(&app, "ReferralClaimed", &second).await, 0);
    // Its office and the Secretariat see that nobody can take it; the claimed one is not.
    assert!(no_provider_available(&app, &caseworker, &second).await);
    assert!(no_provider_available(&app, &auditor, &second).await);
    assert!(!no_provider_available(&app, &caseworker, &first).await);
    let queue = ok(app
        .gql(
            Some(&caseworker),
            "{ actionNeeded { reason referral { id } } }",
            json!({}),
        )
        .await);
    let listed = |queue: &Value, id: &str| {
        queue["actionNeeded"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["reason"] == "NO_PROVIDER_AVAILABLE" && i["referral"]["id"] == id)
    };
    assert!(listed(&queue, &second), "{queue}");
    assert!(!listed(&queue, &first), "{queue}");
    let capacity = ok(app
        .gql(Some(&staff), "{ myCapacity { category full } }", json!({}))
        .await);
    assert!(capacity["myCapacity"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["category"] == "CIVIL_DOCUMENTATION" && c["full"] == true));

    // Capacity raised: back on the board, claimable.
    documents_capacity(&app, &admin, &amal, used + 2).await;
    assert!(on_board_of(&app, &staff, &second).await);
    assert!(!no_provider_available(&app, &caseworker, &second).await);
    let queue = ok(app
        .gql(
            Some(&caseworker),
            "{ actionNeeded { reason referral { id } } }",
            json!({}),
        )
        .await);
    assert!(!listed(&queue, &second), "{queue}");
    let body = ok(try_claim(&app, &staff, &second).await);
    assert_eq!(body["claimReferral"]["status"], "CLAIMED");

    // Full again; a decline gives its place back.
    let third = documents_referral(&app, &caseworker).await;
    assert!(!on_board_of(&app, &staff, &third).await);
    let body = try_claim(&app, &staff, &third).await;
    assert_eq!(
        body["errors"][0]["extensions"]["key"],
        "referral.no_capacity"
    );
    ok(app
        .gql(
            Some(&staff),
            "mutation($id:ID!){ declineReferral(id:$id, reason:\"no room after all\"){ status } }",
            json!({"id": second}),
        )
        .await);
    assert!(on_board_of(&app, &staff, &third).await);
    ok(try_claim(&app, &staff, &third).await);
}

/// Claims of `ids` by `tokens` (one each), all at once: (successes, no-capacity refusals).
async fn claim_all_at_once(app: &TestApp, tokens: &[String], ids: &[String]) -> (usize, usize) {
    let claim = "mutation($id:ID!){ claimReferral(id:$id){ status } }";
    let calls = tokens
        .iter()
        .zip(ids)
        .map(|(t, id)| app.gql_status(Some(t), claim, json!({"id": id})));
    let answers = futures::future::join_all(calls).await;
    let worst = answers.iter().map(|(s, _)| *s).max().unwrap();
    assert!(worst < 500, "a claim answered {worst}: {answers:?}");
    let won = answers
        .iter()
        .filter(|(_, b)| b.get("errors").is_none())
        .count();
    let full = answers
        .iter()
        .filter(|(_, b)| b["errors"][0]["extensions"]["key"] == "referral.no_capacity")
        .count();
    assert_eq!(won + full, answers.len(), "{answers:?}");
    (won, full)
}

async fn claimed_by(app: &TestApp, org: &str, ids: &[String]) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM events WHERE event_type = 'ReferralClaimed'
            AND aggregate_id = ANY($1) AND payload->'Claimed'->>'provider_id' = $2",
    )
    .bind(ids)
    .bind(org)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// The last place, wanted by two claims of two different referrals at the same moment:
/// exactly one gets it, the other is told the capacity is used up (never a 500).
#[tokio::test]
async fn two_claims_for_the_last_place_at_once_give_exactly_one_success() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    for round in 0..3 {
        let used = documents_used(&app, &staff).await;
        documents_capacity(&app, &admin, &amal, used + 1).await;
        let ids = vec![
            documents_referral(&app, &caseworker).await,
            documents_referral(&app, &caseworker).await,
        ];
        let (won, full) =
            claim_all_at_once(&app, &[staff.clone(), coordinator.clone()], &ids).await;
        assert_eq!((won, full), (1, 1), "round {round}");
        assert_eq!(claimed_by(&app, &amal, &ids).await, 1, "round {round}");
    }
}

/// Far from the limit claims run without taking turns; the places still add up exactly
/// when many claims race past the point where they start to.
#[tokio::test]
async fn many_claims_at_once_take_exactly_the_places_left() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let used = documents_used(&app, &staff).await;
    let places = 30;
    documents_capacity(&app, &admin, &amal, used + places).await;
    let mut ids = Vec::new();
    for _ in 0..45 {
        ids.push(documents_referral(&app, &caseworker).await);
    }
    // A first claim alone, then the rest at once.
    ok(try_claim(&app, &staff, &ids[0]).await);
    let tokens = vec![staff.clone(); ids.len() - 1];
    let (won, full) = claim_all_at_once(&app, &tokens, &ids[1..]).await;
    assert_eq!(
        (won as i64, full),
        (places - 1, ids.len() - places as usize)
    );
    assert_eq!(claimed_by(&app, &amal, &ids).await, places);
    assert_eq!(documents_used(&app, &staff).await, used + places);
}

/// A transfer takes a place at the provider it goes to: refused like a claim when that
/// provider's service is full, accepted once a place is there.
#[tokio::test]
async fn a_transfer_to_a_provider_whose_service_is_full_is_refused() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let supervisor = app.login("nrm-ni-supervisor", DEMO_PASSWORD).await;
    let amal = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let io_staff = app.login("io-coordinator", DEMO_PASSWORD).await;
    let io = app
        .org_id("International Migration Support Organisation")
        .await;
    let psychosocial_referral = || async {
        ok(create(
            &app,
            &caseworker,
            "IQ-NI",
            json!([{"category": "PSYCHOSOCIAL"}]),
        )
        .await)["createReferral"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let set_io_capacity = |c: i64| {
        let (app, admin, io) = (&app, &admin, &io);
        async move {
            ok(app
                .gql(Some(admin), "mutation($o:ID!,$c:Int!){ updateService(organizationId:$o, input:{category: PSYCHOSOCIAL, governorates:[\"IQ-AR\",\"IQ-NI\"], monthlyCapacity: $c}){ monthlyCapacity } }", json!({"o": io, "c": c}))
                .await);
        }
    };
    // The IO's one place in Ninewa is taken by a claim of its own.
    set_io_capacity(1).await;
    let taken = psychosocial_referral().await;
    claim(&app, &io_staff, &taken).await;
    let id = psychosocial_referral().await;
    claim(&app, &amal, &id).await;
    let transfer = "mutation($id:ID!,$p:ID!){ transferReferral(id:$id, providerId:$p, reason:\"closer\"){ status } }";
    let events = app.event_count().await;
    let body = app
        .gql(Some(&supervisor), transfer, json!({"id": id, "p": io}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("CONFLICT"), "{body}");
    assert_eq!(
        body["errors"][0]["extensions"]["key"],
        "referral.no_capacity"
    );
    assert_eq!(app.event_count().await, events);
    set_io_capacity(2).await;
    let body = ok(app
        .gql(Some(&supervisor), transfer, json!({"id": id, "p": io}))
        .await);
    assert_eq!(body["transferReferral"]["status"], "CLAIMED");
}

/// Another process's claim near the limit leaves a hold until its events are projected:
/// a claim here counts it as a place taken, and counts the place again once it is gone.
#[tokio::test]
async fn a_claim_in_flight_in_another_process_counts_as_a_place_taken() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let used = documents_used(&app, &staff).await;
    documents_capacity(&app, &admin, &amal, used + 1).await;
    let elsewhere = documents_referral(&app, &caseworker).await;
    let here = documents_referral(&app, &caseworker).await;
    let hold = uuid::Uuid::new_v4();
    sqlx::query(
        "INSERT INTO capacity_holds (id, organization_id, referral_id) VALUES ($1, $2::uuid, $3::uuid)",
    )
    .bind(hold)
    .bind(&amal)
    .bind(&elsewhere)
    .execute(&app.pool)
    .await
    .unwrap();
    let body = try_claim(&app, &staff, &here).await;
    assert_eq!(
        body["errors"][0]["extensions"]["key"], "referral.no_capacity",
        "{body}"
    );
    sqlx::query("DELETE FROM capacity_holds WHERE id = $1")
        .bind(hold)
        .execute(&app.pool)
        .await
        .unwrap();
    let body = ok(try_claim(&app, &staff, &here).await);
    assert_eq!(body["claimReferral"]["status"], "CLAIMED");
}
