//! The board and claiming: a referral shows only to providers whose services match, a
//! claim follows the services as they change, and a race has exactly one winner.

use super::*;

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
        tokens.push(
            api::accounts::sessions::open(
                &app.pool,
                u,
                api::accounts::sessions::Origin {
                    address: "test",
                    user_agent: None,
                },
            )
            .await
            .unwrap()
            .token,
        );
    }
    tokens
}
