//! The opportunities' policy. Past the gate: an employer works only on its own
//! organisation's opportunities, and posts only once the organisation is verified (a
//! pending company could otherwise advertise under a name nobody checked); it never acts on
//! a referral, it only sees the nominations made to it, anonymised until the nominee is
//! shortlisted and consents to contact. NRM offices and MRC counsellors nominate from the
//! referrals their organisation holds and answer for their nominees. The Secretariat and
//! MRCs moderate; the Secretariat reads everything but personal data. Expiry is the
//! scheduler's alone.

use super::operation::OpportunityOperation as O;
use super::relation::OpportunityRelation;
use crate::access::actor::{Actor, OrganizationStanding};
use crate::access::denied::AccessDenied;
use crate::access::gate::{admit, Admitted};
use crate::values::Role;

const NOT_ALLOWED: &str = "the role or relation to this opportunity does not allow it";
const NOT_VERIFIED: &str = "the actor's organisation is not verified yet";

/// Decides `op` by `actor`, standing in `rel` to the opportunity (and nomination).
pub fn authorize_opportunity(
    actor: &Actor,
    op: O,
    rel: OpportunityRelation,
) -> Result<(), AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, op.name(), reason);
    let role = match admit(actor).map_err(deny)? {
        Admitted::System => return Ok(()),
        Admitted::Member(role) => role,
    };
    let employer = role == Role::Employer;
    let nominator = matches!(
        role,
        Role::NrmCaseworker | Role::NrmSupervisor | Role::MrcCounsellor
    );
    let moderator = matches!(role, Role::SecretariatAdmin | Role::MrcCounsellor);
    let secretariat = matches!(role, Role::SecretariatAdmin | Role::SecretariatAuditor);
    let allowed = match op {
        O::Draft | O::Edit | O::Submit | O::ExtendDeadline => {
            if employer && rel.own && actor.standing != OrganizationStanding::Verified {
                return Err(deny(NOT_VERIFIED));
            }
            employer && rel.own
        }
        O::Close
        | O::Withdraw
        | O::Shortlist
        | O::Reject
        | O::PlanInterview
        | O::Offer
        | O::Hire
        | O::RecordNoShow
        | O::EndPlacement => employer && rel.own,
        O::Publish | O::Return => moderator,
        O::Expire => false,
        O::Nominate | O::DeclineOffer | O::WithdrawConsent => nominator && rel.nominating_office,
        O::ViewBoard => true,
        O::ViewPipeline => (employer && rel.own) || secretariat,
        O::ViewProfile => {
            (employer && rel.own) || (nominator && rel.nominating_office) || secretariat
        }
        O::ViewContact => employer && rel.own && rel.contact_disclosed,
    };
    if allowed {
        Ok(())
    } else {
        Err(deny(NOT_ALLOWED))
    }
}
