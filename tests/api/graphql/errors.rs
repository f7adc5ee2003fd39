//! Bad input gets a clear, coded error in the caller's language; never a panic or a 5xx.

use sanad_tests::*;
use serde_json::json;

#[tokio::test]
async fn malformed_documents_get_a_validation_error_not_a_5xx() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    for doc in [
        "{ organizations { edges { node { id x x x } }",
        "mutation { nope }",
        "{ organizations(first: \"ten\") { totalCount } }",
        "",
        "query { __typename ",
    ] {
        let (status, body) = app.gql_status(Some(&token), doc, json!({})).await;
        assert!(status < 500, "{doc:?} answered {status}");
        assert_eq!(
            code(&body).as_deref(),
            Some("VALIDATION"),
            "{doc:?}: {body}"
        );
    }
    // Not JSON at all.
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_client_error(), "{}", resp.status());
}

#[tokio::test]
async fn over_deep_and_over_complex_queries_are_refused() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let mut deep = String::from("__typename");
    for _ in 0..20 {
        deep = format!("ofType {{ {deep} }}");
    }
    let q = format!("{{ __schema {{ types {{ fields {{ type {{ {deep} }} }} }} }} }}");
    let (status, body) = app.gql_status(Some(&token), &q, json!({})).await;
    assert!(status < 500);
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"), "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("nested too deep"),
        "{body}"
    );

    // Values nested thousands deep are refused before the parser can recurse on them.
    let nested = format!(
        "{{ organizations(search: {}\"x\"{}) {{ totalCount }} }}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let (status, body) = app.gql_status(Some(&token), &nested, json!({})).await;
    assert!(status < 500);
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"), "{body}");

    let wide = "{ organizations(first: 100) { edges { node { history(first: 100) { edges { node { payload } } } } } } }";
    let body = app.gql(Some(&token), wide, json!({})).await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"), "{body}");
}

#[tokio::test]
async fn an_oversize_body_is_refused_with_413() {
    let app = TestApp::spawn().await;
    let big = "x".repeat(2 * 1024 * 1024);
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .json(&json!({"query": "{ __typename }", "variables": {"x": big}}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 413);
}

#[tokio::test]
async fn unknown_ids_and_invalid_values_name_the_field_at_fault() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let cases = [
        ("{ organization(id: \"00000000-0000-0000-0000-000000000000\") { id } }", "NOT_FOUND", None),
        ("{ organization(id: \"not-an-id\") { id } }", "VALIDATION", Some("id")),
        ("{ organizations(governorate: \"Mosul\") { totalCount } }", "VALIDATION", Some("governorate")),
        ("{ organizations(first: 1000) { totalCount } }", "VALIDATION", Some("first")),
        ("{ organizations(after: \"zz\") { totalCount } }", "VALIDATION", Some("after")),
        ("mutation { registerOrganization(input: {kind: NGO, nameAr: \"   \", nameEn: \"x\", governorates: [\"IQ-NI\"]}) { id } }", "VALIDATION", Some("nameAr")),
        ("mutation { registerOrganization(input: {kind: NGO, nameAr: \"س\", nameEn: \"x\", governorates: [\"IQ-ZZ\"]}) { id } }", "VALIDATION", Some("governorates")),
        ("mutation { verifyOrganization(id: \"00000000-0000-0000-0000-000000000000\") { id } }", "NOT_FOUND", None),
        ("mutation { suspendOrganization(id: \"00000000-0000-0000-0000-000000000000\", reason: \"\") { id } }", "NOT_FOUND", None),
        ("mutation { revokeApiToken(id: \"00000000-0000-0000-0000-000000000000\") }", "NOT_FOUND", Some("id")),
    ];
    for (doc, want, field) in cases {
        let (status, body) = app.gql_status(Some(&token), doc, json!({})).await;
        assert!(status < 500, "{doc}: {status}");
        assert_eq!(code(&body).as_deref(), Some(want), "{doc}: {body}");
        if let Some(f) = field {
            assert_eq!(body["errors"][0]["extensions"]["field"], f, "{doc}: {body}");
        }
        let msg = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(
            !msg.is_empty() && !msg.contains("sqlx") && !msg.contains("panicked"),
            "{msg}"
        );
    }
}

