//! Operations and the command line: health, readiness, metrics, request ids, and the
//! `sanad` binary's migrate / seed / verify / rebuild / admin commands.

use std::process::Command;

use sanad_tests::*;
use serde_json::json;

#[tokio::test]
async fn health_readiness_and_metrics_answer() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let get = |path: &str| app.http.get(format!("{}{path}", app.base)).send();
    assert_eq!(get("/healthz").await.unwrap().text().await.unwrap(), "ok");
    let ready: serde_json::Value = get("/readyz").await.unwrap().json().await.unwrap();
    assert_eq!(ready["status"], "ready");
    assert!(ready["projector_pending_events"].is_number());
    ok(app
        .gql(Some(&token), "mutation{ registerOrganization(input:{kind:NGO, nameAr:\"س\", nameEn:\"x\", governorates:[\"IQ-NI\"]}){ id } }", json!({}))
        .await);
    let metrics = get("/metrics").await.unwrap().text().await.unwrap();
    assert!(
        metrics.lines().any(|l| l.starts_with("# TYPE")),
        "{metrics}"
    );
    for name in [
        "sanad_http_requests_total",
        "sanad_events_appended_total",
        "sanad_http_request_duration_seconds",
    ] {
        assert!(metrics.contains(name), "{name} missing from /metrics");
    }
    let resp = app
        .http
        .get(format!("{}/healthz", app.base))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "abc-123");
    let page = get("/graphql").await.unwrap().text().await.unwrap();
    assert!(page.to_lowercase().contains("graphiql"));
}

#[tokio::test]
async fn the_web_pages_sign_in_and_show_the_directory_in_arabic() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
        .unwrap();
    let login_page = client.get(format!("{}/", app.base)).send().await.unwrap();
    assert!(login_page.url().path().ends_with("/login"));
    let html = login_page.text().await.unwrap();
    assert!(html.contains("dir=\"rtl\""));
    let home = client
        .post(format!("{}/login", app.base))
        .form(&[("username", "admin"), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(home.url().path(), "/");
    let dir = client
        .get(format!("{}/organizations?governorate=IQ-NI", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        dir.contains("منظمة الأمل للتنمية"),
        "the directory lists Ninewa's NGO"
    );
    assert!(dir.contains("نينوى"));
    assert!(
        !dir.contains("جمعية الرافدين للإغاثة"),
        "Rafidain does not serve Ninewa"
    );
}

fn sanad(db_url: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(sanad_bin())
        .args(args)
        .env("DATABASE_URL", db_url)
        .env("SANAD_PASSWORD", "a-long-password")
        .output()
        .expect("sanad runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[tokio::test]
async fn the_command_line_migrates_seeds_verifies_rebuilds_and_makes_admins() {
    let db = TestDb::create().await;
    let (ok1, out) = sanad(&db.url, &["migrate"]);
    assert!(ok1, "{out}");
    let (ok2, out) = sanad(
        &db.url,
        &[
            "admin",
            "create-user",
            "--username",
            "first.admin",
            "--display-name",
            "أول مدير",
        ],
    );
    assert!(ok2, "{out}");
    let (refused, out) = sanad(&db.url, &["seed"]);
    assert!(!refused, "seed must refuse a database with events");
    assert!(out.contains("--force"), "{out}");
    let (seeded, out) = sanad(&db.url, &["seed", "--force"]);
    assert!(seeded, "{out}");
    assert!(out.contains("ngo-amal-coordinator"));
    let (verified, out) = sanad(&db.url, &["verify"]);
    assert!(verified && out.contains("intact"), "{out}");
    let (rebuilt, out) = sanad(&db.url, &["rebuild", "directory"]);
    assert!(rebuilt && out.contains("events/s"), "{out}");
    let (unknown, out) = sanad(&db.url, &["rebuild", "nothing"]);
    assert!(!unknown && out.contains("nothing"), "{out}");
    let (token, out) = sanad(
        &db.url,
        &[
            "admin",
            "create-token",
            "--username",
            "first.admin",
            "--name",
            "ci",
        ],
    );
    assert!(token && out.starts_with("sanad_t_"), "{out}");
    let (bad_role, out) = sanad(
        &db.url,
        &[
            "admin",
            "create-user",
            "--username",
            "x.y",
            "--display-name",
            "x",
            "--role",
            "king",
        ],
    );
    assert!(!bad_role && out.contains("unknown role"), "{out}");
    let (help, out) = sanad(&db.url, &["--help"]);
    assert!(help && out.contains("serve") && out.contains("rebuild"));
}

#[tokio::test]
async fn the_command_line_is_the_way_back_into_a_locked_out_installation() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    // Locked out of the account: throttled, and the password forgotten.
    for _ in 0..5 {
        app.gql(
            None,
            "mutation{ login(username:\"admin\", password:\"forgotten-it\"){ sessionToken } }",
            json!({}),
        )
        .await;
    }
    let (reset, out) = sanad(
        &app.db.url,
        &["admin", "reset-password", "--username", "admin"],
    );
    assert!(reset, "{out}");
    let body = app
        .gql(Some(&admin), "{ viewer { username } }", json!({}))
        .await;
    assert!(
        eventually(5, || async {
            app.gql(Some(&admin), "{ viewer { username } }", json!({}))
                .await["data"]["viewer"]
                .is_null()
        })
        .await,
        "the old session ended: {body}"
    );
    // SANAD_PASSWORD, at once, from the address that was throttled.
    let admin = app.login("admin", "a-long-password").await;
    let recorded: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM access_log WHERE kind = 'password_reset' AND username = 'admin'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(recorded, 1);

    // An organisation reinstated by the platform itself, recorded as an event.
    let amal = app.org_id("Al-Amal Development Organisation").await;
    ok(app
        .gql(
            Some(&admin),
            "mutation($id:ID!){ suspendOrganization(id:$id, reason:\"x\"){ status } }",
            json!({"id": amal}),
        )
        .await);
    let (reinstated, out) = sanad(
        &app.db.url,
        &["admin", "reinstate", &amal, "--note", "by the operator"],
    );
    assert!(reinstated, "{out}");
    let actor: String = sqlx::query_scalar(
        "SELECT metadata->>'actor_label' FROM events WHERE event_type = 'OrganizationReinstated'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(actor, "system:admin");
    assert!(
        eventually(5, || async {
            app.gql(
                Some(&admin),
                "query($id:ID!){ organization(id:$id){ status } }",
                json!({"id": amal}),
            )
            .await["data"]["organization"]["status"]
                == "VERIFIED"
        })
        .await
    );
    let (again, out) = sanad(&app.db.url, &["admin", "reinstate", "secretariat"]);
    assert!(!again && out.contains("not suspended"), "{out}");
    let (unknown, out) = sanad(
        &app.db.url,
        &["admin", "reset-password", "--username", "nobody"],
    );
    assert!(!unknown && out.contains("nobody"), "{out}");
}
