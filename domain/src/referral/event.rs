//! What happened to a referral. No personal data in clear: only `Sealed` ciphertext.

use chrono::NaiveDate;
use cqrs_es::DomainEvent;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::facts::{BeneficiaryFacts, Consent, Need, NeedResult, Sealed, Side};
use crate::values::ServiceCategory;

// Events live briefly between decide and append; boxing the large variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReferralEvent {
    Created {
        id: Uuid,
        case_number: String,
        office_id: Uuid,
        created_by: Uuid,
        facts: BeneficiaryFacts,
        needs: Vec<Need>,
        consent: Consent,
        personal: Sealed,
    },
    Opened,
    Claimed {
        provider_id: Uuid,
    },
    Accepted {
        provider_id: Uuid,
    },
    Declined {
        provider_id: Uuid,
        reason: String,
    },
    ServiceStarted,
    ServiceDelivered {
        category: ServiceCategory,
        note: Option<String>,
    },
    Closed {
        results: Vec<NeedResult>,
    },
    Transferred {
        from_provider: Uuid,
        to_provider: Uuid,
        reason: String,
    },
    Withdrawn {
        consent_withdrawn: bool,
        note: Option<String>,
    },
    Reopened,
    FollowUpAdded {
        due_on: NaiveDate,
        note: Option<Sealed>,
    },
    CaseworkerAssigned {
        user_id: Uuid,
        side: Side,
    },
    ConsentUpdated {
        consent: Consent,
    },
    Escalated {
        waited_hours: u32,
    },
    PersonalDataViewed {
        by: Uuid,
        purpose: String,
    },
    BeneficiaryErased,
}

impl DomainEvent for ReferralEvent {
    fn event_type(&self) -> String {
        let name = match self {
            Self::Created { .. } => "ReferralCreated",
            Self::Opened => "ReferralOpened",
            Self::Claimed { .. } => "ReferralClaimed",
            Self::Accepted { .. } => "ReferralAccepted",
            Self::Declined { .. } => "ReferralDeclined",
            Self::ServiceStarted => "ServiceStarted",
            Self::ServiceDelivered { .. } => "ServiceDelivered",
            Self::Closed { .. } => "ReferralClosed",
            Self::Transferred { .. } => "ReferralTransferred",
            Self::Withdrawn { .. } => "ReferralWithdrawn",
            Self::Reopened => "ReferralReopened",
            Self::FollowUpAdded { .. } => "FollowUpAdded",
            Self::CaseworkerAssigned { .. } => "CaseworkerAssigned",
            Self::ConsentUpdated { .. } => "ConsentUpdated",
            Self::Escalated { .. } => "ReferralEscalated",
            Self::PersonalDataViewed { .. } => "PersonalDataViewed",
            Self::BeneficiaryErased => "BeneficiaryErased",
        };
        name.to_string()
    }

    fn event_version(&self) -> String {
        "1".to_string()
    }
}
