//! The attacks and protocol faults found when Sanad was probed as an attacker and driven by
//! third-party GraphQL clients, each kept as a named regression test against the real
//! router: no request may crash or stall the server, refusals are coded and readable,
//! signing out reaches open sockets, and the protocols behave as clients expect.

use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use sanad_tests::*;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

fn key(body: &Value) -> Option<String> {
    body["errors"][0]["extensions"]["key"]
        .as_str()
        .map(str::to_string)
}

async fn post_raw(app: &TestApp, accept: Option<&str>, body: Value) -> reqwest::Response {
    let mut req = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(a) = accept {
        req = req.header("accept", a);
    }
    req.send().await.expect("answered")
}

async fn healthy(app: &TestApp) -> bool {
    app.http
        .get(format!("{}/healthz", app.base))
        .timeout(Duration::from_secs(2))
        .send()
        .await
        .is_ok_and(|r| r.status().is_success())
}

#[tokio::test]
async fn a_deep_list_after_a_comment_ended_by_a_carriage_return_is_refused() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let doc = format!(
        "{{ organizations(search: #\r{}\"x\"{}) {{ totalCount }} }}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let (status, body) = app.gql_status(Some(&token), &doc, json!({})).await;
    assert!(status < 500, "{status}");
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"), "{body}");
    assert_eq!(key(&body).as_deref(), Some("request.too_deep"), "{body}");
    // Anonymous, and with a comment ended by `\r\n`: the same.
    let doc = format!("{{ a(x: #\r\n{}1{}) }}", "[".repeat(5000), "]".repeat(5000));
    let (_, body) = app.gql_status(None, &doc, json!({})).await;
    assert_eq!(key(&body).as_deref(), Some("request.too_deep"), "{body}");
    assert!(healthy(&app).await, "the server still answers");
}

