//! GraphQL mirrors of the domain's enumerations.

use domain::organization::OrganizationStatus;
use domain::values::{OrganizationKind, Role, ServiceCategory};

macro_rules! mirror {
    ($gql:ident, $name:literal, $dom:ident, [$($v:ident),* $(,)?]) => {
        #[derive(async_graphql::Enum, Copy, Clone, Eq, PartialEq, Debug)]
        #[graphql(name = $name)]
        pub enum $gql { $($v),* }

        impl From<$gql> for $dom {
            fn from(v: $gql) -> Self {
                match v { $($gql::$v => $dom::$v),* }
            }
        }

        impl From<$dom> for $gql {
            fn from(v: $dom) -> Self {
                match v { $($dom::$v => $gql::$v),* }
            }
        }
    };
}

mirror!(
    OrganizationKindGql,
    "OrganizationKind",
    OrganizationKind,
    [
        Secretariat,
        Ministry,
        NrmOffice,
        Ngo,
        InternationalOrganization,
        PrivateCompany,
        Chamber,
        Mrc,
    ]
);
mirror!(
    OrganizationStatusGql,
    "OrganizationStatus",
    OrganizationStatus,
    [Pending, Verified, Suspended]
);
mirror!(
    RoleGql,
    "Role",
    Role,
    [
        SecretariatAdmin,
        SecretariatAuditor,
        NrmSupervisor,
        NrmCaseworker,
        ProviderCoordinator,
        ProviderStaff,
        Employer,
        MrcCounsellor,
    ]
);
mirror!(
    ServiceCategoryGql,
    "ServiceCategory",
    ServiceCategory,
    [
        Livelihoods,
        VocationalTraining,
        Housing,
        HlpDispute,
        Medical,
        Psychosocial,
        Legal,
        CivilDocumentation,
    ]
);
