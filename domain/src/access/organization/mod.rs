//! Who may do what with an organisation (and the platform-wide reads the Secretariat
//! holds: the event chain, the sign-in alerts).

mod operation;
mod policy;

pub use operation::Operation;
pub use policy::authorize;

#[cfg(test)]
mod matrix_tests;
