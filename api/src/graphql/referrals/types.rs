//! Referrals as the read model shows them: anonymised facts, never personal data.

use async_graphql::{ComplexObject, Context, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};
use domain::access::{
    authorize_referral, authorize_referral_read, Actor, ReferralOperation, ReferralParties,
    ReferralRead, ReferralRelation,
};
use domain::referral::{
    AgeBand, BeneficiaryType, ClosureReason, ConsentGiver, NeedOutcome, Priority, ReferralStatus,
    Sex, Vulnerability,
};
use domain::values::ServiceCategory;
use projections::models::referrals::queries::attention;
use projections::models::ReferralRow;
use serde::Deserialize;
use sqlx::postgres::PgRow;
use sqlx::FromRow;
use uuid::Uuid;

use super::actions::ReferralActionGql;
use super::enums::*;
use super::timeline::{timeline_page, TimelinePage};
use crate::audit::history;
use crate::errors::{ApiError, ApiResult};
use crate::graphql::common::context::{principal, state, OrGql};
use crate::graphql::directory::enums::ServiceCategoryGql;
use crate::graphql::directory::governorate::GovernorateGql;
use crate::graphql::directory::types::{load_organization, OrganizationNode};
use crate::state::AppState;

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "Need")]
pub struct NeedGql {
    pub category: ServiceCategoryGql,
    pub priority: PriorityGql,
    /// The provider recorded the service as delivered.
    pub delivered: bool,
}

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "Consent")]
pub struct ConsentGql {
    pub given_by: ConsentGiverGql,
    pub given_on: NaiveDate,
    pub share_with_providers: bool,
    pub may_contact: bool,
    pub expires_on: Option<NaiveDate>,
}

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "NeedResult")]
pub struct NeedResultGql {
    pub category: ServiceCategoryGql,
    pub outcome: NeedOutcomeGql,
    pub reason: Option<ClosureReasonGql>,
    /// For those who may read the case's notes (the referring office and its
    /// providers); null for others, and when none was written.
    pub note: Option<String>,
    /// Whether a note was written, whoever reads it.
    pub has_note: bool,
}

impl NeedResultGql {
    /// The result as a reader sees it: its note's text only when `reads_notes`.
    pub fn shown(result: domain::referral::NeedResult, reads_notes: bool) -> Self {
        let note = result.note.filter(|n| !n.trim().is_empty());
        Self {
            category: result.category.into(),
            outcome: result.outcome.into(),
            reason: result.reason.map(Into::into),
            has_note: note.is_some(),
            note: note.filter(|_| reads_notes),
        }
    }
}

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "Referral", complex)]
pub struct ReferralNode {
    pub id: ID,
    /// E.g. NRM-NI-2026-000123.
    pub case_number: String,
    pub status: ReferralStatusGql,
    pub beneficiary_type: BeneficiaryTypeGql,
    /// ISO 3166-1 alpha-2 code of the country returned from.
    pub return_country: Option<String>,
    pub governorate: GovernorateGql,
    pub district: Option<String>,
    pub sex: SexGql,
    pub age_band: AgeBandGql,
    pub household_size: i32,
    pub vulnerabilities: Vec<VulnerabilityGql>,
    pub needs: Vec<NeedGql>,
    pub consent: ConsentGql,
    #[graphql(skip)]
    pub closed_results: Vec<domain::referral::NeedResult>,
    pub next_follow_up: Option<NaiveDate>,
    /// Open and unclaimed past the service-level time: the office supervisor was alerted.
    pub escalated: bool,
    /// The person's personal data was erased.
    pub erased: bool,
    pub created_at: DateTime<Utc>,
    pub opened_at: Option<DateTime<Utc>>,
    pub claimed_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    #[graphql(skip)]
    pub uuid: Uuid,
    #[graphql(skip)]
    pub office_id: Uuid,
    #[graphql(skip)]
    pub holder_id: Option<Uuid>,
    #[graphql(skip)]
    pub former_holders: Vec<Uuid>,
    #[graphql(skip)]
    pub nrm_caseworkers: Vec<Uuid>,
    #[graphql(skip)]
    pub provider_staff: Vec<Uuid>,
    #[graphql(skip)]
    pub domain_status: ReferralStatus,
    #[graphql(skip)]
    pub need_categories: Vec<ServiceCategory>,
}

