//! The actors the access tests use: a member of each role in an organisation of the kind
//! that role belongs to.

use uuid::Uuid;

use super::actor::{Actor, OrganizationStanding};
use crate::values::{OrganizationKind, Role};

/// The organisation kind each role's member belongs to in these tests.
pub fn home_kind(role: Role) -> OrganizationKind {
    use OrganizationKind as K;
    match role {
        Role::SecretariatAdmin | Role::SecretariatAuditor => K::Secretariat,
        Role::NrmSupervisor | Role::NrmCaseworker => K::NrmOffice,
        Role::ProviderCoordinator | Role::ProviderStaff => K::Ngo,
        Role::Employer => K::PrivateCompany,
        Role::MrcCounsellor => K::Mrc,
    }
}

/// A member with `role` in an organisation `org` of the role's home kind.
pub fn member(role: Role, org: Uuid, standing: OrganizationStanding) -> Actor {
    Actor::member(
        Uuid::from_u128(9),
        "someone",
        org,
        home_kind(role),
        role,
        standing,
    )
}

/// A signed-in account with no membership.
pub fn no_role() -> Actor {
    Actor {
        user_id: Some(Uuid::from_u128(9)),
        label: "nobody".into(),
        org_id: None,
        org_kind: None,
        role: None,
        standing: OrganizationStanding::Pending,
    }
}
