//! The event store's promises, against the real PostgreSQL: append-only, one global log,
//! metadata on every event, hash links, idempotency, and refusals that append nothing.

use sanad_tests::*;
use serde_json::json;

const REGISTER: &str = "mutation($c:String){ registerOrganization(commandId:$c, input:{kind:NGO, nameAr:\"منظمة النور\", nameEn:\"Al-Noor\", governorates:[\"IQ-NI\"]}){ id status } }";

#[tokio::test]
async fn update_delete_and_truncate_on_events_are_refused_by_the_database() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let n = app.event_count().await;
    assert!(n > 0);
    for sql in [
        "UPDATE events SET payload = '{}'::jsonb",
        "DELETE FROM events",
        "TRUNCATE events",
    ] {
        let r = sqlx::query(sql).execute(&app.pool).await;
        assert!(r.is_err(), "{sql} succeeded");
        assert!(r.unwrap_err().to_string().contains("append-only"));
    }
    assert_eq!(app.event_count().await, n);
}

#[tokio::test]
async fn every_event_has_a_global_position_a_transaction_id_and_its_metadata() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let missing: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM events WHERE global_position IS NULL OR tx_id IS NULL
            OR metadata->>'actor_user' IS NULL OR metadata->>'command_id' IS NULL
            OR metadata->>'request_id' IS NULL OR metadata->>'occurred_at' IS NULL
            OR NOT (metadata ? 'actor_org') OR NOT (metadata ? 'actor_role')
            OR metadata->>'hash' IS NULL OR metadata->>'prev_hash' IS NULL",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(missing, 0);
    let (distinct, total): (i64, i64) =
        sqlx::query_as("SELECT count(DISTINCT global_position), count(*) FROM events")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(distinct, total, "global positions are unique");
    assert!(total > 50);

    // A command through GraphQL records who did it.
    let token = app.login("admin", DEMO_PASSWORD).await;
    let body = app
        .gql(Some(&token), REGISTER, json!({"c": "meta-check"}))
        .await;
    ok(body);
    let meta: serde_json::Value = sqlx::query_scalar(
        "SELECT metadata FROM events WHERE metadata->>'command_id' = 'meta-check'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(meta["actor_label"], "admin");
    assert_eq!(meta["actor_role"], "secretariat_admin");
    assert!(meta["actor_org"].as_str().is_some_and(|s| !s.is_empty()));
}

#[tokio::test]
async fn a_repeated_command_id_appends_once_even_when_sent_concurrently() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let before = app.event_count().await;
    let calls = (0..8).map(|_| app.gql(Some(&token), REGISTER, json!({"c": "same-id-1"})));
    let answers = futures::future::join_all(calls).await;
    let ids: Vec<String> = answers
        .into_iter()
        .map(|b| {
            ok(b)["registerOrganization"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] == w[1]),
        "one organisation: {ids:?}"
    );
    assert_eq!(app.event_count().await, before + 1);
}