fn parse<T>(value: &str, f: impl Fn(&str) -> Option<T>, what: &str) -> ApiResult<T> {
    f(value).ok_or_else(|| {
        ApiError::internal(format!(
            "unknown {what} {value:?} in the referral read model"
        ))
    })
}

impl ReferralNode {
    pub fn from_row(row: &PgRow) -> ApiResult<Self> {
        Self::from_projected(&ReferralRow::from_row(row)?)
    }

    /// The referral from its read-model row, read from the table or as the projector
    /// committed it (`projections::models::CommittedReferrals`).
    pub fn from_projected(row: &ReferralRow) -> ApiResult<Self> {
        let status = parse(&row.status, ReferralStatus::parse, "status")?;
        let governorate = GovernorateGql::from_code(&row.governorate)
            .ok_or_else(|| ApiError::internal("bad governorate"))?;
        let mut needs = Vec::with_capacity(row.needs.len());
        let mut need_categories = Vec::with_capacity(row.needs.len());
        for n in &row.needs {
            let category = parse(&n.category, ServiceCategory::parse, "need")?;
            need_categories.push(category);
            needs.push(NeedGql {
                category: category.into(),
                priority: parse(&n.priority, Priority::parse, "priority")?.into(),
                delivered: n.delivered,
            });
        }
        let c = domain::referral::Consent::deserialize(&row.consent)
            .map_err(|e| ApiError::internal(format!("consent: {e}")))?;
        let results = match &row.results {
            Some(v) => Vec::<domain::referral::NeedResult>::deserialize(v)
                .map_err(|e| ApiError::internal(format!("results: {e}")))?,
            None => Vec::new(),
        };
        let _ = (
            ConsentGiver::Person,
            NeedOutcome::Resolved,
            ClosureReason::Other,
        );
        Ok(Self {
            id: ID(row.id.to_string()),
            case_number: row.case_number.clone(),
            status: status.into(),
            beneficiary_type: parse(&row.beneficiary_type, BeneficiaryType::parse, "type")?.into(),
            return_country: row.return_country.clone(),
            governorate,
            district: row.district.clone(),
            sex: parse(&row.sex, Sex::parse, "sex")?.into(),
            age_band: parse(&row.age_band, AgeBand::parse, "age band")?.into(),
            household_size: row.household_size,
            vulnerabilities: row
                .vulnerabilities
                .iter()
                .filter_map(|v| Vulnerability::parse(v))
                .map(Into::into)
                .collect(),
            needs,
            consent: ConsentGql {
                given_by: c.given_by.into(),
                given_on: c.given_on,
                share_with_providers: c.share_with_providers,
                may_contact: c.may_contact,
                expires_on: c.expires_on,
            },
            closed_results: results,
            next_follow_up: row.next_follow_up,
            escalated: row.escalated,
            erased: row.erased,
            created_at: row.created_at,
            opened_at: row.opened_at,
            claimed_at: row.claimed_at,
            closed_at: row.closed_at,
            updated_at: row.updated_at,
            version: row.version,
            uuid: row.id,
            office_id: row.office_id,
            holder_id: row.holder_id,
            former_holders: row.former_holders.clone(),
            nrm_caseworkers: row.nrm_caseworkers.clone(),
            provider_staff: row.provider_staff.clone(),
            domain_status: status,
            need_categories,
        })
    }

    /// The actor's relation to this referral, as the read model knows it.
    pub fn relation(&self, actor: &Actor) -> ReferralRelation {
        ReferralRelation::of(
            actor,
            ReferralParties {
                office: Some(self.office_id),
                holder: self.holder_id,
                former_holders: &|o| self.former_holders.contains(&o),
                nrm_caseworkers: &|u| self.nrm_caseworkers.contains(&u),
                provider_staff: &|u| self.provider_staff.contains(&u),
            },
        )
    }

