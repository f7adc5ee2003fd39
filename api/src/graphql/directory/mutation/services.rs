//! The services an organisation offers: what routes referrals to it.

use async_graphql::{Context, InputObject, Object, ID};
use domain::organization::{Organization, OrganizationCommand, ServiceTerms};

use crate::errors::{ApiError, ApiResult, Code};
use crate::graphql::common::command::{GqlResult, Sender};
use crate::graphql::directory::enums::ServiceCategoryGql;
use crate::graphql::directory::governorate::parse_governorates;
use crate::graphql::directory::types::{load_organization, ServiceGql};

#[derive(Default)]
pub struct ServiceMutations;

#[derive(InputObject)]
pub struct ServiceInput {
    pub category: ServiceCategoryGql,
    /// ISO 3166-2 codes where the service is delivered.
    pub governorates: Vec<String>,
    /// How many people a month the organisation can serve (1 to 100,000).
    pub monthly_capacity: i32,
}

fn terms(input: ServiceInput) -> ApiResult<ServiceTerms> {
    let capacity = u32::try_from(input.monthly_capacity).map_err(|_| {
        ApiError::validation("organization.capacity_out_of_range", "monthlyCapacity")
            .arg("max", domain::organization::MAX_MONTHLY_CAPACITY)
    })?;
    Ok(ServiceTerms {
        category: input.category.into(),
        governorates: parse_governorates(&input.governorates, "governorates")?,
        monthly_capacity: capacity,
    })
}

async fn offer_or_update(
    ctx: &Context<'_>,
    organization_id: ID,
    input: ServiceInput,
    command_id: Option<String>,
    update: bool,
) -> GqlResult<ServiceGql> {
    let sender = Sender::new(ctx)?;
    let org = sender.id(&organization_id, "organizationId")?;
    let category = input.category;
    let terms = sender.ok(terms(input))?;
    let actor = sender.actor();
    let command = if update {
        OrganizationCommand::UpdateService { actor, terms }
    } else {
        OrganizationCommand::OfferService { actor, terms }
    };
    sender
        .execute::<Organization>(org, command_id, command)
        .await?;
    let node = load_organization(sender.state, org).await;
    let node =
        sender.ok(node.and_then(|n| {
            n.ok_or_else(|| ApiError::new(Code::NotFound, "organization.not_found"))
        }))?;
    let services = node.services_of(ctx).await?;
    sender.ok(services
        .into_iter()
        .find(|s| s.category == category)
        .ok_or_else(|| ApiError::new(Code::NotFound, "organization.service_not_offered")))
}

#[Object]
impl ServiceMutations {
    /// Offers a service in some governorates with a monthly capacity.
    async fn offer_service(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        input: ServiceInput,
        command_id: Option<String>,
    ) -> GqlResult<ServiceGql> {
        offer_or_update(ctx, organization_id, input, command_id, false).await
    }

    /// Changes where a service is delivered or its capacity.
    async fn update_service(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        input: ServiceInput,
        command_id: Option<String>,
    ) -> GqlResult<ServiceGql> {
        offer_or_update(ctx, organization_id, input, command_id, true).await
    }

    /// Stops offering a service.
    async fn withdraw_service(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        category: ServiceCategoryGql,
        command_id: Option<String>,
    ) -> GqlResult<bool> {
        let sender = Sender::new(ctx)?;
        let org = sender.id(&organization_id, "organizationId")?;
        let command = OrganizationCommand::WithdrawService {
            actor: sender.actor(),
            category: category.into(),
        };
        sender
            .execute::<Organization>(org, command_id, command)
            .await?;
        Ok(true)
    }
}
