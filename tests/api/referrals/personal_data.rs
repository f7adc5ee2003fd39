//! Personal data stays confidential: sealed in the log, absent from read models and logs,
//! readable only by assigned case workers (and each reading recorded), gone after erasure.

use std::process::{Child, Command, Stdio};

use sanad_tests::*;
use serde_json::json;

const NAME: &str = "مريم يوسف الجبوري";
const PHONE: &str = "+964 770 555 0199";
const ID_NUMBER: &str = "A12345678";
const NOTE: &str = "تعيش مع أخيها في حي الزهور";
const FOLLOW_UP: &str = "اتصلت بها يوم الأحد";

const CREATE: &str = "mutation($g:String!){ createReferral(input:{
    beneficiaryType: IDP, governorate: $g, sex: FEMALE, ageBand: FROM_35_TO_49, householdSize: 3,
    needs: [{category: PSYCHOSOCIAL, priority: HIGH}],
    consent: {givenBy: PERSON, givenOn: \"2026-11-01\", shareWithProviders: true, mayContact: true},
    personal: {fullName: \"مريم يوسف الجبوري\", phone: \"+964 770 555 0199\", idDocumentType: \"national_id\",
               idDocumentNumber: \"A12345678\", address: \"الموصل\", notes: \"تعيش مع أخيها في حي الزهور\"}
  }){ id } }";

