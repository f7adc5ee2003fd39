//! One named test per known attack, and hostile load while health and ordinary commands
//! must keep answering.

use super::*;

/// Sends `query` as `role`: what went wrong (nothing when the server survived and
/// answered in time with data or coded errors, never 5xx or INTERNAL). A server that died
/// or stalled is started again, so that the next attack is judged on its own.
async fn withstand(
    t: &mut Target,
    what: &str,
    role: &str,
    query: &str,
    variables: Value,
) -> Vec<String> {
    let answer = t.gql(role, query, variables.clone()).await;
    let down = t.down().await;
    let log = t.serve.log_text();
    let mut found = Vec::new();
    match &answer {
        Err(e) => found.push(e.clone()),
        Ok(a) => {
            let case = Case::hostile("named", query.into());
            found.extend(problems(&case, a, None));
            let uncoded = a.body["errors"]
                .as_array()
                .is_some_and(|errors| errors.iter().any(|e| !e["extensions"]["code"].is_string()));
            if uncoded {
                found.push("an error without extensions.code".into());
            }
        }
    }
    let restart = answer.is_err() || down.is_some();
    found.extend(down);
    if restart {
        t.restart().await;
    }
    if found.is_empty() {
        return found;
    }
    vec![format!(
        "{what}, as {role}: {}\n      document {}\n      variables {}\n      answer {}",
        found.join("\n      and "),
        show(query, 300),
        show(&variables.to_string(), 200),
        answer
            .as_ref()
            .map(|a| format!("{}{}", a.shown(), logged_causes(&log, a)))
            .unwrap_or_else(|e| e.clone())
    )]
}

