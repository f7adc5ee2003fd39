//! The request body limit, answered so that clients can read the answer.
//!
//! A body declared larger than the limit is refused with a GraphQL error (`request.too_large`,
//! status 413) — but only after the server has read what the client sends, up to a bound: a
//! server that answers and closes while the client is still writing makes most clients see a
//! reset connection instead of the answer. A body without a declared length is read through
//! `http_body_util::Limited`, whose error the GraphQL handler answers the same way.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;

use crate::errors::{ApiError, Code};
use crate::graphql::http::{locale_of, refuse, MediaType};
use crate::ops::request::RequestId;

/// Read and dropped before a refusal is answered; a client sending more is cut off.
const DRAINED_AT_MOST: usize = 16 * 1024 * 1024;
const DRAINING_AT_MOST: Duration = Duration::from_secs(5);

pub async fn limit(State(max): State<usize>, req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        let graphql = req.uri().path().starts_with("/graphql");
        let media = MediaType::negotiate(req.headers());
        let locale = locale_of(req.headers());
        let request_id = req
            .extensions()
            .get::<RequestId>()
            .map(|r| r.0.clone())
            .unwrap_or_default();
        // A client waiting for `100 Continue` has not sent its body: reading it now would
        // invite it to.
        if !req.headers().contains_key(header::EXPECT) {
            drain(req.into_body()).await;
        }
        if !graphql {
            return (StatusCode::PAYLOAD_TOO_LARGE, "request body too large").into_response();
        }
        let error = ApiError::new(Code::Validation, "request.too_large").arg("max", max);
        let mut response = refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            media,
            &error,
            locale,
            &request_id,
        );
        // The client may have more to send; the connection is not reused.
        response.headers_mut().insert(
            header::CONNECTION,
            header::HeaderValue::from_static("close"),
        );
        return response;
    }
    let (parts, body) = req.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, max));
    next.run(Request::from_parts(parts, body)).await
}

async fn drain(mut body: Body) {
    let mut read = 0usize;
    let _ = tokio::time::timeout(DRAINING_AT_MOST, async {
        while let Some(Ok(frame)) = body.frame().await {
            if let Some(data) = frame.data_ref() {
                read += data.len();
                if read > DRAINED_AT_MOST {
                    break;
                }
            }
        }
    })
    .await;
}
