//! GraphQL over HTTP, as the GraphQL-over-HTTP specification and common clients expect it.
//!
//! - `POST /graphql` with a JSON body; `GET /graphql?query=…` for queries (a mutation over
//!   GET is refused, since GET must be safe), GraphiQL only for a browser asking for HTML.
//! - The answer's media type follows `Accept`: `application/graphql-response+json` when the
//!   client lists it, where a request error (the document refused, unparsable or invalid, so
//!   that nothing ran) is a 4xx without `data`; else `application/json`, always 200 for a
//!   well-formed request, also without `data` for a request error.
//! - Every failure of the request itself — a body that is too large or not JSON, a batch,
//!   a document refused by [`limits`] — is a GraphQL error with a code, never plain text.
//! - Each request runs within a time budget and is cancelled past it (`request.timeout`).
//! - Field errors null their field and, past non-null fields, its parent
//!   ([`null_propagation`]).

use std::sync::Arc;

use async_graphql::http::GraphiQLSource;
use async_graphql::parser::types::{ExecutableDocument, OperationType};
use axum::body::Body;
use axum::extract::rejection::ExtensionRejection;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::CookieJar;

use crate::errors::{ApiError, Code};
use crate::graphql::common::context::{request_ctx, Credentials};
use crate::graphql::common::documents::{chosen_operation, DocumentCache, Known};
use crate::graphql::common::limits;
use crate::graphql::common::null_propagation::FieldTypes;
use crate::graphql::SanadSchema;
use crate::i18n::Locale;
use crate::ops::request::Tracked;
use crate::state::AppState;

/// Shared behind one `Arc`: axum clones a handler's state for every request.
pub struct Graphql {
    pub state: AppState,
    pub schema: SanadSchema,
    /// The same schema with the engine's fast validation, for documents that passed the
    /// full one before.
    pub prevalidated: SanadSchema,
    /// The same schema with a deeper depth limit, for documents that only introspect: the
    /// standard introspection query of common clients nests `ofType` 7–9 levels deep. Built
    /// on first use: a schema's registry is memory that most processes never need twice.
    pub introspection: std::sync::OnceLock<SanadSchema>,
    pub documents: Arc<DocumentCache>,
    pub field_types: FieldTypes,
}

impl Graphql {
    pub fn introspection_schema(&self) -> &SanadSchema {
        self.introspection
            .get_or_init(|| crate::graphql::build_introspection(self.state.clone()))
    }
}

