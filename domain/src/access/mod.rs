//! Who may do what. Every command carries its `Actor`; aggregates call their policy
//! ([`authorize`], [`authorize_referral`], ...) before any other rule, and the API asks the
//! same policies before it reads, so the answer is the same whichever interface asked.
//!
//! Every policy starts at the [gate](admit): system tasks, accounts with no role and
//! members of a suspended organisation are decided there, once for every aggregate (and
//! tested there, `gate_tests.rs`). Past it, a policy reads its own table of role ×
//! relation to the record.
//!
//! Adding an aggregate's policy: a folder `access/<aggregate>/` with
//! - `operation.rs`: its commands and the reads the API serves (with an `ALL` list),
//! - `policy.rs`: `authorize_<aggregate>(actor, operation, relation)`, which calls
//!   [`admit`] first and then decides by role and relation, refusing with [`AccessDenied`],
//! - `scope.rs` if the API lists its records: which ones the viewer may see, for the read
//!   model to filter by (see [`referral_scope`]),
//! - `matrix_tests.rs`: every role × every operation × every relation, written out,
//! - `mod.rs` re-exporting the public names, and one `pub use` line here.

mod account;
mod actor;
mod capabilities;
mod denied;
mod gate;
mod opportunity;
mod organization;
mod referral;
mod sign_in;

pub use account::{account_relation, authorize_account, AccountOperation, AccountRelation};
pub use actor::{Actor, OrganizationStanding};
pub use capabilities::Capabilities;
pub use denied::AccessDenied;
pub use gate::{admit, Admitted};
pub use opportunity::{authorize_opportunity, OpportunityOperation, OpportunityRelation};
pub use organization::{authorize, Operation};
pub use referral::{
    action_queue, authorize_referral, authorize_referral_read, referral_board, referral_scope,
    ActionQueue, ReferralOperation, ReferralParties, ReferralRead, ReferralRelation, ReferralScope,
};
pub use sign_in::authorize_sign_in_record;

#[cfg(test)]
mod gate_tests;
#[cfg(test)]
mod test_actors;
