//! The board over graphql-ws: a new matching referral arrives, a bad token is refused.

use super::*;

use sanad_tests::ws::{send as send_ws, Ws};

async fn connect_ws(app: &TestApp) -> Ws {
    sanad_tests::ws::connect(app).await.0
}

/// The next graphql-ws message other than a ping; `None` when the server closed.
async fn next_ws(ws: &mut Ws) -> Option<Value> {
    use futures::StreamExt;
    use tokio_tungstenite::tungstenite::Message;
    loop {
        let msg = tokio::time::timeout(std::time::Duration::from_secs(10), ws.next())
            .await
            .expect("a message within 10 s")?;
        match msg {
            Ok(Message::Text(t)) => {
                let v: Value = serde_json::from_str(&t).unwrap();
                if v["type"] != "ping" {
                    return Some(v);
                }
            }
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

async fn next_board(ws: &mut Ws) -> Value {
    let v = next_ws(ws).await.expect("the subscription goes on");
    assert_eq!(v["type"], "next", "{v}");
    v["payload"]["data"]["referralBoard"].clone()
}

#[tokio::test]
async fn a_provider_subscribed_to_its_board_sees_a_new_matching_referral_arrive() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let mut ws = connect_ws(&app).await;
    send_ws(
        &mut ws,
        json!({"type": "connection_init", "payload": {"authorization": format!("Bearer {staff}")}}),
    )
    .await;
    assert_eq!(next_ws(&mut ws).await.unwrap()["type"], "connection_ack");
    send_ws(
        &mut ws,
        json!({"id": "1", "type": "subscribe", "payload": {"query": "subscription { referralBoard { totalCount referralIds } }"}}),
    )
    .await;
    let before = next_board(&mut ws).await["totalCount"].as_i64().unwrap();
    let id = ok(create(&app, &caseworker, "IQ-NI", psychosocial()).await)["createReferral"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let update = next_board(&mut ws).await;
    assert_eq!(update["totalCount"].as_i64().unwrap(), before + 1);
    assert!(update["referralIds"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x == id.as_str()));
    // Claiming it takes it off the board.
    ok(app
        .gql(
            Some(&staff),
            "mutation($id:ID!){ claimReferral(id:$id){ id } }",
            json!({"id": id}),
        )
        .await);
    assert_eq!(
        next_board(&mut ws).await["totalCount"].as_i64().unwrap(),
        before
    );
}

#[tokio::test]
async fn a_subscription_without_a_valid_token_is_refused() {
    let app = TestApp::spawn().await;
    let mut ws = connect_ws(&app).await;
    send_ws(
        &mut ws,
        json!({"type": "connection_init", "payload": {"authorization": "Bearer nonsense"}}),
    )
    .await;
    let answer = next_ws(&mut ws).await;
    assert!(
        answer
            .as_ref()
            .is_none_or(|v| v["type"] != "connection_ack"),
        "acknowledged without a valid token: {answer:?}"
    );
}