#[tokio::test]
async fn concurrent_different_commands_on_one_record_get_the_domain_answer() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let id = ok(app.gql(Some(&token), REGISTER, json!({"c": "r"})).await)["registerOrganization"]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let verify = "mutation($id:ID!){ verifyOrganization(id:$id){ status } }";
    let calls = (0..10).map(|_| app.gql(Some(&token), verify, json!({"id": id})));
    let answers = futures::future::join_all(calls).await;
    let verified = answers.iter().filter(|b| b.get("errors").is_none()).count();
    let conflicts = answers
        .iter()
        .filter(|b| code(b).as_deref() == Some("CONFLICT"))
        .count();
    assert_eq!(verified, 1, "{answers:?}");
    assert_eq!(conflicts, 9, "{answers:?}");
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM events WHERE event_type = 'OrganizationVerified' AND aggregate_id = $1")
        .bind(&id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn a_role_that_may_not_verify_gets_forbidden_and_nothing_is_appended() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let pending = app.org_id("Basra Livelihoods Foundation").await;
    let before = app.event_count().await;
    let body = app
        .gql(
            Some(&coordinator),
            "mutation($id:ID!){ verifyOrganization(id:$id){ status } }",
            json!({"id": pending}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("FORBIDDEN"), "{body}");
    assert_eq!(app.event_count().await, before);
}

#[tokio::test]
async fn the_hash_chain_verifies_and_names_the_first_tampered_position() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let report = store::verify_chain(&app.pool).await.unwrap();
    assert!(report.intact(), "{report:?}");
    assert_eq!(report.checked as i64, app.event_count().await);

    // Tampering needs the owner to switch the guard off first; the chain still tells.
    let victim: i64 = sqlx::query_scalar(
        "SELECT global_position FROM events WHERE event_type = 'ServiceOffered' ORDER BY global_position LIMIT 1 OFFSET 2",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    sqlx::query("ALTER TABLE events DISABLE TRIGGER events_no_update_or_delete")
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE events SET payload = jsonb_set(payload, '{ServiceOffered,monthly_capacity}', '99999') WHERE global_position = $1")
        .bind(victim)
        .execute(&app.pool)
        .await
        .unwrap();
    let report = store::verify_chain(&app.pool).await.unwrap();
    assert_eq!(report.first_broken_position, Some(victim), "{report:?}");

    // The Secretariat sees the same through GraphQL.
    let token = app.login("auditor", DEMO_PASSWORD).await;
    let body = ok(app
        .gql(
            Some(&token),
            "{ eventChain { intact firstBrokenPosition } }",
            json!({}),
        )
        .await);
    assert_eq!(body["eventChain"]["intact"], false);
    assert_eq!(body["eventChain"]["firstBrokenPosition"], victim);
}

#[tokio::test]
async fn an_invalid_command_appends_nothing() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;
    let before = app.event_count().await;
    let body = app
        .gql(
            Some(&token),
            "mutation{ registerOrganization(input:{kind:NGO, nameAr:\"x\", nameEn:\"y\", governorates:[]}){ id } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("VALIDATION"));
    assert_eq!(body["errors"][0]["extensions"]["field"], "governorates");
    assert_eq!(app.event_count().await, before);
}

/// Registering an NGO, as a system task.
fn register_ngo(id: uuid::Uuid) -> domain::organization::OrganizationCommand {
    use domain::values::{Name, OrganizationKind};
    domain::organization::OrganizationCommand::Register {
        actor: domain::Actor::system("test"),
        id,
        kind: OrganizationKind::Ngo,
        profile: domain::organization::OrganizationProfile {
            name_ar: Name::new("منظمة الأمل").unwrap(),
            name_en: Name::new("Al-Amal").unwrap(),
            governorates: ["IQ-NI".parse().unwrap()].into(),
        },
    }
}

/// Each process keeps recently used aggregates in memory. Two stores on one database stand
/// for two processes: one decides on state the other has moved past, and must still give
/// the log's answer, with a gapless hash chain and no command acting twice.
#[tokio::test]
async fn a_process_deciding_on_state_another_process_moved_past_gets_the_logs_answer() {
    use domain::organization::{Organization, OrganizationCommand as C};
    use store::{CommandContext, EventStore, StoreError};

    let app = TestApp::spawn().await;
    let first = EventStore::new(app.pool.clone());
    let second = EventStore::new(app.pool.clone());
    let actor = || domain::Actor::system("test");
    let ctx = |id: &str| CommandContext::new(actor(), Some(id.to_string()), "test");
    let id = uuid::Uuid::new_v4();
    let key = id.to_string();

    first
        .execute::<Organization>(&key, &ctx("r"), register_ngo(id), &())
        .await
        .unwrap();
    let verify = C::Verify {
        actor: actor(),
        note: None,
    };
    first
        .execute::<Organization>(&key, &ctx("v"), verify, &())
        .await
        .unwrap();

    // The second process suspends it; the first still holds it as verified.
    let suspend = |reason: &str| C::Suspend {
        actor: actor(),
        reason: reason.into(),
    };
    second
        .execute::<Organization>(&key, &ctx("s1"), suspend("audit"), &())
        .await
        .unwrap();

    // "Not suspended" would be the answer of the first process's stale state; the log's
    // answer is that reinstating is allowed.
    let reinstate = || C::Reinstate {
        actor: actor(),
        note: None,
    };
    let done = first
        .execute::<Organization>(&key, &ctx("re"), reinstate(), &())
        .await
        .expect("reinstated against the log's state");
    assert_eq!(done.events, 1);
    // And a refusal is the log's too: it is reinstated now, for both processes.
    for store in [&first, &second] {
        let again = store
            .execute::<Organization>(
                &key,
                &ctx(&uuid::Uuid::new_v4().to_string()),
                reinstate(),
                &(),
            )
            .await;
        assert!(
            matches!(again, Err(StoreError::Domain(ref e)) if e.to_string().contains("not suspended") || format!("{e:?}").contains("NotSuspended")),
            "{again:?}"
        );
    }

    // A command id the second process already used is answered with its first result,
    // even by the first process whose cached state has not seen it.
    second
        .execute::<Organization>(&key, &ctx("s2"), suspend("again"), &())
        .await
        .unwrap();
    let repeated = first
        .execute::<Organization>(&key, &ctx("s2"), suspend("again"), &())
        .await
        .unwrap();
    assert!(repeated.replayed, "{repeated:?}");

    let sequences: Vec<i64> =
        sqlx::query_scalar("SELECT sequence FROM events WHERE aggregate_id = $1 ORDER BY sequence")
            .bind(&key)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        sequences,
        vec![1, 2, 3, 4, 5],
        "one event per command that acted"
    );
    let report = store::verify_chain(&app.pool).await.unwrap();
    assert!(report.intact(), "{report:?}");
}

