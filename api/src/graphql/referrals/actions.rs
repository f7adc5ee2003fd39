//! What the viewer may do with a referral, as the domain's policy decides from their role
//! and their relation to it — so pages offer only the actions the server would accept.
//! Whether the referral's status allows an action is the page's (and the aggregate's) part.

use async_graphql::Enum;
use domain::access::ReferralOperation as Op;

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(name = "ReferralAction")]
pub enum ReferralActionGql {
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
}

impl ReferralActionGql {
    /// The action for an operation on an existing referral; `None` for those that are not
    /// a viewer's action on it (creating, viewing, the scheduler's escalation).
    pub fn of(op: Op) -> Option<Self> {
        Some(match op {
            Op::Open => Self::Open,
            Op::Claim => Self::Claim,
            Op::Accept => Self::Accept,
            Op::Decline => Self::Decline,
            Op::StartService => Self::StartService,
            Op::RecordDelivery => Self::RecordDelivery,
            Op::Close => Self::Close,
            Op::Transfer => Self::Transfer,
            Op::Withdraw => Self::Withdraw,
            Op::Reopen => Self::Reopen,
            Op::AddFollowUp => Self::AddFollowUp,
            Op::AssignNrmCaseworker => Self::AssignNrmCaseworker,
            Op::AssignProviderStaff => Self::AssignProviderStaff,
            Op::UpdateConsent => Self::UpdateConsent,
            Op::ViewPersonalData => Self::ViewPersonalData,
            Op::Erase => Self::Erase,
            Op::Create | Op::View | Op::Escalate => return None,
        })
    }
}