async fn referral(app: &TestApp, caseworker: &str) -> String {
    ok(app
        .gql(Some(caseworker), CREATE, json!({"g": "IQ-NI"}))
        .await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn viewed(app: &TestApp, id: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM events WHERE event_type = 'PersonalDataViewed' AND aggregate_id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

const VIEW: &str = "mutation($id:ID!,$why:String!){ viewPersonalData(id:$id, purpose:$why){ fullName phone idDocumentNumber notes } }";

#[tokio::test]
async fn only_assigned_case_workers_read_personal_data_and_each_reading_is_recorded() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let id = referral(&app, &caseworker).await;
    let seen = ok(app
        .gql(
            Some(&caseworker),
            VIEW,
            json!({"id": id, "why": "التحضير للمقابلة"}),
        )
        .await);
    assert_eq!(seen["viewPersonalData"]["fullName"], NAME);
    assert_eq!(seen["viewPersonalData"]["idDocumentNumber"], ID_NUMBER);
    assert_eq!(viewed(&app, &id).await, 1);
    let who: serde_json::Value = sqlx::query_scalar(
        "SELECT payload FROM events WHERE event_type = 'PersonalDataViewed' AND aggregate_id = $1",
    )
    .bind(&id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(who["PersonalDataViewed"]["purpose"], "التحضير للمقابلة");

    // Not assigned: the office supervisor, the Secretariat, a provider before claiming.
    for user in [
        "nrm-ni-supervisor",
        "admin",
        "auditor",
        "ngo-amal-coordinator",
        "employer-tigris",
    ] {
        let token = app.login(user, DEMO_PASSWORD).await;
        let body = app
            .gql(Some(&token), VIEW, json!({"id": id, "why": "x"}))
            .await;
        assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{user}: {body}");
    }
    assert_eq!(
        viewed(&app, &id).await,
        1,
        "a refused reading records nothing"
    );

    // The provider's staff who claimed it may read, until consent is revoked.
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    ok(app
        .gql(
            Some(&staff),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await);
    ok(app
        .gql(Some(&staff), VIEW, json!({"id": id, "why": "أول اتصال"}))
        .await);
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let body = app
        .gql(Some(&coordinator), VIEW, json!({"id": id, "why": "x"}))
        .await;
    assert_eq!(
        code(&body).as_deref(),
        Some("FORBIDDEN"),
        "a colleague who is not assigned"
    );
    ok(app
        .gql(
            Some(&caseworker),
            "mutation($id:ID!){ updateConsent(id:$id, consent:{givenBy: PERSON, givenOn: \"2026-11-01\", shareWithProviders: false, mayContact: false}){ consent { shareWithProviders } } }",
            json!({"id": id}),
        )
        .await);
    let body = app
        .gql(Some(&staff), VIEW, json!({"id": id, "why": "x"}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{body}");
    assert_eq!(
        body["errors"][0]["extensions"]["key"],
        "referral.consent_not_active"
    );
    ok(app
        .gql(Some(&caseworker), VIEW, json!({"id": id, "why": "متابعة"}))
        .await);
    assert_eq!(viewed(&app, &id).await, 3);
}

#[tokio::test]
async fn after_erasure_the_person_cannot_be_read_and_the_history_still_verifies() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let supervisor = app.login("nrm-ni-supervisor", DEMO_PASSWORD).await;
    let id = referral(&app, &caseworker).await;
    let body = app
        .gql(
            Some(&caseworker),
            "mutation($id:ID!){ eraseBeneficiary(id:$id){ erased } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(
        code(&body).as_deref(),
        Some("FORBIDDEN"),
        "a case worker may not erase"
    );
    let erased = ok(app
        .gql(
            Some(&supervisor),
            "mutation($id:ID!){ eraseBeneficiary(id:$id){ erased status needs { category } } }",
            json!({"id": id}),
        )
        .await);
    assert_eq!(erased["eraseBeneficiary"]["erased"], true);
    assert_eq!(
        erased["eraseBeneficiary"]["needs"][0]["category"], "PSYCHOSOCIAL",
        "the anonymised facts remain"
    );

    let body = app
        .gql(Some(&caseworker), VIEW, json!({"id": id, "why": "x"}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("CONFLICT"));
    assert_eq!(body["errors"][0]["extensions"]["key"], "referral.erased");
    // No key, no plaintext: even the master key cannot open the sealed data now.
    let rid: uuid::Uuid = id.parse().unwrap();
    assert!(app
        .state
        .keys
        .existing_key(&app.pool, rid)
        .await
        .unwrap()
        .is_none());
    let sealed: serde_json::Value = sqlx::query_scalar("SELECT payload->'Created'->'personal' FROM events WHERE aggregate_id = $1 AND sequence = 1")
        .bind(&id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(
        sealed["ciphertext"].as_str().unwrap().len() > 64,
        "the ciphertext stays in the log"
    );
    let report = store::verify_chain(&app.pool).await.unwrap();
    assert!(report.intact(), "{report:?}");
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn personal_data_never_appears_in_clear_in_the_log_the_read_models_or_the_server_logs() {
    let db = TestDb::create().await;
    let bin = sanad_bin();
    let seeded = Command::new(&bin)
        .arg("seed")
        .env("DATABASE_URL", &db.url)
        .output()
        .unwrap();
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let log_path = std::env::temp_dir().join(format!("sanad-pd-{port}.log"));
    let log = std::fs::File::create(&log_path).unwrap();
    let _server = Server(
        Command::new(&bin)
            .arg("serve")
            .env("DATABASE_URL", &db.url)
            .env("BIND", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "debug")
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    assert!(
        eventually(20, || async {
            http.get(format!("{base}/healthz")).send().await.is_ok()
        })
        .await
    );
    let gql = |token: Option<String>, q: &'static str, v: serde_json::Value| {
        let (http, base) = (http.clone(), base.clone());
        async move {
            let mut r = http
                .post(format!("{base}/graphql"))
                .json(&json!({"query": q, "variables": v}));
            if let Some(t) = token {
                r = r.bearer_auth(t);
            }
            r.send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let login = |u: &'static str| async move {
        let b = gql(
            None,
            "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken } }",
            json!({"u": u, "p": DEMO_PASSWORD}),
        )
        .await;
        b["data"]["login"]["sessionToken"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let caseworker = login("nrm-ni-caseworker").await;
    let made = gql(Some(caseworker.clone()), CREATE, json!({"g": "IQ-NI"})).await;
    let id = made["data"]["createReferral"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{made}"))
        .to_string();
    let seen = gql(
        Some(caseworker.clone()),
        VIEW,
        json!({"id": id, "why": "مقابلة"}),
    )
    .await;
    assert_eq!(seen["data"]["viewPersonalData"]["fullName"], NAME);
    let follow = gql(
        Some(caseworker.clone()),
        "mutation($id:ID!,$n:String){ addFollowUp(id:$id, dueOn:\"2026-12-01\", note:$n){ nextFollowUp } }",
        json!({"id": id, "n": FOLLOW_UP}),
    )
    .await;
    assert_eq!(
        follow["data"]["addFollowUp"]["nextFollowUp"], "2026-12-01",
        "{follow}"
    );
    // A mistake in personal input must not echo the value back either.
    let long = "ب".repeat(600);
    let bad = gql(
        Some(caseworker.clone()),
        "mutation($p:String!){ createReferral(input:{beneficiaryType: IDP, governorate: \"IQ-NI\", sex: MALE, ageBand: OVER_64, householdSize: 1,
            needs: [{category: MEDICAL}], consent: {givenBy: PERSON, givenOn: \"2026-11-01\", shareWithProviders: true, mayContact: true},
            personal: {fullName: $p}}){ id } }",
        json!({"p": long}),
    )
    .await;
    assert_eq!(bad["errors"][0]["extensions"]["field"], "personal.fullName");
    assert!(!bad.to_string().contains(&long));

    let pool = sqlx::PgPool::connect(&db.url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('beneficiary_keys', '_sqlx_migrations')",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(tables.contains(&"events".to_string()) && tables.contains(&"referrals".to_string()));
    let secrets = [
        NAME,
        PHONE,
        ID_NUMBER,
        NOTE,
        FOLLOW_UP,
        "الجبوري",
        "555 0199",
    ];
    for table in &tables {
        let dump: Vec<String> = sqlx::query_scalar(&format!("SELECT t::text FROM {table} t"))
            .fetch_all(&pool)
            .await
            .unwrap();
        let all = dump.join("\n");
        for s in secrets {
            assert!(!all.contains(s), "{s:?} found in clear in table {table}");
        }
    }
    pool.close().await;
    let logs = std::fs::read_to_string(&log_path).unwrap();
    assert!(logs.contains("request"), "the server wrote logs");
    for s in secrets {
        assert!(!logs.contains(s), "{s:?} found in the server's logs");
    }
    let _ = std::fs::remove_file(&log_path);
}