pub fn locale_of(headers: &HeaderMap) -> Locale {
    headers
        .get("x-sanad-locale")
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_code)
        .or_else(|| {
            headers
                .get("accept-language")
                .and_then(|v| v.to_str().ok())
                .map(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// The media type of the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    GraphqlResponseJson,
    Json,
}

impl MediaType {
    pub fn negotiate(headers: &HeaderMap) -> Self {
        let accept = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let listed = accept.split(',').any(|part| {
            let mut it = part.split(';');
            let name = it.next().unwrap_or("").trim();
            let refused = it.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            name.eq_ignore_ascii_case("application/graphql-response+json") && !refused
        });
        if listed {
            Self::GraphqlResponseJson
        } else {
            Self::Json
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Self::GraphqlResponseJson => "application/graphql-response+json; charset=utf-8",
            Self::Json => "application/json; charset=utf-8",
        }
    }
}

/// Engine errors (parse, validation, depth and complexity limits, arguments that do not
/// fit their types) carry no code of ours: they are the request's fault, so they are
/// VALIDATION. Any other error without a code, at a field, is ours: INTERNAL.
pub fn with_codes(mut response: async_graphql::Response) -> async_graphql::Response {
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

/// The engine's messages for a value that does not fit its argument's type (its
/// `InputValueError`s, nested ones included, keep these beginnings), and for a declared
/// variable the request does not give. For a document that passed the full validation
/// before, such variables are found as the arguments are parsed, so these errors carry the
/// field's path.
fn is_input_error(message: &str) -> bool {
    message.starts_with("Failed to parse \"")
        || message.starts_with("Expected input type \"")
        // A variable the document declares but the request left out.
        || (message.starts_with("Variable ") && message.ends_with(" is not defined."))
}

/// Nothing ran: every error concerns the request as a whole.
pub fn is_request_error(response: &async_graphql::Response) -> bool {
    !response.errors.is_empty()
        && response.data == async_graphql::Value::Null
        && response.errors.iter().all(|e| e.path.is_empty())
}

/// The HTTP answer for a GraphQL response.
pub fn answer(media: MediaType, response: &async_graphql::Response) -> Response {
    let request_error = is_request_error(response);
    let mut body = serde_json::to_value(response).unwrap_or_else(|_| serde_json::json!({}));
    if request_error {
        if let Some(map) = body.as_object_mut() {
            map.remove("data");
        }
    }
    let timed_out = response.errors.iter().any(|e| {
        e.extensions
            .as_ref()
            .and_then(|x| x.get("key"))
            .is_some_and(|k| *k == async_graphql::Value::from("request.timeout"))
    });
    let status = match media {
        MediaType::GraphqlResponseJson if timed_out => StatusCode::SERVICE_UNAVAILABLE,
        MediaType::GraphqlResponseJson if request_error => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    json_response(status, media, &body)
}

fn json_response(status: StatusCode, media: MediaType, body: &serde_json::Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media.content_type()),
    );
    response
}

/// An answer for a failure before the request reached the engine, with its own status.
pub fn refuse(
    status: StatusCode,
    media: MediaType,
    error: &ApiError,
    locale: Locale,
    request_id: &str,
) -> Response {
    let response = error.to_response(locale, request_id);
    let mut body = serde_json::to_value(&response).unwrap_or_else(|_| serde_json::json!({}));
    if let Some(map) = body.as_object_mut() {
        map.remove("data");
    }
    json_response(status, media, &body)
}

/// Whether a request's body broke the size limit (the body is read through
/// `http_body_util::Limited`, see `ops::body_limit`).
fn is_too_large(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = s.source();
    }
    false
}

pub async fn post(
    State(g): State<Arc<Graphql>>,
    call: Call,
    headers: HeaderMap,
    jar: CookieJar,
    body: Body,
) -> Response {
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) if is_too_large(&e) => {
            let error = ApiError::new(Code::Validation, "request.too_large")
                .arg("max", g.state.config.max_body_bytes);
            return call.refuse(StatusCode::PAYLOAD_TOO_LARGE, &error);
        }
        Err(e) => {
            let error = ApiError::new(Code::Validation, "request.invalid").arg("detail", e);
            return call.refuse(StatusCode::BAD_REQUEST, &error);
        }
    };
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if !matches!(
        json.as_deref(),
        Some("application/json") | Some("application/graphql-response+json") | None
    ) {
        let error = ApiError::new(Code::Validation, "request.invalid").arg(
            "detail",
            "send the request as JSON (content-type: application/json)",
        );
        return call.refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, &error);
    }
    let request: async_graphql::Request = match serde_json::from_slice(&bytes) {
        Ok(r) => r,
        Err(e) => {
            let batch = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
            let error = if batch {
                ApiError::new(Code::Validation, "request.batch_unsupported")
            } else {
                ApiError::new(Code::Validation, "request.invalid").arg("detail", e)
            };
            return call.refuse(StatusCode::BAD_REQUEST, &error);
        }
    };
    let call = Call {
        mutations_allowed: true,
        ..call
    };
    run(&g, call, &headers, &jar, request).await
}

#[derive(serde::Deserialize)]
pub struct GetParams {
    query: Option<String>,
    #[serde(rename = "operationName")]
    operation_name: Option<String>,
    variables: Option<String>,
}

