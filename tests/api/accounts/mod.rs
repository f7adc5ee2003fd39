//! Accounts, sessions and tokens: throttled logins, expiring sessions, CSRF on cookie
//! sessions, revocable API tokens, and every access recorded.

use sanad_tests::*;
use serde_json::json;

mod self_service;

const LOGIN: &str = "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken csrfToken viewer { username role } } }";

async fn access_count(app: &TestApp, kind: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM access_log WHERE kind = $1")
        .bind(kind)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Whether `token` stops answering as a signed-in user within a few seconds: a change made
/// behind the process's back reaches it as the database's notification.
async fn signed_out_within_moments(app: &TestApp, token: &str) -> bool {
    eventually(5, || async {
        app.gql(Some(token), "{ viewer { username } }", json!({}))
            .await["data"]["viewer"]
            .is_null()
    })
    .await
}

#[tokio::test]
async fn logins_are_recorded_and_throttled_per_account() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let ok_login = app
        .gql(None, LOGIN, json!({"u": "ADMIN", "p": DEMO_PASSWORD}))
        .await;
    assert_eq!(ok(ok_login)["login"]["viewer"]["role"], "SECRETARIAT_ADMIN");
    assert_eq!(
        access_count(&app, "login").await,
        2,
        "admin() logged in once, and this"
    );

    for _ in 0..5 {
        let body = app
            .gql(None, LOGIN, json!({"u": "admin", "p": "wrong-password"}))
            .await;
        assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"));
        assert_eq!(body["errors"][0]["message"], "Wrong username or password.");
    }
    assert_eq!(access_count(&app, "login_failed").await, 5);
    // Now even the right password waits.
    let body = app
        .gql(None, LOGIN, json!({"u": "admin", "p": DEMO_PASSWORD}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("RATE_LIMITED"), "{body}");
    assert_eq!(access_count(&app, "login_throttled").await, 1);

    // An unknown user gets the same answer as a wrong password.
    let body = app
        .gql(None, LOGIN, json!({"u": "nobody", "p": "whatever-it-is"}))
        .await;
    assert_eq!(body["errors"][0]["message"], "Wrong username or password.");
}

#[tokio::test]
async fn sessions_end_on_logout_and_after_inactivity() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let viewer = "{ viewer { username } }";
    assert_eq!(
        ok(app.gql(Some(&token), viewer, json!({})).await)["viewer"]["username"],
        "admin"
    );

    sqlx::query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    // Made idle behind the process's back.
    assert!(
        signed_out_within_moments(&app, &token).await,
        "an idle session still answers"
    );
    let body = app
        .gql(Some(&token), "{ organizations { totalCount } }", json!({}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"));
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("session has ended"));

    let token = app.login("admin", DEMO_PASSWORD).await;
    ok(app
        .gql(Some(&token), "mutation { logout }", json!({}))
        .await);
    let body = app.gql(Some(&token), viewer, json!({})).await;
    assert!(body["data"]["viewer"].is_null());
    assert_eq!(access_count(&app, "logout").await, 1);
}

#[tokio::test]
async fn api_tokens_work_are_recorded_and_can_be_revoked() {
    let app = TestApp::spawn().await;
    let session = app.admin().await;
    let made = ok(app
        .gql(
            Some(&session),
            "mutation { createApiToken(name: \"reporting\") { id token } }",
            json!({}),
        )
        .await);
    let token = made["createApiToken"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    let id = made["createApiToken"]["id"].as_str().unwrap().to_string();
    assert!(token.starts_with("sanad_t_"));
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM api_tokens WHERE token_hash = $1")
        .bind(&token)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, 0, "only a hash of the token is stored");

    let who = ok(app
        .gql(
            Some(&token),
            "{ viewer { username apiTokens { name lastUsedAt } } }",
            json!({}),
        )
        .await);
    assert_eq!(who["viewer"]["username"], "admin");
    assert_eq!(access_count(&app, "token_used").await, 1);

    ok(app
        .gql(
            Some(&session),
            "mutation($id:ID!){ revokeApiToken(id:$id) }",
            json!({"id": id}),
        )
        .await);
    let body = app
        .gql(Some(&token), "{ organizations { totalCount } }", json!({}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn cookie_sessions_need_the_csrf_token_for_mutations() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let login = ok(app
        .gql(None, LOGIN, json!({"u": "admin", "p": DEMO_PASSWORD}))
        .await);
    let session = login["login"]["sessionToken"].as_str().unwrap();
    let csrf = login["login"]["csrfToken"].as_str().unwrap();
    let mutation = json!({"query": "mutation { registerOrganization(input:{kind:NGO, nameAr:\"س\", nameEn:\"x\", governorates:[\"IQ-NI\"]}) { id } }"});
    let send = |csrf: Option<&str>| {
        let mut req = app
            .http
            .post(format!("{}/graphql", app.base))
            .header("cookie", format!("sanad_session={session}"))
            .json(&mutation);
        if let Some(c) = csrf {
            req = req.header("x-csrf-token", c);
        }
        req.send()
    };
    let before = app.event_count().await;
    let body: serde_json::Value = send(None).await.unwrap().json().await.unwrap();
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{body}");
    assert_eq!(body["errors"][0]["extensions"]["key"], "csrf.missing");
    assert_eq!(app.event_count().await, before);
    let body: serde_json::Value = send(Some(csrf)).await.unwrap().json().await.unwrap();
    assert!(body.get("errors").is_none(), "{body}");
}

#[tokio::test]
async fn a_coordinator_adds_staff_who_can_sign_in_with_the_role_given() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let create = "mutation($o:ID!,$u:String!,$r:Role!){ createMember(organizationId:$o, input:{username:$u, displayName:\"زينب\", password:\"a-long-password\", role:$r}){ username role } }";
    let made = ok(app
        .gql(
            Some(&coordinator),
            create,
            json!({"o": amal, "u": "Zainab.Staff", "r": "PROVIDER_STAFF"}),
        )
        .await);
    assert_eq!(made["createMember"]["username"], "zainab.staff");
    let token = app.login("zainab.staff", "a-long-password").await;
    let viewer = ok(app
        .gql(
            Some(&token),
            "{ viewer { role organization { nameEn } } }",
            json!({}),
        )
        .await);
    assert_eq!(viewer["viewer"]["role"], "PROVIDER_STAFF");
    assert_eq!(
        viewer["viewer"]["organization"]["nameEn"],
        "Al-Amal Development Organisation"
    );

    // A role that does not fit an NGO, a taken username, a short password.
    let body = app
        .gql(
            Some(&coordinator),
            create,
            json!({"o": amal, "u": "someone", "r": "SECRETARIAT_ADMIN"}),
        )
        .await;
    assert!(
        matches!(code(&body).as_deref(), Some("VALIDATION")),
        "{body}"
    );
    assert_eq!(body["errors"][0]["extensions"]["field"], "role");
    let body = app
        .gql(
            Some(&coordinator),
            create,
            json!({"o": amal, "u": "zainab.staff", "r": "PROVIDER_STAFF"}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("CONFLICT"), "{body}");
    let body = app
        .gql(
            Some(&coordinator),
            "mutation($o:ID!){ createMember(organizationId:$o, input:{username:\"shorty\", displayName:\"x\", password:\"short\", role:PROVIDER_STAFF}){ username } }",
            json!({"o": amal}),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "password");
    // A failed creation leaves no account behind.
    let n: i64 =
        sqlx::query_scalar("SELECT count(*) FROM accounts WHERE username IN ('someone', 'shorty')")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(n, 0);

    // Another organisation's coordinator may not add people here.
    let other = app.login("ngo-rafidain-coordinator", DEMO_PASSWORD).await;
    let body = app
        .gql(
            Some(&other),
            create,
            json!({"o": amal, "u": "intruder", "r": "PROVIDER_STAFF"}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));
}

#[tokio::test]
async fn members_of_a_suspended_organisation_can_do_nothing_until_reinstated() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let offer = "mutation($o:ID!){ offerService(organizationId:$o, input:{category:MEDICAL, governorates:[\"IQ-NI\"], monthlyCapacity:10}){ monthlyCapacity } }";
    let suspended = ok(app
        .gql(
            Some(&admin),
            "mutation($id:ID!){ suspendOrganization(id:$id, reason:\"تقارير متأخرة\"){ status suspendedReason } }",
            json!({"id": amal}),
        )
        .await);
    assert_eq!(suspended["suspendOrganization"]["status"], "SUSPENDED");
    let body = app.gql(Some(&coordinator), offer, json!({"o": amal})).await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{body}");
    let body = app
        .gql(
            Some(&coordinator),
            "{ organizations { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"));

    ok(app
        .gql(
            Some(&admin),
            "mutation($id:ID!){ reinstateOrganization(id:$id){ status } }",
            json!({"id": amal}),
        )
        .await);
    let body = ok(app.gql(Some(&coordinator), offer, json!({"o": amal})).await);
    assert_eq!(body["offerService"]["monthlyCapacity"], 10);
}

#[tokio::test]
async fn a_members_rights_follow_their_membership_at_once() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    let user = app
        .create_member(&coordinator, &amal, "amal.rights", "PROVIDER_STAFF")
        .await;
    let member = app.login("amal.rights", DEMO_PASSWORD).await;
    let offer = "mutation($o:ID!){ offerService(organizationId:$o, input:{category:MEDICAL, governorates:[\"IQ-NI\"], monthlyCapacity:10}){ monthlyCapacity } }";
    let directory = "{ organizations { totalCount } }";

    // Used as staff (and so kept by the process that answers).
    ok(app.gql(Some(&member), directory, json!({})).await);
    let body = app.gql(Some(&member), offer, json!({"o": amal})).await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{body}");

    app.change_member_role(&coordinator, &amal, &user, "PROVIDER_COORDINATOR")
        .await;
    let body = ok(app.gql(Some(&member), offer, json!({"o": amal})).await);
    assert_eq!(body["offerService"]["monthlyCapacity"], 10);

    app.remove_member(&coordinator, &amal, &user).await;
    let body = app.gql(Some(&member), directory, json!({})).await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{body}");
}

