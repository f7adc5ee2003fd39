//! The actor's relation to an opportunity, and to the nomination the operation is about.
//! Computed by the aggregate from its own state and the facts the command brings (which
//! office holds the referral, whether the consent covers contact), or by a read model.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OpportunityRelation {
    /// The opportunity belongs to the actor's organisation (for `Draft`: the organisation it
    /// is drafted for is the actor's).
    pub own: bool,
    /// The actor's organisation holds the referral the nomination is made from.
    pub nominating_office: bool,
    /// The nominee is shortlisted (and still in the pipeline) and their consent covers
    /// contact details: only then may the employer read name and phone.
    pub contact_disclosed: bool,
}
