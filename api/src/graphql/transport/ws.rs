//! GraphQL over WebSocket at `/graphql/ws`, the `graphql-transport-ws` protocol (the
//! `graphql-ws` library's), with the login checked for every operation, not only once.
//!
//! - The client sends `connection_init` with `{"authorization": "Bearer <token>"}` within
//!   [`INIT_TIMEOUT`]; otherwise the socket is closed with 4408. A missing or rejected
//!   token closes it with 4403, a second `connection_init` with 4429, a `subscribe` before
//!   the acknowledgement with 4401, a repeated operation id with 4409, a message that is
//!   not the protocol's with 4400.
//! - Each `subscribe` passes the same checks as an HTTP request (`http::admit`) and runs
//!   as the session is *now*: the token is resolved again, so a sign-out, a revoked token,
//!   a removed member or a suspended organisation refuses the next operation and closes
//!   the socket (4403). The socket also re-checks its login every [`RECHECK`] and closes
//!   when the login has ended or changed hands, which ends its subscriptions.
//! - Refused operations answer `error` with the same coded errors as HTTP.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::http::{admit, is_request_error, locale_of, only_introspects, with_codes, Graphql};
use crate::errors::ApiError;
use crate::graphql::common::context::{request_ctx, Credentials, RequestCtx};
use crate::graphql::common::documents::chosen_operation;
use crate::i18n::Locale;
use crate::ops::request::Tracked;
use async_graphql::parser::types::OperationType;

pub const PROTOCOL: &str = "graphql-transport-ws";
/// How long a new socket may stay silent before `connection_init`.
pub const INIT_TIMEOUT: Duration = Duration::from_secs(10);
/// How often an idle socket checks that its login still holds.
pub const RECHECK: Duration = Duration::from_secs(3);
/// Operations one socket may run at once.
const MAX_OPERATIONS: usize = 32;
/// Longest a message may wait for a client that does not read; then the socket closes.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);

pub async fn upgrade(
    State(g): State<Arc<Graphql>>,
    Tracked {
        request_id,
        address,
    }: Tracked,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let locale = locale_of(&headers);
    // A message is a request: the body limit of HTTP holds for it too.
    let max = g.state.config.max_body_bytes;
    upgrade
        .max_message_size(max)
        .max_frame_size(max)
        .protocols([PROTOCOL])
        .on_upgrade(move |socket| async move {
            let conn = Connection {
                g,
                locale,
                request_id,
                address,
            };
            conn.serve(socket).await
        })
}

struct Connection {
    g: Arc<Graphql>,
    locale: Locale,
    request_id: String,
    address: String,
}

