//! A fake [`GraphqlExecutor`] and helpers to send requests through the router.

use std::sync::{Arc, Mutex};

use async_graphql::{ErrorExtensionValues, Response, ServerError, Value};
use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use tower::ServiceExt;

use crate::GraphqlExecutor;

/// What the fake was asked.
#[derive(Debug, Clone)]
pub struct Call {
    pub query: String,
    pub variables: serde_json::Value,
    pub session: Option<String>,
    pub locale: String,
}

/// A canned answer.
#[derive(Clone)]
pub enum Reply {
    Data(serde_json::Value),
    Error(&'static str, &'static str),
    /// An error naming the input at fault in `extensions.field`.
    FieldError(&'static str, &'static str, &'static str),
    /// The n-th matching call gets the n-th answer (the last one from then on).
    Pages(Vec<serde_json::Value>),
}

/// Answers the first rule whose needle occurs in the query.
#[derive(Default)]
pub struct Fake {
    rules: Vec<(&'static str, Reply)>,
    calls: Mutex<Vec<Call>>,
}

impl Fake {
    pub fn new() -> Fake {
        Fake::default()
    }

    /// Adds a rule; earlier rules win.
    pub fn on(mut self, needle: &'static str, reply: Reply) -> Fake {
        self.rules.push((needle, reply));
        self
    }

    /// Answers successive calls with successive pages.
    pub fn pages(self, needle: &'static str, pages: Vec<serde_json::Value>) -> Fake {
        self.on(needle, Reply::Pages(pages))
    }

    pub fn data(self, needle: &'static str, data: serde_json::Value) -> Fake {
        self.on(needle, Reply::Data(data))
    }

    pub fn error(self, needle: &'static str, code: &'static str, message: &'static str) -> Fake {
        self.on(needle, Reply::Error(code, message))
    }

    pub fn field_error(
        self,
        needle: &'static str,
        code: &'static str,
        message: &'static str,
        field: &'static str,
    ) -> Fake {
        self.on(needle, Reply::FieldError(code, message, field))
    }

    pub fn calls(&self) -> Vec<Call> {
        self.calls.lock().unwrap().clone()
    }

    pub fn was_asked(&self, needle: &str) -> bool {
        self.calls().iter().any(|c| c.query.contains(needle))
    }

    pub fn call_with(&self, needle: &str) -> Call {
        self.calls()
            .into_iter()
            .find(|c| c.query.contains(needle))
            .unwrap_or_else(|| panic!("no call with {needle}"))
    }
}

pub fn error_response(code: &str, message: &str) -> Response {
    field_error_response(code, message, None)
}

pub fn field_error_response(code: &str, message: &str, field: Option<&str>) -> Response {
    let mut error = ServerError::new(message, None);
    let mut ext = ErrorExtensionValues::default();
    ext.set("code", code);
    if let Some(field) = field {
        ext.set("field", field);
    }
    error.extensions = Some(ext);
    Response::from_errors(vec![error])
}

#[async_trait::async_trait]
impl GraphqlExecutor for Fake {
    async fn execute(
        &self,
        session_token: Option<String>,
        locale: &str,
        request: async_graphql::Request,
    ) -> Response {
        let variables = serde_json::to_value(&request.variables).unwrap();
        self.calls.lock().unwrap().push(Call {
            query: request.query.clone(),
            variables,
            session: session_token,
            locale: locale.to_string(),
        });
        let rule = self
            .rules
            .iter()
            .find(|(needle, _)| request.query.contains(needle));
        let reply = rule.map(|(_, reply)| reply.clone());
        match reply {
            Some(Reply::Pages(pages)) => {
                let needle = rule.map(|(n, _)| *n).unwrap_or_default();
                let asked = self
                    .calls()
                    .iter()
                    .filter(|c| c.query.contains(needle))
                    .count();
                let page = pages[(asked - 1).min(pages.len() - 1)].clone();
                Response::new(Value::from_json(page).unwrap())
            }
            Some(Reply::Data(json)) => Response::new(Value::from_json(json).unwrap()),
            Some(Reply::Error(code, message)) => error_response(code, message),
            Some(Reply::FieldError(code, message, field)) => {
                field_error_response(code, message, Some(field))
            }
            None => error_response("INTERNAL", "no canned response"),
        }
    }
}

/// The answer to one request.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// The body as text (lossy for a download; see `bytes`).
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Answer {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect()
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        let prefix = format!("{name}=");
        self.set_cookies()
            .into_iter()
            .find(|c| c.starts_with(&prefix))
    }
}

pub async fn send(fake: &Arc<Fake>, request: Request<Body>) -> Answer {
    let response = crate::router(fake.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

pub async fn get(fake: &Arc<Fake>, uri: &str, cookie: Option<&str>) -> Answer {
    let mut request = Request::get(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(fake, request.body(Body::empty()).unwrap()).await
}

pub async fn post(fake: &Arc<Fake>, uri: &str, cookie: Option<&str>, form: &str) -> Answer {
    let mut request =
        Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(fake, request.body(Body::from(form.to_string())).unwrap()).await
}

/// A signed-in viewer as the API would return it.
pub fn viewer(role: &str) -> serde_json::Value {
    serde_json::json!({
        "username": "amal",
        "displayName": "أمل حسن",
        "role": role,
        "csrfToken": "right-token",
        "organization": {
            "id": "org-1",
            "kind": "NRM_OFFICE",
            "nameAr": "مكتب الموصل",
            "nameEn": "Mosul office"
        }
    })
}

/// The reply to `{ viewer { ... } }` for a signed-in viewer.
pub fn viewer_data(role: &str) -> serde_json::Value {
    serde_json::json!({ "viewer": viewer(role) })
}

pub const SESSION: &str = "sanad_session=tok-1";

/// Whether any mutation reached the executor.
pub fn ran_a_mutation(fake: &Fake) -> bool {
    fake.calls()
        .iter()
        .any(|c| c.query.trim_start().starts_with("mutation"))
}

pub fn ninewa() -> serde_json::Value {
    serde_json::json!({ "code": "IQ-NI", "nameAr": "نينوى", "nameEn": "Ninewa" })
}

pub fn anbar() -> serde_json::Value {
    serde_json::json!({ "code": "IQ-AN", "nameAr": "الأنبار", "nameEn": "Anbar" })
}
