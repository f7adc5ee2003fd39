//! What a role lets its holder reach, for interfaces that draw navigation: make
//! referrals, claim them from the board, see every referral and the statistics,
//! register organisations. Each answer asks [`authorize`] or [`authorize_referral`]
//! with a representative operation, so it follows the policies and cannot drift from
//! them. It says what is worth linking to; every command and read is still decided by
//! the policy on the record itself (a page shows per-record actions from the record's
//! own `viewerActions`).

use uuid::Uuid;

use super::{
    authorize, authorize_referral, Actor, Operation, OrganizationStanding, ReferralOperation,
    ReferralRelation,
};
use crate::values::{OrganizationKind, Role};

/// What a viewer with one role may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Capabilities {
    /// Make a referral (the NRM's side of the work).
    pub refer_people: bool,
    /// Claim open referrals from the board (the providers' side).
    pub claim_referrals: bool,
    /// See every referral, whoever made or holds it, and so the statistics over them.
    pub see_every_referral: bool,
    /// Register organisations.
    pub register_organizations: bool,
    /// Verify, suspend and reinstate organisations other than the viewer's own.
    pub verify_organizations: bool,
    /// Assign NRM case workers on a referral of the viewer's own office.
    pub assign_nrm_caseworkers: bool,
    /// Assign provider staff on a referral the viewer's organisation holds.
    pub assign_provider_staff: bool,
}

impl Capabilities {
    /// What a member holding `role`, in an organisation of a kind the role belongs
    /// in, may reach. `None` (no role) reaches nothing.
    pub fn of(role: Option<Role>) -> Self {
        let Some(role) = role else {
            return Self::default();
        };
        let actor = representative(role);
        let referral = |op, rel| authorize_referral(&actor, op, rel).is_ok();
        let office = ReferralRelation {
            office: true,
            ..ReferralRelation::default()
        };
        let holder = ReferralRelation {
            holder: true,
            ..ReferralRelation::default()
        };
        let stranger = ReferralRelation::default();
        // An organisation the representative is no member of.
        let another = (Uuid::from_u128(1), OrganizationKind::Ngo);
        Self {
            refer_people: referral(ReferralOperation::Create, stranger),
            claim_referrals: referral(ReferralOperation::Claim, stranger),
            see_every_referral: referral(ReferralOperation::View, stranger),
            register_organizations: authorize(&actor, Operation::RegisterOrganization, None)
                .is_ok(),
            verify_organizations: authorize(&actor, Operation::VerifyOrganization, Some(another))
                .is_ok(),
            assign_nrm_caseworkers: referral(ReferralOperation::AssignNrmCaseworker, office),
            assign_provider_staff: referral(ReferralOperation::AssignProviderStaff, holder),
        }
    }

    /// Whether anything waits for this viewer in a queue of referrals (drafts to open,
    /// claims to accept, follow-ups due): the NRM's and the providers' sides have one.
    pub fn has_a_queue(self) -> bool {
        self.refer_people || self.claim_referrals
    }
}

/// A verified member holding `role` in the first kind of organisation the role is
/// allowed in.
fn representative(role: Role) -> Actor {
    let kind = OrganizationKind::ALL
        .into_iter()
        .find(|kind| role.allowed_in(*kind))
        .unwrap_or(OrganizationKind::Secretariat);
    Actor::member(
        Uuid::nil(),
        "capabilities",
        Uuid::nil(),
        kind,
        role,
        OrganizationStanding::Verified,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(role: Role) -> Capabilities {
        Capabilities::of(Some(role))
    }

    #[test]
    fn each_side_of_the_work_reaches_its_own_pages() {
        for role in [Role::NrmCaseworker, Role::NrmSupervisor] {
            assert!(
                of(role).refer_people && !of(role).claim_referrals,
                "{role:?}"
            );
            assert!(!of(role).see_every_referral, "{role:?}");
        }
        for role in [
            Role::ProviderCoordinator,
            Role::ProviderStaff,
            Role::MrcCounsellor,
        ] {
            assert!(
                of(role).claim_referrals && !of(role).refer_people,
                "{role:?}"
            );
            assert!(!of(role).see_every_referral, "{role:?}");
        }
        for role in [Role::SecretariatAdmin, Role::SecretariatAuditor] {
            assert!(of(role).see_every_referral, "{role:?}");
            assert!(!of(role).has_a_queue(), "{role:?}");
        }
        assert_eq!(of(Role::Employer), Capabilities::default());
        assert_eq!(Capabilities::of(None), Capabilities::default());
    }

    #[test]
    fn only_the_secretariat_administrator_registers_organisations() {
        for role in Role::ALL {
            let admin = role == Role::SecretariatAdmin;
            assert_eq!(of(role).register_organizations, admin, "{role:?}");
            assert_eq!(of(role).verify_organizations, admin, "{role:?}");
        }
    }

    #[test]
    fn supervisors_and_coordinators_assign_on_their_side() {
        for role in Role::ALL {
            assert_eq!(
                of(role).assign_nrm_caseworkers,
                role == Role::NrmSupervisor,
                "{role:?}"
            );
            assert_eq!(
                of(role).assign_provider_staff,
                role == Role::ProviderCoordinator,
                "{role:?}"
            );
        }
    }
}
