//! Organisations as the directory read model shows them.

use async_graphql::{ComplexObject, Context, SimpleObject, ID};
use chrono::{DateTime, Utc};
use domain::access::{authorize, Operation};
use domain::organization::{OrganizationStatus, AGGREGATE_TYPE};
use domain::values::{OrganizationKind, Role, ServiceCategory};
use sqlx::postgres::PgRow;
use sqlx::Row;
use uuid::Uuid;

use std::collections::HashMap;

use store::batch::Lookup;
use store::HeldConnection;

use super::actions::OrganizationActionGql;
use super::enums::{OrganizationKindGql, OrganizationStatusGql, RoleGql, ServiceCategoryGql};
use super::governorate::GovernorateGql;
use crate::errors::{ApiError, ApiResult};
use crate::graphql::audit::types::{audit_page, AuditPage};
use crate::graphql::common::context::{principal, state, OrGql};
use crate::state::AppState;

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "Organization", complex)]
pub struct OrganizationNode {
    pub id: ID,
    pub kind: OrganizationKindGql,
    pub name_ar: String,
    pub name_en: String,
    #[graphql(skip)]
    pub governorate_codes: Vec<String>,
    pub status: OrganizationStatusGql,
    pub suspended_reason: Option<String>,
    pub registered_at: DateTime<Utc>,
    pub verified_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    /// How many events the organisation's record holds.
    pub version: i64,
    #[graphql(skip)]
    pub uuid: Uuid,
    #[graphql(skip)]
    pub domain_kind: OrganizationKind,
}

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "Service")]
pub struct ServiceGql {
    pub category: ServiceCategoryGql,
    pub governorates: Vec<GovernorateGql>,
    pub monthly_capacity: i32,
}

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "Member")]
pub struct MemberGql {
    pub user_id: ID,
    pub username: String,
    pub display_name: String,
    pub role: RoleGql,
    pub added_at: DateTime<Utc>,
}

pub const COLUMNS: &str =
    "id, kind, name_ar, name_en, governorates, status, suspended_reason, registered_at, verified_at, updated_at, version";

impl OrganizationNode {
    pub fn from_row(row: &PgRow) -> ApiResult<Self> {
        let id: Uuid = row.try_get("id")?;
        let kind: String = row.try_get("kind")?;
        let kind = OrganizationKind::parse(&kind)
            .ok_or_else(|| ApiError::internal(format!("unknown kind {kind} in read model")))?;
        let status = match row.try_get::<String, _>("status")?.as_str() {
            "verified" => OrganizationStatus::Verified,
            "suspended" => OrganizationStatus::Suspended,
            _ => OrganizationStatus::Pending,
        };
        Ok(Self {
            id: ID(id.to_string()),
            kind: kind.into(),
            name_ar: row.try_get("name_ar")?,
            name_en: row.try_get("name_en")?,
            governorate_codes: row.try_get("governorates")?,
            status: status.into(),
            suspended_reason: row.try_get("suspended_reason")?,
            registered_at: row.try_get("registered_at")?,
            verified_at: row.try_get("verified_at")?,
            updated_at: row.try_get("updated_at")?,
            version: row.try_get("version")?,
            uuid: id,
            domain_kind: kind,
        })
    }
}

/// The organisation as the directory shows it: each referral on a board page asks for its
/// office and its provider, and each organisation mutation answers with its record, so
/// concurrent lookups share one statement (`AppState::organizations`).
pub async fn load_organization(st: &AppState, id: Uuid) -> ApiResult<Option<OrganizationNode>> {
    Ok(st.organizations.get(id).await?)
}

impl OrganizationNode {
    pub async fn services_of(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ServiceGql>> {
        let found = state(ctx)?
            .services
            .get(self.uuid)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        Ok(found.unwrap_or_default())
    }
}

/// Organisations' services, batched across concurrent resolutions (`store::batch`): a
/// directory page asks for the services of its twenty organisations at once, which took
/// twenty statements (and as many pool round trips) before.
pub struct ServicesLookup {
    pub conn: HeldConnection,
}

impl Lookup for ServicesLookup {
    type Key = Uuid;
    type Value = Vec<ServiceGql>;