    pub fn may(&self, actor: &Actor, op: ReferralOperation) -> bool {
        authorize_referral(actor, op, self.relation(actor)).is_ok()
    }

    /// Whether `actor` may read the notes written on the case.
    pub fn reads_notes(&self, actor: &Actor) -> bool {
        authorize_referral_read(actor, ReferralRead::ViewNotes, self.relation(actor)).is_ok()
    }
}

/// The referral as the read model shows it (concurrent lookups share one statement,
/// `AppState::referrals`).
pub async fn load_referral(st: &AppState, id: Uuid) -> ApiResult<Option<ReferralNode>> {
    st.referrals
        .by_id
        .get(id)
        .await?
        .map(|row| ReferralNode::from_projected(&row))
        .transpose()
}

#[ComplexObject]
impl ReferralNode {
    /// Hours since it was opened, while it waits for a provider.
    async fn waiting_hours(&self) -> Option<i64> {
        match (self.domain_status, self.opened_at) {
            (ReferralStatus::Open, Some(t)) => Some((Utc::now() - t).num_hours()),
            _ => None,
        }
    }

    /// What the viewer's role and relation to this referral allow, by the same policy the
    /// commands are checked with. Whether its status allows it is another matter: a
    /// command the status forbids is still refused.
    async fn viewer_actions(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ReferralActionGql>> {
        let p = principal(ctx)?;
        Ok(ReferralOperation::ALL
            .into_iter()
            .filter(|op| self.may(&p.actor, *op))
            .filter_map(ReferralActionGql::of)
            .collect())
    }

    /// Open, and no provider can take it now: every verified provider offering one of its
    /// needs in its governorate has used up that service's monthly capacity, or none
    /// offers one. Shown to the referring office and the Secretariat (false for others).
    async fn no_provider_available(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        if self.domain_status != ReferralStatus::Open {
            return Ok(false);
        }
        let p = principal(ctx)?;
        let relation = self.relation(&p.actor);
        if authorize_referral_read(&p.actor, ReferralRead::ViewAvailability, relation).is_err() {
            return Ok(false);
        }
        let needs: Vec<&str> = self.need_categories.iter().map(|c| c.as_str()).collect();
        attention::none_can_take(&state(ctx)?.pool, &self.governorate.code, &needs)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)
    }

    /// The NRM office that made the referral.
    async fn office(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<OrganizationNode>> {
        load_organization(state(ctx)?, self.office_id)
            .await
            .or_gql(ctx)
    }

    /// The provider holding it now.
    async fn holder(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<OrganizationNode>> {
        match self.holder_id {
            Some(id) => load_organization(state(ctx)?, id).await.or_gql(ctx),
            None => Ok(None),
        }
    }

    /// The outcome for each need, once closed.
    async fn results(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<NeedResultGql>> {
        let reads_notes = self.reads_notes(&principal(ctx)?.actor);
        Ok(self
            .closed_results
            .iter()
            .cloned()
            .map(|r| NeedResultGql::shown(r, reads_notes))
            .collect())
    }

    /// What the viewer may see of this record: every event, who did it and when, and what
    /// each step recorded. A provider that held it before sees the events up to its leaving.
    #[graphql(complexity = "crate::graphql::common::cursor::page_cost(first, child_complexity)")]
    async fn timeline(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<TimelinePage> {
        let p = principal(ctx)?;
        if !self.may(&p.actor, ReferralOperation::View) {
            return Err(ApiError::forbidden()).or_gql(ctx);
        }
        let rel = self.relation(&p.actor);
        let st = state(ctx)?;
        // A former holder sees the history only up to when it last held the referral.
        let until: Option<i64> = if rel.former_holder && !rel.holder && !rel.office {
            let org = p.actor.org_id.map(|o| o.to_string()).unwrap_or_default();
            history::referral_held_until(&st.pool, &self.uuid.to_string(), &org)
                .await
                .or_gql(ctx)?
                .or(Some(0))
        } else {
            None
        };
        let reads_notes = self.reads_notes(&p.actor);
        timeline_page(st, self.uuid, first, after, until, reads_notes)
            .await
            .or_gql(ctx)
    }
}
