//! Per-request plumbing: a request id (taken from `x-request-id` when sane), the client
//! (address and scheme, `ops::client`), a tracing span, and the request metrics.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::rejection::ExtensionRejection;
use axum::extract::{ConnectInfo, FromRequestParts, MatchedPath, Request, State};
use axum::http::request::Parts;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use axum::Extension;
use tracing::Instrument;

#[derive(Debug, Clone)]
pub struct RequestId(pub String);

#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

/// The request's id and the client's address together, for the handlers that answer
/// and log with both.
pub struct Tracked {
    pub request_id: String,
    pub address: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Tracked {
    type Rejection = ExtensionRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Extension(RequestId(request_id)) = Extension::from_request_parts(parts, state).await?;
        let Extension(ClientAddress(address)) = Extension::from_request_parts(parts, state).await?;
        Ok(Tracked {
            request_id,
            address,
        })
    }
}

fn sane(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

pub async fn track(
    State(trusted): State<std::sync::Arc<super::client::TrustedProxies>>,
    mut req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| sane(v))
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = super::client::Client::resolve(peer, req.headers(), &trusted);
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "other".to_string());
    let method = req.method().to_string();
    req.extensions_mut().insert(RequestId(id.clone()));
    req.extensions_mut()
        .insert(ClientAddress(client.address.clone()));
    req.extensions_mut().insert(client.clone());
    req.extensions_mut().insert(web::Https(client.https));
    let span = tracing::info_span!("request", request_id = %id, %method, %route);
    let mut response = super::client::CURRENT
        .scope(client, next.run(req).instrument(span.clone()))
        .await;
    let status = response.status().as_u16();
    let elapsed = started.elapsed().as_secs_f64();
    span.in_scope(|| tracing::info!(status, elapsed_ms = elapsed * 1000.0, "answered"));
    metrics::counter!("sanad_http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status.to_string())
        .increment(1);
    metrics::histogram!("sanad_http_request_duration_seconds", "method" => method, "route" => route)
        .record(elapsed);
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}