/// A creating command is decided on the empty aggregate without reading the log first;
/// that must never hide an aggregate that exists: a repeated command id still gets its first
/// result, and creating an existing aggregate again still gets the domain's refusal, from a
/// process that never saw it as from the one that created it.
#[tokio::test]
async fn creating_without_reading_the_log_never_creates_twice() {
    use domain::organization::Organization;
    use store::{CommandContext, EventStore, StoreError};

    let app = TestApp::spawn().await;
    let first = EventStore::new(app.pool.clone());
    let second = EventStore::new(app.pool.clone());
    let ctx =
        |id: &str| CommandContext::new(domain::Actor::system("test"), Some(id.to_string()), "test");
    let id = uuid::Uuid::new_v4();
    let key = id.to_string();

    let created = first
        .execute::<Organization>(&key, &ctx("create"), register_ngo(id), &())
        .await
        .unwrap();
    assert_eq!((created.events, created.replayed), (1, false));
    for store in [&first, &second] {
        let repeated = store
            .execute::<Organization>(&key, &ctx("create"), register_ngo(id), &())
            .await
            .unwrap();
        assert!(repeated.replayed, "{repeated:?}");
        assert_eq!(repeated.last_position, created.last_position);
        let again = store
            .execute::<Organization>(
                &key,
                &ctx(&uuid::Uuid::new_v4().to_string()),
                register_ngo(id),
                &(),
            )
            .await;
        assert!(
            matches!(again, Err(StoreError::Domain(_))),
            "registering an existing organisation again: {again:?}"
        );
    }
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM events WHERE aggregate_id = $1")
        .bind(&key)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 1, "one registration, however often it was asked for");
}

