//! What may be asked of a referral. Facts that live outside the record (which services a
//! provider offers where) arrive in the command, looked up by the api from the directory.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use uuid::Uuid;

use super::facts::{BeneficiaryFacts, Consent, Need, NeedResult, Sealed, Side};
use crate::access::Actor;
use crate::values::ServiceCategory;

/// A provider as the directory shows it: what it offers in the referral's governorate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderOffer {
    pub org_id: Uuid,
    pub verified: bool,
    /// Categories the provider offers in the referral's governorate.
    pub categories_here: BTreeSet<ServiceCategory>,
    /// Those of `categories_here` whose monthly capacity is used up: a claim that would
    /// only use full services is refused.
    pub full_here: BTreeSet<ServiceCategory>,
}

#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ReferralCommand {
    Create {
        actor: Actor,
        id: Uuid,
        case_number: String,
        facts: BeneficiaryFacts,
        needs: Vec<Need>,
        consent: Consent,
        personal: Sealed,
        /// Open to providers at once, rather than keep a draft.
        open: bool,
    },
    Open {
        actor: Actor,
    },
    Claim {
        actor: Actor,
        provider: ProviderOffer,
    },
    Accept {
        actor: Actor,
    },
    Decline {
        actor: Actor,
        reason: String,
    },
    StartService {
        actor: Actor,
    },
    RecordDelivery {
        actor: Actor,
        category: ServiceCategory,
        note: Option<String>,
    },
    Close {
        actor: Actor,
        results: Vec<NeedResult>,
    },
    Transfer {
        actor: Actor,
        to: ProviderOffer,
        reason: String,
    },
    Withdraw {
        actor: Actor,
        consent_withdrawn: bool,
        note: Option<String>,
    },
    Reopen {
        actor: Actor,
    },
    AddFollowUp {
        actor: Actor,
        due_on: NaiveDate,
        note: Option<Sealed>,
    },
    AssignCaseworker {
        actor: Actor,
        user_id: Uuid,
        /// The organisation the person belongs to, from the directory.
        member_of: Uuid,
        side: Side,
    },
    UpdateConsent {
        actor: Actor,
        consent: Consent,
    },
    Escalate {
        actor: Actor,
        waited_hours: u32,
    },
    ViewPersonalData {
        actor: Actor,
        purpose: String,
        today: NaiveDate,
    },
    Erase {
        actor: Actor,
    },
}

impl ReferralCommand {
    pub fn actor(&self) -> &Actor {
        use ReferralCommand as C;
        match self {
            C::Create { actor, .. }
            | C::Open { actor }
            | C::Claim { actor, .. }
            | C::Accept { actor }
            | C::Decline { actor, .. }
            | C::StartService { actor }
            | C::RecordDelivery { actor, .. }
            | C::Close { actor, .. }
            | C::Transfer { actor, .. }
            | C::Withdraw { actor, .. }
            | C::Reopen { actor }
            | C::AddFollowUp { actor, .. }
            | C::AssignCaseworker { actor, .. }
            | C::UpdateConsent { actor, .. }
            | C::Escalate { actor, .. }
            | C::ViewPersonalData { actor, .. }
            | C::Erase { actor } => actor,
        }
    }
}

impl crate::Command for ReferralCommand {
    fn creates(&self) -> bool {
        matches!(self, Self::Create { .. })
    }
}
