//! One error type for the API, mapped once to GraphQL errors with a stable `code`,
//! the catalogue `key`, the input `field` at fault, and a message in the caller's language.

use async_graphql::ErrorExtensions;
use domain::{DomainError, ErrorCode};
use store::StoreError;

use crate::i18n::{self, Locale};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Unauthenticated,
    Forbidden,
    NotFound,
    Validation,
    Conflict,
    RateLimited,
    Unavailable,
    Internal,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::Validation => "VALIDATION",
            Self::Conflict => "CONFLICT",
            Self::RateLimited => "RATE_LIMITED",
            Self::Unavailable => "UNAVAILABLE",
            Self::Internal => "INTERNAL",
        }
    }
}

impl From<ErrorCode> for Code {
    fn from(c: ErrorCode) -> Self {
        match c {
            ErrorCode::Forbidden => Self::Forbidden,
            ErrorCode::NotFound => Self::NotFound,
            ErrorCode::Validation => Self::Validation,
            ErrorCode::Conflict => Self::Conflict,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ApiError {
    pub code: Code,
    pub key: &'static str,
    pub field: Option<String>,
    pub args: Vec<(&'static str, String)>,
    /// Detail for the logs only; never shown to the user.
    pub detail: Option<String>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(code: Code, key: &'static str) -> Self {
        Self {
            code,
            key,
            field: None,
            args: Vec::new(),
            detail: None,
        }
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    pub fn unauthenticated() -> Self {
        Self::new(Code::Unauthenticated, "unauthenticated")
    }

    pub fn forbidden() -> Self {
        Self::new(Code::Forbidden, "forbidden")
    }

    pub fn validation(key: &'static str, field: &str) -> Self {
        Self::new(Code::Validation, key).field(field)
    }

    pub fn unavailable(detail: impl ToString) -> Self {
        let mut e = Self::new(Code::Unavailable, "unavailable");
        e.detail = Some(detail.to_string());
        e
    }

    pub fn internal(detail: impl ToString) -> Self {
        let mut e = Self::new(Code::Internal, "internal");
        e.detail = Some(detail.to_string());
        e
    }

    pub fn from_domain<E: DomainError>(e: &E) -> Self {
        let mut out = Self::new(e.code().into(), e.key());
        out.field = e.field().map(str::to_string);
        out.args = e.args();
        out.detail = Some(e.to_string());
        out
    }

    /// The GraphQL error a client sees.
    pub fn to_graphql(&self, locale: Locale, request_id: &str) -> async_graphql::Error {
        match self.code {
            Code::Internal | Code::Unavailable => {
                tracing::error!(request_id, code = self.code.as_str(), detail = ?self.detail, "request failed")
            }
            _ => {
                tracing::info!(request_id, code = self.code.as_str(), key = self.key, detail = ?self.detail, "request refused")
            }
        }
        let mut args = self.args.clone();
        args.push(("request_id", request_id.to_string()));
        let message = i18n::message(self.key, locale, &args);
        async_graphql::Error::new(message).extend_with(|_, ext| {
            ext.set("code", self.code.as_str());
            ext.set("key", self.key);
            if let Some(f) = &self.field {
                ext.set("field", f.as_str());
            }
            // Seconds a throttled client should wait before trying again.
            if self.code == Code::RateLimited {
                if let Some((_, v)) = self.args.iter().find(|(k, _)| *k == "seconds") {
                    if let Ok(n) = v.parse::<i64>() {
                        ext.set("retryAfter", n);
                    }
                }
            }
        })
    }
}

impl ApiError {
    /// A whole GraphQL response carrying only this error, for failures before execution.
    pub fn to_response(&self, locale: Locale, request_id: &str) -> async_graphql::Response {
        let gql = self.to_graphql(locale, request_id);
        let mut server = async_graphql::ServerError::new(gql.message.clone(), None);
        server.extensions = gql.extend().extensions;
        async_graphql::Response::from_errors(vec![server])
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::Io(_)
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed
            | sqlx::Error::Protocol(_) => Self::unavailable(e),
            sqlx::Error::Database(db)
                if db
                    .code()
                    .is_some_and(|c| c.starts_with("57") || c.starts_with("08")) =>
            {
                Self::unavailable(e)
            }
            _ => Self::internal(e),
        }
    }
}

impl<E: DomainError> From<StoreError<E>> for ApiError {
    fn from(e: StoreError<E>) -> Self {
        match e {
            StoreError::Domain(d) => Self::from_domain(&d),
            StoreError::Unavailable(detail) => Self::unavailable(detail),
            StoreError::Contention(n) => {
                let mut e = Self::new(Code::Conflict, "contention");
                e.detail = Some(format!("{n} attempts"));
                e
            }
            StoreError::CommandIdTooLong(max) => {
                Self::validation("command_id.too_long", "commandId").arg("max", max)
            }
            StoreError::Corrupt(detail) => Self::internal(detail),
        }
    }
}
