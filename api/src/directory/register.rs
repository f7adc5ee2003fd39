//! Registering an organisation: its id comes from the command id, so a retried
//! registration finds its first result instead of registering twice.

use domain::organization::{Organization, OrganizationCommand, OrganizationProfile};
use domain::values::OrganizationKind;
use store::CommandContext;
use uuid::Uuid;

use crate::errors::ApiResult;
use crate::state::AppState;

/// The id a registration with this command id gets.
pub fn organization_id_for(command_id: &str) -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("organization:{command_id}").as_bytes(),
    )
}

/// Registers an organisation (Secretariat); it starts pending until verified.
pub async fn register(
    st: &AppState,
    cc: &CommandContext,
    kind: OrganizationKind,
    profile: OrganizationProfile,
) -> ApiResult<Uuid> {
    let id = organization_id_for(&cc.command_id);
    let command = OrganizationCommand::Register {
        actor: cc.actor.clone(),
        id,
        kind,
        profile,
    };
    st.execute::<Organization>(&id.to_string(), cc, command)
        .await?;
    Ok(id)
}
