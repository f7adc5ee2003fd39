//! The anonymised facts of a referral, its needs, consent and outcomes.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::values::{Governorate, ServiceCategory};

macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($v:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),* }
            }
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s)
            }
        }
    };
}

codes!(BeneficiaryType {
    ReturneeFromAbroad = "returnee_from_abroad",
    Idp = "idp",
    ReturningIdp = "returning_idp",
    PotentialMigrant = "potential_migrant",
});
codes!(Sex { Female = "female", Male = "male" });
codes!(AgeBand {
    Under18 = "under_18",
    From18To24 = "from_18_to_24",
    From25To34 = "from_25_to_34",
    From35To49 = "from_35_to_49",
    From50To64 = "from_50_to_64",
    Over64 = "over_64",
});
codes!(Vulnerability {
    FemaleHeadedHousehold = "female_headed_household",
    Disability = "disability",
    UnaccompaniedChild = "unaccompanied_child",
    SurvivorOfTrafficking = "survivor_of_trafficking",
    ChronicIllness = "chronic_illness",
    Elderly = "elderly",
});
codes!(Priority { High = "high", Medium = "medium", Low = "low" });
codes!(NeedOutcome {
    Resolved = "resolved",
    PartlyResolved = "partly_resolved",
    NotResolved = "not_resolved",
    LostContact = "lost_contact",
    Withdrawn = "withdrawn",
});
codes!(
    /// Why a need was not (fully) met: Primero's coded reasons.
    ClosureReason {
        ClientRefused = "client_refused",
        NoCapacity = "no_capacity",
        UnableToContactPerson = "unable_to_contact_person",
        UnableToContactOrganization = "unable_to_contact_organization",
        NoLongerNeeded = "no_longer_needed",
        Other = "other",
    }
);
codes!(ConsentGiver { Person = "person", Guardian = "guardian" });
codes!(
    /// The two sides of a referral: the referring NRM office and the serving provider.
    Side { Nrm = "nrm", Provider = "provider" }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeneficiaryFacts {
    pub beneficiary_type: BeneficiaryType,
    /// ISO 3166-1 alpha-2 code of the country returned from, for returnees from abroad.
    pub return_country: Option<String>,
    pub governorate: Governorate,
    pub district: Option<String>,
    pub sex: Sex,
    pub age_band: AgeBand,
    pub household_size: u16,
    pub vulnerabilities: BTreeSet<Vulnerability>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub category: ServiceCategory,
    pub priority: Priority,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub given_by: ConsentGiver,
    pub given_on: NaiveDate,
    /// The person agrees that providers see their case and personal data.
    pub share_with_providers: bool,
    /// The person agrees to be contacted by the provider.
    pub may_contact: bool,
    pub expires_on: Option<NaiveDate>,
}

impl Consent {
    pub fn allows_sharing_on(&self, day: NaiveDate) -> bool {
        self.share_with_providers && self.expires_on.is_none_or(|e| day <= e)
    }
}

/// Personal data sealed by the api with the person's own key: only ciphertext is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub nonce: String,
    pub ciphertext: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedResult {
    pub category: ServiceCategory,
    pub outcome: NeedOutcome,
    pub reason: Option<ClosureReason>,
    pub note: Option<String>,
}
