//! The kinds of organisation that take part in Sanad.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    /// The General Secretariat of the Council of Ministers.
    Secretariat,
    /// A ministry or one of its directorates.
    Ministry,
    /// A branch office of the Ministry of Migration and Displaced running the NRM.
    NrmOffice,
    Ngo,
    InternationalOrganization,
    PrivateCompany,
    /// A chamber of commerce or a business association.
    Chamber,
    /// A Labour and Migration Resource Centre.
    Mrc,
}

impl OrganizationKind {
    pub const ALL: [OrganizationKind; 8] = [
        Self::Secretariat,
        Self::Ministry,
        Self::NrmOffice,
        Self::Ngo,
        Self::InternationalOrganization,
        Self::PrivateCompany,
        Self::Chamber,
        Self::Mrc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Secretariat => "secretariat",
            Self::Ministry => "ministry",
            Self::NrmOffice => "nrm_office",
            Self::Ngo => "ngo",
            Self::InternationalOrganization => "international_organization",
            Self::PrivateCompany => "private_company",
            Self::Chamber => "chamber",
            Self::Mrc => "mrc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Kinds that deliver services to referred people and so appear in the service directory.
    pub fn offers_services(self) -> bool {
        matches!(
            self,
            Self::Ministry | Self::Ngo | Self::InternationalOrganization | Self::Mrc
        )
    }
}
