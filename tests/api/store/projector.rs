//! The catch-up projector: no event skipped when transactions commit out of order, no
//! event lost or doubled when a batch fails half-way, rebuilds equal to the live model.

use async_trait::async_trait;
use domain::organization::OrganizationEvent;
use domain::values::{Name, OrganizationKind};
use projections::{catch_up, Projection, ProjectionError, Stage, Staged, StoredEvent};
use sanad_tests::*;
use serde_json::json;
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

fn registered(id: Uuid, name: &str) -> serde_json::Value {
    serde_json::to_value(OrganizationEvent::Registered {
        id,
        kind: OrganizationKind::Ngo,
        name_ar: Name::new(name).unwrap(),
        name_en: Name::new(name).unwrap(),
        governorates: ["IQ-NI".parse().unwrap()].into(),
    })
    .unwrap()
}

async fn visible(app: &TestApp, id: Uuid) -> bool {
    sqlx::query_scalar::<_, i64>("SELECT count(*) FROM organizations WHERE id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
        == 1
}

#[tokio::test]
async fn an_event_whose_transaction_commits_late_is_still_projected() {
    let app = TestApp::spawn().await;
    let token = app.admin().await;

    // A slow writer takes a global position first but commits last.
    let slow_id = Uuid::new_v4();
    let mut slow = PgConnection::connect(&app.db.url).await.unwrap();
    let mut tx = slow.begin().await.unwrap();
    let slow_pos: i64 = sqlx::query_scalar(
        "INSERT INTO events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata)
         VALUES ('Organization', $1, 1, 'OrganizationRegistered', '1', $2, $3) RETURNING global_position",
    )
    .bind(slow_id.to_string())
    .bind(registered(slow_id, "منظمة بطيئة"))
    .bind(json!({"actor_user": "test", "command_id": "slow", "occurred_at": "2026-01-01T00:00:00Z"}))
    .fetch_one(&mut *tx)
    .await
    .unwrap();

    // A fast writer commits after it, with a higher position. The projector must not
    // apply it yet: doing so would move the checkpoint past the slow event for good.
    let fast_id = Uuid::new_v4();
    let ctx = store::CommandContext::new(domain::Actor::system("test"), None, "test");
    app.state
        .store
        .execute::<domain::organization::Organization>(
            &fast_id.to_string(),
            &ctx,
            domain::organization::OrganizationCommand::Register {
                actor: domain::Actor::system("test"),
                id: fast_id,
                kind: OrganizationKind::Ngo,
                profile: domain::organization::OrganizationProfile {
                    name_ar: Name::new("سريعة").unwrap(),
                    name_en: Name::new("Fast").unwrap(),
                    governorates: ["IQ-BG".parse().unwrap()].into(),
                },
            },
            &(),
        )
        .await
        .unwrap();
    let fast_pos: i64 =
        sqlx::query_scalar("SELECT max(global_position) FROM events WHERE aggregate_id = $1")
            .bind(fast_id.to_string())
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(
        slow_pos < fast_pos,
        "the slow event holds the lower position"
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !visible(&app, fast_id).await,
        "projected past a running transaction"
    );
    assert!(!visible(&app, slow_id).await);

    tx.commit().await.unwrap();
    assert!(
        eventually(5, || visible(&app, slow_id)).await,
        "the late transaction's event was skipped"
    );
    assert!(eventually(5, || visible(&app, fast_id)).await);
    let _ = token;
    let pending = {
        let mut c = app.pool.acquire().await.unwrap();
        projections::pending_events(&mut c, &projections::models::all(), 100)
            .await
            .unwrap()
    };
    assert_eq!(pending, 0);
}

/// Counts events per aggregate; fails on the `fail_at`-th event it sees (once).
struct Counting {
    fail_at: Option<usize>,
    seen: std::sync::atomic::AtomicUsize,
}

#[async_trait]
impl Projection for Counting {
    fn name(&self) -> &'static str {
        "counting"
    }
    async fn apply(
        &self,
        conn: &mut PgConnection,
        events: &[&StoredEvent],
    ) -> Result<(), ProjectionError> {
        for e in events {
            let n = self.seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            sqlx::query(
                "INSERT INTO counted (position, times) VALUES ($1, 1)
                 ON CONFLICT (position) DO UPDATE SET times = counted.times + 1",
            )
            .bind(e.at.position)
            .execute(&mut *conn)
            .await?;
            if self.fail_at == Some(n) {
                return Err(ProjectionError::Unreadable {
                    at: e.at.to_string(),
                    reason: "simulated crash".into(),
                });
            }
        }
        Ok(())
    }
    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError> {
        empty_counted(conn).await
    }
}

