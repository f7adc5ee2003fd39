//! Everything the opportunity policy rules on: the aggregate's commands and the reads the
//! API will serve about opportunities and their nominations.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpportunityOperation {
    Draft,
    Edit,
    Submit,
    /// Moderation: publish a submitted opportunity.
    Publish,
    /// Moderation: send it back to the employer with reasons.
    Return,
    ExtendDeadline,
    Close,
    Withdraw,
    /// Only the scheduler, at the deadline.
    Expire,
    Nominate,
    Shortlist,
    Reject,
    PlanInterview,
    Offer,
    Hire,
    /// The nominee turned the offer down (told by their case worker).
    DeclineOffer,
    RecordNoShow,
    EndPlacement,
    /// The nominee withdrew their consent to be put forward: the nomination goes.
    WithdrawConsent,
    /// The board of published opportunities.
    ViewBoard,
    /// An organisation's opportunities with their pipelines.
    ViewPipeline,
    /// A nomination's anonymised profile.
    ViewProfile,
    /// A nominee's name and phone: recorded as an event each time.
    ViewContact,
}

impl OpportunityOperation {
    pub const ALL: [OpportunityOperation; 23] = [
        Self::Draft,
        Self::Edit,
        Self::Submit,
        Self::Publish,
        Self::Return,
        Self::ExtendDeadline,
        Self::Close,
        Self::Withdraw,
        Self::Expire,
        Self::Nominate,
        Self::Shortlist,
        Self::Reject,
        Self::PlanInterview,
        Self::Offer,
        Self::Hire,
        Self::DeclineOffer,
        Self::RecordNoShow,
        Self::EndPlacement,
        Self::WithdrawConsent,
        Self::ViewBoard,
        Self::ViewPipeline,
        Self::ViewProfile,
        Self::ViewContact,
    ];

    /// The name a refusal gives it.
    pub fn name(self) -> String {
        format!("{self:?}Opportunity")
    }
}
