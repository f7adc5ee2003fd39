//! What referral commands need from outside the aggregate: case numbers, the directory's
//! view of a provider, and the scheduler that escalates unclaimed referrals.

pub mod capacity;
pub mod case_number;
pub mod create;
pub mod offer_cache;
pub mod personal_data;
pub mod provider;
pub mod services;
pub mod sla;
pub mod take;
