//! Referral mutations: one per command of the Referral aggregate.

use async_graphql::{Context, InputObject, Object, ID};
use chrono::NaiveDate;
use domain::referral::{
    BeneficiaryFacts, Consent, Need, NeedResult, Referral, ReferralCommand, Side,
};
use projections::models::directory::queries::members;
use uuid::Uuid;

use super::enums::*;
use super::types::{load_referral, ReferralNode};
use crate::errors::{ApiError, ApiResult, Code};
use crate::graphql::common::command::{self, run_with, GqlResult, Sender};
use crate::graphql::common::context::OrGql;
use crate::graphql::directory::enums::ServiceCategoryGql;
use crate::graphql::directory::governorate::parse_governorates;
use crate::privacy::PersonalData;
use crate::referrals::create::{self, NewReferral};
use crate::referrals::{personal_data, take};
use crate::state::AppState;
use store::{LogPosition, Outcome};

#[derive(Default)]
pub struct ReferralMutations;

#[derive(InputObject)]
pub struct NeedInput {
    pub category: ServiceCategoryGql,
    #[graphql(default_with = "PriorityGql::Medium")]
    pub priority: PriorityGql,
}

#[derive(InputObject)]
pub struct ConsentInput {
    pub given_by: ConsentGiverGql,
    pub given_on: NaiveDate,
    pub share_with_providers: bool,
    pub may_contact: bool,
    pub expires_on: Option<NaiveDate>,
}

impl From<ConsentInput> for Consent {
    fn from(c: ConsentInput) -> Self {
        Consent {
            given_by: c.given_by.into(),
            given_on: c.given_on,
            share_with_providers: c.share_with_providers,
            may_contact: c.may_contact,
            expires_on: c.expires_on,
        }
    }
}

#[derive(InputObject)]
pub struct CreateReferralInput {
    pub beneficiary_type: BeneficiaryTypeGql,
    /// ISO 3166-1 alpha-2, e.g. "DE", for returnees from abroad.
    pub return_country: Option<String>,
    /// ISO 3166-2, e.g. "IQ-NI".
    pub governorate: String,
    pub district: Option<String>,
    pub sex: SexGql,
    pub age_band: AgeBandGql,
    pub household_size: i32,
    #[graphql(default)]
    pub vulnerabilities: Vec<VulnerabilityGql>,
    pub needs: Vec<NeedInput>,
    pub consent: ConsentInput,
    pub personal: PersonalData,
    /// Open to providers at once (default) or keep as a draft.
    #[graphql(default = true)]
    pub open: bool,
}

#[derive(InputObject)]
pub struct NeedResultInput {
    pub category: ServiceCategoryGql,
    pub outcome: NeedOutcomeGql,
    /// Required unless the outcome is RESOLVED.
    pub reason: Option<ClosureReasonGql>,
    pub note: Option<String>,
}

/// The referral after a successful command; missing only while the read models lag. When
/// this process's projector committed the referral's row with the command's events (`at`),
/// that row answers; otherwise the table.
async fn reload(st: &AppState, id: Uuid, at: Option<LogPosition>) -> ApiResult<ReferralNode> {
    let committed = match (&st.referrals.committed, at) {
        (Some(rows), Some(at)) => rows.get(id, at.into()),
        _ => None,
    };
    if let Some(row) = committed {
        metrics::counter!("sanad_referrals_answered_from_projector_total").increment(1);
        return ReferralNode::from_projected(&row);
    }
    load_referral(st, id)
        .await?
        .ok_or_else(|| ApiError::new(Code::Unavailable, "projection.lagging"))
}

/// The referral after a command whose outcome is `outcome`.
async fn answer(st: &AppState, id: Uuid, outcome: Outcome) -> ApiResult<ReferralNode> {
    reload(st, id, outcome.last_position).await
}

/// Runs one referral command built from the caller's actor; answers the referral after it.
async fn run(
    ctx: &Context<'_>,
    id: &ID,
    command_id: Option<String>,
    make: impl AsyncFnOnce(&AppState, Uuid, domain::Actor) -> ApiResult<ReferralCommand>,
) -> GqlResult<ReferralNode> {
    command::run::<Referral, _>(ctx, id, command_id, make, answer).await
}

fn text(value: Option<String>, field: &str, max: usize) -> ApiResult<Option<String>> {
    match value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        Some(v) if v.chars().count() > max => {
            Err(ApiError::validation("input.too_long", field).arg("max", max))
        }
        other => Ok(other),
    }
}

#[Object]
impl ReferralMutations {
    /// Refers a person (NRM case worker). Personal data is sealed before it is stored.
    async fn create_referral(
        &self,
        ctx: &Context<'_>,
        input: CreateReferralInput,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        let sender = Sender::new(ctx)?;
        let governorate = sender.ok(parse_governorates(
            std::slice::from_ref(&input.governorate),
            "governorate",
        )
        .and_then(|g| {
            g.into_iter().next().ok_or_else(|| {
                ApiError::validation("input.unknown_governorate", "governorate").arg("value", "")
            })
        }))?;
        let household = sender.ok(u16::try_from(input.household_size).map_err(|_| {
            ApiError::from_domain(&domain::referral::ReferralError::HouseholdOutOfRange {
                max: domain::referral::MAX_HOUSEHOLD,
            })
        }))?;
        let district = sender.ok(text(input.district, "district", 200))?;
        let facts = BeneficiaryFacts {
            beneficiary_type: input.beneficiary_type.into(),
            return_country: input
                .return_country
                .map(|c| c.trim().to_uppercase())
                .filter(|c| !c.is_empty()),
            governorate,
            district,
            sex: input.sex.into(),
            age_band: input.age_band.into(),
            household_size: household,
            vulnerabilities: input.vulnerabilities.into_iter().map(Into::into).collect(),
        };
        let needs: Vec<Need> = input
            .needs
            .into_iter()
            .map(|n| Need {
                category: n.category.into(),
                priority: n.priority.into(),
            })
            .collect();
        let cc = sender.context(command_id);
        let new = NewReferral {
            facts,
            needs,
            consent: input.consent.into(),
            personal: input.personal,
            open: input.open,
        };
        let (id, at) = sender.ok(create::create(sender.state, &cc, new).await)?;
        sender.ok(reload(sender.state, id, at).await)
    }

