//! Referral queries: the provider's board, the lists each side works from, one referral,
//! and the Secretariat's anonymised statistics.

use async_graphql::connection::Connection;
use async_graphql::{Context, Enum, Object, SimpleObject, ID};
use domain::access::{
    action_queue, authorize_referral, authorize_referral_read, referral_board, referral_scope,
    ActionQueue, ReferralOperation, ReferralRead, ReferralRelation,
};
use domain::referral::{AgeBand, ReferralStatus, Sex};
use domain::values::ServiceCategory;
use projections::models::referrals::queries::board::{self, BoardFilters};
use projections::models::referrals::queries::list::ListFilters;
use projections::models::referrals::queries::statistics::{referral_counts, ReferralCell};
use projections::models::referrals::queries::{attention, capacity};
use uuid::Uuid;

use super::enums::{AgeBandGql, ReferralStatusGql, SexGql};
use super::types::{load_referral, ReferralNode};
use crate::errors::{ApiError, ApiResult, Code};
use crate::graphql::common::context::{err, principal, state, OrForbidden, OrGql};
use crate::graphql::common::cursor;
use crate::graphql::common::ids::parse_id;
use crate::graphql::common::projected::{Projected, ProjectedList, Selection};
use crate::graphql::common::total_count::TotalCount;
use crate::graphql::directory::enums::ServiceCategoryGql;
use crate::graphql::directory::governorate::{parse_governorates, GovernorateGql};

#[derive(Default)]
pub struct ReferralQuery;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum BoardOrder {
    /// Longest waiting first.
    Waiting,
    /// Highest priority need first, then longest waiting.
    Priority,
}

// The schema's type of the indicators' cells, answered from `ReferralCell`s (a doc
// comment here would become the type's description in the schema).
#[derive(SimpleObject)]
pub struct ReferralCount {
    pub status: ReferralStatusGql,
    pub governorate: GovernorateGql,
    pub need: ServiceCategoryGql,
    /// Null when suppressed.
    pub count: Option<i64>,
    /// Fewer than 5 referrals: the number is withheld so no person can be singled out.
    pub suppressed: bool,
}

/// The indicators are hundreds of cells: resolved in one pass (see `projected`).
impl Projected for ReferralCell {
    const TYPE_NAME: &'static str = "ReferralCount";

    fn field(&self, name: &str, selection: &Selection) -> async_graphql::Value {
        use async_graphql::{InputType, Value};
        match name {
            "status" => ReferralStatusGql::from(self.status).to_value(),
            "governorate" => selection.object(&self.governorate),
            "need" => ServiceCategoryGql::from(self.need).to_value(),
            "count" => self.count.map_or(Value::Null, Value::from),
            "suppressed" => Value::Boolean(self.suppressed),
            _ => Value::Null,
        }
    }
}

/// Why a referral is in someone's "action needed" queue.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum ActionReason {
    /// Claimed by the viewer's organisation: accept or decline it.
    AwaitingAcceptance,
    /// Open and unclaimed past the service-level time (for the office).
    Escalated,
    /// A follow-up is due today or overdue.
    FollowUpDue,
    /// A draft the office has not opened yet.
    DraftNotOpened,
    /// Open, and no provider can take it: every verified provider offering one of its needs
    /// in its governorate has used up its monthly capacity, or none offers them (for the
    /// office; listed after the rest).
    NoProviderAvailable,
}

#[derive(SimpleObject)]
pub struct ActionItem {
    pub reason: ActionReason,
    pub referral: ReferralNode,
}

#[derive(SimpleObject)]
pub struct CapacityUse {
    pub category: ServiceCategoryGql,
    pub monthly_capacity: i32,
    /// Referrals claimed this month that include this need.
    pub used_this_month: i64,
    pub full: bool,
}

fn one_governorate(code: Option<String>) -> ApiResult<Option<String>> {
    match code.filter(|g| !g.trim().is_empty()) {
        Some(g) => Ok(parse_governorates(&[g], "governorate")?
            .into_iter()
            .next()
            .map(|g| g.code().to_string())),
        None => Ok(None),
    }
}

#[Object]
impl ReferralQuery {
    /// One referral: for its office, its provider (current or former), the Secretariat, and
    /// providers who may claim it while it is open on their board.
    async fn referral(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<ReferralNode> {
        let p = principal(ctx)?;
        let id = parse_id(&id, "id").or_gql(ctx)?;
        let st = state(ctx)?;
        let Some(r) = load_referral(st, id).await.or_gql(ctx)? else {
            return Err(err(
                ctx,
                ApiError::new(Code::NotFound, "referral.not_found").field("id"),
            ));
        };
        if r.may(&p.actor, ReferralOperation::View) {
            return Ok(r);
        }
        let on_board = r.domain_status == ReferralStatus::Open
            && authorize_referral(
                &p.actor,
                ReferralOperation::Claim,
                ReferralRelation::default(),
            )
            .is_ok()
            && match p.actor.org_id {
                Some(org) => {
                    let offer =
                        crate::referrals::provider::offer_in(&st.pool, org, &r.governorate.code)
                            .await
                            .or_gql(ctx)?;
                    r.need_categories
                        .iter()
                        .any(|c| offer.categories_here.contains(c))
                }
                None => false,
            };
        if on_board {
            Ok(r)
        } else {
            Err(err(ctx, ApiError::forbidden()))
        }
    }

    /// Open referrals this provider may claim: a need it serves, in a governorate where it
    /// serves it. No personal data.
    #[graphql(complexity = "crate::graphql::common::cursor::page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn referral_board(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        governorate: Option<String>,
        need: Option<ServiceCategoryGql>,
        age_band: Option<AgeBandGql>,
        sex: Option<SexGql>,
        #[graphql(default_with = "BoardOrder::Waiting")] order: BoardOrder,
    ) -> async_graphql::Result<Connection<String, ReferralNode, TotalCount>> {
        let p = principal(ctx)?;
        let org = referral_board(&p.actor).or_forbidden(ctx)?;
        let limit = cursor::page_size(first).or_gql(ctx)?;
        let offset: i64 = cursor::after(after.as_deref()).or_gql(ctx)?.unwrap_or(0);
        let governorate = one_governorate(governorate).or_gql(ctx)?;
        let need = need.map(|n| ServiceCategory::from(n).as_str());
        let age = age_band.map(|a| AgeBand::from(a).as_str());
        let sex = sex.map(|s| Sex::from(s).as_str());
        let filters = BoardFilters {
            governorate,
            need,
            age_band: age,
            sex,
        };
        let st = state(ctx)?;
        let total = board::board_count(&st.pool, org, &filters)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        let by_priority = matches!(order, BoardOrder::Priority);
        let rows = board::board_page(&st.pool, org, &filters, by_priority, limit + 1, offset)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        let total = TotalCount { total_count: total };
        cursor::page(rows, limit, offset > 0, total, |i, row| {
            let node = ReferralNode::from_projected(&row)?;
            Ok(Some((cursor::encode(&(offset + i as i64 + 1)), node)))
        })
        .or_gql(ctx)
    }

