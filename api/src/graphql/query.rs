//! Queries: every answer comes from a read model or the log itself.

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{Context, Object, SimpleObject, ID};
use domain::access::{authorize, Operation};
use domain::organization::OrganizationStatus;
use domain::values::{Governorate, OrganizationKind};
use sqlx::Row;
use uuid::Uuid;

use super::context::{err, principal, req, state, OrGql};
use super::cursor;
use super::types::{
    load_organization, parse_governorates, ChainReportGql, GovernorateGql, OrganizationKindGql,
    OrganizationNode, OrganizationStatusGql, Viewer,
};
use crate::errors::{ApiError, ApiResult, Code};

#[derive(Default)]
pub struct CoreQuery;

#[derive(SimpleObject)]
pub struct TotalCount {
    /// How many match the filters, on all pages.
    pub total_count: i64,
}

pub fn parse_id(raw: &str, field: &str) -> ApiResult<Uuid> {
    raw.trim().parse::<Uuid>().map_err(|_| {
        ApiError::validation("input.bad_id", field)
            .arg("value", raw.chars().take(40).collect::<String>())
    })
}

fn like_pattern(search: &str) -> String {
    let escaped = search
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

#[Object]
impl CoreQuery {
    /// The signed-in user; null when nobody is signed in.
    async fn viewer(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Viewer>> {
        let Some(p) = &req(ctx).principal else {
            return Ok(None);
        };
        Ok(Some(Viewer {
            id: ID(p.user_id.to_string()),
            username: p.username.clone(),
            display_name: p.display_name.clone(),
            role: p.actor.role.map(Into::into),
            csrf_token: p.csrf_token().map(str::to_string),
            user_id: p.user_id,
            organization_id: p.actor.org_id,
        }))
    }

    /// Iraq's governorates (ISO 3166-2), for filters and forms.
    async fn governorates(&self) -> Vec<GovernorateGql> {
        Governorate::all()
            .iter()
            .map(GovernorateGql::from)
            .collect()
    }

    /// The directory of organisations, sorted by Arabic name.
    #[graphql(complexity = "crate::graphql::cursor::page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn organizations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        kind: Option<OrganizationKindGql>,
        governorate: Option<String>,
        status: Option<OrganizationStatusGql>,
        #[graphql(desc = "Part of the Arabic or English name")] search: Option<String>,
    ) -> async_graphql::Result<Connection<String, OrganizationNode, TotalCount, EmptyFields>> {
        let p = principal(ctx)?;
        authorize(&p.actor, Operation::ViewDirectory, None)
            .map_err(|_| ApiError::forbidden())
            .or_gql(ctx)?;
        let limit = cursor::page_size(first).or_gql(ctx)?;
        let after_key: Option<(String, Uuid)> = after
            .as_deref()
            .map(cursor::decode)
            .transpose()
            .or_gql(ctx)?;
        let governorate = match governorate.filter(|g| !g.trim().is_empty()) {
            Some(g) => parse_governorates(&[g], "governorate")
                .or_gql(ctx)?
                .into_iter()
                .next()
                .map(|g| g.code().to_string()),
            None => None,
        };
        let search = search
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                if s.chars().count() > 200 {
                    Err(ApiError::validation("input.too_long", "search").arg("max", 200))
                } else {
                    Ok(like_pattern(&s))
                }
            })
            .transpose()
            .or_gql(ctx)?;
        let kind = kind.map(|k| OrganizationKind::from(k).as_str());
        let status = status.map(|s| OrganizationStatus::from(s).as_str());
        let filters = "($1::text IS NULL OR kind = $1)
                   AND ($2::text IS NULL OR $2 = ANY(governorates))
                   AND ($3::text IS NULL OR status = $3)
                   AND ($4::text IS NULL OR name_ar ILIKE $4 OR name_en ILIKE $4)";
        let st = state(ctx)?;
        let total: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM organizations WHERE {filters}"
        ))
        .bind(kind)
        .bind(&governorate)
        .bind(status)
        .bind(&search)
        .fetch_one(&st.pool)
        .await
        .map_err(ApiError::from)
        .or_gql(ctx)?;
        let rows = sqlx::query(&format!(
            "SELECT {} FROM organizations WHERE {filters}
                AND ($5::text IS NULL OR (name_ar, id) > ($5, $6::uuid))
              ORDER BY name_ar, id LIMIT $7",
            super::types::ORGANIZATION_COLUMNS
        ))
        .bind(kind)
        .bind(&governorate)
        .bind(status)
        .bind(&search)
        .bind(after_key.as_ref().map(|k| k.0.clone()))
        .bind(after_key.as_ref().map(|k| k.1))
        .bind(limit + 1)
        .fetch_all(&st.pool)
        .await
        .map_err(ApiError::from)
        .or_gql(ctx)?;
        let has_next = rows.len() as i64 > limit;
        let mut conn = Connection::with_additional_fields(
            after.is_some(),
            has_next,
            TotalCount { total_count: total },
        );
        for row in rows.iter().take(limit as usize) {
            let node = OrganizationNode::from_row(row).or_gql(ctx)?;
            let key = cursor::encode(&(node.name_ar.clone(), node.uuid));
            conn.edges.push(Edge::new(key, node));
        }
        Ok(conn)
    }

    /// One organisation; NOT_FOUND when there is none with this id.
    async fn organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        let p = principal(ctx)?;
        authorize(&p.actor, Operation::ViewDirectory, None)
            .map_err(|_| ApiError::forbidden())
            .or_gql(ctx)?;
        let id = parse_id(&id, "id").or_gql(ctx)?;
        match load_organization(state(ctx)?, id).await.or_gql(ctx)? {
            Some(o) => Ok(Some(o)),
            None => Err(err(
                ctx,
                ApiError::new(Code::NotFound, "organization.not_found").field("id"),
            )),
        }
    }

    /// Recomputes every hash link of the event log (Secretariat).
    async fn event_chain(&self, ctx: &Context<'_>) -> async_graphql::Result<ChainReportGql> {
        let p = principal(ctx)?;
        authorize(&p.actor, Operation::VerifyEventChain, None)
            .map_err(|_| ApiError::forbidden())
            .or_gql(ctx)?;
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

    /// Sources of sign-in attempts the throttle locked out, newest first (Secretariat).
    async fn sign_in_alerts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<super::types::SignInAlertPage> {
        let p = principal(ctx)?;
        authorize(&p.actor, Operation::ViewSignInAlerts, None)
            .map_err(|_| ApiError::forbidden())
            .or_gql(ctx)?;
        super::types::sign_in_alerts(&state(ctx)?.pool, first, after)
            .await
            .or_gql(ctx)
    }

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
