//! Referral: an NRM case. Created by an NRM case worker with the person's consent, open to
//! verified providers whose services match, claimed by exactly one, accepted or declined,
//! served need by need, and closed with an outcome per need. Personal data travels only
//! sealed (encrypted by the api before it reaches a command).

mod aggregate;
mod command;
mod error;
mod event;
mod facts;

pub use aggregate::{Referral, ReferralStatus};
pub use command::{ProviderOffer, ReferralCommand};
pub use error::ReferralError;
pub use event::ReferralEvent;
pub use facts::{
    AgeBand, BeneficiaryFacts, BeneficiaryType, ClosureReason, Consent, ConsentGiver, Need,
    NeedOutcome, NeedResult, Priority, Sealed, Sex, Side, Vulnerability,
};

/// The aggregate type under which referral events are stored.
pub const AGGREGATE_TYPE: &str = "Referral";
pub const MAX_HOUSEHOLD: u16 = 60;
pub const MAX_NOTE_CHARS: usize = 2_000;

#[cfg(test)]
mod tests;