/// A seeded app without a projector of its own, and the table the counting read models
/// write.
async fn seeded_with_counted_table() -> TestApp {
    let app = TestApp::spawn_with(Options {
        projector: false,
        ..Options::default()
    })
    .await;
    app.seed().await;
    sqlx::query("CREATE TABLE counted (position bigint PRIMARY KEY, times int NOT NULL)")
        .execute(&app.pool)
        .await
        .unwrap();
    app
}

async fn empty_counted(conn: &mut PgConnection) -> Result<(), ProjectionError> {
    sqlx::query("TRUNCATE counted").execute(&mut *conn).await?;
    Ok(())
}

#[tokio::test]
async fn a_crash_between_events_loses_and_doubles_nothing() {
    let app = seeded_with_counted_table().await;
    let total = app.event_count().await;
    let mut conn = app.pool.acquire().await.unwrap();

    // The batch of 10 fails at its 7th event: neither rows nor checkpoint may move.
    let crashing: Vec<Box<dyn Projection>> = vec![Box::new(Counting {
        fail_at: Some(17),
        seen: Default::default(),
    })];
    let err = catch_up_all(&mut conn, &crashing, 10).await;
    assert!(err.is_err());
    let (rows, checkpoint): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM counted), (SELECT position FROM projection_checkpoints WHERE name = 'counting')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(rows, 10, "the first full batch stays applied");
    let tenth: i64 = sqlx::query_scalar("SELECT max(position) FROM counted")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        checkpoint, tenth,
        "the checkpoint moved with the rows, no further"
    );

    // After the "restart", every event is applied exactly once.
    let healthy: Vec<Box<dyn Projection>> = vec![Box::new(Counting {
        fail_at: None,
        seen: Default::default(),
    })];
    let caught_up = catch_up_all(&mut conn, &healthy, 10).await.unwrap();
    assert_eq!(caught_up.applied as i64, total - 10);
    assert_eq!(caught_up.waiting, 0);
    let (count, max_times): (i64, i32) = sqlx::query_as("SELECT count(*), max(times) FROM counted")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, total);
    assert_eq!(max_times, 1, "an event was applied twice");
}

/// Counts events like [`Counting`], but staged; the first time it stages, "another
/// process" (a rebuild, a leader that lost its connection) moves its checkpoint past the
/// batch before the batch commits.
struct Overtaken {
    pool: sqlx::PgPool,
    /// The positions of the batch that was overtaken.
    overtaken: std::sync::Mutex<Option<Vec<i64>>>,
}

#[async_trait]
impl Projection for Overtaken {
    fn name(&self) -> &'static str {
        "overtaken"
    }
    async fn stage(
        &self,
        _conn: &mut PgConnection,
        events: &[&StoredEvent],
    ) -> Result<Stage, ProjectionError> {
        let Some(last) = events.last() else {
            return Ok(Stage::Nothing);
        };
        let positions: Vec<i64> = events.iter().map(|e| e.at.position).collect();
        let first = {
            let mut overtaken = self.overtaken.lock().unwrap();
            let first = overtaken.is_none();
            overtaken.get_or_insert_with(|| positions.clone());
            first
        };
        if first {
            sqlx::query("UPDATE projection_checkpoints SET tx_id = $1, position = $2 WHERE name = 'overtaken'")
                .bind(last.at.tx_id)
                .bind(last.at.position)
                .execute(&self.pool)
                .await?;
        }
        Ok(Stage::Statement(
            Staged::new(
                "overtaken_counted AS (
                     INSERT INTO counted (position, times) SELECT unnest($1::bigint[]), 1
                     ON CONFLICT (position) DO UPDATE SET times = counted.times + 1)",
            )
            .bind(positions)?,
        ))
    }
    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError> {
        empty_counted(conn).await
    }
}

