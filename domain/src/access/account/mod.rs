//! Who may act on other people's accounts: credentials are no aggregate (they never enter
//! the log), but who may touch them is decided here all the same.

mod policy;

pub use policy::{authorize_account, AccountOperation};

#[cfg(test)]
mod matrix_tests;
