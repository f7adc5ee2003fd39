//! Who may do what with a referral. Past the gate, what counts is the role and the actor's
//! relation to the record ([`ReferralRelation`]).

use super::operation::{ReferralOperation, ReferralRead};
use super::relation::ReferralRelation;
use super::scope::{action_queue, referral_board, referral_scope};
use super::side::{is_secretariat_role, works_for_nrm_office, works_for_provider};
use crate::access::actor::Actor;
use crate::access::denied::AccessDenied;
use crate::access::gate::{admit, Admitted};
use crate::values::Role;

const NOT_ALLOWED: &str = "the role or relation to this referral does not allow it";

/// Decides a command on a referral (or viewing the case itself).
pub fn authorize_referral(
    actor: &Actor,
    op: ReferralOperation,
    rel: ReferralRelation,
) -> Result<(), AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, format!("{op:?}Referral"), reason);
    let role = match admit(actor).map_err(deny)? {
        Admitted::System => return Ok(()),
        Admitted::Member(role) => role,
    };
    use ReferralOperation as O;
    let nrm = works_for_nrm_office(actor, role);
    let provider = works_for_provider(actor, role);
    let allowed = match op {
        O::Create => nrm,
        O::Open | O::Withdraw | O::UpdateConsent => nrm && rel.office,
        O::View => may_view(actor, role, rel),
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
        Err(deny(NOT_ALLOWED))
    }
}

/// Decides a read about referrals. `rel` is the actor's relation to the referral for the
/// reads about one (`ViewTimeline`, `ViewAvailability`); the default for the others.
pub fn authorize_referral_read(
    actor: &Actor,
    read: ReferralRead,
    rel: ReferralRelation,
) -> Result<(), AccessDenied> {
    use ReferralRead as R;
    let rule: fn(&Actor, Role, ReferralRelation) -> bool = match read {
        // Whoever has a scope may read it: one rule, in one place.
        R::List => return referral_scope(actor).map(drop),
        R::ViewBoard => return referral_board(actor).map(drop),
        R::ViewActionNeeded => return action_queue(actor).map(drop),
        R::ViewStatistics => |_, role, _| is_secretariat_role(role),
        R::ViewTimeline => may_view,
        R::ViewAvailability => |_, role, rel| is_secretariat_role(role) || rel.office,
        // Only one's own organisation's, and only for someone in one.
        R::ViewCapacity => |actor, _, _| actor.org_id.is_some(),
        R::ViewNotes => may_read_notes,
    };
    let deny = |reason| AccessDenied::new(actor, read.name(), reason);
    match admit(actor).map_err(deny)? {
        Admitted::System => Ok(()),
        Admitted::Member(role) if rule(actor, role, rel) => Ok(()),
        Admitted::Member(_) => Err(deny(NOT_ALLOWED)),
    }
}

/// The case and its timeline: the Secretariat, the referring office, the provider holding
/// it or that held it before.
fn may_view(actor: &Actor, role: Role, rel: ReferralRelation) -> bool {
    is_secretariat_role(role)
        || (works_for_nrm_office(actor, role) && rel.office)
        || (works_for_provider(actor, role) && (rel.holder || rel.former_holder))
}

/// The notes a provider or an office writes on the case: the referring office and the
/// providers that hold or held it, who work the case together. The Secretariat audits the
/// steps and sees that a note was written, not what it says: such notes tend to speak of
/// the person.
fn may_read_notes(actor: &Actor, role: Role, rel: ReferralRelation) -> bool {
    (works_for_nrm_office(actor, role) && rel.office)
        || (works_for_provider(actor, role) && (rel.holder || rel.former_holder))
}
