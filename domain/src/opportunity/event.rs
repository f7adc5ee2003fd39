//! What happened to an opportunity and its nominations. Nominations carry only the
//! anonymised profile; who the nominee is stays with the referral.

use chrono::NaiveDate;
use cqrs_es::DomainEvent;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::nomination::{AnonymisedProfile, Placement, PlacementEndReason, RejectionReason};
use super::posting::{Details, MaterialChange};

// Events live briefly between decide and append; boxing the large variants would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OpportunityEvent {
    Drafted {
        id: Uuid,
        organization_id: Uuid,
        details: Details,
    },
    /// Edited before publication, or a published one's wording (nothing material).
    Edited {
        details: Details,
    },
    /// A published opportunity's pay, positions or requirements changed: the nominees'
    /// case workers are told.
    MaterialChanged {
        details: Details,
        changes: Vec<MaterialChange>,
    },
    Submitted,
    Published {
        /// Without moderation, because the Secretariat trusts the organisation.
        directly: bool,
    },
    Returned {
        reasons: String,
    },
    DeadlineExtended {
        from: NaiveDate,
        to: NaiveDate,
    },
    Filled,
    Closed,
    Withdrawn,
    Expired {
        on: NaiveDate,
    },
    Nominated {
        nomination_id: Uuid,
        referral_id: Uuid,
        beneficiary_key: Uuid,
        office_id: Uuid,
        nominated_by: Option<Uuid>,
        contact_consent: bool,
        profile: AnonymisedProfile,
    },
    Shortlisted {
        nomination_id: Uuid,
    },
    Rejected {
        nomination_id: Uuid,
        reason: RejectionReason,
    },
    InterviewPlanned {
        nomination_id: Uuid,
        on: NaiveDate,
    },
    Offered {
        nomination_id: Uuid,
    },
    Hired {
        nomination_id: Uuid,
        referral_id: Uuid,
        placement: Placement,
    },
    OfferDeclined {
        nomination_id: Uuid,
    },
    NoShow {
        nomination_id: Uuid,
    },
    PlacementEnded {
        nomination_id: Uuid,
        reason: PlacementEndReason,
    },
    ConsentWithdrawn {
        nomination_id: Uuid,
    },
    ContactRead {
        nomination_id: Uuid,
    },
}

impl DomainEvent for OpportunityEvent {
    fn event_type(&self) -> String {
        let name = match self {
            Self::Drafted { .. } => "OpportunityDrafted",
            Self::Edited { .. } => "OpportunityEdited",
            Self::MaterialChanged { .. } => "OpportunityMaterialChanged",
            Self::Submitted => "OpportunitySubmitted",
            Self::Published { .. } => "OpportunityPublished",
            Self::Returned { .. } => "OpportunityReturned",
            Self::DeadlineExtended { .. } => "OpportunityDeadlineExtended",
            Self::Filled => "OpportunityFilled",
            Self::Closed => "OpportunityClosed",
            Self::Withdrawn => "OpportunityWithdrawn",
            Self::Expired { .. } => "OpportunityExpired",
            Self::Nominated { .. } => "CandidateNominated",
            Self::Shortlisted { .. } => "CandidateShortlisted",
            Self::Rejected { .. } => "CandidateRejected",
            Self::InterviewPlanned { .. } => "InterviewPlanned",
            Self::Offered { .. } => "OfferMade",
            Self::Hired { .. } => "CandidateHired",
            Self::OfferDeclined { .. } => "OfferDeclined",
            Self::NoShow { .. } => "CandidateNoShow",
            Self::PlacementEnded { .. } => "PlacementEnded",
            Self::ConsentWithdrawn { .. } => "NominationConsentWithdrawn",
            Self::ContactRead { .. } => "NomineeContactRead",
        };
        name.to_string()
    }

    fn event_version(&self) -> String {
        "1".to_string()
    }
}
