//! Opportunity: a job, apprenticeship, course, internship or start-up grant posted by a
//! private-sector partner, moderated by the Secretariat or an MRC (or published directly
//! when the partner is trusted), open to nominations from the referrals NRM offices and
//! MRCs hold until its deadline, and filled when every position is hired. Nominees are
//! seen through an anonymised profile; who they are stays with the referral.

mod aggregate;
mod command;
mod error;
mod event;
mod nomination;
mod posting;

pub use aggregate::{Opportunity, OpportunityStatus, MAX_REASONS_CHARS};
pub use command::OpportunityCommand;
pub use error::OpportunityError;
pub use event::OpportunityEvent;
pub use nomination::{
    AnonymisedProfile, Nomination, Placement, PlacementEndReason, ReferralFacts, RejectionReason,
    Stage, MAX_MOTIVATION_CHARS,
};
pub use posting::{
    Details, MaterialChange, Posting, Requirements, MAX_DESCRIPTION_CHARS, MAX_LANGUAGES,
    MAX_MINIMUM_AGE, MAX_TITLE_CHARS, MIN_WORKING_AGE,
};

/// The aggregate type under which opportunity events are stored.
pub const AGGREGATE_TYPE: &str = "Opportunity";

#[cfg(test)]
mod tests;
