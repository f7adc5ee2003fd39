//! `graphql-ws-client`, a third-party client of the `graphql-transport-ws` protocol, over
//! the test's WebSocket (the crate's own adapters target older tungstenite releases).

use super::*;
use graphql_ws_client::{Client, Connection, Message as ClientMessage};

pub struct Conn(pub Ws);

impl Connection for Conn {
    async fn receive(&mut self) -> Option<ClientMessage> {
        loop {
            match self.0.next().await? {
                Ok(Message::Text(t)) => return Some(ClientMessage::Text(t.as_str().into())),
                Ok(Message::Ping(_)) => return Some(ClientMessage::Ping),
                Ok(Message::Pong(_)) => return Some(ClientMessage::Pong),
                Ok(Message::Close(frame)) => {
                    return Some(ClientMessage::Close {
                        code: frame.as_ref().map(|f| u16::from(f.code)),
                        reason: frame.map(|f| f.reason.to_string()),
                    })
                }
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }

    async fn send(&mut self, message: ClientMessage) -> Result<(), graphql_ws_client::Error> {
        let m = match message {
            ClientMessage::Text(t) => Message::Text(t.into()),
            ClientMessage::Close { .. } => Message::Close(None),
            ClientMessage::Ping => Message::Ping(Default::default()),
            ClientMessage::Pong => Message::Pong(Default::default()),
        };
        self.0
            .send(m)
            .await
            .map_err(|e| graphql_ws_client::Error::Send(e.to_string()))
    }
}

#[derive(serde::Serialize)]
pub struct Op {
    pub query: &'static str,
}

impl graphql_ws_client::graphql::GraphqlOperation for Op {
    type Response = Value;
    type Error = serde_json::Error;
    fn decode(&self, data: Value) -> Result<Value, serde_json::Error> {
        Ok(data)
    }
}

#[tokio::test]
async fn a_third_party_client_streams_the_board_until_its_session_is_signed_out() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    let mut board = Client::build(Conn(ws(&app).await))
        .payload(json!({"authorization": format!("Bearer {staff}")}))
        .unwrap()
        .subscribe(Op {
            query: "subscription { referralBoard { totalCount } }",
        })
        .await
        .expect("subscribed");
    let first = tokio::time::timeout(Duration::from_secs(10), board.next())
        .await
        .expect("an update in time")
        .expect("the stream goes on")
        .expect("decoded");
    assert!(
        first["data"]["referralBoard"]["totalCount"].is_i64(),
        "{first}"
    );
    ok(app
        .gql(Some(&staff), "mutation { logout }", json!({}))
        .await);
    // The server ends the subscription: the client's stream stops.
    let ended = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(item) = board.next().await {
            if item.is_err() {
                break;
            }
        }
    })
    .await;
    assert!(ended.is_ok(), "the stream went on after the sign-out");
}

#[tokio::test]
async fn a_third_party_client_is_refused_with_a_token_nobody_issued() {
    let app = TestApp::spawn().await;
    let built = Client::build(Conn(ws(&app).await))
        .payload(json!({"authorization": "Bearer sanad_s_nonsense"}))
        .unwrap()
        .subscribe(Op {
            query: "subscription { referralBoard { totalCount } }",
        })
        .await;
    match built {
        Err(e) => assert!(e.to_string().contains("4403"), "{e}"),
        Ok(_) => panic!("subscribed with a token nobody issued"),
    }
}
