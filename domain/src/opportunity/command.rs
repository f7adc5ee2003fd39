//! What may be asked of an opportunity. Ids and "today" come with the command (the domain
//! has no clock), and so do facts held elsewhere: whether the Secretariat trusts the
//! employer, and what the API read of the referral behind a nomination.

use chrono::NaiveDate;
use uuid::Uuid;

use super::nomination::{Placement, PlacementEndReason, ReferralFacts, RejectionReason};
use super::posting::Posting;
use crate::access::Actor;

#[derive(Debug, Clone, PartialEq)]
pub enum OpportunityCommand {
    /// An employer starts a posting for its organisation.
    Draft {
        actor: Actor,
        opportunity_id: Uuid,
        organization_id: Uuid,
        posting: Posting,
        today: NaiveDate,
    },
    Edit {
        actor: Actor,
        posting: Posting,
        today: NaiveDate,
    },
    /// Sent for moderation; an organisation the Secretariat marked as trusted is published
    /// at once.
    Submit {
        actor: Actor,
        trusted: bool,
        today: NaiveDate,
    },
    Publish {
        actor: Actor,
        today: NaiveDate,
    },
    Return {
        actor: Actor,
        reasons: String,
    },
    ExtendDeadline {
        actor: Actor,
        deadline: NaiveDate,
        today: NaiveDate,
    },
    Close {
        actor: Actor,
    },
    Withdraw {
        actor: Actor,
    },
    /// The scheduler, on or after the deadline.
    Expire {
        actor: Actor,
        today: NaiveDate,
    },
    Nominate {
        actor: Actor,
        nomination_id: Uuid,
        referral: ReferralFacts,
        today: NaiveDate,
    },
    Shortlist {
        actor: Actor,
        nomination_id: Uuid,
    },
    Reject {
        actor: Actor,
        nomination_id: Uuid,
        reason: RejectionReason,
    },
    PlanInterview {
        actor: Actor,
        nomination_id: Uuid,
        on: NaiveDate,
        today: NaiveDate,
    },
    Offer {
        actor: Actor,
        nomination_id: Uuid,
    },
    Hire {
        actor: Actor,
        nomination_id: Uuid,
        placement: Placement,
    },
    DeclineOffer {
        actor: Actor,
        nomination_id: Uuid,
    },
    RecordNoShow {
        actor: Actor,
        nomination_id: Uuid,
    },
    EndPlacement {
        actor: Actor,
        nomination_id: Uuid,
        reason: PlacementEndReason,
    },
    WithdrawConsent {
        actor: Actor,
        nomination_id: Uuid,
    },
    /// The employer reads a nominee's name and phone; the read itself is the event.
    ReadContact {
        actor: Actor,
        nomination_id: Uuid,
    },
}

impl OpportunityCommand {
    pub fn actor(&self) -> &Actor {
        use OpportunityCommand as C;
        match self {
            C::Draft { actor, .. }
            | C::Edit { actor, .. }
            | C::Submit { actor, .. }
            | C::Publish { actor, .. }
            | C::Return { actor, .. }
            | C::ExtendDeadline { actor, .. }
            | C::Close { actor }
            | C::Withdraw { actor }
            | C::Expire { actor, .. }
            | C::Nominate { actor, .. }
            | C::Shortlist { actor, .. }
            | C::Reject { actor, .. }
            | C::PlanInterview { actor, .. }
            | C::Offer { actor, .. }
            | C::Hire { actor, .. }
            | C::DeclineOffer { actor, .. }
            | C::RecordNoShow { actor, .. }
            | C::EndPlacement { actor, .. }
            | C::WithdrawConsent { actor, .. }
            | C::ReadContact { actor, .. } => actor,
        }
    }
}

impl crate::Command for OpportunityCommand {
    fn creates(&self) -> bool {
        matches!(self, Self::Draft { .. })
    }
}