fn assert_none(failures: Vec<String>, tried: usize) {
    assert!(
        failures.is_empty(),
        "{} of {tried} attacks were not withstood:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_list_after_cr_comment() {
    let mut t = Target::start().await;
    let mut failures = Vec::new();
    let depths = [1_000, 2_000, 3_000, 5_000, 20_000];
    for depth in depths {
        failures.extend(
            withstand(
                &mut t,
                &format!("a list literal {depth} deep after a comment ended by \\r"),
                "admin",
                &cr_comment_deep_list(depth),
                json!({}),
            )
            .await,
        );
        let inside = format!(
            "{{ organizations(search: [#\r{}\"x\"{}]) {{ totalCount }} }}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        failures.extend(
            withstand(
                &mut t,
                &format!("a list {depth} deep behind `#\\r` inside the first bracket"),
                "anonymous",
                &inside,
                json!({}),
            )
            .await,
        );
    }
    assert_none(failures, depths.len() * 2);
}

/// Value literals nested thousands deep once overflowed the parser's stack; documents
/// nested beyond 64 levels are now refused before parsing, with a VALIDATION error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deeply_nested_value_literals_do_not_crash_the_server() {
    let mut t = Target::start().await;
    let mut failures = Vec::new();
    let depths = [1_000, 2_000, 4_000, 8_000, 16_000];
    for depth in depths {
        failures.extend(
            withstand(
                &mut t,
                &format!("a list literal {depth} deep"),
                "admin",
                &deep_list(depth),
                json!({}),
            )
            .await,
        );
        let object = format!(
            "mutation {{ registerOrganization(input: {}kind: NGO{}) {{ id }} }}",
            "{a: ".repeat(depth),
            "}".repeat(depth)
        );
        failures.extend(
            withstand(
                &mut t,
                &format!("an object literal {depth} deep"),
                "admin",
                &object,
                json!({}),
            )
            .await,
        );
    }
    assert_none(failures, depths.len() * 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exponential_fragment_spreads() {
    let mut t = Target::start().await;
    let mut failures = Vec::new();
    let levels = [10, 20, 30];
    for n in levels {
        failures.extend(
            withstand(
                &mut t,
                &format!("{n} fragments, each spreading the next twice"),
                "admin",
                &exponential_fragments(n),
                json!({}),
            )
            .await,
        );
    }
    assert_none(failures, levels.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_fragment_chains() {
    let mut t = Target::start().await;
    let mut failures = Vec::new();
    // 5,000 is about 200 KB, under the body limit.
    for n in [1_000, 5_000] {
        failures.extend(
            withstand(
                &mut t,
                &format!("{n} fragments, each spreading the next"),
                "admin",
                &fragment_chain(n),
                json!({}),
            )
            .await,
        );
    }
    for n in [13, 1_000, 4_000] {
        failures.extend(
            withstand(
                &mut t,
                &format!("a selection {n} deep made of fragments"),
                "auditor",
                &nested_by_fragments(n),
                json!({}),
            )
            .await,
        );
    }
    assert_none(failures, 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn huge_alias_count() {
    let mut t = Target::start().await;
    let cases = [
        (10_000, "__typename", true),
        (6_000, "governorates { code }", true),
        (5_000, "viewer { id organization { id } }", true),
        (10_000, "__typename", false),
        (6_000, "governorates { code }", false),
    ];
    let mut failures = Vec::new();
    for (n, field, distinct) in cases {
        let what = if distinct {
            format!("{n} aliases of `{field}`")
        } else {
            format!("`a: {field}` repeated {n} times")
        };
        failures.extend(
            withstand(
                &mut t,
                &what,
                "admin",
                &many_aliases(n, field, distinct),
                json!({}),
            )
            .await,
        );
    }
    assert_none(failures, cases.len());
}

/// A document that passed the full validation once runs with the engine's fast one after:
/// a variable then left out, null or of the wrong type is still the request's fault
/// (VALIDATION), never INTERNAL, and does nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_known_document_with_a_variable_missing_or_wrong() {
    let mut t = Target::start().await;
    let org = t.ids.organizations[0].clone();
    let user = t.ids.users[0].clone();
    let documents = [
        ("admin", "mutation($o:ID!,$u:ID!){ removeMember(organizationId:$o, userId:$u) }", json!({"o": uuid::Uuid::new_v4().to_string(), "u": user})),
        ("admin", "query($id:ID!){ organization(id:$id){ id nameEn } }", json!({"id": org})),
        ("ngo-amal-coordinator", "query($first:Int!,$g:String){ referralBoard(first:$first, governorate:$g){ totalCount } }", json!({"first": 2, "g": "IQ-NI"})),
        ("auditor", "query($n:Int!){ organizations(first:$n){ totalCount } }", json!({"n": 3})),
    ];
    let mut failures = Vec::new();
    let mut tried = 0;
    for (role, query, good) in documents {
        // Twice with good variables: the second runs on the fast path.
        for _ in 0..2 {
            if let Err(e) = t.gql(role, query, good.clone()).await {
                failures.push(format!("{query} with {good}: {e}"));
            }
        }
        let names: Vec<String> = good
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default();
        for name in &names {
            for wrong in [
                None,
                Some(json!(null)),
                Some(json!([1, 2])),
                Some(json!({"x": 1})),
                Some(json!(1e300)),
            ] {
                let mut variables = good.clone();
                match &wrong {
                    None => {
                        variables.as_object_mut().map(|o| o.remove(name));
                    }
                    Some(v) => variables[name] = v.clone(),
                }
                let what = match &wrong {
                    None => format!("${name} left out"),
                    Some(v) => format!("${name} = {v}"),
                };
                tried += 1;
                let before = t.events().await;
                let found = withstand(&mut t, &what, role, query, variables).await;
                let after = t.events().await;
                failures.extend(found);
                if before != after {
                    failures.push(format!(
                        "{what} in {query}: the events went from {before} to {after}"
                    ));
                }
            }
        }
    }
    assert_none(failures, tried);
}

/// Every kind of string argument, given NUL and other control characters, inline and as a
/// variable: never INTERNAL or 5xx, and a refused command appends nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nul_bytes_in_strings() {
    let t = Target::start().await;
    let org = t.ids.organizations[0].clone();
    let referral_input = "{beneficiaryType: IDP, governorate: \"IQ-NI\", district: $s, sex: FEMALE, ageBand: FROM_25_TO_34, householdSize: 4, needs: [{category: PSYCHOSOCIAL}], consent: {givenBy: PERSON, givenOn: \"2026-11-01\", shareWithProviders: true, mayContact: true}, personal: {fullName: \"Fuzz Person\"}}";
    let sites: Vec<(&str, &str, String, Option<&str>)> = vec![
        ("organizations(search)", "admin", "query($s:String){ organizations(search:$s){ totalCount } }".into(), None),
        ("organizations(governorate)", "ngo-amal-staff", "query($s:String){ organizations(governorate:$s){ totalCount } }".into(), None),
        ("referrals(caseNumber), Secretariat", "admin", "query($s:String){ referrals(caseNumber:$s){ totalCount } }".into(), None),
        ("referrals(caseNumber), NRM office", "nrm-ni-caseworker", "query($s:String){ referrals(caseNumber:$s){ totalCount } }".into(), None),
        ("login(username)", "anonymous", "mutation($s:String!){ login(username:$s, password:\"wrong-password-1\"){ sessionToken } }".into(), Some("login")),
        ("login(password)", "anonymous", "mutation($s:String!){ login(username:\"fuzz-nobody\", password:$s){ sessionToken } }".into(), Some("login")),
        ("createApiToken(name)", "admin", "mutation($s:String!){ createApiToken(name:$s){ id name } }".into(), Some("createApiToken")),
        ("createReferral(district)", "nrm-ni-caseworker", format!("mutation($s:String){{ createReferral(input:{referral_input}){{ id district }} }}"), Some("createReferral")),
        ("registerOrganization(nameAr)", "admin", "mutation($s:String!){ registerOrganization(input:{kind:NGO, nameAr:$s, nameEn:\"fuzz\", governorates:[\"IQ-NI\"]}){ id } }".into(), Some("registerOrganization")),
        ("suspendOrganization(reason)", "admin", format!("mutation($s:String!){{ suspendOrganization(id:\"{org}\", reason:$s){{ status }} }}"), Some("suspendOrganization")),
    ];
    let strings = ["\u{0}", "a\u{0}b", "\u{1}\u{1f}\u{7f}\u{1b}[0m"];
    let mut failures = Vec::new();
    for (site, role, template, mutation) in &sites {
        for s in strings {
            for inline in [false, true] {
                let (query, variables) = if inline {
                    let q = template
                        .replace("($s:String!)", "")
                        .replace("($s:String)", "")
                        .replace("$s", &graphql_string(s));
                    (q, json!({}))
                } else {
                    (template.clone(), json!({ "s": s }))
                };
                let context = format!(
                    "{site} as {role} given {s:?} {}\n      document {}",
                    if inline { "inline" } else { "as a variable" },
                    show(&query, 300)
                );
                let before = t.events().await;
                let answer = t.gql(role, &query, variables.clone()).await;
                let after = t.events().await;
                match answer {
                    Err(e) => failures.push(format!("{context}\n      {e}")),
                    Ok(a) => {
                        let case = Case {
                            kind: "nul",
                            hostile: true,
                            role: None,
                            body: Vec::new(),
                            content_type: "application/json",
                            graphql: true,
                            mutation: mutation.map(str::to_string),
                            first: None,
                            shown: String::new(),
                        };
                        for p in problems(&case, &a, Some((before, after))) {
                            failures.push(format!(
                                "{context}\n      {p}\n      answer {}{}",
                                a.shown(),
                                logged_causes(&t.serve.log_text(), &a)
                            ));
                        }
                    }
                }
            }
        }
    }
    let mut t = t;
    if let Some(down) = t.down().await {
        failures.push(down);
    }
    assert!(
        failures.is_empty(),
        "{} of {} requests failed:\n{}",
        failures.len(),
        sites.len() * strings.len() * 2,
        failures.join("\n")
    );
}

/// A 2 MB body (past the limit) gets a GraphQL error with a code the client can read, not
/// a reset connection or a bare status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_body() {
    let mut t = Target::start().await;
    let big = "x".repeat(2 * 1024 * 1024);
    let bodies = [
        (
            "a 2 MB variable",
            request("{ __typename }", &json!({ "x": big })),
        ),
        (
            "a 2 MB document",
            request(&format!("{{ __typename }} # {big}"), &json!({})),
        ),
    ];
    let mut failures = Vec::new();
    for (what, body) in bodies {
        let size = body.len();
        for role in ["anonymous", "admin"] {
            match t
                .post(t.token(role), body.clone(), "application/json")
                .await
            {
                Err(e) => failures.push(format!("{what} ({size} bytes) as {role}: {e}")),
                Ok(a) => {
                    let code = a.body["errors"][0]["extensions"]["code"].as_str();
                    if !(400..500).contains(&a.status) || code.is_none() {
                        failures.push(format!(
                            "{what} ({size} bytes) as {role}: wanted a 4xx with a GraphQL error and its extensions.code, got {}",
                            a.shown()
                        ));
                    }
                }
            }
        }
    }
    if let Some(down) = t.down().await {
        failures.push(down);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Two tasks sending hostile documents in a loop for a few seconds: `/healthz` still
/// answers (each within a second), and signing in and asking a question still work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_load_leaves_health_and_ordinary_commands_answering() {
    let mut t = Target::start().await;
    let until = Instant::now() + Duration::from_secs(5);
    let hostile = [
        ("deep list", cr_comment_deep_list(2_000)),
        ("exponential fragments", exponential_fragments(30)),
    ];
    let mut attackers = Vec::new();
    for (what, query) in hostile {
        let (http, base) = (fuzz_client(), t.serve.base.clone());
        let token = t.token("admin").map(str::to_string);
        attackers.push(tokio::spawn(async move {
            let mut sent = 0usize;
            while Instant::now() < until {
                let body = request(&query, &json!({}));
                let answer =
                    post_to(&http, &base, token.as_deref(), body, "application/json").await;
                sent += 1;
                if answer.is_err() {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
            (what, sent)
        }));
    }
    let mut failures = Vec::new();
    let (mut checks, mut commands) = (0usize, 0usize);
    while Instant::now() < until {
        checks += 1;
        if let Err(e) = health(&t.http, &t.serve.base).await {
            if let Some(down) = t.down().await.filter(|_| !t.serve.alive()) {
                failures.push(format!("health check {checks}: {down}"));
                break;
            }
            failures.push(format!("health check {checks}: {e}"));
        }
        if checks % 4 == 0 {
            commands += 1;
            let ordinary = async {
                let token = login(&t.http, &t.serve.base, "auditor").await?;
                let body = request("{ viewer { username } governorates { code } }", &json!({}));
                let a = post_to(
                    &t.http,
                    &t.serve.base,
                    Some(&token),
                    body,
                    "application/json",
                )
                .await?;
                if a.body["data"]["viewer"]["username"] == "auditor" {
                    Ok(())
                } else {
                    Err(a.shown())
                }
            };
            if let Err(e) = ordinary.await {
                failures.push(format!("ordinary login and query {commands}: {e}"));
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let mut sent = Vec::new();
    for a in attackers {
        if let Ok(s) = a.await {
            sent.push(s);
        }
    }
    if let Some(down) = t.down().await {
        failures.push(format!("after the load: {down}"));
    }
    eprintln!("hostile load: {sent:?} hostile requests, {checks} health checks, {commands} ordinary commands");
    assert!(
        failures.is_empty(),
        "under hostile load ({sent:?} requests sent), {} failures in {checks} health checks and {commands} ordinary logins and queries:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
