//! The HTTP router: GraphQL, the web pages, and the operations endpoints.

use std::sync::Arc;

use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLProtocol, GraphQLRequest, GraphQLResponse, GraphQLWebSocket};
use axum::extract::{State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{middleware, Extension, Router};
use axum_extra::extract::CookieJar;

use crate::graphql::context::{request_ctx, Credentials};
use crate::graphql::{DocumentCache, Known, SanadSchema};
use crate::i18n::Locale;
use crate::ops::request::{ClientAddress, RequestId};
use crate::ops::{health, metrics};
use crate::state::AppState;
use crate::web_bridge::WebBridge;

/// Shared behind one `Arc`: axum clones a handler's state for every request, and
/// `AppState` is a dozen handles.
struct Graphql {
    state: AppState,
    schema: SanadSchema,
    /// The same schema with the engine's fast validation, for documents that passed the
    /// full one before.
    prevalidated: SanadSchema,
    /// The same schema with the nesting check as an extension, for graphql-ws.
    ws_schema: SanadSchema,
    documents: Arc<DocumentCache>,
}

pub fn locale_of(headers: &HeaderMap) -> Locale {
    headers
        .get("x-sanad-locale")
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::parse)
        .or_else(|| {
            headers
                .get("accept-language")
                .and_then(|v| v.to_str().ok())
                .map(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// The engine's messages for a value that does not fit its argument's type (its
/// `InputValueError`s, nested ones included, keep these beginnings). For a document that
/// passed the full validation before, wrong-typed variables are found as the arguments are
/// parsed, so these errors carry the field's path.
fn is_input_error(message: &str) -> bool {
    message.starts_with("Failed to parse \"") || message.starts_with("Expected input type \"")
}

/// Engine errors (parse, validation, depth and complexity limits, arguments that do not
/// fit their types) carry no code of ours: they are the request's fault, so they are
/// VALIDATION. Any other error without a code, at a field, is ours: INTERNAL.
fn with_codes(mut response: async_graphql::Response) -> async_graphql::Response {
    for e in &mut response.errors {
        let has_code = e
            .extensions
            .as_ref()
            .is_some_and(|x| x.get("code").is_some());
        if !has_code {
            let code = if e.path.is_empty() || is_input_error(&e.message) {
                "VALIDATION"
            } else {
                "INTERNAL"
            };
            let ext = e.extensions.get_or_insert_with(Default::default);
            ext.set("code", code);
            ext.set("key", "request.invalid");
        }
    }
    response
}

async fn graphql_post(
    State(g): State<Arc<Graphql>>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    headers: HeaderMap,
    jar: CookieJar,
    request: GraphQLRequest,
) -> Response {
    let mut request = request.into_inner();
    if let Some(refused) = crate::graphql::refuse_deep(&request.query) {
        return GraphQLResponse::from(with_codes(refused)).into_response();
    }
    let known = g.documents.prepare(&mut request);
    // Kept to mark the document once the full validation has passed it.
    let unvalidated = (known == Known::Unvalidated).then(|| request.query.clone());
    let locale = locale_of(&headers);
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    let cookie = jar.get(web::SESSION_COOKIE).map(|c| c.value().to_string());
    let creds = Credentials {
        secret: bearer.or(cookie.as_deref()),
        via_cookie: bearer.is_none() && cookie.is_some(),
        csrf_header: headers.get("x-csrf-token").and_then(|v| v.to_str().ok()),
    };
    let rc = match request_ctx(&g.state, creds, locale, request_id.clone(), address).await {
        Ok(rc) => rc,
        Err(e) => {
            let status = match e.code {
                crate::errors::Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            let body = e.to_response(locale, &request_id);
            return (status, GraphQLResponse::from(body)).into_response();
        }
    };
    let schema = match known {
        Known::Validated => &g.prevalidated,
        Known::Unvalidated => &g.schema,
    };
    let response = schema.execute(request.data(rc)).await;
    // Validation errors (and the other refusals of the request as a whole) have no path;
    // what a field's execution reports has one.
    if let Some(query) = unvalidated {
        if response.errors.iter().all(|e| !e.path.is_empty()) {
            g.documents.passed(&query);
        }
    }
    GraphQLResponse::from(with_codes(response)).into_response()
}

async fn graphiql() -> Html<String> {
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql/ws")
            .title("Sanad GraphQL")
            .finish(),
    )
}

/// graphql-ws: the bearer token comes in the `connection_init` payload, since browsers
/// cannot set headers on a WebSocket (and cookies would invite cross-site hijacking).
async fn graphql_ws(
    State(g): State<Arc<Graphql>>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    Extension(ClientAddress(address)): Extension<ClientAddress>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    let locale = locale_of(&headers);
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| {
            let schema = g.ws_schema.clone();
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let token = ["authorization", "Authorization", "token"]
                        .iter()
                        .find_map(|k| payload.get(*k).and_then(|v| v.as_str()))
                        .map(|t| {
                            t.trim_start_matches("Bearer ")
                                .trim_start_matches("bearer ")
                                .trim()
                                .to_string()
                        });
                    let creds = Credentials {
                        secret: token.as_deref(),
                        via_cookie: false,
                        csrf_header: None,
                    };
                    let rc = request_ctx(&g.state, creds, locale, request_id.clone(), address)
                        .await
                        .map_err(|e| e.to_graphql(locale, &request_id))?;
                    if rc.principal.is_none() {
                        return Err(crate::errors::ApiError::unauthenticated()
                            .to_graphql(locale, &request_id));
                    }
                    let mut data = async_graphql::Data::default();
                    data.insert(rc);
                    Ok(data)
                })
                .serve()
        })
}

async fn graphql_get_disabled() -> StatusCode {
    StatusCode::METHOD_NOT_ALLOWED
}

async fn metrics_text() -> impl IntoResponse {
    (
        [("content-type", "text/plain; version=0.0.4")],
        metrics::render().await,
    )
}

/// The whole application for one database.
pub fn router(state: AppState) -> Router {
    metrics::handle();
    let schema = crate::graphql::build(state.clone());
    let bridge = WebBridge {
        state: state.clone(),
        schema: schema.clone(),
    };
    let graphiql_route = if state.config.graphiql {
        get(graphiql)
    } else {
        get(graphql_get_disabled)
    };
    let graphql = Router::new()
        .route("/graphql", graphiql_route.post(graphql_post))
        .route("/graphql/ws", get(graphql_ws))
        .with_state(Arc::new(Graphql {
            state: state.clone(),
            schema,
            prevalidated: crate::graphql::build_prevalidated(state.clone()),
            ws_schema: crate::graphql::build_ws(state.clone()),
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
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            state.config.max_body_bytes,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::new(state.config.trusted_proxies.clone()),
            crate::ops::request::track,
        ))
}