#[tokio::test]
async fn an_account_disabled_in_the_database_is_refused_within_moments() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let viewer = "{ viewer { username } }";
    for _ in 0..3 {
        let body = ok(app.gql(Some(&staff), viewer, json!({})).await);
        assert_eq!(body["viewer"]["username"], "ngo-amal-staff");
    }
    // An operator's change, made outside Sanad: the database tells every process.
    sqlx::query("UPDATE accounts SET disabled = true WHERE username = 'ngo-amal-staff'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(
        signed_out_within_moments(&app, &staff).await,
        "a disabled account's session still answers"
    );
}

/// A sign-in as it arrives through a reverse proxy that says the client is `client`.
async fn login_via(
    app: &TestApp,
    client: &str,
    username: &str,
    password: &str,
) -> serde_json::Value {
    app.http
        .post(format!("{}/graphql", app.base))
        .header("accept-language", "en")
        .header("x-forwarded-for", client)
        .json(&json!({"query": LOGIN, "variables": {"u": username, "p": password}}))
        .send()
        .await
        .expect("request sent")
        .json()
        .await
        .expect("a JSON answer")
}

fn behind_this_proxy(config: &mut api::config::Config) {
    config.trusted_proxies = api::ops::client::TrustedProxies::parse("127.0.0.1").unwrap();
}

