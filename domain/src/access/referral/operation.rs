//! Everything the referral policy rules on: the commands (and the case itself, `View`,
//! which the commands' answers show), and the reads the API serves about many referrals
//! or about one referral's surroundings.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReferralOperation {
    Create,
    Open,
    /// The anonymised case and its timeline.
    View,
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
    Escalate,
}

impl ReferralOperation {
    pub const ALL: [ReferralOperation; 19] = [
        Self::Create,
        Self::Open,
        Self::View,
        Self::Claim,
        Self::Accept,
        Self::Decline,
        Self::StartService,
        Self::RecordDelivery,
        Self::Close,
        Self::Transfer,
        Self::Withdraw,
        Self::Reopen,
        Self::AddFollowUp,
        Self::AssignNrmCaseworker,
        Self::AssignProviderStaff,
        Self::UpdateConsent,
        Self::ViewPersonalData,
        Self::Erase,
        Self::Escalate,
    ];
}

/// The reads about referrals other than one case itself (`ReferralOperation::View`).
/// Which referrals a list or a queue holds is the scope's answer
/// ([`referral_scope`](super::referral_scope), [`referral_board`](super::referral_board),
/// [`action_queue`](super::action_queue)); these say whether the viewer may ask at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReferralRead {
    /// `referrals`: the lists each side works from.
    List,
    /// `referralBoard` (query and subscription), and an open referral seen on it.
    ViewBoard,
    /// `referralStatistics`: anonymised counts.
    ViewStatistics,
    /// `actionNeeded`: what waits for the viewer's organisation (nothing, for some roles).
    ViewActionNeeded,
    /// `Referral.timeline`: the case's events (the same people as the case itself).
    ViewTimeline,
    /// `Referral.noProviderAvailable`: for the referring office and the Secretariat.
    ViewAvailability,
    /// `myCapacity`: the viewer's organisation's services and this month's use of them.
    ViewCapacity,
    /// The text of the notes written on the case (a delivery's, a closure's, a
    /// withdrawal's): for the parties to the case, not for every reader of it.
    ViewNotes,
}

impl ReferralRead {
    pub const ALL: [ReferralRead; 8] = [
        Self::List,
        Self::ViewBoard,
        Self::ViewStatistics,
        Self::ViewActionNeeded,
        Self::ViewTimeline,
        Self::ViewAvailability,
        Self::ViewCapacity,
        Self::ViewNotes,
    ];

    /// The name a refusal gives it.
    pub fn name(self) -> &'static str {
        match self {
            Self::List => "ListReferrals",
            Self::ViewBoard => "ViewReferralBoard",
            Self::ViewStatistics => "ViewReferralStatistics",
            Self::ViewActionNeeded => "ViewActionNeeded",
            Self::ViewTimeline => "ViewReferralTimeline",
            Self::ViewAvailability => "ViewReferralAvailability",
            Self::ViewCapacity => "ViewCapacity",
            Self::ViewNotes => "ViewReferralNotes",
        }
    }
}
