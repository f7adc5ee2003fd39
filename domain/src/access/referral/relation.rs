//! The actor's relation to one referral: a member of the referring NRM office, of the
//! provider holding it, of a provider that held it before, or a case worker assigned to it.

use uuid::Uuid;

use crate::access::actor::Actor;

/// The actor's relation to one referral, computed by the aggregate (or a read model).
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

    /// A provider that held the referral and no longer does sees its timeline only up to
    /// its leaving (a decline, a transfer away, the close or withdrawal while it held it).
    pub fn timeline_ends_at_leaving(&self) -> bool {
        self.former_holder && !self.holder && !self.office
    }
}
