//! Who may act on an account: the holder on their own credentials, sessions and tokens; a
//! manager on a colleague's password; the Secretariat's administrator on anyone's.

mod operation;
mod policy;

pub use operation::{AccountOperation, AccountRelation};
pub use policy::{account_relation, authorize_account};

#[cfg(test)]
mod matrix_tests;