pub async fn get(
    State(g): State<Arc<Graphql>>,
    call: Call,
    headers: HeaderMap,
    jar: CookieJar,
    params: Result<Query<GetParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    let params = match params {
        Ok(Query(p)) => p,
        Err(e) => {
            let error = ApiError::new(Code::Validation, "request.invalid").arg("detail", e);
            return call.refuse(StatusCode::BAD_REQUEST, &error);
        }
    };
    let Some(query) = params.query.filter(|_| !wants_html) else {
        if g.state.config.graphiql() {
            return graphiql().into_response();
        }
        let error = ApiError::new(Code::Validation, "request.invalid")
            .arg("detail", "give the document in the `query` parameter");
        return call.refuse(StatusCode::BAD_REQUEST, &error);
    };
    let variables = match params.variables.as_deref().map(serde_json::from_str) {
        None => async_graphql::Variables::default(),
        Some(Ok(v)) => async_graphql::Variables::from_json(v),
        Some(Err(e)) => {
            let error = ApiError::new(Code::Validation, "request.invalid").arg("detail", e);
            return call.refuse(StatusCode::BAD_REQUEST, &error);
        }
    };
    let mut request = async_graphql::Request::new(query).variables(variables);
    if let Some(name) = params.operation_name {
        request = request.operation_name(name);
    }
    run(&g, call, &headers, &jar, request).await
}

fn graphiql() -> Html<String> {
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql/ws")
            .title("Sanad GraphQL")
            .finish(),
    )
}

/// A request over HTTP: how to answer it (media type, language), its id and the client's
/// address, and whether it may run mutations (a POST; a GET may not).
pub struct Call {
    media: MediaType,
    locale: Locale,
    request_id: String,
    address: String,
    mutations_allowed: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for Call {
    type Rejection = ExtensionRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Tracked {
            request_id,
            address,
        } = Tracked::from_request_parts(parts, state).await?;
        Ok(Call {
            media: MediaType::negotiate(&parts.headers),
            locale: locale_of(&parts.headers),
            request_id,
            address,
            mutations_allowed: false,
        })
    }
}

impl Call {
    fn refuse(&self, status: StatusCode, error: &ApiError) -> Response {
        refuse(status, self.media, error, self.locale, &self.request_id)
    }
}

/// A query whose root fields all introspect (`__schema`, `__type`, `__typename`).
pub fn only_introspects(doc: &ExecutableDocument, name: Option<&str>) -> bool {
    use async_graphql::parser::types::Selection;
    fn all(doc: &ExecutableDocument, set: &async_graphql::parser::types::SelectionSet) -> bool {
        set.items.iter().all(|item| match &item.node {
            Selection::Field(f) => f.node.name.node.starts_with("__"),
            Selection::InlineFragment(i) => all(doc, &i.node.selection_set.node),
            Selection::FragmentSpread(s) => doc
                .fragments
                .get(&s.node.fragment_name.node)
                .is_some_and(|f| all(doc, &f.node.selection_set.node)),
        })
    }
    chosen_operation(doc, name)
        .is_some_and(|op| op.ty == OperationType::Query && all(doc, &op.selection_set.node))
}

/// The checks every GraphQL request passes before it runs, over HTTP and graphql-ws
/// alike: the text, then (parsed) the document and the variables.
pub fn admit(
    documents: &DocumentCache,
    request: &mut async_graphql::Request,
) -> Result<Known, ApiError> {
    // The text and the document once per distinct document; the variables every time.
    let known = documents
        .prepare(request, limits::admit_text, limits::admit_document)
        .map_err(|r| r.to_api_error())?;
    let variables = std::mem::take(&mut request.variables);
    let name = request.operation_name.clone();
    let checked = match request.parsed_query() {
        Ok(doc) => match chosen_operation(doc, name.as_deref()) {
            Some(op) => limits::admit_required_variables(op, &variables),
            None => Ok(()),
        },
        Err(_) => Ok(()),
    };
    request.variables = variables;
    checked.map_err(|r| r.to_api_error())?;
    limits::admit_variables(&request.variables).map_err(|r| r.to_api_error())?;
    Ok(known)
}

