//! The person (or system task) on whose behalf a command runs.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::values::{OrganizationKind, Role};

/// Where the actor's own organisation stands, as far as access is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationStanding {
    Pending,
    Verified,
    Suspended,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The user id, or `None` for a system task (seed, command line administration).
    pub user_id: Option<Uuid>,
    /// A name for logs and the audit trail: the username, or `system:<task>`.
    pub label: String,
    pub org_id: Option<Uuid>,
    pub org_kind: Option<OrganizationKind>,
    pub role: Option<Role>,
    pub standing: OrganizationStanding,
}

impl Actor {
    pub fn member(
        user_id: Uuid,
        username: &str,
        org_id: Uuid,
        org_kind: OrganizationKind,
        role: Role,
        standing: OrganizationStanding,
    ) -> Self {
        Self {
            user_id: Some(user_id),
            label: username.to_string(),
            org_id: Some(org_id),
            org_kind: Some(org_kind),
            role: Some(role),
            standing,
        }
    }

    /// A task of the platform itself, run by an operator on the server (never over HTTP).
    pub fn system(task: &str) -> Self {
        Self {
            user_id: None,
            label: format!("system:{task}"),
            org_id: None,
            org_kind: None,
            role: None,
            standing: OrganizationStanding::Verified,
        }
    }

    pub fn is_system(&self) -> bool {
        self.user_id.is_none()
    }

    pub fn belongs_to(&self, org_id: Uuid) -> bool {
        self.org_id == Some(org_id)
    }
}
