//! The roles a member holds in their organisation.

use serde::{Deserialize, Serialize};

use super::OrganizationKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    SecretariatAdmin,
    SecretariatAuditor,
    NrmSupervisor,
    NrmCaseworker,
    ProviderCoordinator,
    ProviderStaff,
    Employer,
    MrcCounsellor,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Self::SecretariatAdmin,
        Self::SecretariatAuditor,
        Self::NrmSupervisor,
        Self::NrmCaseworker,
        Self::ProviderCoordinator,
        Self::ProviderStaff,
        Self::Employer,
        Self::MrcCounsellor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SecretariatAdmin => "secretariat_admin",
            Self::SecretariatAuditor => "secretariat_auditor",
            Self::NrmSupervisor => "nrm_supervisor",
            Self::NrmCaseworker => "nrm_caseworker",
            Self::ProviderCoordinator => "provider_coordinator",
            Self::ProviderStaff => "provider_staff",
            Self::Employer => "employer",
            Self::MrcCounsellor => "mrc_counsellor",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether a member of an organisation of `kind` may hold this role. A company's staff can
    /// never be made Secretariat administrators, whoever asks.
    pub fn allowed_in(self, kind: OrganizationKind) -> bool {
        use OrganizationKind as K;
        match self {
            Self::SecretariatAdmin | Self::SecretariatAuditor => kind == K::Secretariat,
            Self::NrmSupervisor | Self::NrmCaseworker => kind == K::NrmOffice,
            Self::ProviderCoordinator | Self::ProviderStaff => kind.offers_services(),
            Self::Employer => matches!(kind, K::PrivateCompany | K::Chamber),
            Self::MrcCounsellor => kind == K::Mrc,
        }
    }

    /// Roles that manage their own organisation: its profile, members and services.
    pub fn manages_own_organization(self) -> bool {
        matches!(
            self,
            Self::NrmSupervisor | Self::ProviderCoordinator | Self::Employer
        )
    }
}