#[tokio::test]
async fn a_batch_whose_checkpoint_moved_meanwhile_keeps_nothing() {
    let app = seeded_with_counted_table().await;
    let last: i64 = sqlx::query_scalar(
        "SELECT global_position FROM events ORDER BY tx_id DESC, global_position DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let mut conn = app.pool.acquire().await.unwrap();
    let model = std::sync::Arc::new(Overtaken {
        pool: app.pool.clone(),
        overtaken: Default::default(),
    });
    let overtaken: Vec<Box<dyn Projection>> = vec![Box::new(Shared(model.clone()))];
    catch_up_all(&mut conn, &overtaken, 100_000).await.unwrap();
    let batch = model.overtaken.lock().unwrap().clone().unwrap();
    assert!(!batch.is_empty());
    let (kept, checkpoint): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM counted WHERE position = ANY($1)),
                (SELECT position FROM projection_checkpoints WHERE name = 'overtaken')",
    )
    .bind(&batch)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        kept, 0,
        "the overtaken batch's rows were kept over the other writer's checkpoint"
    );
    assert_eq!(
        checkpoint, last,
        "the projector went on from there to the end"
    );
}

/// A read model the test keeps a handle on.
struct Shared(std::sync::Arc<Overtaken>);

#[async_trait]
impl Projection for Shared {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    async fn stage(
        &self,
        conn: &mut PgConnection,
        events: &[&StoredEvent],
    ) -> Result<Stage, ProjectionError> {
        self.0.stage(conn, events).await
    }
    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError> {
        self.0.reset(conn).await
    }
}

