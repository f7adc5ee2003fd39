//! The read models, one module each.

mod directory;
mod referrals;

pub use directory::Directory;
pub use referrals::Referrals;

use crate::Projection;

/// Every read model the projector maintains.
pub fn all() -> Vec<Box<dyn Projection>> {
    vec![Box::new(Directory), Box::new(Referrals::default())]
}

/// Their names, for checkpoints and `sanad rebuild`.
pub fn names() -> Vec<&'static str> {
    all().iter().map(|p| p.name()).collect()
}
