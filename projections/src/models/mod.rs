//! The read models, one module each.

mod directory;

pub use directory::Directory;

use crate::Projection;

/// Every read model the projector maintains.
pub fn all() -> Vec<Box<dyn Projection>> {
    vec![Box::new(Directory)]
}

/// Their names, for checkpoints and `sanad rebuild`.
pub fn names() -> Vec<&'static str> {
    all().iter().map(|p| p.name()).collect()
}
