//! Referrals end to end through GraphQL: the walk-through of the README, the board, races,
//! refusals that append nothing, and who may see what.

/// Personal data: sealed in the log, read only by assigned case workers, erasable.
mod personal_data;

use sanad_tests::*;
use serde_json::{json, Value};

pub const CREATE: &str = "mutation($c:String, $g:String!, $needs:[NeedInput!]!){ createReferral(commandId:$c, input:{
    beneficiaryType: RETURNEE_FROM_ABROAD, returnCountry: \"DE\", governorate: $g, district: \"الموصل\", sex: FEMALE,
    ageBand: FROM_25_TO_34, householdSize: 4, vulnerabilities: [FEMALE_HEADED_HOUSEHOLD], needs: $needs,
    consent: {givenBy: PERSON, givenOn: \"2026-11-01\", shareWithProviders: true, mayContact: true},
    personal: {fullName: \"مريم يوسف الجبوري\", phone: \"+964 770 555 0199\", idDocumentNumber: \"A12345678\"}
  }){ id caseNumber status } }";

async fn create(app: &TestApp, token: &str, gov: &str, needs: Value) -> Value {
    app.gql(Some(token), CREATE, json!({"g": gov, "needs": needs}))
        .await
}

fn psychosocial() -> Value {
    json!([{"category": "PSYCHOSOCIAL", "priority": "HIGH"}, {"category": "CIVIL_DOCUMENTATION"}])
}

