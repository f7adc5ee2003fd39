//! Which referrals a viewer's lists and queues hold, for the read models to filter by.
//! Each answer passes the gate first, like every decision of the policy.

use uuid::Uuid;

use super::operation::ReferralRead;
use super::side::{is_nrm_role, is_provider_role, is_secretariat_role, works_for_provider};
use crate::access::actor::Actor;
use crate::access::denied::AccessDenied;
use crate::access::gate::{admit, Admitted};

/// The referrals a viewer may list (`referrals`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferralScope {
    /// Every referral: the Secretariat (and the platform's own tasks).
    Everyone,
    /// The referrals this NRM office made.
    Office(Uuid),
    /// The referrals this provider holds or held before.
    Provider(Uuid),
}

/// What waits for the viewer's organisation (`actionNeeded`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionQueue {
    /// Escalations, drafts, follow-ups due, and open referrals nobody can take.
    Office(Uuid),
    /// Claims to accept or decline, follow-ups due.
    Provider(Uuid),
    /// Nothing waits for this role (the Secretariat, employers, the platform's tasks).
    Nothing,
}

/// The referrals `actor` may list; employers and accounts with no role may list none.
pub fn referral_scope(actor: &Actor) -> Result<ReferralScope, AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, ReferralRead::List.name(), reason);
    let role = match admit(actor).map_err(deny)? {
        Admitted::System => return Ok(ReferralScope::Everyone),
        Admitted::Member(role) => role,
    };
    if is_secretariat_role(role) {
        return Ok(ReferralScope::Everyone);
    }
    let org = actor.org_id.ok_or_else(|| deny(NO_ORGANIZATION))?;
    if is_nrm_role(role) {
        Ok(ReferralScope::Office(org))
    } else if is_provider_role(role) {
        Ok(ReferralScope::Provider(org))
    } else {
        Err(deny("the role has no referrals to list"))
    }
}

/// The provider whose board `actor` sees (`referralBoard`): the open referrals it may claim.
pub fn referral_board(actor: &Actor) -> Result<Uuid, AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, ReferralRead::ViewBoard.name(), reason);
    match admit(actor).map_err(deny)? {
        Admitted::System => Err(deny(NO_ORGANIZATION)),
        Admitted::Member(role) if works_for_provider(actor, role) => {
            actor.org_id.ok_or_else(|| deny(NO_ORGANIZATION))
        }
        Admitted::Member(_) => Err(deny("only a provider has a board")),
    }
}

/// The queue `actor`'s "action needed" shows.
pub fn action_queue(actor: &Actor) -> Result<ActionQueue, AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, ReferralRead::ViewActionNeeded.name(), reason);
    let role = match admit(actor).map_err(deny)? {
        Admitted::System => return Ok(ActionQueue::Nothing),
        Admitted::Member(role) => role,
    };
    if is_nrm_role(role) {
        Ok(ActionQueue::Office(
            actor.org_id.ok_or_else(|| deny(NO_ORGANIZATION))?,
        ))
    } else if is_provider_role(role) {
        Ok(ActionQueue::Provider(
            actor.org_id.ok_or_else(|| deny(NO_ORGANIZATION))?,
        ))
    } else {
        Ok(ActionQueue::Nothing)
    }
}

const NO_ORGANIZATION: &str = "no organisation";
