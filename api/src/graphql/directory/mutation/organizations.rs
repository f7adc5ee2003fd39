//! Registering and vetting organisations.

use async_graphql::{Context, InputObject, Object, ID};
use domain::organization::{Organization, OrganizationCommand, OrganizationProfile};
use domain::values::Name;
use uuid::Uuid;

use crate::accounts::account::name_error;
use crate::directory::register;
use crate::errors::{ApiError, ApiResult, Code};
use crate::graphql::common::command::{self, GqlResult, Sender};
use crate::graphql::directory::enums::OrganizationKindGql;
use crate::graphql::directory::governorate::parse_governorates;
use crate::graphql::directory::types::{load_organization, OrganizationNode};
use crate::state::AppState;

#[derive(Default)]
pub struct OrganizationMutations;

#[derive(InputObject)]
pub struct OrganizationProfileInput {
    pub name_ar: String,
    pub name_en: String,
    /// ISO 3166-2 codes of the governorates served, e.g. ["IQ-NI", "IQ-AN"].
    pub governorates: Vec<String>,
}

#[derive(InputObject)]
pub struct RegisterOrganizationInput {
    pub kind: OrganizationKindGql,
    pub name_ar: String,
    pub name_en: String,
    pub governorates: Vec<String>,
}

fn profile(
    name_ar: &str,
    name_en: &str,
    governorates: &[String],
) -> ApiResult<OrganizationProfile> {
    Ok(OrganizationProfile {
        name_ar: Name::new(name_ar).map_err(|e| name_error(e, "nameAr"))?,
        name_en: Name::new(name_en).map_err(|e| name_error(e, "nameEn"))?,
        governorates: parse_governorates(governorates, "governorates")?,
    })
}

/// The organisation as the read model shows it after the command. The command succeeded,
/// so a missing row means the read models lag: say so, and that a retry is safe.
pub async fn reload(st: &AppState, id: Uuid) -> ApiResult<OrganizationNode> {
    load_organization(st, id)
        .await?
        .ok_or_else(|| ApiError::new(Code::Unavailable, "projection.lagging"))
}

/// A command on the organisation `id`, answered with the organisation after it.
async fn run(
    ctx: &Context<'_>,
    id: &ID,
    command_id: Option<String>,
    make: impl FnOnce(domain::Actor) -> ApiResult<OrganizationCommand>,
) -> GqlResult<OrganizationNode> {
    command::run::<Organization, _>(
        ctx,
        id,
        command_id,
        async move |_, _, actor| make(actor),
        async |st, id, _| reload(st, id).await,
    )
    .await
}

#[Object]
impl OrganizationMutations {
    /// Registers an organisation (Secretariat). It starts pending until verified.
    async fn register_organization(
        &self,
        ctx: &Context<'_>,
        input: RegisterOrganizationInput,
        command_id: Option<String>,
    ) -> async_graphql::Result<OrganizationNode> {
        let sender = Sender::new(ctx)?;
        let profile = sender.ok(profile(&input.name_ar, &input.name_en, &input.governorates))?;
        let cc = sender.context(command_id);
        let id = register::register(sender.state, &cc, input.kind.into(), profile).await;
        let id = sender.ok(id)?;
        sender.ok(reload(sender.state, id).await)
    }

    /// Changes names and governorates (Secretariat, or the organisation's manager).
    async fn update_organization_profile(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: OrganizationProfileInput,
        command_id: Option<String>,
    ) -> async_graphql::Result<OrganizationNode> {
        run(ctx, &id, command_id, |actor| {
            Ok(OrganizationCommand::UpdateProfile {
                actor,
                profile: profile(&input.name_ar, &input.name_en, &input.governorates)?,
            })
        })
        .await
    }

    /// Verifies a pending organisation (Secretariat).
    async fn verify_organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
        note: Option<String>,
        command_id: Option<String>,
    ) -> async_graphql::Result<OrganizationNode> {
        run(ctx, &id, command_id, |actor| {
            Ok(OrganizationCommand::Verify { actor, note })
        })
        .await
    }

    /// Suspends an organisation, with a reason (Secretariat). Its members can then do nothing.
    async fn suspend_organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
        command_id: Option<String>,
    ) -> async_graphql::Result<OrganizationNode> {
        run(ctx, &id, command_id, |actor| {
            Ok(OrganizationCommand::Suspend { actor, reason })
        })
        .await
    }

    /// Lifts a suspension (Secretariat).
    async fn reinstate_organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
        note: Option<String>,
        command_id: Option<String>,
    ) -> async_graphql::Result<OrganizationNode> {
        run(ctx, &id, command_id, |actor| {
            Ok(OrganizationCommand::Reinstate { actor, note })
        })
        .await
    }
}
