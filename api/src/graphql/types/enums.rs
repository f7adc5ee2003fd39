//! GraphQL mirrors of the domain's enumerations.

use domain::organization::OrganizationStatus;
use domain::referral::{
    AgeBand, BeneficiaryType, ClosureReason, ConsentGiver, NeedOutcome, Priority, ReferralStatus,
    Sex, Vulnerability,
};
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

mirror!(
    BeneficiaryTypeGql,
    "BeneficiaryType",
    BeneficiaryType,
    [ReturneeFromAbroad, Idp, ReturningIdp, PotentialMigrant]
);
mirror!(SexGql, "Sex", Sex, [Female, Male]);
mirror!(
    AgeBandGql,
    "AgeBand",
    AgeBand,
    [Under18, From18To24, From25To34, From35To49, From50To64, Over64]
);
mirror!(
    VulnerabilityGql,
    "Vulnerability",
    Vulnerability,
    [
        FemaleHeadedHousehold,
        Disability,
        UnaccompaniedChild,
        SurvivorOfTrafficking,
        ChronicIllness,
        Elderly,
    ]
);
mirror!(PriorityGql, "Priority", Priority, [High, Medium, Low]);
mirror!(
    NeedOutcomeGql,
    "NeedOutcome",
    NeedOutcome,
    [
        Resolved,
        PartlyResolved,
        NotResolved,
        LostContact,
        Withdrawn
    ]
);
mirror!(
    ClosureReasonGql,
    "ClosureReason",
    ClosureReason,
    [
        ClientRefused,
        NoCapacity,
        UnableToContactPerson,
        UnableToContactOrganization,
        NoLongerNeeded,
        Other,
    ]
);
mirror!(
    ConsentGiverGql,
    "ConsentGiver",
    ConsentGiver,
    [Person, Guardian]
);
mirror!(
    ReferralStatusGql,
    "ReferralStatus",
    ReferralStatus,
    [Draft, Open, Claimed, Accepted, InService, Closed, Withdrawn]
);
