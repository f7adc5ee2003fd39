//! GraphQL mirrors of the directory's enumerations.

use domain::organization::OrganizationStatus;
use domain::values::{OrganizationKind, Role, ServiceCategory};

use crate::graphql::common::mirror::mirror;

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
