//! What happened to an organisation. Who did it and when travels in the event's metadata.

use std::collections::BTreeSet;

use cqrs_es::DomainEvent;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::values::{Governorate, Name, OrganizationKind, Role, ServiceCategory};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OrganizationEvent {
    Registered {
        id: Uuid,
        kind: OrganizationKind,
        name_ar: Name,
        name_en: Name,
        governorates: BTreeSet<Governorate>,
    },
    ProfileUpdated {
        name_ar: Name,
        name_en: Name,
        governorates: BTreeSet<Governorate>,
    },
    Verified {
        note: Option<String>,
    },
    Suspended {
        reason: String,
    },
    Reinstated {
        note: Option<String>,
    },
    MemberAdded {
        user_id: Uuid,
        username: String,
        display_name: Name,
        role: Role,
    },
    MemberRoleChanged {
        user_id: Uuid,
        role: Role,
    },
    MemberRemoved {
        user_id: Uuid,
    },
    ServiceOffered {
        category: ServiceCategory,
        governorates: BTreeSet<Governorate>,
        monthly_capacity: u32,
    },
    ServiceUpdated {
        category: ServiceCategory,
        governorates: BTreeSet<Governorate>,
        monthly_capacity: u32,
    },
    ServiceWithdrawn {
        category: ServiceCategory,
    },
}

impl DomainEvent for OrganizationEvent {
    fn event_type(&self) -> String {
        let name = match self {
            Self::Registered { .. } => "OrganizationRegistered",
            Self::ProfileUpdated { .. } => "OrganizationProfileUpdated",
            Self::Verified { .. } => "OrganizationVerified",
            Self::Suspended { .. } => "OrganizationSuspended",
            Self::Reinstated { .. } => "OrganizationReinstated",
            Self::MemberAdded { .. } => "MemberAdded",
            Self::MemberRoleChanged { .. } => "MemberRoleChanged",
            Self::MemberRemoved { .. } => "MemberRemoved",
            Self::ServiceOffered { .. } => "ServiceOffered",
            Self::ServiceUpdated { .. } => "ServiceUpdated",
            Self::ServiceWithdrawn { .. } => "ServiceWithdrawn",
        };
        name.to_string()
    }

    fn event_version(&self) -> String {
        "1".to_string()
    }
}
