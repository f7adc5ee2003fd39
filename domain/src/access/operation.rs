//! Every operation the access policy rules on. Adding a capability means adding its
//! operations here, and the matrix test then asks for a decision for every role.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    RegisterOrganization,
    UpdateOrganizationProfile,
    VerifyOrganization,
    SuspendOrganization,
    ReinstateOrganization,
    AddMember,
    ChangeMemberRole,
    RemoveMember,
    OfferService,
    UpdateService,
    WithdrawService,
    ViewDirectory,
    ViewMembers,
    ViewOrganizationHistory,
    VerifyEventChain,
    /// Read the sign-in throttle's lock-outs (`signInAlerts`).
    ViewSignInAlerts,
}

impl Operation {
    pub const ALL: [Operation; 16] = [
        Self::RegisterOrganization,
        Self::UpdateOrganizationProfile,
        Self::VerifyOrganization,
        Self::SuspendOrganization,
        Self::ReinstateOrganization,
        Self::AddMember,
        Self::ChangeMemberRole,
        Self::RemoveMember,
        Self::OfferService,
        Self::UpdateService,
        Self::WithdrawService,
        Self::ViewDirectory,
        Self::ViewMembers,
        Self::ViewOrganizationHistory,
        Self::VerifyEventChain,
        Self::ViewSignInAlerts,
    ];

    /// Operations on one organisation, where being a member of it matters.
    pub fn targets_an_organization(self) -> bool {
        !matches!(
            self,
            Self::RegisterOrganization
                | Self::ViewDirectory
                | Self::VerifyEventChain
                | Self::ViewSignInAlerts
        )
    }
}
