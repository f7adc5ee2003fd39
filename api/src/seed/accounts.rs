//! The demo organisations' people, and the first Secretariat administrator.

use domain::access::Actor;
use domain::values::Role;
use store::CommandContext;
use uuid::Uuid;

use super::directory::{ensure_secretariat, ORGS};
use super::{organization_id_for, project_now, DEMO_PASSWORD};
use crate::accounts::account::{self, NewAccount};
use crate::errors::ApiResult;
use crate::state::AppState;

pub struct SeededAccount {
    pub username: &'static str,
    pub role: Role,
    pub organization: &'static str,
}

/// The accounts of the demo organisations' people. Returns the accounts made.
pub(super) async fn people(state: &AppState) -> ApiResult<Vec<SeededAccount>> {
    let actor = Actor::system("seed");
    let ctx = |command_id: String| CommandContext::new(actor.clone(), Some(command_id), "seed");
    let mut made = Vec::new();
    for org in ORGS {
        let id = organization_id_for(&format!("seed:{}:register", org.slug));
        for (username, display_name, role) in org.people {
            account::create(
                state,
                &ctx(format!("seed:account:{username}")),
                NewAccount {
                    organization_id: id,
                    username: username.to_string(),
                    display_name: display_name.to_string(),
                    password: DEMO_PASSWORD.to_string(),
                    role: *role,
                },
            )
            .await?;
            made.push(SeededAccount {
                username,
                role: *role,
                organization: org.name_ar,
            });
        }
    }
    Ok(made)
}

/// Makes a Secretariat administrator (the first one, on a new database).
pub async fn create_admin(
    state: &AppState,
    username: &str,
    display_name: &str,
    password: &str,
) -> ApiResult<Uuid> {
    let org = ensure_secretariat(state).await?;
    let ctx = CommandContext::new(
        Actor::system("admin"),
        Some(format!("admin:account:{username}")),
        "admin",
    );
    let id = account::create(
        state,
        &ctx,
        NewAccount {
            organization_id: org,
            username: username.to_string(),
            display_name: display_name.to_string(),
            password: password.to_string(),
            role: Role::SecretariatAdmin,
        },
    )
    .await?;
    project_now(state).await?;
    Ok(id)
}
