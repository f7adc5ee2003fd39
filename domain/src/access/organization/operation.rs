//! Every operation the organisation policy rules on, commands and reads. Adding a
//! capability means adding its operations here, and the matrix test then asks for a
//! decision for every role.

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
    /// Read the directory: `organizations`, `organization`.
    ViewDirectory,
    /// Read an organisation's members (`Organization.members`).
    ViewMembers,
    /// Read an organisation's record (`Organization.history`).
    ViewOrganizationHistory,
    /// Recompute the event log's hash links (`eventChain`).
    VerifyEventChain,
    /// Read the sign-in throttle's lock-outs (`signInAlerts`).
    ViewSignInAlerts,
    /// Read how far the read models have read the log (`readModels`): whether what the
    /// pages show is up to date.
    ViewReadModels,
}

impl Operation {
    pub const ALL: [Operation; 17] = [
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
        Self::ViewReadModels,
    ];

    /// Operations on one organisation, where being a member of it matters.
    pub fn targets_an_organization(self) -> bool {
        !matches!(
            self,
            Self::RegisterOrganization
                | Self::ViewDirectory
                | Self::VerifyEventChain
                | Self::ViewSignInAlerts
                | Self::ViewReadModels
        )
    }
}