/// What ends a socket: a close code and its reason.
struct Close(u16, &'static str);

const BAD_MESSAGE: Close = Close(4400, "Invalid message");
const UNAUTHORIZED: Close = Close(4401, "Unauthorized");
const FORBIDDEN: Close = Close(4403, "Forbidden");
const INIT_TIMED_OUT: Close = Close(4408, "Connection initialisation timeout");
const TOO_MANY_INITS: Close = Close(4429, "Too many initialisation requests");

/// The login a socket acts under: the secret it presented and who that was.
struct Login {
    secret: String,
    who: RequestCtx,
}

impl Connection {
    async fn serve(self, socket: WebSocket) {
        let (mut sink, mut stream) = socket.split();
        // Each operation's messages carry its serial: an id the client reuses after
        // `complete` must not receive, nor end, what the old operation still had queued.
        let (out_tx, mut out_rx) = mpsc::channel::<(u64, Value)>(64);
        let mut login: Option<Login> = None;
        let mut running: HashMap<String, (u64, tokio::task::AbortHandle)> = HashMap::new();
        let mut serials = 0u64;
        let init_deadline = tokio::time::sleep(INIT_TIMEOUT);
        tokio::pin!(init_deadline);
        let mut recheck = tokio::time::interval(RECHECK);
        recheck.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let close = loop {
            tokio::select! {
                _ = &mut init_deadline, if login.is_none() => break INIT_TIMED_OUT,
                _ = recheck.tick(), if login.is_some() => {
                    if let Some(l) = &login {
                        if !self.still_holds(l).await {
                            break FORBIDDEN;
                        }
                    }
                }
                Some((serial, message)) = out_rx.recv() => {
                    let Some(id) = message["id"].as_str() else { continue };
                    if running.get(id).map(|(s, _)| *s) != Some(serial) {
                        continue;
                    }
                    if finished(&message) {
                        running.remove(id);
                    }
                    if !send(&mut sink, &message).await {
                        break Close(1000, "");
                    }
                }
                incoming = stream.next() => {
                    let text = match incoming {
                        None => break Close(1000, ""),
                        // Past the size limit (tungstenite's "… too long"), or not WebSocket.
                        Some(Err(e)) if e.to_string().contains("too long") => break Close(1009, "Message too big"),
                        Some(Err(_)) => break Close(1002, "Protocol error"),
                        Some(Ok(Message::Text(t))) => t,
                        Some(Ok(Message::Close(_))) => break Close(1000, ""),
                        Some(Ok(Message::Binary(_))) => break BAD_MESSAGE,
                        Some(Ok(_)) => continue,
                    };
                    let Ok(message) = serde_json::from_str::<Value>(text.as_str()) else {
                        break BAD_MESSAGE;
                    };
                    match message["type"].as_str() {
                        Some("connection_init") => {
                            if login.is_some() {
                                break TOO_MANY_INITS;
                            }
                            match self.sign_in(&message["payload"]).await {
                                Some(l) => login = Some(l),
                                None => break FORBIDDEN,
                            }
                            if !send(&mut sink, &json!({"type": "connection_ack"})).await {
                                break Close(1000, "");
                            }
                        }
                        Some("ping") => {
                            if !send(&mut sink, &json!({"type": "pong"})).await {
                                break Close(1000, "");
                            }
                        }
                        Some("pong") => {}
                        Some("subscribe") => {
                            let Some(l) = &mut login else {
                                break UNAUTHORIZED;
                            };
                            let Some(id) = message["id"].as_str().map(str::to_string) else {
                                break BAD_MESSAGE;
                            };
                            if running.contains_key(&id) {
                                // The protocol's code 4409 names the id; a static reason suffices.
                                break Close(4409, "Subscriber for this id already exists");
                            }
                            let Ok(request) =
                                serde_json::from_value::<async_graphql::Request>(message["payload"].clone())
                            else {
                                break BAD_MESSAGE;
                            };
                            // The operation runs as the login is now, or not at all.
                            match self.current(&l.secret).await {
                                Some(now) if same_login(&now, &l.who) => l.who = now,
                                _ => break FORBIDDEN,
                            }
                            if running.len() >= MAX_OPERATIONS {
                                let e = ApiError::new(crate::errors::Code::Validation, "request.invalid")
                                    .arg("detail", format!("at most {MAX_OPERATIONS} operations at once on one socket"));
                                // Straight to the client: the loop itself drains the channel.
                                let refusal = error_message(&id, &e.to_response(self.locale, &self.request_id));
                                if !send(&mut sink, &refusal).await {
                                    break Close(1000, "");
                                }
                                continue;
                            }
                            serials += 1;
                            let handle = self.start(id.clone(), serials, request, l.who.clone(), out_tx.clone());
                            running.insert(id, (serials, handle));
                        }
                        Some("complete") => {
                            if let Some((_, handle)) = message["id"].as_str().and_then(|id| running.remove(id)) {
                                handle.abort();
                            }
                        }
                        _ => break BAD_MESSAGE,
                    }
                }
            }
        };
        for (_, (_, handle)) in running.drain() {
            handle.abort();
        }
        let frame = CloseFrame {
            code: close.0,
            reason: Utf8Bytes::from_static(close.1),
        };
        let _ = tokio::time::timeout(SEND_TIMEOUT, sink.send(Message::Close(Some(frame)))).await;
    }

    /// The login of `connection_init`: `authorization` (or `Authorization`, `token`) in
    /// its payload; none or a rejected one is refused.
    async fn sign_in(&self, payload: &Value) -> Option<Login> {
        let secret = ["authorization", "Authorization", "token"]
            .iter()
            .find_map(|k| payload.get(*k).and_then(|v| v.as_str()))
            .map(|t| {
                t.trim_start_matches("Bearer ")
                    .trim_start_matches("bearer ")
                    .trim()
                    .to_string()
            })?;
        let who = self.current(&secret).await?;
        Some(Login { secret, who })
    }

    /// Who `secret` stands for now, if anyone.
    async fn current(&self, secret: &str) -> Option<RequestCtx> {
        let creds = Credentials {
            secret: Some(secret),
            via_cookie: false,
            csrf_header: None,
        };
        let rc = request_ctx(
            &self.g.state,
            creds,
            self.locale,
            self.request_id.clone(),
            self.address.clone(),
        )
        .await
        .ok()?;
        rc.principal.is_some().then_some(rc)
    }

    /// Whether the socket's login still stands for the same person, organisation, role
    /// and standing (resolved without recording a token use: nothing ran).
    async fn still_holds(&self, login: &Login) -> bool {
        login_holds(&self.g.state, &login.secret, &login.who).await
    }

    /// Runs one operation in a task of its own, sending its messages to `out`.
    fn start(
        &self,
        id: String,
        serial: u64,
        mut request: async_graphql::Request,
        who: RequestCtx,
        out: mpsc::Sender<(u64, Value)>,
    ) -> tokio::task::AbortHandle {
        let g = self.g.clone();
        let (locale, request_id) = (self.locale, self.request_id.clone());
        let task = tokio::spawn(async move {
            if let Err(e) = admit(&g.documents, &mut request) {
                let response = with_codes(e.to_response(locale, &request_id));
                let _ = out.send((serial, error_message(&id, &response))).await;
                return;
            }
            let name = request.operation_name.clone();
            let introspection_only = request
                .parsed_query()
                .is_ok_and(|doc| only_introspects(doc, name.as_deref()));
            // Queries and mutations get the time budget of HTTP; a subscription lasts.
            let budget = match request.parsed_query() {
                Ok(doc) => chosen_operation(doc, name.as_deref())
                    .filter(|op| op.ty != OperationType::Subscription)
                    .map(|_| g.state.config.request_timeout()),
                Err(_) => None,
            };
            if !g.state.config.introspection() {
                request = request.disable_introspection();
            }
            let schema = if introspection_only {
                g.introspection_schema().clone()
            } else {
                g.schema.clone()
            };
            let query = request.query.clone();
            let operation_name = request.operation_name.clone();
            let doc = async_graphql::parser::parse_query(&query).ok();
            let mut results = schema.execute_stream(request.data(who));
            let mut first = true;
            loop {
                let next = match budget {
                    Some(budget) => match tokio::time::timeout(budget, results.next()).await {
                        Ok(next) => next,
                        Err(_) => {
                            let e =
                                ApiError::new(crate::errors::Code::Unavailable, "request.timeout")
                                    .arg("seconds", budget.as_secs());
                            let refusal =
                                error_message(&id, &with_codes(e.to_response(locale, &request_id)));
                            let _ = out.send((serial, refusal)).await;
                            return;
                        }
                    },
                    None => results.next().await,
                };
                let Some(mut response) = next else { break };
                if first && is_request_error(&response) {
                    let _ = out
                        .send((serial, error_message(&id, &with_codes(response))))
                        .await;
                    return;
                }
                first = false;
                if let Some(doc) = &doc {
                    g.field_types
                        .apply(doc, operation_name.as_deref(), &mut response);
                }
                let payload = serde_json::to_value(with_codes(response)).unwrap_or(Value::Null);
                if out
                    .send((
                        serial,
                        json!({"id": id, "type": "next", "payload": payload}),
                    ))
                    .await
                    .is_err()
                {
                    return;
                }
            }
            let _ = out
                .send((serial, json!({"id": id, "type": "complete"})))
                .await;
        });
        task.abort_handle()
    }
}

/// Whether `secret` still stands for the same person, organisation, role and standing as
/// `who` (resolved without recording a token use: nothing ran). A long-lived answer (a
/// socket, the board's event stream) asks it now and then, and ends when it does not.
pub(crate) async fn login_holds(st: &crate::AppState, secret: &str, who: &RequestCtx) -> bool {
    let now = crate::accounts::principal::resolve(
        &st.pool,
        &st.accounts.sessions,
        &st.accounts.session_cache,
        secret,
    )
    .await;
    match (now, &who.principal) {
        (Ok(Some(a)), Some(b)) => a.user_id == b.user_id && a.actor == b.actor,
        // A database that does not answer ends nothing: the next check decides.
        (Err(_), _) => true,
        _ => false,
    }
}

/// The same person, organisation, role and standing as when the socket signed in.
fn same_login(now: &RequestCtx, then: &RequestCtx) -> bool {
    match (&now.principal, &then.principal) {
        (Some(a), Some(b)) => a.user_id == b.user_id && a.actor == b.actor,
        _ => false,
    }
}

fn error_message(id: &str, response: &async_graphql::Response) -> Value {
    let errors = serde_json::to_value(&response.errors).unwrap_or(Value::Null);
    json!({"id": id, "type": "error", "payload": errors})
}

/// A message that ends its operation.
fn finished(message: &Value) -> bool {
    matches!(message["type"].as_str(), Some("complete") | Some("error"))
}

/// Sends one message; false when the client is gone or has not read for [`SEND_TIMEOUT`].
async fn send<S>(sink: &mut S, message: &Value) -> bool
where
    S: futures::Sink<Message> + Unpin,
{
    let text = Message::Text(Utf8Bytes::from(message.to_string()));
    matches!(
        tokio::time::timeout(SEND_TIMEOUT, sink.send(text)).await,
        Ok(Ok(()))
    )
}