/// [`run_within`] inside the request's time budget: signing in, admission and execution
/// alike, so a request stalled anywhere is cancelled.
async fn run(
    g: &Graphql,
    call: Call,
    headers: &HeaderMap,
    jar: &CookieJar,
    request: async_graphql::Request,
) -> Response {
    let (media, locale, request_id) = (call.media, call.locale, call.request_id.clone());
    let budget = g.state.config.request_timeout();
    match tokio::time::timeout(budget, run_within(g, call, headers, jar, request)).await {
        Ok(response) => response,
        Err(_) => {
            metrics::counter!("sanad_graphql_timeouts_total").increment(1);
            let error = ApiError::new(Code::Unavailable, "request.timeout")
                .arg("seconds", budget.as_secs());
            answer(media, &with_codes(error.to_response(locale, &request_id)))
        }
    }
}

async fn run_within(
    g: &Graphql,
    call: Call,
    headers: &HeaderMap,
    jar: &CookieJar,
    mut request: async_graphql::Request,
) -> Response {
    let Call {
        media,
        locale,
        request_id,
        address,
        mutations_allowed,
    } = call;
    let known = match admit(&g.documents, &mut request) {
        Ok(k) => k,
        Err(e) => {
            let response = with_codes(e.to_response(locale, &request_id));
            return answer(media, &response);
        }
    };
    let name = request.operation_name.clone();
    let (introspection_only, is_mutation, one_step) = match request.parsed_query() {
        Ok(doc) => {
            let op = chosen_operation(doc, name.as_deref());
            (
                only_introspects(doc, name.as_deref()),
                op.is_some_and(|op| op.ty != OperationType::Query),
                // A query, or a mutation of one root field: nothing has run when its
                // arguments turn out not to fit (see below).
                op.is_some_and(|op| {
                    op.ty == OperationType::Query || op.selection_set.node.items.len() == 1
                }),
            )
        }
        Err(_) => (false, false, false),
    };
    if is_mutation && !mutations_allowed {
        let error = ApiError::new(Code::Validation, "request.method");
        let mut response = refuse(
            StatusCode::METHOD_NOT_ALLOWED,
            media,
            &error,
            locale,
            &request_id,
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    if !g.state.config.introspection() {
        request = request.disable_introspection();
    }
    // Kept to mark the document once the full validation has passed it.
    let unvalidated = (known == Known::Unvalidated).then(|| request.query.clone());
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
                Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            return refuse(status, media, &e, locale, &request_id);
        }
    };
    // The fast validation leaves the variables' types to the arguments' parsing, that is to
    // execution; so it serves only operations where a misfit argument means nothing ran.
    let fast = known == Known::Validated && one_step;
    let schema = if introspection_only {
        g.introspection_schema()
    } else if fast {
        &g.prevalidated
    } else {
        &g.schema
    };
    let query = request.query.clone();
    let operation_name = request.operation_name.clone();
    let mut response = schema.execute(request.data(rc)).await;
    if fast
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| is_input_error(&e.message))
    {
        // What the full validation would have refused as a whole stays a request error.
        response.data = async_graphql::Value::Null;
        for e in &mut response.errors {
            e.path.clear();
        }
    }
    // Validation errors (and the other refusals of the request as a whole) have no path;
    // what a field's execution reports has one.
    if let Some(query) = &unvalidated {
        if response.errors.iter().all(|e| !e.path.is_empty()) {
            g.documents.passed(query);
        }
    }
    if response.errors.iter().any(|e| !e.path.is_empty()) {
        // Only answers with field errors need the document again; it was admitted above.
        if let Ok(doc) = async_graphql::parser::parse_query(&query) {
            g.field_types
                .apply(&doc, operation_name.as_deref(), &mut response);
        }
    }
    answer(media, &with_codes(response))
}
