//! The HTTP router: GraphQL, the web pages, and the operations endpoints.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{middleware, Extension, Router};

use crate::config::MetricsAccess;
use crate::graphql::http::Graphql;
use crate::graphql::null_propagation::FieldTypes;
use crate::graphql::DocumentCache;
use crate::ops::request::ClientAddress;
use crate::ops::{health, metrics};
use crate::state::AppState;
use crate::web_bridge::WebBridge;

pub use crate::graphql::http::locale_of;

/// Prometheus text, for the addresses `METRICS_ALLOW` names.
async fn metrics_text(
    State(state): State<AppState>,
    Extension(ClientAddress(client)): Extension<ClientAddress>,
) -> Response {
    // The client as `TRUSTED_PROXIES` resolve it: behind a proxy on the same host every
    // request comes from 127.0.0.1, but its client does not.
    let client: Option<IpAddr> = client.parse().ok();
    let allowed = match state.config.metrics_access() {
        MetricsAccess::Open => true,
        MetricsAccess::Off => false,
        MetricsAccess::From(networks) => {
            client.is_some_and(|ip| networks.iter().any(|n| n.contains(ip)))
        }
    };
    if !allowed {
        return (
            StatusCode::FORBIDDEN,
            "metrics are not open to this address",
        )
            .into_response();
    }
    (
        [("content-type", "text/plain; version=0.0.4")],
        metrics::render().await,
    )
        .into_response()
}

/// The whole application for one database.
pub fn router(state: AppState) -> Router {
    metrics::handle();
    let schema = crate::graphql::build(state.clone());
    let bridge = WebBridge {
        state: state.clone(),
        schema: schema.clone(),
    };
    let graphql = Router::new()
        .route(
            "/graphql",
            get(crate::graphql::http::get).post(crate::graphql::http::post),
        )
        .route("/graphql/ws", get(crate::graphql::ws::upgrade))
        .with_state(Arc::new(Graphql {
            state: state.clone(),
            field_types: FieldTypes::from_sdl(&schema.sdl()),
            schema,
            prevalidated: crate::graphql::build_prevalidated(state.clone()),
            introspection: std::sync::OnceLock::new(),
            documents: Arc::new(DocumentCache::default()),
        }));
    let ops = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics_text))
        .with_state(state.clone());
    Router::new()
        .merge(graphql)
        .merge(ops)
        .merge(web::router(Arc::new(bridge)))
        .layer(middleware::from_fn_with_state(
            state.config.max_body_bytes,
            crate::ops::body_limit::limit,
        ))
        .layer(middleware::from_fn(crate::ops::headers::secure))
        .layer(middleware::from_fn_with_state(
            Arc::new(state.config.trusted_proxies.clone()),
            crate::ops::request::track,
        ))
}