    /// The referrals the viewer works on: an NRM office's own referrals, a provider's
    /// caseload (held now or before), everything for the Secretariat. Newest first.
    #[graphql(complexity = "crate::graphql::common::cursor::page_cost(first, child_complexity)")]
    async fn referrals(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<ReferralStatusGql>,
        governorate: Option<String>,
        #[graphql(desc = "The whole case number or a part of it, e.g. NRM-NI-2026-000123")]
        case_number: Option<String>,
    ) -> async_graphql::Result<Connection<String, ReferralNode, TotalCount>> {
        let p = principal(ctx)?;
        let scope = referral_scope(&p.actor).or_forbidden(ctx)?;
        let limit = cursor::page_size(first).or_gql(ctx)?;
        let after_key: Option<(chrono::DateTime<chrono::Utc>, Uuid)> =
            cursor::after(after.as_deref()).or_gql(ctx)?;
        let filters = ListFilters {
            scope,
            governorate: one_governorate(governorate).or_gql(ctx)?,
            status: status.map(ReferralStatus::from),
            case_number: case_number
                .map(|c| c.trim().to_uppercase())
                .filter(|c| !c.is_empty())
                .map(|c| format!("%{}%", c.replace(['\\', '%'], "").replace('_', "\\_"))),
        };
        let st = state(ctx)?;
        let total = filters
            .total(&st.pool)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        let rows = filters
            .page(&st.pool, after_key, limit + 1)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        let total = TotalCount { total_count: total };
        cursor::page(rows, limit, after.is_some(), total, |_, row| {
            let node = ReferralNode::from_row(&row)?;
            Ok(Some((cursor::encode(&(node.created_at, node.uuid)), node)))
        })
        .or_gql(ctx)
    }

    /// Referrals by status × governorate × need, anonymised: cells under 5 are suppressed.
    async fn referral_statistics(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<ProjectedList<ReferralCell, ReferralCount>> {
        let p = principal(ctx)?;
        authorize_referral_read(
            &p.actor,
            ReferralRead::ViewStatistics,
            ReferralRelation::default(),
        )
        .or_forbidden(ctx)?;
        let st = state(ctx)?;
        let cells = st
            .referrals
            .indicators
            .get(st.watch.as_ref(), || referral_counts(&st.pool))
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        Ok(ProjectedList::new(cells, Selection::of(ctx.field())))
    }

    /// What waits for the viewer's organisation, most urgent first: referrals to accept,
    /// escalations, follow-ups due, drafts. (The board lists what may be claimed.)
    async fn action_needed(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ActionItem>> {
        let p = principal(ctx)?;
        let queue = action_queue(&p.actor).or_forbidden(ctx)?;
        let (org, office) = match queue {
            ActionQueue::Nothing => return Ok(Vec::new()),
            ActionQueue::Office(org) => (org, true),
            ActionQueue::Provider(org) => (org, false),
        };
        let rows = attention::waiting(&state(ctx)?.pool, org, office)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        let mut out = Vec::with_capacity(rows.len());
        for (why, row) in &rows {
            let reason = match why.as_str() {
                "escalated" => ActionReason::Escalated,
                "draft" => ActionReason::DraftNotOpened,
                "awaiting" => ActionReason::AwaitingAcceptance,
                "no_provider" => ActionReason::NoProviderAvailable,
                _ => ActionReason::FollowUpDue,
            };
            out.push(ActionItem {
                reason,
                referral: ReferralNode::from_projected(row).or_gql(ctx)?,
            });
        }
        Ok(out)
    }

    /// The viewer's organisation's services and how much of this month's capacity is used.
    async fn my_capacity(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<CapacityUse>> {
        let p = principal(ctx)?;
        authorize_referral_read(&p.actor, ReferralRead::ViewCapacity, Default::default())
            .or_forbidden(ctx)?;
        let org = p.actor.org_id.ok_or_else(ApiError::forbidden).or_gql(ctx)?;
        let rows = capacity::usage(&state(ctx)?.pool, org)
            .await
            .map_err(ApiError::from)
            .or_gql(ctx)?;
        let mut out = Vec::new();
        for (cat, cap, used) in rows {
            let Some(cat) = ServiceCategory::parse(&cat) else {
                continue;
            };
            out.push(CapacityUse {
                category: cat.into(),
                monthly_capacity: cap,
                used_this_month: used,
                full: used >= cap as i64,
            });
        }
        Ok(out)
    }
}
