//! The directory's queries: organisations and the governorates they work in.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, Object, ID};
use domain::access::{authorize, Operation};
use domain::organization::OrganizationStatus;
use domain::values::{Governorate, OrganizationKind};
use projections::models::directory::queries::list::{self, OrganizationFilters};
use uuid::Uuid;

use super::enums::{OrganizationKindGql, OrganizationStatusGql};
use super::governorate::{parse_governorates, GovernorateGql};
use super::types::{load_organization, OrganizationNode};
use crate::errors::{ApiError, Code};
use crate::graphql::common::context::{err, principal, state, OrForbidden, OrGql};
use crate::graphql::common::cursor;
use crate::graphql::common::ids::parse_id;
use crate::graphql::common::total_count::TotalCount;

#[derive(Default)]
pub struct DirectoryQuery;

fn like_pattern(search: &str) -> String {
    let escaped = search
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

#[Object]
impl DirectoryQuery {
    /// Iraq's governorates (ISO 3166-2), for filters and forms.
    async fn governorates(&self) -> Vec<GovernorateGql> {
        Governorate::all()
            .iter()
            .map(GovernorateGql::from)
            .collect()
    }

    /// The directory of organisations, sorted by Arabic name.
    #[graphql(complexity = "crate::graphql::common::cursor::page_cost(first, child_complexity)")]
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
        authorize(&p.actor, Operation::ViewDirectory, None).or_forbidden(ctx)?;
        let limit = cursor::page_size(first).or_gql(ctx)?;
        let after_key: Option<(String, Uuid)> = cursor::after(after.as_deref()).or_gql(ctx)?;
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
        let filters = OrganizationFilters {
            kind: kind.map(|k| OrganizationKind::from(k).as_str()),
            governorate,
            status: status.map(|s| OrganizationStatus::from(s).as_str()),
            search,
        };
        let st = state(ctx)?;
        let total = list::count(&st.pool, &filters)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        let rows = list::page(&st.pool, &filters, after_key.as_ref(), limit + 1)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        let total = TotalCount { total_count: total };
        cursor::page(rows, limit, after.is_some(), total, |_, record| {
            let node = OrganizationNode::from(record);
            let key = cursor::encode(&(node.name_ar.clone(), node.uuid));
            Ok(Some((key, node)))
        })
        .or_gql(ctx)
    }

    /// One organisation; NOT_FOUND when there is none with this id.
    async fn organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<OrganizationNode>> {
        let p = principal(ctx)?;
        authorize(&p.actor, Operation::ViewDirectory, None).or_forbidden(ctx)?;
        let id = parse_id(&id, "id").or_gql(ctx)?;
        match load_organization(state(ctx)?, id).await.or_gql(ctx)? {
            Some(o) => Ok(Some(o)),
            None => Err(err(
                ctx,
                ApiError::new(Code::NotFound, "organization.not_found").field("id"),
            )),
        }
    }
}
