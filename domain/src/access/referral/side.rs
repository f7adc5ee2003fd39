//! Which side of a referral a role works on. A role counts only in an organisation of the
//! matching kind for the commands; the lists and queues go by the role alone, as the API
//! always has (a role is only ever held in an organisation of a kind it is allowed in).

use crate::access::actor::Actor;
use crate::values::{OrganizationKind, Role};

pub fn is_secretariat_role(role: Role) -> bool {
    matches!(role, Role::SecretariatAdmin | Role::SecretariatAuditor)
}

pub fn is_nrm_role(role: Role) -> bool {
    matches!(role, Role::NrmCaseworker | Role::NrmSupervisor)
}

pub fn is_provider_role(role: Role) -> bool {
    matches!(
        role,
        Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor
    )
}

/// An NRM role in an NRM office.
pub fn works_for_nrm_office(actor: &Actor, role: Role) -> bool {
    is_nrm_role(role) && actor.org_kind == Some(OrganizationKind::NrmOffice)
}

/// A provider role in an organisation that offers services.
pub fn works_for_provider(actor: &Actor, role: Role) -> bool {
    is_provider_role(role) && actor.org_kind.is_some_and(|k| k.offers_services())
}
