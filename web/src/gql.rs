//! Running one GraphQL operation for the current request and turning the response
//! into typed data or a [`GqlError`] (the API's localised message and its
//! `extensions.code`).

use async_graphql::{Request, Response, ServerError, Value, Variables};
use serde::de::DeserializeOwned;

use crate::context::Ctx;
use crate::state::AppState;

/// `extensions.code` of a GraphQL error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Unauthenticated,
    Forbidden,
    NotFound,
    Validation,
    Conflict,
    RateLimited,
    Unavailable,
    Internal,
}

impl ErrorCode {
    /// Reads a code; anything unknown counts as `Internal`.
    pub fn parse(code: &str) -> ErrorCode {
        match code {
            "UNAUTHENTICATED" => ErrorCode::Unauthenticated,
            "FORBIDDEN" => ErrorCode::Forbidden,
            "NOT_FOUND" => ErrorCode::NotFound,
            "VALIDATION" | "BAD_USER_INPUT" => ErrorCode::Validation,
            "CONFLICT" => ErrorCode::Conflict,
            "RATE_LIMITED" => ErrorCode::RateLimited,
            "UNAVAILABLE" => ErrorCode::Unavailable,
            _ => ErrorCode::Internal,
        }
    }
}

/// One error of a GraphQL response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GqlError {
    pub code: ErrorCode,
    /// Human-readable and already localised by the API.
    pub message: String,
    /// The response path of the field that failed (`["organization", "members"]`).
    pub path: Vec<String>,
    /// `extensions.field`: the input at fault (`needs`, `personal.fullName`), if named.
    pub field: Option<String>,
}

impl GqlError {
    /// An error raised by this crate (undecodable data, ...): no message of its own,
    /// so the page shows a generic text.
    pub fn internal() -> GqlError {
        GqlError {
            code: ErrorCode::Internal,
            message: String::new(),
            path: Vec::new(),
            field: None,
        }
    }

    fn from_server(error: ServerError) -> GqlError {
        let code = error
            .extensions
            .as_ref()
            .and_then(|ext| ext.get("code"))
            .and_then(|value| match value {
                Value::String(s) => Some(ErrorCode::parse(s)),
                Value::Enum(name) => Some(ErrorCode::parse(name.as_str())),
                _ => None,
            })
            .unwrap_or(ErrorCode::Internal);
        let field = error
            .extensions
            .as_ref()
            .and_then(|ext| ext.get("field"))
            .and_then(|value| match value {
                Value::String(s) => Some(s.clone()),
                _ => None,
            })
            .filter(|s| !s.is_empty());
        let path = error
            .path
            .iter()
            .map(|segment| match segment {
                async_graphql::PathSegment::Field(name) => name.clone(),
                async_graphql::PathSegment::Index(i) => i.to_string(),
            })
            .collect();
        GqlError {
            code,
            message: error.message,
            path,
            field,
        }
    }
}

/// The decoded response: `data` as JSON plus every error.
#[derive(Debug)]
pub struct Outcome {
    pub data: serde_json::Value,
    pub errors: Vec<GqlError>,
}

impl Outcome {
    pub(crate) fn from_response(response: Response) -> Outcome {
        let data = response.data.into_json().unwrap_or(serde_json::Value::Null);
        let errors = response
            .errors
            .into_iter()
            .map(GqlError::from_server)
            .collect();
        Outcome { data, errors }
    }

    /// The data decoded as `T` when there is no error, else the first error.
    pub fn into_data<T: DeserializeOwned>(self) -> Result<T, GqlError> {
        if let Some(error) = self.errors.into_iter().next() {
            return Err(error);
        }
        decode(self.data)
    }

    /// As [`Outcome::into_data`], for data that holds personal data.
    pub fn into_sensitive_data<T: DeserializeOwned>(self) -> Result<T, GqlError> {
        if let Some(error) = self.errors.into_iter().next() {
            return Err(error);
        }
        decode_sensitive(self.data)
    }

    /// The first error, if any (for mutations whose data the page does not need).
    pub fn first_error(self) -> Option<GqlError> {
        self.errors.into_iter().next()
    }
}

/// Decodes `data` into `T`; a mismatch is logged and reported as `Internal`.
pub fn decode<T: DeserializeOwned>(data: serde_json::Value) -> Result<T, GqlError> {
    serde_json::from_value(data).map_err(|error| {
        tracing::error!(%error, "web: GraphQL data did not have the expected shape");
        GqlError::internal()
    })
}

/// Decodes data that holds personal data: on a mismatch only the kind of error is
/// logged, never the message (serde's messages may quote the offending value).
pub fn decode_sensitive<T: DeserializeOwned>(data: serde_json::Value) -> Result<T, GqlError> {
    serde_json::from_value(data).map_err(|error| {
        tracing::error!(kind = ?error.classify(), "web: personal data did not have the expected shape");
        GqlError::internal()
    })
}

/// Runs `query` with `variables` (a JSON object) for the session and locale of `ctx`.
pub async fn run(
    state: &AppState,
    ctx: &Ctx,
    query: &str,
    variables: serde_json::Value,
) -> Outcome {
    let request = Request::new(query).variables(Variables::from_json(variables));
    let response = state
        .executor
        .execute(ctx.session.clone(), ctx.locale.code(), request)
        .await;
    Outcome::from_response(response)
}

/// The data of `query` for an optional part of a page (`what` names it in the log), or
/// `None` when it cannot be shown: forbidden to this viewer, or failed (logged). The rest of
/// the page still works.
pub async fn optional<T: DeserializeOwned>(
    state: &AppState,
    ctx: &Ctx,
    query: &str,
    what: &str,
) -> Option<T> {
    optional_with(state, ctx, query, serde_json::json!({}), what).await
}

/// [`optional`] for a query with variables (a record's members, a page of its history).
pub async fn optional_with<T: DeserializeOwned>(
    state: &AppState,
    ctx: &Ctx,
    query: &str,
    variables: serde_json::Value,
    what: &str,
) -> Option<T> {
    match run(state, ctx, query, variables).await.into_data::<T>() {
        Ok(data) => Some(data),
        Err(error) => {
            if error.code != ErrorCode::Forbidden {
                tracing::warn!(message = %error.message, "web: {what} could not be read");
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::ErrorExtensionValues;

    #[test]
    fn reads_code_and_message_of_an_error() {
        let mut error = ServerError::new("ممنوع", None);
        let mut ext = ErrorExtensionValues::default();
        ext.set("code", "FORBIDDEN");
        ext.set("field", "personal.fullName");
        error.extensions = Some(ext);
        error.path = vec![
            async_graphql::PathSegment::Field("organization".into()),
            async_graphql::PathSegment::Field("members".into()),
        ];
        let outcome = Outcome::from_response(Response::from_errors(vec![error]));
        assert_eq!(outcome.errors[0].code, ErrorCode::Forbidden);
        assert_eq!(outcome.errors[0].message, "ممنوع");
        assert_eq!(outcome.errors[0].path, vec!["organization", "members"]);
        assert_eq!(
            outcome.errors[0].field.as_deref(),
            Some("personal.fullName")
        );
    }

    #[test]
    fn an_error_without_code_is_internal() {
        let outcome =
            Outcome::from_response(Response::from_errors(vec![ServerError::new("x", None)]));
        assert_eq!(outcome.errors[0].code, ErrorCode::Internal);
    }
}