/// Catches up until no event waits behind a running transaction (as `sanad seed` does):
/// the tests share one PostgreSQL, and a transaction open in another test's database (one
/// here commits late on purpose) holds the horizon for every database.
async fn catch_up_all(
    conn: &mut PgConnection,
    projections: &[Box<dyn Projection>],
    batch_size: i64,
) -> Result<projections::CaughtUp, ProjectionError> {
    let mut all = projections::CaughtUp::default();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let now = catch_up(conn, projections, batch_size).await?;
        all.applied += now.applied;
        all.waiting = now.waiting;
        all.reached = now.reached.or(all.reached);
        if now.waiting == 0 || std::time::Instant::now() > deadline {
            return Ok(all);
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

async fn dump(app: &TestApp) -> Vec<String> {
    let mut out = Vec::new();
    for q in [
        "SELECT row_to_json(o)::text FROM (SELECT * FROM organizations ORDER BY id) o",
        "SELECT row_to_json(m)::text FROM (SELECT * FROM organization_members ORDER BY organization_id, user_id) m",
        "SELECT row_to_json(s)::text FROM (SELECT * FROM organization_services ORDER BY organization_id, category) s",
        "SELECT row_to_json(r)::text FROM (SELECT * FROM referrals ORDER BY id) r",
        "SELECT row_to_json(c)::text FROM (SELECT * FROM referral_counts WHERE n <> 0 ORDER BY status, governorate, need) c",
        "SELECT row_to_json(t)::text FROM (SELECT * FROM referral_totals WHERE n <> 0 ORDER BY office_id, status, governorate) t",
    ] {
        let rows: Vec<String> = sqlx::query_scalar(q).fetch_all(&app.pool).await.unwrap();
        out.extend(rows);
    }
    out
}

#[tokio::test]
async fn a_rebuilt_read_model_equals_the_live_one() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let token = app.login("admin", DEMO_PASSWORD).await;
    let amal = app.org_id("Al-Amal Development Organisation").await;
    ok(app
        .gql(
            Some(&token),
            "mutation($id:ID!){ suspendOrganization(id:$id, reason:\"تقارير متأخرة\"){ status } }",
            json!({"id": amal}),
        )
        .await);
    let live = dump(&app).await;
    assert!(live.len() > 40);
    let report = projections::rebuild(&app.pool, &projections::models::all(), Some("directory"), 7)
        .await
        .unwrap();
    assert_eq!(report.events as i64, app.event_count().await);
    assert_eq!(dump(&app).await, live);
    // Every read model, in batches small enough to split an aggregate's events across
    // several and large enough to hold the whole log in one.
    for batch in [1, 7, 10_000] {
        let report = projections::rebuild(&app.pool, &projections::models::all(), None, batch)
            .await
            .unwrap();
        assert_eq!(report.projections, vec!["directory", "referrals"]);
        assert_eq!(dump(&app).await, live, "rebuilt in batches of {batch}");
    }
    let unknown =
        projections::rebuild(&app.pool, &projections::models::all(), Some("nope"), 7).await;
    assert!(unknown.is_err());
}

/// How many projectors hold the leader's lock on this database.
async fn leaders(pool: &sqlx::PgPool) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
          WHERE d.datname = current_database() AND l.locktype = 'advisory'
            AND l.objid::text::bigint = $1 AND l.granted",
    )
    .bind(projections::PROJECTOR_LOCK)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn only_one_projector_leads_and_another_takes_over_when_it_stops() {
    let app = TestApp::spawn_with(Options {
        projector: false,
        ..Options::default()
    })
    .await;
    let config = projections::ProjectorConfig {
        standby_retry: std::time::Duration::from_millis(100),
        ..Default::default()
    };
    let first = tokio::spawn(
        projections::Projector::new(app.pool.clone(), projections::models::all(), config.clone())
            .run(),
    );
    app.admin().await;
    let leaders = || leaders(&app.pool);
    assert!(eventually(5, || async { leaders().await == 1 }).await);
    let second = tokio::spawn(
        projections::Projector::new(app.pool.clone(), projections::models::all(), config).run(),
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(leaders().await, 1, "exactly one projector holds the lock");

    // The leader goes away: its connection closes, the standby takes over.
    first.abort();
    let _ = first.await;
    let id = Uuid::new_v4();
    let ctx = store::CommandContext::new(domain::Actor::system("test"), None, "test");
    app.state
        .store
        .execute::<domain::organization::Organization>(
            &id.to_string(),
            &ctx,
            domain::organization::OrganizationCommand::Register {
                actor: domain::Actor::system("test"),
                id,
                kind: OrganizationKind::Mrc,
                profile: domain::organization::OrganizationProfile {
                    name_ar: Name::new("مركز").unwrap(),
                    name_en: Name::new("Centre").unwrap(),
                    governorates: ["IQ-DA".parse().unwrap()].into(),
                },
            },
            &(),
        )
        .await
        .unwrap();
    assert!(
        eventually(10, || visible(&app, id)).await,
        "the standby did not take over"
    );
    second.abort();
}

/// The projector keeps the referral rows it wrote last in memory. Two processes that take
/// turns at projecting must each notice that the other wrote meanwhile and read the table
/// again: a process that trusted its own older copy would put back a referral without its
/// holder, and the live read model would no longer equal a rebuild.
#[tokio::test]
async fn processes_taking_turns_at_projecting_never_trust_rows_the_other_wrote() {
    let app = TestApp::spawn_with(Options {
        projector: false,
        ..Options::default()
    })
    .await;
    app.seed().await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let (first, second) = (projections::models::all(), projections::models::all());
    let mut conn = app.pool.acquire().await.unwrap();

    // Without a projector the mutations answer "try again" (their read model lags), but
    // their events are in the log: that is all this test needs.
    app.gql(
        Some(&caseworker),
        "mutation { createReferral(input:{ beneficiaryType: RETURNEE_FROM_ABROAD, governorate: \"IQ-NI\",
            sex: FEMALE, ageBand: FROM_25_TO_34, householdSize: 3, vulnerabilities: [],
            needs: [{category: PSYCHOSOCIAL, priority: HIGH}],
            consent: {givenBy: PERSON, givenOn: \"2026-11-01\", shareWithProviders: true, mayContact: true},
            personal: {fullName: \"سارة علي\"}, open: true }){ id } }",
        json!({}),
    )
    .await;
    let id: String = sqlx::query_scalar(
        "SELECT aggregate_id FROM events WHERE event_type = 'ReferralCreated' ORDER BY global_position DESC LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let step = |mutation: &'static str| {
        let (app, staff, id) = (&app, &staff, id.clone());
        async move {
            app.gql(
                Some(staff),
                &format!("mutation($id:ID!){{ {mutation}(id:$id){{ status }} }}"),
                json!({"id": id}),
            )
            .await
        }
    };

    catch_up_all(&mut conn, &first, 100).await.unwrap();
    step("claimReferral").await;
    catch_up_all(&mut conn, &second, 100).await.unwrap();
    step("acceptReferral").await;
    catch_up_all(&mut conn, &first, 100).await.unwrap();
    step("startService").await;
    catch_up_all(&mut conn, &first, 100).await.unwrap();

    let (status, holder): (String, Option<Uuid>) =
        sqlx::query_as("SELECT status, holder_id FROM referrals WHERE id = $1::uuid")
            .bind(&id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(status, "in_service");
    assert!(
        holder.is_some(),
        "the claim projected by the other process was lost"
    );
    let live = dump(&app).await;
    projections::rebuild(&app.pool, &projections::models::all(), None, 1000)
        .await
        .unwrap();
    assert_eq!(dump(&app).await, live);
}

/// While this process's projector leads, the read-your-writes watch moves only when the
/// projector says so: the notification of its own commit can arrive before the projector
/// has published the batch's rows, and a request woken then would read its referral back
/// from the table instead of being handed it. Notifications move it again once another
/// process leads.
#[tokio::test]
async fn the_watch_follows_notifications_only_while_another_process_projects() {
    let app = TestApp::spawn_with(Options {
        projector: false,
        ..Options::default()
    })
    .await;
    let watch = projections::ProjectionWatch::start(app.pool.clone(), vec!["referrals"]);
    let at = |tx_id, position| projections::Checkpoint { tx_id, position };
    let notify = |cp: projections::Checkpoint| {
        let pool = app.pool.clone();
        async move {
            sqlx::query("SELECT pg_notify('sanad_projected', $1)")
                .bind(cp.to_string())
                .execute(&pool)
                .await
                .unwrap();
        }
    };
    // Another process projects: its notifications move the watch.
    assert!(
        eventually(5, || {
            let watch = watch.clone();
            async move {
                notify(at(10, 10)).await;
                watch.current() >= at(10, 10)
            }
        })
        .await,
        "a notification from the leading process moves the watch"
    );

    watch.set_leading(true);
    notify(at(20, 20)).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        watch.current(),
        at(10, 10),
        "while leading, only the projector moves the watch"
    );
    watch.reached(at(20, 20));
    assert_eq!(watch.current(), at(20, 20));

    watch.set_leading(false);
    assert!(
        eventually(5, || {
            let watch = watch.clone();
            async move {
                notify(at(30, 30)).await;
                watch.current() == at(30, 30)
            }
        })
        .await,
        "notifications move the watch again once another process leads"
    );
}

/// The projector's read of the log is planned once per connection, often while the log is
/// still empty; the plan must still read a long log in order by its index, not sort it
/// (which is what PostgreSQL chooses for an empty log when left free to).
#[tokio::test]
async fn the_log_read_planned_on_an_empty_log_walks_the_index() {
    let app = TestApp::spawn_with(Options {
        projector: false,
        ..Options::default()
    })
    .await;
    let mut conn = app.pool.acquire().await.unwrap().detach();
    let caught_up = catch_up(&mut conn, &projections::models::all(), 100)
        .await
        .unwrap();
    assert_eq!(caught_up.applied, 0, "the log is empty");
    let name: String = sqlx::query_scalar(
        "SELECT name FROM pg_prepared_statements WHERE name LIKE 'sanad_batch_read_%'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let plan: Vec<String> = sqlx::query_scalar(&format!("EXPLAIN EXECUTE {name}"))
        .fetch_all(&mut conn)
        .await
        .unwrap();
    let plan = plan.join("\n");
    assert!(
        plan.contains("Index Scan using events_log_order on events"),
        "{plan}"
    );
    assert!(!plan.contains("Sort Key: e.tx_id"), "{plan}");
}

/// A process whose projector stops leading, however it stops (here its task is aborted),
/// follows the notifications of whichever process projects next: otherwise its requests
/// would wait for read models it no longer writes.
#[tokio::test]
async fn a_projector_that_stops_leading_hands_its_watch_back_to_the_notifications() {
    let app = TestApp::spawn_with(Options {
        projector: false,
        ..Options::default()
    })
    .await;
    let watch = projections::ProjectionWatch::start(app.pool.clone(), projections::models::names());
    let projector = tokio::spawn(
        projections::Projector::new(
            app.pool.clone(),
            projections::models::all(),
            projections::ProjectorConfig::default(),
        )
        .with_watch(watch.clone())
        .run(),
    );
    let leads = || async { leaders(&app.pool).await == 1 };
    assert!(eventually(5, leads).await, "the projector took the lead");
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    projector.abort();
    let _ = projector.await;

    let later = projections::Checkpoint {
        tx_id: i64::MAX / 2,
        position: 1,
    };
    assert!(
        eventually(5, || {
            let (pool, watch) = (app.pool.clone(), watch.clone());
            async move {
                sqlx::query("SELECT pg_notify('sanad_projected', $1)")
                    .bind(later.to_string())
                    .execute(&pool)
                    .await
                    .unwrap();
                watch.current() == later
            }
        })
        .await,
        "the watch follows notifications again"
    );
}

/// The watch hears changes to who may act from the database (whoever makes them), and
/// nothing else: a session's once-a-minute refresh must not empty every process's cache
/// of signed-in sessions.
#[tokio::test]
async fn the_watch_counts_changes_to_who_may_act_and_not_a_sessions_refresh() {
    let app = TestApp::spawn_with(Options {
        projector: false,
        ..Options::default()
    })
    .await;
    let user = uuid::Uuid::new_v4();
    sqlx::query(
        "INSERT INTO accounts (user_id, username, display_name, password_hash) VALUES ($1, 'u', 'U', 'x')",
    )
    .bind(user)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf_token) VALUES ('h', $1, 'c')")
        .bind(user)
        .execute(&app.pool)
        .await
        .unwrap();
    let watch = projections::ProjectionWatch::start(app.pool.clone(), vec!["referrals"]);
    let access = watch.access().clone();
    assert!(
        eventually(5, || {
            let access = access.clone();
            async move { access.current().is_some() }
        })
        .await,
        "the watch listens"
    );
    let before = access.current().unwrap();
    for sql in [
        "UPDATE sessions SET last_seen_at = now() + interval '1 second'",
        "UPDATE sessions SET ended_at = now()",
    ] {
        sqlx::query(sql).execute(&app.pool).await.unwrap();
    }
    assert!(
        eventually(5, || {
            let access = access.clone();
            async move { access.current() > Some(before) }
        })
        .await,
        "a logout is heard"
    );
    // Notifications arrive in commit order: had the refresh notified, it would be counted.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(access.current(), Some(before + 1));
}