/// Concurrent commands share a commit (group commit), yet each gets its own answer: a
/// command that loses the race for its record inside a shared batch is re-run alone.
#[tokio::test]
async fn concurrent_commands_share_commits_and_each_still_gets_its_own_answer() {
    use domain::organization::{Organization, OrganizationCommand as C};
    use std::sync::Arc;
    use store::{CommandContext, EventStore, StoreError};

    let app = TestApp::spawn().await;
    let store = Arc::new(EventStore::new(app.pool.clone()));
    let actor = || domain::Actor::system("test");
    // Each command on a task of its own, as concurrent requests would send them.
    let send = |id: String, command: C| {
        let store = store.clone();
        tokio::spawn(async move {
            let ctx = CommandContext::new(actor(), None, "test");
            store.execute::<Organization>(&id, &ctx, command, &()).await
        })
    };
    let ids: Vec<uuid::Uuid> = (0..64).map(|_| uuid::Uuid::new_v4()).collect();
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| send(id.to_string(), register_ngo(*id)))
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap().events, 1);
    }
    let keys: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
    let (events, commits): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT tx_id) FROM events WHERE aggregate_id = ANY($1)",
    )
    .bind(&keys)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(events, 64);
    assert!(
        commits < 64,
        "64 concurrent commands took {commits} commits"
    );

    // Eight suspensions of one organisation, sent together with other work: one acts,
    // seven are told it is already suspended.
    let target = keys[0].clone();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let suspend = C::Suspend {
            actor: actor(),
            reason: format!("audit {i}"),
        };
        tasks.push(send(target.clone(), suspend));
        let verify = C::Verify {
            actor: actor(),
            note: None,
        };
        tasks.push(send(keys[1 + i].clone(), verify));
    }
    let mut acted = 0;
    let mut refused = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(o) if o.events == 1 => acted += 1,
            Err(StoreError::Domain(e)) if format!("{e:?}").contains("AlreadySuspended") => {
                refused += 1
            }
            other => panic!("unexpected answer: {other:?}"),
        }
    }
    assert_eq!(
        (acted, refused),
        (9, 7),
        "one suspension and eight verifications act"
    );
    let suspended: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM events WHERE aggregate_id = $1 AND event_type = 'OrganizationSuspended'",
    )
    .bind(&target)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(suspended, 1);
    assert!(store::verify_chain(&app.pool).await.unwrap().intact());
}

#[tokio::test]
async fn a_held_connection_survives_refusals_and_replaces_itself_after_losing_the_server() {
    use store::HeldConnection;

    let db = TestDb::create().await;
    let pool = sqlx::PgPool::connect(&db.url).await.expect("connect");
    let held = HeldConnection::new(pool.clone());
    let backend = async |held: &HeldConnection| -> Result<i32, sqlx::Error> {
        let mut conn = held.get().await?;
        let pid = sqlx::query_scalar("SELECT pg_backend_pid()")
            .fetch_one(&mut *conn)
            .await;
        conn.settle(pid)
    };
    let first = backend(&held).await.expect("first statement");
    let mut conn = held.get().await.expect("connection");
    let division = sqlx::query("SELECT 1/0").execute(&mut *conn).await;
    let refused = conn.settle(division);
    assert!(matches!(refused, Err(sqlx::Error::Database(_))));
    assert_eq!(
        backend(&held).await.expect("after a refusal"),
        first,
        "a refused statement must not cost the connection"
    );

    // The connection dies under it, as when PostgreSQL restarts: that statement fails, and
    // the next one runs on a new connection.
    sqlx::query("SELECT pg_terminate_backend($1)")
        .bind(first)
        .execute(&pool)
        .await
        .expect("terminate");
    assert!(backend(&held).await.is_err(), "a dead connection must fail");
    let second = backend(&held).await.expect("reconnects by itself");
    assert_ne!(second, first);
    pool.close().await;
}

#[tokio::test]
async fn held_connections_serve_concurrent_statements_on_connections_of_their_own() {
    use store::HeldConnections;

    let db = TestDb::create().await;
    let pool = sqlx::PgPool::connect(&db.url).await.expect("connect");
    let held = HeldConnections::new(pool.clone(), 2);
    // Two statements at once run on two connections; a third, while both are busy, waits
    // for one of them instead of opening another.
    let first = held.get().await.expect("first");
    let second = held.get().await.expect("second");
    let pid = async |conn: &mut store::Held<'_>| -> i32 {
        sqlx::query_scalar("SELECT pg_backend_pid()")
            .fetch_one(&mut **conn)
            .await
            .unwrap()
    };
    let (mut first, mut second) = (first, second);
    let (a, b) = (pid(&mut first).await, pid(&mut second).await);
    assert_ne!(a, b, "concurrent statements share no connection");
    let third = tokio::time::timeout(std::time::Duration::from_millis(200), held.get()).await;
    assert!(third.is_err(), "a third waits while both are busy");
    drop(first.settle(Ok::<_, sqlx::Error>(())));
    let mut third = held.get().await.expect("third");
    assert!(
        [a, b].contains(&pid(&mut third).await),
        "it reuses a held one"
    );
    pool.close().await;
}
