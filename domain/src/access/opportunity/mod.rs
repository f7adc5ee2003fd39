//! Who may do what with an opportunity: employers on their own organisation's postings,
//! case workers and MRC counsellors on the nominations they make from referrals they hold,
//! the Secretariat and MRCs as moderators.

mod operation;
mod policy;
mod relation;

pub use operation::OpportunityOperation;
pub use policy::authorize_opportunity;
pub use relation::OpportunityRelation;

#[cfg(test)]
mod matrix_tests;
