//! A nomination: a returnee put forward from a referral, seen by the employer only through
//! an anonymised profile, and the stages it moves through to a placement.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::referral::{AgeBand, Sex};
use crate::values::codes::codes;
use crate::values::{
    BoundedText, ContractType, EducationLevel, Governorate, Iqd, LanguageCode, Skills,
};

/// A motivation is a few lines for the employer, not a life story.
pub const MAX_MOTIVATION_CHARS: usize = 500;

/// What the API knows of the referral behind a nomination and hands to the command: the
/// opportunity cannot read another aggregate, so these facts travel with the command.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralFacts {
    pub referral_id: Uuid,
    /// The same person behind two referrals (from two offices) has one pseudonymous key;
    /// it keeps them from being nominated twice to one opportunity.
    pub beneficiary_key: Uuid,
    /// The organisation that holds the referral (the NRM office, or the MRC).
    pub office_id: Uuid,
    /// The referral has an open livelihoods or vocational-training need.
    pub has_work_need: bool,
    /// The returnee's consent to be put forward to this employer is recorded.
    pub consent_to_employer: bool,
    /// That consent also covers giving the employer name and phone after shortlisting.
    pub consent_covers_contact: bool,
    pub profile: AnonymisedProfile,
}

/// What the employer sees of a nominee: nothing that names or locates them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnonymisedProfile {
    pub age_band: AgeBand,
    pub sex: Sex,
    pub governorate: Governorate,
    pub skills: Skills,
    pub education: Option<EducationLevel>,
    pub languages: Vec<LanguageCode>,
    /// Written for the employer by the nominee with their case worker.
    pub motivation: Option<BoundedText>,
}

/// A hire: the placement the referral's history will show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    pub start_date: NaiveDate,
    pub contract: ContractType,
    pub monthly_pay: Iqd,
}

codes!(
    /// Why an employer turned a nominee down: coded, so the pattern can be counted.
    RejectionReason {
        SkillsMismatch = "skills_mismatch",
        EducationMismatch = "education_mismatch",
        LanguageMismatch = "language_mismatch",
        LocationTooFar = "location_too_far",
        PositionFilledOtherwise = "position_filled_otherwise",
        Unreachable = "unreachable",
        Other = "other",
    }
);

codes!(
    /// Why a placement ended.
    PlacementEndReason {
        ContractCompleted = "contract_completed",
        Resigned = "resigned",
        Dismissed = "dismissed",
        MovedAway = "moved_away",
        Remigrated = "remigrated",
        Other = "other",
    }
);

codes!(
    /// Where a nomination stands.
    Stage {
        Nominated = "nominated",
        Shortlisted = "shortlisted",
        Rejected = "rejected",
        InterviewPlanned = "interview_planned",
        Offered = "offered",
        Hired = "hired",
        OfferDeclined = "offer_declined",
        NoShow = "no_show",
        PlacementEnded = "placement_ended",
    }
);

impl Stage {
    /// Past shortlisting and still in the pipeline (or placed): the stages in which the
    /// employer may learn who the nominee is, if the consent covers it.
    pub fn is_shortlisted(self) -> bool {
        matches!(
            self,
            Self::Shortlisted | Self::InterviewPlanned | Self::Offered | Self::Hired
        )
    }
}

/// A nomination as the aggregate remembers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nomination {
    pub referral_id: Uuid,
    pub beneficiary_key: Uuid,
    pub office_id: Uuid,
    pub nominated_by: Option<Uuid>,
    pub contact_consent: bool,
    pub stage: Stage,
}