const ALERTS: &str =
    "{ signInAlerts(first: 10) { nodes { username address scope failures until } } }";

#[tokio::test]
async fn a_burst_of_wrong_passwords_gets_five_checks_and_locks_out_only_its_source() {
    let app = TestApp::spawn_with(Options {
        configure: behind_this_proxy,
        ..Options::default()
    })
    .await;
    app.seed().await;
    let attacker = "203.0.113.7";
    let burst: Vec<_> = (0..40)
        .map(|_| login_via(&app, attacker, "admin", "wrong-password"))
        .collect();
    let answers = futures::future::join_all(burst).await;
    let limited = answers
        .iter()
        .filter(|b| code(b).as_deref() == Some("RATE_LIMITED"))
        .count();
    assert_eq!(
        access_count(&app, "login_failed").await,
        5,
        "only five passwords were checked"
    );
    assert_eq!(limited, 35, "the rest waited: {answers:?}");
    let waited = answers
        .iter()
        .find(|b| code(b).as_deref() == Some("RATE_LIMITED"))
        .unwrap();
    assert!(
        waited["errors"][0]["extensions"]["retryAfter"]
            .as_i64()
            .unwrap_or(0)
            > 0,
        "{waited}"
    );
    // The right password from the attacking address waits too, unchecked.
    let body = login_via(&app, attacker, "admin", DEMO_PASSWORD).await;
    assert_eq!(code(&body).as_deref(), Some("RATE_LIMITED"), "{body}");
    // The owner, from an address of their own, is not slowed by the attack.
    let body = login_via(&app, "198.51.100.2", "admin", DEMO_PASSWORD).await;
    let admin = ok(body)["login"]["sessionToken"]
        .as_str()
        .unwrap()
        .to_string();

    // The lock-out is an event of the log, read by the Secretariat only.
    let lockouts: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM events WHERE event_type = 'SignInThrottled' AND metadata->>'actor_label' = 'system:sign-in'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(lockouts, 1);
    let alerts = ok(app.gql(Some(&admin), ALERTS, json!({})).await);
    let alert = &alerts["signInAlerts"]["nodes"][0];
    assert_eq!(alert["username"], "admin");
    assert_eq!(alert["address"], attacker);
    assert_eq!(alert["scope"], "account_address");
    assert_eq!(alert["failures"], 5);
    let auditor = app.login("auditor", DEMO_PASSWORD).await;
    let seen = ok(app.gql(Some(&auditor), ALERTS, json!({})).await);
    assert_eq!(seen["signInAlerts"]["nodes"][0]["address"], attacker);
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let body = app.gql(Some(&coordinator), ALERTS, json!({})).await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{body}");
    let body = app.gql(None, ALERTS, json!({})).await;
    assert_ne!(code(&body), None, "{body}");
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_is_throttled() {
    let app = TestApp::spawn_with(Options {
        configure: behind_this_proxy,
        ..Options::default()
    })
    .await;
    app.admin().await;
    // A client may prepend anything; the proxy's own entry (the right-most) counts.
    for _ in 0..5 {
        let body = login_via(&app, "6.6.6.6, 203.0.113.9", "admin", "wrong-password").await;
        assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"), "{body}");
    }
    let body = login_via(&app, "1.1.1.1, 203.0.113.9", "admin", DEMO_PASSWORD).await;
    assert_eq!(code(&body).as_deref(), Some("RATE_LIMITED"), "{body}");
    let address: String =
        sqlx::query_scalar("SELECT address FROM access_log WHERE kind = 'login_failed' LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(address, "203.0.113.9");
    ok(login_via(&app, "203.0.113.10", "admin", DEMO_PASSWORD).await);
}

#[tokio::test]
async fn an_untrusted_peer_cannot_choose_its_address_with_x_forwarded_for() {
    let app = TestApp::spawn().await;
    app.admin().await;
    for i in 0..5 {
        let body = login_via(&app, &format!("203.0.113.{i}"), "admin", "wrong-password").await;
        assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"), "{body}");
    }
    let body = login_via(&app, "198.51.100.99", "admin", DEMO_PASSWORD).await;
    assert_eq!(code(&body).as_deref(), Some("RATE_LIMITED"), "{body}");
    let addresses: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT address FROM access_log WHERE kind = 'login_failed'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(addresses, vec!["127.0.0.1".to_string()]);
}

fn key(body: &serde_json::Value) -> Option<String> {
    body["errors"][0]["extensions"]["key"]
        .as_str()
        .map(str::to_string)
}

#[tokio::test]
async fn the_secretariat_cannot_suspend_itself_nor_lose_its_last_administrator() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let secretariat = app
        .org_id("General Secretariat of the Council of Ministers")
        .await;
    let admin_id: uuid::Uuid =
        sqlx::query_scalar("SELECT user_id FROM accounts WHERE username = 'admin'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let before = app.event_count().await;
    let body = app
        .gql(
            Some(&admin),
            "mutation($id:ID!){ suspendOrganization(id:$id, reason:\"by mistake\"){ status } }",
            json!({"id": secretariat}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("CONFLICT"), "{body}");
    assert_eq!(
        key(&body).as_deref(),
        Some("organization.operator_cannot_be_suspended")
    );
    assert_eq!(
        body["errors"][0]["message"],
        "The Secretariat operates the platform and cannot be suspended."
    );
    let actions = ok(app
        .gql(
            Some(&admin),
            "query($id:ID!){ organization(id:$id){ viewerActions } }",
            json!({"id": secretariat}),
        )
        .await);
    let offered = actions["organization"]["viewerActions"].to_string();
    assert!(!offered.contains("\"SUSPEND\""), "{offered}");

    let body = app
        .gql(
            Some(&admin),
            "mutation($o:ID!,$u:ID!){ changeMemberRole(organizationId:$o, userId:$u, role:SECRETARIAT_AUDITOR){ role } }",
            json!({"o": secretariat, "u": admin_id.to_string()}),
        )
        .await;
    assert_eq!(
        key(&body).as_deref(),
        Some("organization.last_administrator"),
        "{body}"
    );
    let body = app
        .gql(
            Some(&admin),
            "mutation($o:ID!,$u:ID!){ removeMember(organizationId:$o, userId:$u) }",
            json!({"o": secretariat, "u": admin_id.to_string()}),
        )
        .await;
    assert_eq!(
        key(&body).as_deref(),
        Some("organization.last_administrator"),
        "{body}"
    );
    assert_eq!(app.event_count().await, before, "nothing was appended");
    // Anyone still answers as an administrator.
    ok(app
        .gql(Some(&admin), "{ organizations { totalCount } }", json!({}))
        .await);

    // With a second administrator, the first may step down.
    let second = app
        .create_member(&admin, &secretariat, "second.admin", "SECRETARIAT_ADMIN")
        .await;
    app.change_member_role(
        &admin,
        &secretariat,
        &admin_id.to_string(),
        "SECRETARIAT_AUDITOR",
    )
    .await;
    let second_token = app.login("second.admin", DEMO_PASSWORD).await;
    let body = app
        .gql(
            Some(&second_token),
            "mutation($o:ID!,$u:ID!){ removeMember(organizationId:$o, userId:$u) }",
            json!({"o": secretariat, "u": second}),
        )
        .await;
    assert_eq!(
        key(&body).as_deref(),
        Some("organization.last_administrator"),
        "{body}"
    );
}

#[tokio::test]
async fn the_sign_in_page_is_throttled_per_browser_and_its_cookie_is_secure_over_https() {
    let app = TestApp::spawn_with(Options {
        configure: behind_this_proxy,
        ..Options::default()
    })
    .await;
    app.admin().await;
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let sign_in = |client: &'static str, password: &'static str, proto: &'static str| {
        browser
            .post(format!("{}/login", app.base))
            .header("x-forwarded-for", client)
            .header("x-forwarded-proto", proto)
            .form(&[("username", "admin"), ("password", password)])
            .send()
    };
    for _ in 0..6 {
        sign_in("203.0.113.20", "wrong-password", "https")
            .await
            .unwrap();
    }
    let refused = sign_in("203.0.113.20", DEMO_PASSWORD, "https")
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 429);
    let addresses: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT address FROM access_log WHERE kind = 'login_failed'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(addresses, vec!["203.0.113.20".to_string()]);

    let over_https = sign_in("198.51.100.20", DEMO_PASSWORD, "https")
        .await
        .unwrap();
    assert_eq!(over_https.status().as_u16(), 303);
    let cookie = over_https.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.starts_with("sanad_session=") && cookie.contains("Secure"),
        "{cookie}"
    );
    let over_http = sign_in("198.51.100.20", DEMO_PASSWORD, "http")
        .await
        .unwrap();
    let cookie = over_http.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(!cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn thirty_failures_from_one_address_slow_it_down_whatever_the_usernames() {
    let app = TestApp::spawn_with(Options {
        configure: behind_this_proxy,
        ..Options::default()
    })
    .await;
    app.admin().await;
    let sprayer = "203.0.113.30";
    for n in 0..6 {
        for _ in 0..5 {
            let body = login_via(&app, sprayer, &format!("guess{n}"), "wrong-password").await;
            assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"), "{body}");
        }
    }
    let body = login_via(&app, sprayer, "admin", DEMO_PASSWORD).await;
    assert_eq!(code(&body).as_deref(), Some("RATE_LIMITED"), "{body}");
    ok(login_via(&app, "203.0.113.31", "admin", DEMO_PASSWORD).await);
    let scopes: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT payload->'SignInThrottled'->>'scope' FROM events WHERE event_type = 'SignInThrottled' ORDER BY 1",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        scopes,
        vec!["account_address".to_string(), "address".to_string()]
    );
}

#[tokio::test]
async fn an_attack_spread_over_addresses_is_told_to_the_secretariat_and_slows_only_its_sources() {
    let app = TestApp::spawn_with(Options {
        configure: behind_this_proxy,
        ..Options::default()
    })
    .await;
    let admin = app.admin().await;
    for source in 1..=4 {
        let address = format!("203.0.113.{}", 40 + source);
        for _ in 0..5 {
            let body = login_via(&app, &address, "admin", "wrong-password").await;
            assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"), "{body}");
        }
    }
    ok(login_via(&app, "198.51.100.40", "admin", DEMO_PASSWORD).await);
    let alerts = ok(app.gql(Some(&admin), ALERTS, json!({})).await);
    let nodes = alerts["signInAlerts"]["nodes"].as_array().unwrap().clone();
    assert_eq!(nodes.len(), 5, "four sources and the account: {nodes:?}");
    assert_eq!(nodes[0]["scope"], "account", "newest first");
    assert_eq!(nodes[0]["failures"], 20);
}

/// Someone else's API token: a provider's coordinator cannot revoke a colleague's (it is
/// not found for them), the Secretariat's administrator can, and the token stops working.
#[tokio::test]
async fn only_the_secretariat_administrator_revokes_someone_elses_api_token() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let made = ok(app
        .gql(
            Some(&staff),
            "mutation { createApiToken(name: \"field tablet\") { id token } }",
            json!({}),
        )
        .await);
    let id = made["createApiToken"]["id"].as_str().unwrap().to_string();
    let token = made["createApiToken"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    let revoke = "mutation($id:ID!){ revokeApiToken(id:$id) }";

    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let refused = app.gql(Some(&coordinator), revoke, json!({"id": id})).await;
    assert_eq!(code(&refused).as_deref(), Some("NOT_FOUND"), "{refused}");
    let still = app
        .gql(Some(&token), "{ viewer { username } }", json!({}))
        .await;
    assert_eq!(
        still["data"]["viewer"]["username"], "ngo-amal-staff",
        "{still}"
    );

    let admin = app.login("admin", DEMO_PASSWORD).await;
    ok(app.gql(Some(&admin), revoke, json!({"id": id})).await);
    let body = app
        .gql(Some(&token), "{ organizations { totalCount } }", json!({}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"), "{body}");
}
