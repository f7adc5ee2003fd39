//! The services an organisation offers: what routes referrals to it.

use async_graphql::{Context, InputObject, Object, ID};
use domain::organization::{Organization, OrganizationCommand, ServiceTerms};

use crate::errors::{ApiError, ApiResult, Code};
use crate::graphql::common::context::{command_context, mutator, state, OrGql};
use crate::graphql::common::ids::parse_id;
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
) -> async_graphql::Result<ServiceGql> {
    let p = mutator(ctx)?;
    let st = state(ctx)?;
    let org = parse_id(&organization_id, "organizationId").or_gql(ctx)?;
    let category = input.category;
    let terms = terms(input).or_gql(ctx)?;
    let actor = p.actor.clone();
    let command = if update {
        OrganizationCommand::UpdateService { actor, terms }
    } else {
        OrganizationCommand::OfferService { actor, terms }
    };
    let cc = command_context(ctx, p, command_id);
    st.execute::<Organization>(&org.to_string(), &cc, command)
        .await
        .or_gql(ctx)?;
    let node = load_organization(st, org)
        .await
        .or_gql(ctx)?
        .ok_or_else(|| ApiError::new(Code::NotFound, "organization.not_found"))
        .or_gql(ctx)?;
    let services = node.services_of(ctx).await?;
    services
        .into_iter()
        .find(|s| s.category == category)
        .ok_or_else(|| ApiError::new(Code::NotFound, "organization.service_not_offered"))
        .or_gql(ctx)
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
    ) -> async_graphql::Result<ServiceGql> {
        offer_or_update(ctx, organization_id, input, command_id, false).await
    }

    /// Changes where a service is delivered or its capacity.
    async fn update_service(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        input: ServiceInput,
        command_id: Option<String>,
    ) -> async_graphql::Result<ServiceGql> {
        offer_or_update(ctx, organization_id, input, command_id, true).await
    }

    /// Stops offering a service.
    async fn withdraw_service(
        &self,
        ctx: &Context<'_>,
        organization_id: ID,
        category: ServiceCategoryGql,
        command_id: Option<String>,
    ) -> async_graphql::Result<bool> {
        let p = mutator(ctx)?;
        let st = state(ctx)?;
        let org = parse_id(&organization_id, "organizationId").or_gql(ctx)?;
        let cc = command_context(ctx, p, command_id);
        let command = OrganizationCommand::WithdrawService {
            actor: p.actor.clone(),
            category: category.into(),
        };
        st.execute::<Organization>(&org.to_string(), &cc, command)
            .await
            .or_gql(ctx)?;
        Ok(true)
    }
}
