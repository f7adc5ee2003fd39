//! Organization: registered and vetted by the Secretariat; its members and their roles;
//! the services it offers (category × governorates × monthly capacity), which make up the
//! service directory that routes referrals.

mod aggregate;
mod command;
mod error;
mod event;

pub use aggregate::{Member, Organization, OrganizationStatus, ServiceOffer};
pub use command::{OrganizationCommand, OrganizationProfile, ServiceTerms};
pub use error::OrganizationError;
pub use event::OrganizationEvent;

/// The aggregate type under which organisation events are stored.
pub const AGGREGATE_TYPE: &str = "Organization";

/// The most a provider may declare it can serve in one month, per service.
pub const MAX_MONTHLY_CAPACITY: u32 = 100_000;
/// A suspension must say why, so the organisation and the auditors can read it.
pub const MAX_REASON_CHARS: usize = 2_000;

#[cfg(test)]
mod tests;
