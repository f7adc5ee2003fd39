//! What the viewer may do with a referral, as the domain's policy decides from their role
//! and their relation to it — so pages offer only the actions the server would accept.
//! Whether the referral's status allows an action is the page's (and the aggregate's) part.

use domain::access::ReferralOperation;

use crate::graphql::common::mirror::part_mirror;

part_mirror!(
    ReferralActionGql,
    "ReferralAction",
    ReferralOperation,
    [
        Open,
        Claim,
        Accept,
        Decline,
        StartService,
        RecordDelivery,
        Close,
        Transfer,
        Withdraw,
        Reopen,
        AddFollowUp,
        AssignNrmCaseworker,
        AssignProviderStaff,
        UpdateConsent,
        ViewPersonalData,
        Erase,
    ],
    // Not a viewer's action on an existing referral: creating, viewing, the scheduler's
    // escalation.
    left_out: [Create, View, Escalate]
);
