//! The audit's queries: the event log's hash chain.

use async_graphql::{Context, Object};
use domain::access::{authorize, Operation};

use super::types::ChainReportGql;
use crate::errors::ApiError;
use crate::graphql::common::context::{principal, state, OrForbidden, OrGql};

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Recomputes every hash link of the event log (Secretariat).
    async fn event_chain(&self, ctx: &Context<'_>) -> async_graphql::Result<ChainReportGql> {
        let p = principal(ctx)?;
        authorize(&p.actor, Operation::VerifyEventChain, None).or_forbidden(ctx)?;
        let report = store::verify_chain(&state(ctx)?.pool)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        Ok(ChainReportGql {
            checked: report.checked,
            intact: report.intact(),
            first_broken_position: report.first_broken_position,
            reason: report.reason,
        })
    }
}
