//! GraphQL mirrors of the referral's enumerations.

use domain::referral::{
    AgeBand, BeneficiaryType, ClosureReason, ConsentGiver, NeedOutcome, Priority, ReferralStatus,
    Sex, Vulnerability,
};

use crate::graphql::common::mirror::mirror;

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
