//! How far the read models have read the log.

use async_graphql::{Context, Object, SimpleObject};
use sqlx::Row;

use super::context::{principal, state, OrGql};
use crate::errors::{ApiError, ApiResult};

#[derive(Default)]
pub struct ReadModelQuery;

#[Object]
impl ReadModelQuery {
    /// How far each read model has read the log, and what waits to be applied.
    async fn read_models(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ReadModelStatus>> {
        principal(ctx)?;
        let rows = sqlx::query(
            "SELECT name, tx_id, position, updated_at FROM projection_checkpoints ORDER BY name",
        )
        .fetch_all(&state(ctx)?.pool)
        .await
        .map_err(ApiError::from)
        .or_gql(ctx)?;
        rows.iter()
            .map(|r| -> ApiResult<ReadModelStatus> {
                Ok(ReadModelStatus {
                    name: r.try_get("name")?,
                    position: r.try_get("position")?,
                    updated_at: r.try_get("updated_at")?,
                })
            })
            .collect::<ApiResult<Vec<_>>>()
            .or_gql(ctx)
    }
}

#[derive(SimpleObject)]
pub struct ReadModelStatus {
    pub name: String,
    /// Global position of the last event applied.
    pub position: i64,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}
