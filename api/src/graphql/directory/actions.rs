//! What the viewer may do with an organisation, as the domain's policy decides from their
//! role and membership — so pages offer only the forms the server would accept. Whether
//! the organisation's status allows an action (verifying a verified one) is the page's
//! (and the aggregate's) part.

use domain::access::Operation;

use crate::graphql::common::mirror::part_mirror;

part_mirror!(
    OrganizationActionGql,
    "OrganizationAction",
    Operation,
    [
        UpdateProfile = UpdateOrganizationProfile,
        Verify = VerifyOrganization,
        Suspend = SuspendOrganization,
        Reinstate = ReinstateOrganization,
        AddMember,
        ChangeMemberRole,
        RemoveMember,
        OfferService,
        UpdateService,
        WithdrawService,
        ViewMembers,
        ViewHistory = ViewOrganizationHistory,
    ],
    // Not about one organisation: registering, the directory, the chain check, the
    // platform's own state.
    left_out: [
        RegisterOrganization,
        ViewDirectory,
        VerifyEventChain,
        ViewSignInAlerts,
        ViewReadModels,
    ]
);
