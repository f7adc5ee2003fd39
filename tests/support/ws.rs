//! A WebSocket to the test server's `/graphql/ws`, speaking `graphql-transport-ws`.

use futures::SinkExt;
use serde_json::Value;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

use crate::TestApp;

pub type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A socket that asked for `graphql-transport-ws`, and the protocol the server chose.
pub async fn connect(app: &TestApp) -> (Ws, Option<String>) {
    let mut request = format!("{}/graphql/ws", app.base.replace("http", "ws"))
        .into_client_request()
        .expect("a WebSocket request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("a header value"),
    );
    let (socket, response) = tokio_tungstenite::connect_async(request)
        .await
        .expect("the WebSocket opens");
    let chosen = response
        .headers()
        .get("sec-websocket-protocol")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (socket, chosen)
}

/// Sends one protocol message.
pub async fn send(ws: &mut Ws, v: Value) {
    ws.send(Message::Text(v.to_string().into()))
        .await
        .expect("the message is sent");
}
