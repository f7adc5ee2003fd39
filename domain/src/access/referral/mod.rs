//! Who may do what with a referral, and which referrals a viewer's lists hold.

mod operation;
mod policy;
mod relation;
mod scope;
mod side;

pub use operation::{ReferralOperation, ReferralRead};
pub use policy::{authorize_referral, authorize_referral_read};
pub use relation::{ReferralParties, ReferralRelation};
pub use scope::{action_queue, referral_board, referral_scope, ActionQueue, ReferralScope};

#[cfg(test)]
mod matrix_tests;
#[cfg(test)]
mod scope_tests;