    /// Opens a draft to providers.
    async fn open_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            Ok(ReferralCommand::Open { actor })
        })
        .await
    }

    /// Claims an open referral for the viewer's organisation. One provider wins; the others
    /// are told it is already claimed.
    async fn claim_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run_with(ctx, &id, command_id, take::claim, answer).await
    }

    async fn accept_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            Ok(ReferralCommand::Accept { actor })
        })
        .await
    }

    /// Declines a claimed referral with a reason: it goes back to the board.
    async fn decline_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            Ok(ReferralCommand::Decline { actor, reason })
        })
        .await
    }

    async fn start_service(
        &self,
        ctx: &Context<'_>,
        id: ID,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            Ok(ReferralCommand::StartService { actor })
        })
        .await
    }

    /// Records that the service for one need was delivered.
    async fn record_service_delivery(
        &self,
        ctx: &Context<'_>,
        id: ID,
        category: ServiceCategoryGql,
        note: Option<String>,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            Ok(ReferralCommand::RecordDelivery {
                actor,
                category: category.into(),
                note,
            })
        })
        .await
    }

    /// Closes the referral with an outcome for every need.
    async fn close_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        results: Vec<NeedResultInput>,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            let results = results
                .into_iter()
                .map(|r| NeedResult {
                    category: r.category.into(),
                    outcome: r.outcome.into(),
                    reason: r.reason.map(Into::into),
                    note: r.note,
                })
                .collect();
            Ok(ReferralCommand::Close { actor, results })
        })
        .await
    }

    /// Moves the referral to another provider, which must accept it.
    async fn transfer_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        provider_id: ID,
        reason: String,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        // Who calls comes before what they sent: an anonymous caller learns nothing of ids.
        let to = Sender::new(ctx)?.id(&provider_id, "providerId")?;
        run_with(
            ctx,
            &id,
            command_id,
            async |st, cc, id| take::transfer(st, cc, id, to, reason).await,
            answer,
        )
        .await
    }

    /// Withdraws the referral, e.g. because the person withdrew their consent.
    async fn withdraw_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default)] consent_withdrawn: bool,
        note: Option<String>,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            Ok(ReferralCommand::Withdraw {
                actor,
                consent_withdrawn,
                note,
            })
        })
        .await
    }

    async fn reopen_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            Ok(ReferralCommand::Reopen { actor })
        })
        .await
    }

    /// Plans a follow-up; its note is personal data and is sealed.
    async fn add_follow_up(
        &self,
        ctx: &Context<'_>,
        id: ID,
        due_on: NaiveDate,
        note: Option<String>,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        let note = text(note, "note", 5_000).or_gql(ctx)?;
        run(ctx, &id, command_id, async |st, id, actor| {
            let note = match note {
                Some(n) => Some(personal_data::seal(st, id, &n).await?),
                None => None,
            };
            Ok(ReferralCommand::AddFollowUp {
                actor,
                due_on,
                note,
            })
        })
        .await
    }

    /// Assigns a colleague as case worker on the caller's side (NRM office or provider).
    async fn assign_caseworker(
        &self,
        ctx: &Context<'_>,
        id: ID,
        user_id: ID,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        // Who calls comes before what they sent: an anonymous caller learns nothing of ids.
        let user = Sender::new(ctx)?.id(&user_id, "userId")?;
        run(ctx, &id, command_id, async |st, _, actor| {
            let member_of = members::organization_of(&st.pool, user).await?;
            let member_of = member_of.ok_or_else(|| {
                ApiError::from_domain(&domain::referral::ReferralError::NotOnThatSide)
            })?;
            let side = match actor.org_kind {
                Some(domain::values::OrganizationKind::NrmOffice) => Side::Nrm,
                _ => Side::Provider,
            };
            Ok(ReferralCommand::AssignCaseworker {
                actor,
                user_id: user,
                member_of,
                side,
            })
        })
        .await
    }

    /// Records new consent terms; revoking sharing removes providers' access at once.
    async fn update_consent(
        &self,
        ctx: &Context<'_>,
        id: ID,
        consent: ConsentInput,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run(ctx, &id, command_id, async |_, _, actor| {
            Ok(ReferralCommand::UpdateConsent {
                actor,
                consent: consent.into(),
            })
        })
        .await
    }

    /// Shows the person's personal data to an assigned case worker; the reading itself is
    /// recorded (who, why) before anything is shown.
    async fn view_personal_data(
        &self,
        ctx: &Context<'_>,
        id: ID,
        purpose: String,
    ) -> GqlResult<PersonalData> {
        let sender = Sender::new(ctx)?;
        let id = sender.id(&id, "id")?;
        // A reading is not repeated by a retry: it gets a command id of its own.
        let cc = sender.context(None);
        sender.ok(personal_data::view(sender.state, &cc, id, purpose).await)
    }

    /// Erases the person (crypto-shredding): their key is deleted, the anonymised facts and
    /// the verifiable history remain.
    async fn erase_beneficiary(
        &self,
        ctx: &Context<'_>,
        id: ID,
        command_id: Option<String>,
    ) -> GqlResult<ReferralNode> {
        run_with(ctx, &id, command_id, personal_data::erase, answer).await
    }
}
