//! How far the read models have read the log.

use async_graphql::{Context, Object, SimpleObject};

use domain::access::{authorize, Operation};

use super::context::{principal, state, OrForbidden, OrGql};
use crate::errors::ApiError;

#[derive(Default)]
pub struct ReadModelQuery;

#[Object]
impl ReadModelQuery {
    /// How far each read model has read the log, and what waits to be applied.
    async fn read_models(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ReadModelStatus>> {
        let p = principal(ctx)?;
        authorize(&p.actor, Operation::ViewReadModels, None).or_forbidden(ctx)?;
        let statuses = projections::status::statuses(&state(ctx)?.pool)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        Ok(statuses
            .into_iter()
            .map(|s| ReadModelStatus {
                name: s.name,
                position: s.position,
                updated_at: s.updated_at,
            })
            .collect())
    }
}

#[derive(SimpleObject)]
pub struct ReadModelStatus {
    pub name: String,
    /// Global position of the last event applied.
    pub position: i64,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}
