//! One's own account: changing the password (the current one required), seeing and ending
//! one's sessions, a manager's reset of a colleague's password; each in the account's
//! history.

use sanad_tests::*;
use serde_json::{json, Value};

const CHANGE: &str = "mutation($c:String!,$n:String!,$e:Boolean!){ changePassword(currentPassword:$c, newPassword:$n, endOtherSessions:$e){ otherSessionsEnded } }";
const SESSIONS: &str = "{ viewer { sessions { id current address } } }";
const HISTORY: &str = "{ viewer { history { nodes { eventType actorLabel payload } } } }";
const RESET: &str =
    "mutation($u:ID!,$n:String!){ resetPassword(userId:$u, newPassword:$n){ sessionsEnded } }";
const NEW_PASSWORD: &str = "a-new-long-password";

async fn signed_in(app: &TestApp, token: &str) -> bool {
    !app.gql(Some(token), "{ viewer { username } }", json!({}))
        .await["data"]["viewer"]
        .is_null()
}

/// Whether `token` stops answering as a signed-in user within a few seconds.
async fn signed_out(app: &TestApp, token: &str) -> bool {
    eventually(5, || async { !signed_in(app, token).await }).await
}

async fn history(app: &TestApp, token: &str) -> Vec<Value> {
    ok(app.gql(Some(token), HISTORY, json!({})).await)["viewer"]["history"]["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn types(events: &[Value]) -> Vec<&str> {
    events
        .iter()
        .map(|e| e["eventType"].as_str().unwrap_or_default())
        .collect()
}

async fn user_id(app: &TestApp, username: &str) -> String {
    let id: uuid::Uuid = sqlx::query_scalar("SELECT user_id FROM accounts WHERE username = $1")
        .bind(username)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    id.to_string()
}

#[tokio::test]
async fn a_member_changes_their_password_with_the_current_one_and_signs_out_elsewhere() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let phone = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let desk = app.login("ngo-amal-staff", DEMO_PASSWORD).await;

    let wrong = app
        .gql(
            Some(&desk),
            CHANGE,
            json!({"c": "not-my-password", "n": NEW_PASSWORD, "e": true}),
        )
        .await;
    assert_eq!(code(&wrong).as_deref(), Some("VALIDATION"), "{wrong}");
    assert_eq!(wrong["errors"][0]["extensions"]["field"], "currentPassword");
    assert_eq!(
        wrong["errors"][0]["message"],
        "The current password is wrong."
    );
    let short = app
        .gql(
            Some(&desk),
            CHANGE,
            json!({"c": DEMO_PASSWORD, "n": "short", "e": true}),
        )
        .await;
    assert_eq!(short["errors"][0]["extensions"]["field"], "newPassword");
    assert!(
        history(&app, &desk).await.is_empty(),
        "a refusal is no event"
    );

    let changed = ok(app
        .gql(
            Some(&desk),
            CHANGE,
            json!({"c": DEMO_PASSWORD, "n": NEW_PASSWORD, "e": true}),
        )
        .await);
    assert_eq!(changed["changePassword"]["otherSessionsEnded"], 1);
    assert!(
        signed_out(&app, &phone).await,
        "the other session still works"
    );
    assert!(
        signed_in(&app, &desk).await,
        "the session that changed it ended"
    );

    let old = app
        .gql(
            None,
            "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken } }",
            json!({"u": "ngo-amal-staff", "p": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(code(&old).as_deref(), Some("UNAUTHENTICATED"));
    app.login("ngo-amal-staff", NEW_PASSWORD).await;

    let events = history(&app, &desk).await;
    assert_eq!(types(&events), ["PasswordChanged", "SessionsEnded"]);
    assert_eq!(events[1]["actorLabel"], "ngo-amal-staff");
    let ended = &events[1]["payload"]["SessionsEnded"];
    assert_eq!(ended["because"], "password_changed");
    assert_eq!(ended["sessions"].as_array().map(Vec::len), Some(1));
    let stored = serde_json::to_string(&events).unwrap();
    assert!(!stored.contains(NEW_PASSWORD) && !stored.contains("argon2"));
}

#[tokio::test]
async fn a_member_sees_their_sessions_and_ends_one_or_all_the_others() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let a = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let b = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let c = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let someone_else = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;

    let listed = ok(app.gql(Some(&a), SESSIONS, json!({})).await);
    let sessions = listed["viewer"]["sessions"].as_array().unwrap().clone();
    assert_eq!(sessions.len(), 3);
    assert_eq!(
        sessions.iter().filter(|s| s["current"] == true).count(),
        1,
        "{sessions:?}"
    );
    let other = sessions.iter().find(|s| s["current"] == false).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Another person's session id is not theirs to end.
    let theirs = app
        .gql(
            Some(&someone_else),
            "mutation($id:ID!){ endSession(id:$id) }",
            json!({"id": other}),
        )
        .await;
    assert_eq!(code(&theirs).as_deref(), Some("NOT_FOUND"), "{theirs}");

    ok(app
        .gql(
            Some(&a),
            "mutation($id:ID!){ endSession(id:$id) }",
            json!({"id": other}),
        )
        .await);
    let still: Vec<bool> = {
        let mut v = Vec::new();
        for t in [&b, &c] {
            v.push(signed_in(&app, t).await);
        }
        v
    };
    assert_eq!(
        still.iter().filter(|s| **s).count(),
        1,
        "one of the two ended"
    );

    let all = ok(app
        .gql(Some(&a), "mutation { endOtherSessions }", json!({}))
        .await);
    assert_eq!(all["endOtherSessions"], 1);
    assert!(signed_out(&app, &b).await && signed_out(&app, &c).await);
    assert!(signed_in(&app, &a).await);
    assert!(
        signed_in(&app, &someone_else).await,
        "only their own sessions end"
    );

    let events = history(&app, &a).await;
    assert_eq!(types(&events), ["SessionsEnded", "SessionsEnded"]);
    assert_eq!(
        events[0]["payload"]["SessionsEnded"]["because"],
        "ended_by_holder"
    );
    assert_eq!(
        events[1]["payload"]["SessionsEnded"]["because"],
        "other_sessions_signed_out"
    );
}

#[tokio::test]
async fn a_manager_resets_a_colleagues_password_and_their_sessions_end() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let coordinator = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let elsewhere = app.login("ngo-rafidain-coordinator", DEMO_PASSWORD).await;
    let staff_id = user_id(&app, "ngo-amal-staff").await;
    let coordinator_id = user_id(&app, "ngo-amal-coordinator").await;

    for (who, whom) in [
        (&staff, &coordinator_id),
        (&elsewhere, &staff_id),
        (&coordinator, &coordinator_id),
    ] {
        let refused = app
            .gql(Some(who), RESET, json!({"u": whom, "n": NEW_PASSWORD}))
            .await;
        assert_eq!(code(&refused).as_deref(), Some("FORBIDDEN"), "{refused}");
    }
    assert!(signed_in(&app, &staff).await);

    let reset = ok(app
        .gql(
            Some(&coordinator),
            RESET,
            json!({"u": staff_id, "n": NEW_PASSWORD}),
        )
        .await);
    assert_eq!(reset["resetPassword"]["sessionsEnded"], 1);
    assert!(signed_out(&app, &staff).await);
    let staff = app.login("ngo-amal-staff", NEW_PASSWORD).await;
    let events = history(&app, &staff).await;
    assert_eq!(types(&events), ["PasswordReset", "SessionsEnded"]);
    assert_eq!(events[0]["actorLabel"], "ngo-amal-coordinator");
    assert_eq!(
        events[1]["payload"]["SessionsEnded"]["because"],
        "password_reset"
    );

    // The Secretariat's administrator may reset anyone's.
    let admin = app.login("admin", DEMO_PASSWORD).await;
    ok(app
        .gql(
            Some(&admin),
            RESET,
            json!({"u": coordinator_id, "n": NEW_PASSWORD}),
        )
        .await);
}

#[tokio::test]
async fn api_tokens_made_and_revoked_are_in_the_history() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let session = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let made = ok(app
        .gql(
            Some(&session),
            "mutation { createApiToken(name: \"تقارير\", commandId: \"make-1\") { id } }",
            json!({}),
        )
        .await);
    let id = made["createApiToken"]["id"].as_str().unwrap().to_string();
    let again = app
        .gql(
            Some(&session),
            "mutation { createApiToken(name: \"تقارير\", commandId: \"make-1\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&again).as_deref(), Some("CONFLICT"), "{again}");
    ok(app
        .gql(
            Some(&session),
            "mutation($id:ID!){ revokeApiToken(id:$id) }",
            json!({"id": id}),
        )
        .await);
    let events = history(&app, &session).await;
    assert_eq!(types(&events), ["ApiTokenCreated", "ApiTokenRevoked"]);
    assert_eq!(events[0]["payload"]["ApiTokenCreated"]["name"], "تقارير");
    let twice = app
        .gql(
            Some(&session),
            "mutation($id:ID!){ revokeApiToken(id:$id) }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(code(&twice).as_deref(), Some("NOT_FOUND"));
}
