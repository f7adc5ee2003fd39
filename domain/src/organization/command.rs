//! What may be asked of an organisation. Each command names the actor; inputs arrive
//! already parsed into value types, so only rules remain to check.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::access::Actor;
use crate::values::{Governorate, Name, OrganizationKind, Role, ServiceCategory};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationProfile {
    pub name_ar: Name,
    pub name_en: Name,
    pub governorates: BTreeSet<Governorate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceTerms {
    pub category: ServiceCategory,
    pub governorates: BTreeSet<Governorate>,
    pub monthly_capacity: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum OrganizationCommand {
    Register {
        actor: Actor,
        id: Uuid,
        kind: OrganizationKind,
        profile: OrganizationProfile,
    },
    UpdateProfile {
        actor: Actor,
        profile: OrganizationProfile,
    },
    Verify {
        actor: Actor,
        note: Option<String>,
    },
    Suspend {
        actor: Actor,
        reason: String,
    },
    Reinstate {
        actor: Actor,
        note: Option<String>,
    },
    AddMember {
        actor: Actor,
        user_id: Uuid,
        username: String,
        display_name: Name,
        role: Role,
    },
    ChangeMemberRole {
        actor: Actor,
        user_id: Uuid,
        role: Role,
    },
    RemoveMember {
        actor: Actor,
        user_id: Uuid,
    },
    OfferService {
        actor: Actor,
        terms: ServiceTerms,
    },
    UpdateService {
        actor: Actor,
        terms: ServiceTerms,
    },
    WithdrawService {
        actor: Actor,
        category: ServiceCategory,
    },
}

impl OrganizationCommand {
    pub fn actor(&self) -> &Actor {
        match self {
            Self::Register { actor, .. }
            | Self::UpdateProfile { actor, .. }
            | Self::Verify { actor, .. }
            | Self::Suspend { actor, .. }
            | Self::Reinstate { actor, .. }
            | Self::AddMember { actor, .. }
            | Self::ChangeMemberRole { actor, .. }
            | Self::RemoveMember { actor, .. }
            | Self::OfferService { actor, .. }
            | Self::UpdateService { actor, .. }
            | Self::WithdrawService { actor, .. } => actor,
        }
    }
}

impl crate::Command for OrganizationCommand {
    fn creates(&self) -> bool {
        matches!(self, Self::Register { .. })
    }
}
