//! Who may do what with a referral. Besides the role, what counts is the actor's relation to
//! the record: a member of the referring NRM office, of the provider holding it, of a
//! provider that held it before, or a case worker assigned to it.

use uuid::Uuid;

use super::{AccessDenied, Actor, OrganizationStanding};
use crate::values::{OrganizationKind, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReferralOperation {
    Create,
    Open,
    /// The anonymised case and its timeline.
    View,
    Claim,
    Accept,
    Decline,
    StartService,
    RecordDelivery,
    Close,
    Transfer,
    Withdraw,
    Reopen,
    AddFollowUp,
    AssignNrmCaseworker,
    AssignProviderStaff,
    UpdateConsent,
    ViewPersonalData,
    Erase,
    Escalate,
}

impl ReferralOperation {
    pub const ALL: [ReferralOperation; 19] = [
        Self::Create,
        Self::Open,
        Self::View,
        Self::Claim,
        Self::Accept,
        Self::Decline,
        Self::StartService,
        Self::RecordDelivery,
        Self::Close,
        Self::Transfer,
        Self::Withdraw,
        Self::Reopen,
        Self::AddFollowUp,
        Self::AssignNrmCaseworker,
        Self::AssignProviderStaff,
        Self::UpdateConsent,
        Self::ViewPersonalData,
        Self::Erase,
        Self::Escalate,
    ];
}

/// The actor's relation to one referral, computed by the aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReferralRelation {
    /// Member of the NRM office that made the referral.
    pub office: bool,
    /// Member of the provider that holds it now.
    pub holder: bool,
    /// Member of a provider that held it before a transfer or a decline.
    pub former_holder: bool,
    /// Assigned to the case on their side (NRM case worker or provider staff).
    pub assigned: bool,
}

/// Who takes part in a referral, as the aggregate or a read model knows it.
pub struct ReferralParties<'a> {
    pub office: Option<Uuid>,
    pub holder: Option<Uuid>,
    pub former_holders: &'a dyn Fn(Uuid) -> bool,
    pub nrm_caseworkers: &'a dyn Fn(Uuid) -> bool,
    pub provider_staff: &'a dyn Fn(Uuid) -> bool,
}

impl ReferralRelation {
    /// The actor's relation to a referral with these parties.
    pub fn of(actor: &Actor, parties: ReferralParties<'_>) -> Self {
        let org = actor.org_id;
        let office = org.is_some() && org == parties.office;
        let holder = org.is_some() && org == parties.holder;
        let assigned = actor.user_id.is_some_and(|u| {
            (office && (parties.nrm_caseworkers)(u)) || (holder && (parties.provider_staff)(u))
        });
        ReferralRelation {
            office,
            holder,
            former_holder: org.is_some_and(|o| (parties.former_holders)(o)),
            assigned,
        }
    }
}

fn is_provider_role(role: Role) -> bool {
    matches!(
        role,
        Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor
    )
}

fn is_nrm_role(role: Role) -> bool {
    matches!(role, Role::NrmCaseworker | Role::NrmSupervisor)
}

pub fn authorize_referral(
    actor: &Actor,
    op: ReferralOperation,
    rel: ReferralRelation,
) -> Result<(), AccessDenied> {
    let deny = |reason| AccessDenied {
        label: actor.label.clone(),
        operation: format!("{op:?}Referral"),
        reason,
    };
    if actor.is_system() {
        return Ok(());
    }
    let Some(role) = actor.role else {
        return Err(deny("no role"));
    };
    if actor.standing == OrganizationStanding::Suspended {
        return Err(deny("the actor's organisation is suspended"));
    }
    use ReferralOperation as O;
    let nrm = is_nrm_role(role) && actor.org_kind == Some(OrganizationKind::NrmOffice);
    let provider = is_provider_role(role) && actor.org_kind.is_some_and(|k| k.offers_services());
    let allowed = match op {
        O::Create => nrm,
        O::Open | O::Withdraw | O::UpdateConsent => nrm && rel.office,
        O::View => {
            matches!(role, Role::SecretariatAdmin | Role::SecretariatAuditor)
                || (nrm && rel.office)
                || (provider && (rel.holder || rel.former_holder))
        }
        O::Claim => provider,
        O::Accept | O::Decline | O::StartService | O::RecordDelivery => provider && rel.holder,
        O::Close | O::AddFollowUp => (nrm && rel.office) || (provider && rel.holder),
        O::Transfer => {
            (role == Role::NrmSupervisor && nrm && rel.office)
                || (role == Role::ProviderCoordinator && provider && rel.holder)
        }
        O::Reopen | O::AssignNrmCaseworker => role == Role::NrmSupervisor && nrm && rel.office,
        O::AssignProviderStaff => role == Role::ProviderCoordinator && provider && rel.holder,
        O::ViewPersonalData => ((nrm && rel.office) || (provider && rel.holder)) && rel.assigned,
        O::Erase => {
            role == Role::SecretariatAdmin || (role == Role::NrmSupervisor && nrm && rel.office)
        }
        O::Escalate => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(deny(
            "the role or relation to this referral does not allow it",
        ))
    }
}
