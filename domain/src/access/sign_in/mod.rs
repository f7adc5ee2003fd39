//! Who may write to the sign-in guard's record.

mod policy;

pub use policy::authorize_sign_in_record;

#[cfg(test)]
mod matrix_tests;
