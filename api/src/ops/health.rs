//! `/healthz`: the process answers. `/readyz`: the database answers; reports projector lag.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};

use crate::state::AppState;

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let names = projections::models::names();
    let check = async {
        let mut conn = state.pool.acquire().await?;
        let pending =
            projections::pending_events(&mut conn, &projections::models::all(), 100_000).await?;
        Ok::<i64, sqlx::Error>(pending)
    };
    match tokio::time::timeout(std::time::Duration::from_secs(3), check).await {
        Ok(Ok(pending)) => (
            StatusCode::OK,
            Json(
                json!({ "status": "ready", "database": "ok", "read_models": names, "projector_pending_events": pending }),
            ),
        ),
        Ok(Err(e)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "unavailable", "database": e.to_string() })),
        ),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "unavailable", "database": "timed out" })),
        ),
    }
}
