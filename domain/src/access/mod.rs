//! Who may do what. Every command carries its `Actor`; aggregates call [`authorize`]
//! before any other rule, so the answer is the same whichever interface asked.

mod actor;
mod capabilities;
mod operation;
mod policy;
mod referral_policy;

pub use actor::{Actor, OrganizationStanding};
pub use capabilities::Capabilities;
pub use operation::Operation;
pub use policy::{authorize, AccessDenied};
pub use referral_policy::{
    authorize_referral, ReferralOperation, ReferralParties, ReferralRelation,
};

#[cfg(test)]
mod matrix_tests;
#[cfg(test)]
mod referral_matrix_tests;