/// A document that passed the full validation once runs with the engine's fast one after;
/// a variable of the wrong type in it is still the request's fault, and does nothing.
#[tokio::test]
async fn wrong_typed_variables_in_a_known_document_are_validation_errors() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let list = "query($first: Int) { organizations(first: $first) { totalCount } }";
    let register = "mutation($c: String, $i: RegisterOrganizationInput!) { registerOrganization(commandId: $c, input: $i) { id } }";
    let input = |kind: &str, name: &str| json!({"kind": kind, "nameAr": name, "nameEn": name, "governorates": ["IQ-NI"]});
    let total = |body: &serde_json::Value| {
        body["data"]["organizations"]["totalCount"]
            .as_i64()
            .unwrap_or_else(|| panic!("{body}"))
    };
    let before = total(&app.gql(Some(&token), list, json!({"first": 5})).await);
    assert_eq!(
        total(&app.gql(Some(&token), list, json!({"first": 5})).await),
        before
    );
    for c in ["known-1", "known-2"] {
        let body = app
            .gql(
                Some(&token),
                register,
                json!({"c": c, "i": input("NGO", c)}),
            )
            .await;
        assert!(
            body["data"]["registerOrganization"]["id"].is_string(),
            "{body}"
        );
    }
    let wrong = [
        (list, json!({"first": "ten"})),
        (list, json!({"first": [1]})),
        (
            register,
            json!({"c": "known-3", "i": input("NOT_A_KIND", "x")}),
        ),
        (register, json!({"c": 7, "i": input("NGO", "x")})),
        (register, json!({"c": "known-5", "i": {"kind": "NGO"}})),
        (register, json!({"c": "known-6", "i": null})),
    ];
    for (doc, variables) in wrong {
        let (status, body) = app.gql_status(Some(&token), doc, variables.clone()).await;
        assert!(status < 500, "{variables}: {status}");
        assert_eq!(
            code(&body).as_deref(),
            Some("VALIDATION"),
            "{variables}: {body}"
        );
        let msg = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(!msg.is_empty() && !msg.contains("panicked"), "{msg}");
    }
    assert_eq!(
        total(&app.gql(Some(&token), list, json!({"first": 5})).await),
        before + 2,
        "a refused registration registered something"
    );
}

#[tokio::test]
async fn huge_strings_and_lists_are_refused_cleanly() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let long = "ن".repeat(5000);
    let body = app
        .gql(
            Some(&token),
            "mutation($n:String!){ registerOrganization(input:{kind:NGO, nameAr:$n, nameEn:\"x\", governorates:[\"IQ-NI\"]}){ id } }",
            json!({"n": long}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"));
    let many: Vec<String> = (0..5000).map(|i| format!("IQ-{i}")).collect();
    let body = app
        .gql(
            Some(&token),
            "mutation($g:[String!]!){ registerOrganization(input:{kind:NGO, nameAr:\"س\", nameEn:\"x\", governorates:$g}){ id } }",
            json!({"g": many}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"));
    let body = app
        .gql(Some(&token), "mutation($c:String){ registerOrganization(commandId:$c, input:{kind:NGO, nameAr:\"س\", nameEn:\"x\", governorates:[\"IQ-NI\"]}){ id } }", json!({"c": "c".repeat(500)}))
        .await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"));
    assert_eq!(body["errors"][0]["extensions"]["field"], "commandId");
}

#[tokio::test]
async fn messages_follow_the_callers_language_arabic_by_default() {
    let app = TestApp::spawn().await;
    let doc = json!({"query": "{ organizations { totalCount } }"});
    let arabic: serde_json::Value = app
        .http
        .post(format!("{}/graphql", app.base))
        .json(&doc)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(code(&arabic).as_deref(), Some("UNAUTHENTICATED"));
    assert_eq!(arabic["errors"][0]["message"], "يرجى تسجيل الدخول أولاً.");
    let english = app
        .gql(None, "{ organizations { totalCount } }", json!({}))
        .await;
    assert_eq!(english["errors"][0]["message"], "Please sign in first.");
    let kurdish: serde_json::Value = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("x-sanad-locale", "ckb")
        .json(&doc)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(
        kurdish["errors"][0]["message"],
        arabic["errors"][0]["message"]
    );
}

#[test]
fn the_committed_schema_matches_the_code() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../schema.graphql"))
            .expect("schema.graphql at the repository root");
    let current = api::graphql::sdl();
    assert!(
        committed == current,
        "schema.graphql is out of date: run `cargo run -p api -- schema > schema.graphql`"
    );
}
