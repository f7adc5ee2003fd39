//! Organisations as the directory read model shows them.

use async_graphql::{ComplexObject, Context, SimpleObject, ID};
use chrono::{DateTime, Utc};
use domain::access::{authorize, Operation};
use domain::organization::AGGREGATE_TYPE;
use domain::values::{OrganizationKind, Role};
use projections::models::directory::queries::members;
use uuid::Uuid;

use super::actions::OrganizationActionGql;
use super::enums::{OrganizationKindGql, OrganizationStatusGql, RoleGql, ServiceCategoryGql};
use super::governorate::GovernorateGql;
use crate::directory::offered::ServiceRecord;
use crate::errors::{ApiError, ApiResult};
use crate::graphql::audit::types::{audit_page, AuditPage};
use crate::graphql::common::context::{principal, state, OrForbidden, OrGql};
use crate::state::AppState;
use projections::models::directory::OrganizationRecord;

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

impl From<OrganizationRecord> for OrganizationNode {
    fn from(o: OrganizationRecord) -> Self {
        Self {
            id: ID(o.id.to_string()),
            kind: o.kind.into(),
            name_ar: o.name_ar,
            name_en: o.name_en,
            governorate_codes: o.governorates,
            status: o.status.into(),
            suspended_reason: o.suspended_reason,
            registered_at: o.registered_at,
            verified_at: o.verified_at,
            updated_at: o.updated_at,
            version: o.version,
            uuid: o.id,
            domain_kind: o.kind,
        }
    }
}

impl From<&ServiceRecord> for ServiceGql {
    fn from(s: &ServiceRecord) -> Self {
        Self {
            category: s.category.into(),
            governorates: s.governorates.iter().map(GovernorateGql::from).collect(),
            monthly_capacity: s.monthly_capacity,
        }
    }
}

/// The organisation as the directory shows it: each referral on a board page asks for its
/// office and its provider, and each organisation mutation answers with its record, so
/// concurrent lookups share one statement (`AppState::organizations`).
pub async fn load_organization(st: &AppState, id: Uuid) -> ApiResult<Option<OrganizationNode>> {
    Ok(st
        .directory
        .organizations
        .get(id)
        .await?
        .map(OrganizationNode::from))
}

impl OrganizationNode {
    /// Refuses (FORBIDDEN) a viewer whom the policy does not allow `op` on this organisation.
    fn permit(&self, ctx: &Context<'_>, op: Operation) -> async_graphql::Result<()> {
        let p = principal(ctx)?;
        authorize(&p.actor, op, Some((self.uuid, self.domain_kind))).or_forbidden(ctx)
    }

    pub async fn services_of(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ServiceGql>> {
        let found = state(ctx)?
            .directory
            .services
            .get(self.uuid)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        Ok(found
            .map(|services| services.iter().map(ServiceGql::from).collect())
            .unwrap_or_default())
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
        self.permit(ctx, Operation::ViewDirectory)?;
        self.services_of(ctx).await
    }

    /// Members and their roles: for the organisation's managers and the Secretariat.
    async fn members(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<MemberGql>> {
        self.permit(ctx, Operation::ViewMembers)?;
        let st = state(ctx)?;
        let members = members::members_of(&st.pool, self.uuid)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        Ok(members
            .into_iter()
            .filter_map(|m| {
                let role = Role::parse(&m.role)?;
                Some(MemberGql {
                    user_id: ID(m.user_id.to_string()),
                    username: m.username,
                    display_name: m.display_name,
                    role: role.into(),
                    added_at: m.added_at,
                })
            })
            .collect())
    }

    /// Every event of this organisation's record, oldest first: who, what, when.
    #[graphql(complexity = "crate::graphql::common::cursor::page_cost(first, child_complexity)")]
    async fn history(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<AuditPage> {
        self.permit(ctx, Operation::ViewOrganizationHistory)?;
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