    async fn fetch(&self, keys: Vec<Uuid>) -> Result<HashMap<Uuid, Vec<ServiceGql>>, sqlx::Error> {
        let mut conn = self.conn.get().await?;
        let fetched = sqlx::query_as::<_, (Uuid, String, Vec<String>, i32)>(
            "SELECT organization_id, category, governorates, monthly_capacity
               FROM organization_services
              WHERE organization_id = ANY($1) ORDER BY organization_id, category",
        )
        .bind(&keys)
        .fetch_all(&mut *conn)
        .await;
        let rows = conn.settle(fetched)?;
        let mut out: HashMap<Uuid, Vec<ServiceGql>> = HashMap::new();
        for (organization, category, governorates, monthly_capacity) in rows {
            let Some(category) = ServiceCategory::parse(&category) else {
                continue;
            };
            out.entry(organization).or_default().push(ServiceGql {
                category: category.into(),
                governorates: governorates
                    .iter()
                    .filter_map(|c| GovernorateGql::from_code(c))
                    .collect(),
                monthly_capacity,
            });
        }
        Ok(out)
    }
}

#[ComplexObject]
impl OrganizationNode {
    async fn governorates(&self) -> Vec<GovernorateGql> {
        self.governorate_codes
            .iter()
            .filter_map(|c| GovernorateGql::from_code(c))
            .collect()
    }

    /// What the viewer's role and membership allow on this organisation, by the same
    /// policy the commands are checked with.
    async fn viewer_actions(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<OrganizationActionGql>> {
        let p = principal(ctx)?;
        let target = Some((self.uuid, self.domain_kind));
        Ok(Operation::ALL
            .into_iter()
            .filter(|op| op.targets_an_organization())
            .filter(|op| authorize(&p.actor, *op, target).is_ok())
            // The aggregate refuses it whoever asks: the Secretariat operates the platform.
            .filter(|op| {
                !(*op == Operation::SuspendOrganization
                    && self.domain_kind == domain::values::OrganizationKind::Secretariat)
            })
            .filter_map(OrganizationActionGql::of)
            .collect())
    }

    /// The roles a member of this organisation may hold, by its kind (a company's staff
    /// are employers, an NRM office's are case workers and supervisors, ...).
    async fn member_roles(&self) -> Vec<RoleGql> {
        Role::ALL
            .into_iter()
            .filter(|r| r.allowed_in(self.domain_kind))
            .map(RoleGql::from)
            .collect()
    }

    /// The services offered: category, where, and how many people a month.
    async fn services(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ServiceGql>> {
        self.services_of(ctx).await
    }

    /// Members and their roles: for the organisation's managers and the Secretariat.
    async fn members(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<MemberGql>> {
        let p = principal(ctx)?;
        authorize(
            &p.actor,
            Operation::ViewMembers,
            Some((self.uuid, self.domain_kind)),
        )
        .map_err(|_| ApiError::forbidden())
        .or_gql(ctx)?;
        let st = state(ctx)?;
        let rows = sqlx::query(
            "SELECT user_id, username, display_name, role, added_at FROM organization_members
              WHERE organization_id = $1 ORDER BY display_name, user_id",
        )
        .bind(self.uuid)
        .fetch_all(&st.pool)
        .await
        .map_err(ApiError::from)
        .or_gql(ctx)?;
        rows.iter()
            .map(|r| -> ApiResult<Option<MemberGql>> {
                let role: String = r.try_get("role")?;
                let Some(role) = Role::parse(&role) else {
                    return Ok(None);
                };
                Ok(Some(MemberGql {
                    user_id: ID(r.try_get::<Uuid, _>("user_id")?.to_string()),
                    username: r.try_get("username")?,
                    display_name: r.try_get("display_name")?,
                    role: role.into(),
                    added_at: r.try_get("added_at")?,
                }))
            })
            .filter_map(Result::transpose)
            .collect::<ApiResult<Vec<_>>>()
            .or_gql(ctx)
    }

    /// Every event of this organisation's record, oldest first: who, what, when.
    #[graphql(complexity = "crate::graphql::common::cursor::page_cost(first, child_complexity)")]
    async fn history(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<AuditPage> {
        let p = principal(ctx)?;
        authorize(
            &p.actor,
            Operation::ViewOrganizationHistory,
            Some((self.uuid, self.domain_kind)),
        )
        .map_err(|_| ApiError::forbidden())
        .or_gql(ctx)?;
        audit_page(
            &state(ctx)?.pool,
            AGGREGATE_TYPE,
            &self.uuid.to_string(),
            first,
            after,
            None,
        )
        .await
        .or_gql(ctx)
    }
}
