//! The read models, one module each.

pub mod directory;
pub mod referrals;

pub use directory::Directory;
pub use referrals::{CommittedReferrals, NeedRow, ReferralRow, Referrals, REFERRAL_COLUMNS};

use crate::Projection;

/// Every read model the projector maintains.
pub fn all() -> Vec<Box<dyn Projection>> {
    with_referrals(Referrals::default())
}

/// Every read model, with a referrals model made beforehand (to keep its
/// [`Referrals::committed`] rows).
pub fn with_referrals(referrals: Referrals) -> Vec<Box<dyn Projection>> {
    vec![Box::new(Directory::default()), Box::new(referrals)]
}

/// Their names, for checkpoints and `sanad rebuild`.
pub fn names() -> Vec<&'static str> {
    all().iter().map(|p| p.name()).collect()
}
