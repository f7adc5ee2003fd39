//! What the viewer may do with an organisation, as the domain's policy decides from their
//! role and membership — so pages offer only the forms the server would accept. Whether
//! the organisation's status allows an action (verifying a verified one) is the page's
//! (and the aggregate's) part.

use async_graphql::Enum;
use domain::access::Operation as Op;

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(name = "OrganizationAction")]
pub enum OrganizationActionGql {
    UpdateProfile,
    Verify,
    Suspend,
    Reinstate,
    AddMember,
    ChangeMemberRole,
    RemoveMember,
    OfferService,
    UpdateService,
    WithdrawService,
    ViewMembers,
    ViewHistory,
}

impl OrganizationActionGql {
    /// The action for an operation on an existing organisation; `None` for those that
    /// are not about one (registering, the directory, the chain check).
    pub fn of(op: Op) -> Option<Self> {
        Some(match op {
            Op::UpdateOrganizationProfile => Self::UpdateProfile,
            Op::VerifyOrganization => Self::Verify,
            Op::SuspendOrganization => Self::Suspend,
            Op::ReinstateOrganization => Self::Reinstate,
            Op::AddMember => Self::AddMember,
            Op::ChangeMemberRole => Self::ChangeMemberRole,
            Op::RemoveMember => Self::RemoveMember,
            Op::OfferService => Self::OfferService,
            Op::UpdateService => Self::UpdateService,
            Op::WithdrawService => Self::WithdrawService,
            Op::ViewMembers => Self::ViewMembers,
            Op::ViewOrganizationHistory => Self::ViewHistory,
            Op::RegisterOrganization
            | Op::ViewDirectory
            | Op::VerifyEventChain
            | Op::ViewSignInAlerts => return None,
        })
    }
}
