//! What referral commands need from outside the aggregate: case numbers, the directory's
//! view of a provider, the scheduler that escalates unclaimed referrals, and what each
//! step of a referral's history records.

pub mod capacity;
pub mod case_number;
pub mod create;
pub mod offer_cache;
pub mod personal_data;
pub mod provider;
pub mod services;
pub mod sla;
pub mod take;
pub mod timeline;