#[tokio::test]
async fn fragments_that_each_spread_the_next_twice_are_refused_at_once() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let mut doc = String::from("query { ...F0 }\n");
    for i in 0..30 {
        doc.push_str(&format!(
            "fragment F{i} on QueryRoot {{ ...F{n} ...F{n} }}\n",
            n = i + 1
        ));
    }
    doc.push_str("fragment F30 on QueryRoot { __typename }\n");
    assert!(doc.len() < 1500, "the attack is small: {} bytes", doc.len());
    let started = Instant::now();
    let (status, body) = app.gql_status(Some(&token), &doc, json!({})).await;
    assert!(status < 500);
    assert_eq!(
        key(&body).as_deref(),
        Some("request.too_many_fields"),
        "{body}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "refused in {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_request_past_its_time_budget_is_stopped_with_a_code() {
    let app = TestApp::spawn_with(Options {
        projector: true,
        configure: |c| c.request_timeout_seconds = 1,
    })
    .await;
    let token = app.admin().await;
    // Another session holds the directory table: the query waits for it, past its budget.
    let mut lock = app.pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *lock)
        .await
        .unwrap();
    let started = Instant::now();
    let body = app
        .gql(
            Some(&token),
            "{ organizations(first: 5) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(key(&body).as_deref(), Some("request.timeout"), "{body}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(healthy(&app).await);
    lock.rollback().await.unwrap();
    let body = app
        .gql(
            Some(&token),
            "{ organizations(first: 5) { totalCount } }",
            json!({}),
        )
        .await;
    assert!(body.get("errors").is_none(), "{body}");
}

#[tokio::test]
async fn an_oversized_body_gets_a_coded_graphql_error_the_client_can_read() {
    let app = TestApp::spawn().await;
    let big = "x".repeat(2 * 1024 * 1024);
    for accept in [None, Some("application/graphql-response+json")] {
        let resp = post_raw(
            &app,
            accept,
            json!({"query": "{ __typename }", "variables": {"x": big}}),
        )
        .await;
        assert_eq!(resp.status().as_u16(), 413);
        let body: Value = resp.json().await.expect("a JSON body that was read whole");
        assert_eq!(code(&body).as_deref(), Some("VALIDATION"), "{body}");
        assert_eq!(key(&body).as_deref(), Some("request.too_large"), "{body}");
        assert!(body.get("data").is_none(), "{body}");
    }
}

#[tokio::test]
async fn control_characters_in_any_text_are_a_coded_validation_error_and_append_nothing() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let before = app.event_count().await;
    let nul = "a\u{0}b";
    let cases: [(Option<&str>, &str, Value, &str); 5] = [
        (
            Some(&caseworker),
            "query($s: String) { organizations(search: $s) { totalCount } }",
            json!({"s": nul}),
            "s",
        ),
        (
            Some(&caseworker),
            "query($c: String) { referrals(caseNumber: $c) { totalCount } }",
            json!({"c": nul}),
            "c",
        ),
        (
            None,
            "mutation($u: String!) { login(username: $u, password: \"x\") { sessionToken } }",
            json!({"u": nul}),
            "u",
        ),
        (
            Some(&caseworker),
            "mutation { createApiToken(name: \"n\\u0000\") { id } }",
            json!({}),
            "name",
        ),
        (
            Some(&caseworker),
            "mutation($i: NewReferralInput!) { createReferral(input: $i) { id } }",
            json!({"i": {
                "beneficiaryType": "RETURNEE_FROM_ABROAD", "governorate": "IQ-NI", "district": "الموصل\u{0}",
                "sex": "FEMALE", "ageBand": "FROM_25_TO_34", "householdSize": 4,
                "needs": [{"category": "PSYCHOSOCIAL"}],
                "consent": {"givenBy": "PERSON", "givenOn": "2026-11-20", "shareWithProviders": true, "mayContact": true}
            }}),
            "district",
        ),
    ];
    for (token, doc, vars, field) in cases {
        let (status, body) = app.gql_status(token, doc, vars).await;
        assert!(status < 500, "{doc}: {status}");
        assert_eq!(code(&body).as_deref(), Some("VALIDATION"), "{doc}: {body}");
        assert_eq!(
            key(&body).as_deref(),
            Some("input.control_character"),
            "{doc}: {body}"
        );
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    assert_eq!(
        app.event_count().await,
        before,
        "refused commands append nothing"
    );
    // The message names the field.
    let (_, body) = app
        .gql_status(
            None,
            "query($s: String) { organizations(search: $s) { totalCount } }",
            json!({"s": "\u{7}"}),
        )
        .await;
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("\"s\""),
        "the message names the field: {body}"
    );
    // Tabs and line breaks are text.
    let body = app
        .gql(
            Some(&caseworker),
            "query($s: String) { organizations(search: $s) { totalCount } }",
            json!({"s": "a\tb\r\nc"}),
        )
        .await;
    assert!(body.get("errors").is_none(), "{body}");
}

#[tokio::test]
async fn answers_follow_the_media_type_the_client_accepts() {
    let app = TestApp::spawn().await;
    // graphql-response+json: a request error is a 400 without data.
    let resp = post_raw(
        &app,
        Some("application/graphql-response+json, application/json;q=0.9"),
        json!({"query": "{ nope }"}),
    )
    .await;
    assert_eq!(resp.status().as_u16(), 400);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/graphql-response+json"));
    let body: Value = resp.json().await.unwrap();
    assert!(body.get("data").is_none(), "{body}");
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"));
    // application/json: 200, still without data.
    let resp = post_raw(&app, Some("application/json"), json!({"query": "{ nope }"})).await;
    assert_eq!(resp.status().as_u16(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let body: Value = resp.json().await.unwrap();
    assert!(body.get("data").is_none(), "{body}");
    // A query that ran answers 200 with data in both.
    let resp = post_raw(
        &app,
        Some("application/graphql-response+json"),
        json!({"query": "{ __typename }"}),
    )
    .await;
    assert_eq!(resp.status().as_u16(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["data"]["__typename"], "QueryRoot");
}

#[tokio::test]
async fn get_runs_queries_for_clients_that_ask_for_json_and_refuses_mutations() {
    let app = TestApp::spawn().await;
    let url = format!("{}/graphql", app.base);
    let resp = app
        .http
        .get(&url)
        .query(&[("query", "{ __typename }")])
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["data"]["__typename"], "QueryRoot", "{body}");
    let resp = app
        .http
        .get(&url)
        .query(&[
            ("query", "query($n: String!) { __type(name: $n) { name } }"),
            ("variables", "{\"n\": \"DateTime\"}"),
        ])
        .header("accept", "application/graphql-response+json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200, "{:?}", resp.text().await);
    let resp = app
        .http
        .get(&url)
        .query(&[("query", "mutation { logout }")])
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 405);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(key(&body).as_deref(), Some("request.method"), "{body}");
    // A browser asking for HTML gets GraphiQL (development mode).
    let resp = app
        .http
        .get(&url)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert!(resp.text().await.unwrap().contains("GraphiQL"));
}

#[tokio::test]
async fn a_batch_is_refused_with_a_coded_json_error() {
    let app = TestApp::spawn().await;
    let resp = post_raw(
        &app,
        None,
        json!([{"query": "{ __typename }"}, {"query": "{ __typename }"}]),
    )
    .await;
    assert_eq!(resp.status().as_u16(), 400);
    let body: Value = resp.json().await.expect("JSON, not plain text");
    assert_eq!(
        key(&body).as_deref(),
        Some("request.batch_unsupported"),
        "{body}"
    );
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"));
}

#[tokio::test]
async fn a_field_that_errors_is_null_and_a_non_null_one_nulls_its_parent() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let body = app
        .gql(
            Some(&token),
            "{ viewer { username } organization(id: \"00000000-0000-0000-0000-000000000000\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(body["data"]["viewer"]["username"], "admin", "{body}");
    let data = body["data"].as_object().expect("data");
    assert!(
        data.contains_key("organization") && data["organization"].is_null(),
        "{body}"
    );
    assert_eq!(code(&body).as_deref(), Some("NOT_FOUND"), "{body}");
    // `referral` is non-null: not found, it nulls `data` (there is no nullable parent).
    let body = app
        .gql(
            Some(&token),
            "{ viewer { username } referral(id: \"00000000-0000-0000-0000-000000000000\") { id } }",
            json!({}),
        )
        .await;
    assert!(body["data"].is_null(), "{body}");
    assert_eq!(code(&body).as_deref(), Some("NOT_FOUND"), "{body}");
    // `organizations` is non-null: refused to an anonymous caller, it nulls `data`.
    let body = app
        .gql(
            None,
            "{ __typename organizations(first: 1) { totalCount } }",
            json!({}),
        )
        .await;
    assert!(body.as_object().unwrap().contains_key("data"), "{body}");
    assert!(body["data"].is_null(), "{body}");
    assert_eq!(code(&body).as_deref(), Some("UNAUTHENTICATED"), "{body}");
}

/// The introspection query graphql-js, graphql-core and gql send (9 levels of `ofType`).
const INTROSPECTION: &str = "query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description specifiedByURL
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
}";

#[tokio::test]
async fn the_standard_introspection_query_answers_and_datetime_names_its_specification() {
    let app = TestApp::spawn().await;
    let body = app.gql(None, INTROSPECTION, json!({})).await;
    assert!(body.get("errors").is_none(), "{body}");
    let types = body["data"]["__schema"]["types"].as_array().expect("types");
    let datetime = types
        .iter()
        .find(|t| t["name"] == "DateTime")
        .expect("DateTime");
    assert_eq!(
        datetime["specifiedByURL"],
        "https://datatracker.ietf.org/doc/html/rfc3339"
    );
    let sdl =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../schema.graphql")).unwrap();
    assert!(sdl.contains(
        "scalar DateTime @specifiedBy(url: \"https://datatracker.ietf.org/doc/html/rfc3339\")"
    ));
    // Deeper than any client needs is still refused.
    let mut deep = String::from("name");
    for _ in 0..20 {
        deep = format!("ofType {{ {deep} }}");
    }
    let q = format!("{{ __schema {{ types {{ fields {{ type {{ {deep} }} }} }} }} }}");
    let body = app.gql(None, &q, json!({})).await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"), "{body}");
}

#[tokio::test]
async fn a_large_first_is_a_range_error_naming_the_argument_and_anonymous_callers_are_told_to_sign_in_first(
) {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let body = app
        .gql(
            Some(&token),
            "{ organizations(first: 1000000) { edges { node { id nameAr } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        key(&body).as_deref(),
        Some("input.first_out_of_range"),
        "{body}"
    );
    assert_eq!(body["errors"][0]["extensions"]["field"], "first");
    for doc in [
        "mutation { transferReferral(id: \"x\", providerId: \"not-an-id\", reason: \"r\") { id } }",
        "mutation { assignCaseworker(id: \"x\", userId: \"not-an-id\") { id } }",
    ] {
        let body = app.gql(None, doc, json!({})).await;
        assert_eq!(
            code(&body).as_deref(),
            Some("UNAUTHENTICATED"),
            "{doc}: {body}"
        );
    }
}

#[tokio::test]
async fn logout_with_an_api_token_says_there_is_no_session_to_end() {
    let app = TestApp::spawn().await;
    let session = app.admin().await;
    let token = ok(app
        .gql(
            Some(&session),
            "mutation { createApiToken(name: \"ci\") { token } }",
            json!({}),
        )
        .await)["createApiToken"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    let body = app
        .gql(Some(&token), "mutation { logout }", json!({}))
        .await;
    assert_eq!(key(&body).as_deref(), Some("logout.api_token"), "{body}");
    // What it said is true: the token still works, and revoking it is the way to stop it.
    let body = app
        .gql(Some(&token), "{ viewer { username } }", json!({}))
        .await;
    assert_eq!(body["data"]["viewer"]["username"], "admin", "{body}");
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    for path in ["/", "/login", "/healthz", "/graphql?query=%7B__typename%7D"] {
        let resp = app
            .http
            .get(format!("{}{path}", app.base))
            .header("accept", "application/json")
            .send()
            .await
            .unwrap();
        let h = resp.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
    }
}

#[tokio::test]
async fn outside_development_graphiql_introspection_and_metrics_are_closed() {
    let app = TestApp::spawn_with(Options {
        projector: true,
        configure: |c| {
            c.dev = Some(false);
            c.master_key = Some("11".repeat(32));
            c.metrics_allow = Some("10.9.0.0/16".into());
        },
    })
    .await;
    let resp = app
        .http
        .get(format!("{}/graphql", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert!(!resp.text().await.unwrap().contains("GraphiQL"));
    let body = app
        .gql(None, "{ __schema { types { name } } }", json!({}))
        .await;
    assert!(
        body["data"]["__schema"].is_null(),
        "introspection answered: {body}"
    );
    let body = app.gql(None, "{ __typename }", json!({})).await;
    assert_eq!(body["data"]["__typename"], "QueryRoot");
    let resp = app
        .http
        .get(format!("{}/metrics", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 403, "metrics open to 127.0.0.1");
}

#[tokio::test]
async fn the_server_refuses_to_start_without_a_master_key_unless_in_development_mode() {
    let db = TestDb::create().await;
    for env in [
        [("BIND", "0.0.0.0:0"), ("SANAD_DEV", "")],
        [("BIND", "127.0.0.1:0"), ("SANAD_DEV", "false")],
    ] {
        let mut cmd = tokio::process::Command::new(sanad_bin());
        cmd.arg("serve")
            .env("DATABASE_URL", &db.url)
            .env_remove("SANAD_MASTER_KEY")
            .env_remove("SANAD_DEV");
        for (k, v) in env {
            if !v.is_empty() {
                cmd.env(k, v);
            }
        }
        cmd.env("BIND", env[0].1);
        let out = tokio::time::timeout(Duration::from_secs(30), cmd.output())
            .await
            .expect("exits at once")
            .expect("runs");
        assert!(!out.status.success(), "{env:?} started");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("SANAD_MASTER_KEY"), "{env:?}: {err}");
    }
}

// graphql-transport-ws, as the `graphql-ws` library speaks it.

use sanad_tests::ws::Ws;

async fn ws(app: &TestApp) -> Ws {
    let (socket, chosen) = sanad_tests::ws::connect(app).await;
    assert_eq!(chosen.as_deref(), Some("graphql-transport-ws"));
    socket
}

async fn send(ws: &mut Ws, v: Value) {
    sanad_tests::ws::send(ws, v).await
}

enum Next {
    Message(Value),
    Closed(u16),
}

async fn next(ws: &mut Ws, within: Duration) -> Next {
    loop {
        let msg = tokio::time::timeout(within, ws.next())
            .await
            .expect("the server says something in time");
        match msg {
            Some(Ok(Message::Text(t))) => return Next::Message(serde_json::from_str(&t).unwrap()),
            Some(Ok(Message::Close(frame))) => {
                return Next::Closed(frame.map_or(1005, |f| u16::from(f.code)))
            }
            Some(Ok(_)) => continue,
            _ => return Next::Closed(1006),
        }
    }
}

async fn closed_with(ws: &mut Ws, within: Duration) -> u16 {
    loop {
        match next(ws, within).await {
            Next::Closed(code) => return code,
            Next::Message(_) => continue,
        }
    }
}

async fn acked(app: &TestApp, token: &str) -> Ws {
    let mut socket = ws(app).await;
    send(
        &mut socket,
        json!({"type": "connection_init", "payload": {"authorization": format!("Bearer {token}")}}),
    )
    .await;
    match next(&mut socket, Duration::from_secs(5)).await {
        Next::Message(m) => assert_eq!(m["type"], "connection_ack", "{m}"),
        Next::Closed(c) => panic!("closed with {c}"),
    }
    socket
}

#[tokio::test]
async fn graphql_ws_closes_with_the_protocols_codes() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    // Subscribe before connection_init: 4401.
    let mut s = ws(&app).await;
    send(
        &mut s,
        json!({"id": "1", "type": "subscribe", "payload": {"query": "{ __typename }"}}),
    )
    .await;
    assert_eq!(closed_with(&mut s, Duration::from_secs(5)).await, 4401);
    // A token nobody issued: 4403.
    let mut s = ws(&app).await;
    send(
        &mut s,
        json!({"type": "connection_init", "payload": {"authorization": "Bearer nonsense"}}),
    )
    .await;
    assert_eq!(closed_with(&mut s, Duration::from_secs(5)).await, 4403);
    // Two connection_init: 4429; a repeated id: 4409; not the protocol: 4400.
    let mut s = acked(&app, &token).await;
    send(
        &mut s,
        json!({"type": "connection_init", "payload": {"authorization": format!("Bearer {token}")}}),
    )
    .await;
    assert_eq!(closed_with(&mut s, Duration::from_secs(5)).await, 4429);
    let mut s = acked(&app, &token).await;
    send(&mut s, json!({"type": "ping"})).await;
    match next(&mut s, Duration::from_secs(5)).await {
        Next::Message(m) => assert_eq!(m["type"], "pong"),
        Next::Closed(c) => panic!("closed with {c}"),
    }
    send(&mut s, json!({"type": "what"})).await;
    assert_eq!(closed_with(&mut s, Duration::from_secs(5)).await, 4400);
    // Silent past the initialisation timeout: 4408.
    let mut s = ws(&app).await;
    let started = Instant::now();
    assert_eq!(closed_with(&mut s, Duration::from_secs(15)).await, 4408);
    assert!(started.elapsed() < Duration::from_secs(14));
}

#[tokio::test]
async fn graphql_ws_answers_queries_and_sends_coded_errors() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let mut s = acked(&app, &token).await;
    send(
        &mut s,
        json!({"id": "a", "type": "subscribe", "payload": {"query": "{ viewer { username } }"}}),
    )
    .await;
    match next(&mut s, Duration::from_secs(5)).await {
        Next::Message(m) => {
            assert_eq!(m["type"], "next", "{m}");
            assert_eq!(m["payload"]["data"]["viewer"]["username"], "admin");
        }
        Next::Closed(c) => panic!("closed with {c}"),
    }
    match next(&mut s, Duration::from_secs(5)).await {
        Next::Message(m) => assert_eq!(m["type"], "complete", "{m}"),
        Next::Closed(c) => panic!("closed with {c}"),
    }
    // A validation error is an `error` message with its code.
    send(
        &mut s,
        json!({"id": "b", "type": "subscribe", "payload": {"query": "{ nope }"}}),
    )
    .await;
    match next(&mut s, Duration::from_secs(5)).await {
        Next::Message(m) => {
            assert_eq!(m["type"], "error", "{m}");
            assert_eq!(m["payload"][0]["extensions"]["code"], "VALIDATION", "{m}");
        }
        Next::Closed(c) => panic!("closed with {c}"),
    }
    // So is the deep list that crashed the server, and the socket stays usable.
    let deep = format!("{{ a(x: #\r{}1{}) }}", "[".repeat(5000), "]".repeat(5000));
    send(
        &mut s,
        json!({"id": "c", "type": "subscribe", "payload": {"query": deep}}),
    )
    .await;
    match next(&mut s, Duration::from_secs(5)).await {
        Next::Message(m) => {
            assert_eq!(m["type"], "error", "{m}");
            assert_eq!(
                m["payload"][0]["extensions"]["key"], "request.too_deep",
                "{m}"
            );
        }
        Next::Closed(c) => panic!("closed with {c}"),
    }
    send(
        &mut s,
        json!({"id": "d", "type": "subscribe", "payload": {"query": "{ __typename }"}}),
    )
    .await;
    match next(&mut s, Duration::from_secs(5)).await {
        Next::Message(m) => assert_eq!(m["type"], "next", "{m}"),
        Next::Closed(c) => panic!("closed with {c}"),
    }
}

#[tokio::test]
async fn signing_out_ends_the_sockets_of_that_session() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    // A socket streaming the board, and one left idle.
    let mut streaming = acked(&app, &staff).await;
    send(&mut streaming, json!({"id": "1", "type": "subscribe", "payload": {"query": "subscription { referralBoard { totalCount } }"}})).await;
    match next(&mut streaming, Duration::from_secs(5)).await {
        Next::Message(m) => assert_eq!(m["type"], "next", "{m}"),
        Next::Closed(c) => panic!("closed with {c}"),
    }
    let mut idle = acked(&app, &staff).await;
    ok(app
        .gql(Some(&staff), "mutation { logout }", json!({}))
        .await);
    // The next operation on the idle socket is refused, and no token can be minted there.
    send(&mut idle, json!({"id": "2", "type": "subscribe", "payload": {"query": "mutation { createApiToken(name: \"after\") { token } }"}})).await;
    assert_eq!(closed_with(&mut idle, Duration::from_secs(5)).await, 4403);
    // The streaming socket is closed within a few seconds.
    assert_eq!(
        closed_with(&mut streaming, Duration::from_secs(10)).await,
        4403
    );
    let tokens: i64 = sqlx::query_scalar("SELECT count(*) FROM api_tokens")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(tokens, 0, "no token was made after the sign-out");
}

#[tokio::test]
async fn a_revoked_token_and_a_suspended_organisation_end_their_sockets() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let admin = app.login("admin", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let made = ok(app
        .gql(
            Some(&staff),
            "mutation { createApiToken(name: \"ws\") { id token } }",
            json!({}),
        )
        .await);
    let (id, token) = (
        made["createApiToken"]["id"].as_str().unwrap().to_string(),
        made["createApiToken"]["token"]
            .as_str()
            .unwrap()
            .to_string(),
    );
    let mut by_token = acked(&app, &token).await;
    let mut by_session = acked(&app, &staff).await;
    ok(app
        .gql(
            Some(&staff),
            "mutation($id: ID!) { revokeApiToken(id: $id) }",
            json!({"id": id}),
        )
        .await);
    assert_eq!(
        closed_with(&mut by_token, Duration::from_secs(10)).await,
        4403
    );
    let org = app.org_id("Al-Amal Development Organisation").await;
    ok(app
        .gql(
            Some(&admin),
            "mutation($id: ID!) { suspendOrganization(id: $id, reason: \"audit\") { status } }",
            json!({"id": org}),
        )
        .await);
    assert_eq!(
        closed_with(&mut by_session, Duration::from_secs(10)).await,
        4403
    );
}

#[tokio::test]
async fn a_stopped_server_exits_within_seconds_even_with_sockets_open() {
    let db = TestDb::create().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = tokio::process::Command::new(sanad_bin())
        .arg("serve")
        .env("DATABASE_URL", &db.url)
        .env("BIND", format!("127.0.0.1:{port}"))
        .env("SANAD_DEV", "true")
        .kill_on_drop(true)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    assert!(
        eventually(30, || async {
            http.get(format!("{base}/healthz")).send().await.is_ok()
        })
        .await
    );
    // A socket that never says anything keeps a graceful stop waiting.
    let (_socket, _) =
        tokio_tungstenite::connect_async(format!("ws://127.0.0.1:{port}/graphql/ws"))
            .await
            .unwrap();
    let pid = child.id().expect("running").to_string();
    let stopped = Instant::now();
    assert!(std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let status = tokio::time::timeout(Duration::from_secs(15), child.wait())
        .await
        .expect("the server stopped within 15 s")
        .unwrap();
    assert!(
        stopped.elapsed() < Duration::from_secs(10),
        "{:?}",
        stopped.elapsed()
    );
    assert!(status.success(), "{status:?}");
}

/// A third-party graphql-ws client against the server.
mod third_party;

#[tokio::test]
async fn fragments_made_of_spreads_alone_are_counted_and_refused_at_once() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    // Each fragment spreads the next four times; the last spreads one never defined.
    let mut doc = String::from("{ ...F0 }\n");
    for i in 0..14 {
        doc.push_str(&format!(
            "fragment F{i} on QueryRoot {{ ...F{n} ...F{n} ...F{n} ...F{n} }}\n",
            n = i + 1
        ));
    }
    doc.push_str("fragment F14 on QueryRoot { ...Nope }\n");
    let started = Instant::now();
    let (_, body) = app.gql_status(Some(&token), &doc, json!({})).await;
    assert_eq!(
        key(&body).as_deref(),
        Some("request.too_many_fields"),
        "{body}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_known_document_of_two_mutations_runs_neither_when_a_variable_is_missing() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let doc = "mutation($name: String!, $id: ID!) { a: createApiToken(name: $name) { id } b: revokeApiToken(id: $id) }";
    let made = ok(app
        .gql(
            Some(&token),
            "mutation { createApiToken(name: \"first\") { id } }",
            json!({}),
        )
        .await)["createApiToken"]["id"]
        .clone();
    // Once whole, so the document is known to pass the full validation.
    ok(app
        .gql(Some(&token), doc, json!({"name": "second", "id": made}))
        .await);
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM api_tokens")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    let before = count().await;
    let (_, body) = app
        .gql_status(Some(&token), doc, json!({"name": "third"}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"), "{body}");
    assert_eq!(
        key(&body).as_deref(),
        Some("input.variable_missing"),
        "{body}"
    );
    assert_eq!(body["errors"][0]["extensions"]["field"], "id", "{body}");
    assert!(body["data"].is_null(), "{body}");
    assert_eq!(count().await, before, "the first mutation ran");
    // A one-field mutation with a variable left out is a request error too.
    let one = "mutation($name: String!) { createApiToken(name: $name) { id } }";
    ok(app.gql(Some(&token), one, json!({"name": "fourth"})).await);
    let before = count().await;
    let resp = post_raw(
        &app,
        Some("application/graphql-response+json"),
        json!({"query": one, "variables": {}}),
    )
    .await;
    // Not signed in over this raw request: the refusal comes before anyone is asked.
    assert_eq!(resp.status().as_u16(), 400);
    assert_eq!(count().await, before);
}

#[tokio::test]
async fn a_burst_of_operations_on_one_socket_does_not_deadlock_it() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let mut s = acked(&app, &token).await;
    for i in 0..40 {
        send(&mut s, json!({"id": format!("b{i}"), "type": "subscribe", "payload": {"query": "{ __typename }"}})).await;
    }
    send(&mut s, json!({"type": "ping"})).await;
    let mut pong = false;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !pong && Instant::now() < deadline {
        match next(&mut s, Duration::from_secs(10)).await {
            Next::Message(m) => pong = m["type"] == "pong",
            Next::Closed(c) => panic!("closed with {c}"),
        }
    }
    assert!(pong, "the socket still answers after a burst");
}

#[tokio::test]
async fn a_websocket_message_over_the_body_limit_closes_the_socket() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let mut s = acked(&app, &token).await;
    let huge = "x".repeat(2 * 1024 * 1024);
    let _ = s
        .send(Message::Text(
            json!({"id": "1", "type": "subscribe", "payload": {"query": "{ __typename }", "variables": {"x": huge}}})
                .to_string()
                .into(),
        ))
        .await;
    let code = closed_with(&mut s, Duration::from_secs(10)).await;
    assert_eq!(code, 1009, "message too big");
    assert!(healthy(&app).await);
}