async fn count(app: &TestApp, event_type: &str, id: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM events WHERE event_type = $1 AND aggregate_id = $2")
        .bind(event_type)
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn claim(app: &TestApp, token: &str, id: &str) -> Value {
    ok(app
        .gql(
            Some(token),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await)
}

/// A new referral in Ninewa that needs civil documentation (Al-Amal offers it there); its id.
async fn documents_referral(app: &TestApp, caseworker: &str) -> String {
    ok(create(
        app,
        caseworker,
        "IQ-NI",
        json!([{"category": "CIVIL_DOCUMENTATION"}]),
    )
    .await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// `claimReferral` as `token`, answered as it comes (data or a coded error).
async fn try_claim(app: &TestApp, token: &str, id: &str) -> Value {
    app.gql(
        Some(token),
        "mutation($id:ID!){ claimReferral(id:$id){ status } }",
        json!({"id": id}),
    )
    .await
}

/// The demo data's IO offers psychosocial support in Erbil only; this adds Ninewa.
async fn offer_psychosocial_in_ninewa(app: &TestApp, admin: &str, org: &str) {
    ok(app
        .gql(Some(admin), "mutation($o:ID!){ updateService(organizationId:$o, input:{category: PSYCHOSOCIAL, governorates:[\"IQ-AR\",\"IQ-NI\"], monthlyCapacity: 40}){ monthlyCapacity } }", json!({"o": org}))
        .await);
}

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
async fn the_board_shows_a_referral_only_to_providers_whose_services_match() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let id = documents_referral(&app, &caseworker).await;
    let board = "{ referralBoard(first: 50) { nodes { id } } }";
    let on_board = |token: String| {
        let (app, id) = (&app, id.clone());
        async move {
            let b = app.gql(Some(&token), board, json!({})).await;
            b["data"]["referralBoard"]["nodes"]
                .as_array()
                .is_some_and(|n| n.iter().any(|x| x["id"] == id.as_str()))
        }
    };
    // Al-Amal offers civil documentation in Ninewa; Rafidain (Anbar, Baghdad) and the IO
    // (livelihoods, psychosocial) do not.
    assert!(on_board(app.login("ngo-amal-staff", DEMO_PASSWORD).await).await);
    assert!(!on_board(app.login("ngo-rafidain-staff", DEMO_PASSWORD).await).await);
    assert!(!on_board(app.login("io-coordinator", DEMO_PASSWORD).await).await);
    // A non-matching provider can neither open it nor claim it.
    let rafidain = app.login("ngo-rafidain-coordinator", DEMO_PASSWORD).await;
    let body = app
        .gql(
            Some(&rafidain),
            "query($id:ID!){ referral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
    let body = app
        .gql(
            Some(&rafidain),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
    // An employer sees no referral at all.
    let employer = app.login("employer-tigris", DEMO_PASSWORD).await;
    for q in [board, "{ referrals { totalCount } }"] {
        let body = app.gql(Some(&employer), q, json!({})).await;
        assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{q}");
    }
    let body = app
        .gql(
            Some(&employer),
            "query($id:ID!){ referral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
}

/// A claim is decided on what the provider offers at that moment, though offers are kept
/// between claims: withdrawing a service counts for the very next claim of the same
/// provider in the same governorate, and offering it again too.
#[tokio::test]
async fn a_claim_follows_the_providers_services_as_they_change() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    // Al-Amal offers civil documentation in Ninewa.
    let first = documents_referral(&app, &caseworker).await;
    let body = ok(try_claim(&app, &staff, &first).await);
    assert_eq!(body["claimReferral"]["status"], "CLAIMED");

    ok(app
        .gql(
            Some(&admin),
            "mutation($o:ID!){ withdrawService(organizationId:$o, category:CIVIL_DOCUMENTATION) }",
            json!({"o": amal}),
        )
        .await);
    let second = documents_referral(&app, &caseworker).await;
    let body = try_claim(&app, &staff, &second).await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{body}");

    ok(app
        .gql(
            Some(&admin),
            "mutation($o:ID!){ offerService(organizationId:$o, input:{category:CIVIL_DOCUMENTATION, governorates:[\"IQ-NI\"], monthlyCapacity:10}){ monthlyCapacity } }",
            json!({"o": amal}),
        )
        .await);
    let body = ok(try_claim(&app, &staff, &second).await);
    assert_eq!(body["claimReferral"]["status"], "CLAIMED");
}

/// A service removed behind the process's back (an operator's SQL, as another process's
/// projector would) reaches the offers it keeps as the database's notification.
#[tokio::test]
async fn a_service_removed_in_the_database_is_heeded_within_moments() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let claim_new = || async {
        let id = documents_referral(&app, &caseworker).await;
        try_claim(&app, &staff, &id).await
    };
    let body = ok(claim_new().await);
    assert_eq!(body["claimReferral"]["status"], "CLAIMED");
    sqlx::query(
        "DELETE FROM organization_services WHERE organization_id = $1::uuid AND category = 'civil_documentation'",
    )
    .bind(&amal)
    .execute(&app.pool)
    .await
    .unwrap();
    assert!(
        eventually(5, || async {
            code(&claim_new().await).as_deref() == Some("FORBIDDEN")
        })
        .await,
        "a provider still claims with a service the directory no longer shows"
    );
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
async fn two_hundred_providers_claim_at_once_and_exactly_one_wins() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let id = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let tokens = many_providers(&app, 200).await;
    let claim = "mutation($id:ID!){ claimReferral(id:$id){ status } }";
    let calls = tokens
        .iter()
        .map(|t| app.gql_status(Some(t), claim, json!({"id": id})));
    let answers = futures::future::join_all(calls).await;
    let won = answers
        .iter()
        .filter(|(_, b)| b.get("errors").is_none())
        .count();
    let already = answers
        .iter()
        .filter(|(_, b)| b["errors"][0]["extensions"]["key"] == "referral.already_claimed")
        .count();
    let worst = answers.iter().map(|(s, _)| *s).max().unwrap();
    assert!(worst < 500, "a claim answered {worst}");
    assert_eq!(won, 1);
    assert_eq!(
        already,
        199,
        "{:?}",
        answers.iter().find(|(_, b)| b.get("errors").is_some()
            && b["errors"][0]["extensions"]["key"] != "referral.already_claimed")
    );
    assert_eq!(count(&app, "ReferralClaimed", &id).await, 1);
}

/// `n` verified NGOs offering psychosocial support in Ninewa, one staff member each, signed in.
async fn many_providers(app: &TestApp, n: usize) -> Vec<String> {
    use domain::organization::{
        Organization, OrganizationCommand as C, OrganizationProfile, ServiceTerms,
    };
    use domain::values::{Name, OrganizationKind, Role, ServiceCategory};
    let system = domain::Actor::system("test");
    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM accounts WHERE username = 'ngo-amal-staff'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let make = |i: usize| {
        let (app, system, hash) = (app, system.clone(), hash.clone());
        async move {
            let org = uuid::Uuid::new_v4();
            let user = uuid::Uuid::new_v4();
            let run = |c: C| {
                let ctx = store::CommandContext::new(system.clone(), None, "test");
                async move {
                    app.state
                        .store
                        .execute::<Organization>(&org.to_string(), &ctx, c, &())
                        .await
                        .unwrap();
                }
            };
            run(C::Register {
                actor: system.clone(),
                id: org,
                kind: OrganizationKind::Ngo,
                profile: OrganizationProfile {
                    name_ar: Name::new(&format!("منظمة {i}")).unwrap(),
                    name_en: Name::new(&format!("NGO {i}")).unwrap(),
                    governorates: ["IQ-NI".parse().unwrap()].into(),
                },
            })
            .await;
            run(C::Verify {
                actor: system.clone(),
                note: None,
            })
            .await;
            run(C::OfferService {
                actor: system.clone(),
                terms: ServiceTerms {
                    category: ServiceCategory::Psychosocial,
                    governorates: ["IQ-NI".parse().unwrap()].into(),
                    monthly_capacity: 10,
                },
            })
            .await;
            sqlx::query("INSERT INTO accounts (user_id, username, display_name, password_hash) VALUES ($1, $2, 'x', $3)")
                .bind(user)
                .bind(format!("racer{i}"))
                .bind(&hash)
                .execute(&app.pool)
                .await
                .unwrap();
            run(C::AddMember {
                actor: system.clone(),
                user_id: user,
                username: format!("racer{i}"),
                display_name: Name::new("x").unwrap(),
                role: Role::ProviderStaff,
            })
            .await;
            user
        }
    };
    let mut users = Vec::new();
    for chunk in (0..n).collect::<Vec<_>>().chunks(25) {
        users.extend(futures::future::join_all(chunk.iter().map(|i| make(*i))).await);
    }
    let want = users.len() as i64;
    assert!(
        eventually(30, || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM organization_members WHERE username LIKE 'racer%'",
            )
            .fetch_one(&app.pool)
            .await
            .unwrap()
                == want
        })
        .await
    );
    let mut tokens = Vec::new();
    for u in users {
        tokens.push(api::auth::sessions::open(&app.pool, u).await.unwrap().token);
    }
    tokens
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

use sanad_tests::ws::{send as send_ws, Ws};

async fn connect_ws(app: &TestApp) -> Ws {
    sanad_tests::ws::connect(app).await.0
}

/// The next graphql-ws message other than a ping; `None` when the server closed.
async fn next_ws(ws: &mut Ws) -> Option<Value> {
    use futures::StreamExt;
    use tokio_tungstenite::tungstenite::Message;
    loop {
        let msg = tokio::time::timeout(std::time::Duration::from_secs(10), ws.next())
            .await
            .expect("a message within 10 s")?;
        match msg {
            Ok(Message::Text(t)) => {
                let v: Value = serde_json::from_str(&t).unwrap();
                if v["type"] != "ping" {
                    return Some(v);
                }
            }
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

async fn next_board(ws: &mut Ws) -> Value {
    let v = next_ws(ws).await.expect("the subscription goes on");
    assert_eq!(v["type"], "next", "{v}");
    v["payload"]["data"]["referralBoard"].clone()
}

#[tokio::test]
async fn a_provider_subscribed_to_its_board_sees_a_new_matching_referral_arrive() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let mut ws = connect_ws(&app).await;
    send_ws(
        &mut ws,
        json!({"type": "connection_init", "payload": {"authorization": format!("Bearer {staff}")}}),
    )
    .await;
    assert_eq!(next_ws(&mut ws).await.unwrap()["type"], "connection_ack");
    send_ws(
        &mut ws,
        json!({"id": "1", "type": "subscribe", "payload": {"query": "subscription { referralBoard { totalCount referralIds } }"}}),
    )
    .await;
    let before = next_board(&mut ws).await["totalCount"].as_i64().unwrap();
    let id = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let update = next_board(&mut ws).await;
    assert_eq!(update["totalCount"].as_i64().unwrap(), before + 1);
    assert!(update["referralIds"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x == id.as_str()));
    // Claiming it takes it off the board.
    ok(app
        .gql(
            Some(&staff),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await);
    assert_eq!(
        next_board(&mut ws).await["totalCount"].as_i64().unwrap(),
        before
    );
}

#[tokio::test]
async fn a_subscription_without_a_valid_token_is_refused() {
    let app = TestApp::spawn().await;
    let mut ws = connect_ws(&app).await;
    send_ws(
        &mut ws,
        json!({"type": "connection_init", "payload": {"authorization": "Bearer nonsense"}}),
    )
    .await;
    let answer = next_ws(&mut ws).await;
    assert!(
        answer
            .as_ref()
            .is_none_or(|v| v["type"] != "connection_ack"),
        "acknowledged without a valid token: {answer:?}"
    );
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
