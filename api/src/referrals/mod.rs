//! What referral commands need from outside the aggregate: case numbers, the directory's
//! view of a provider, and the scheduler that escalates unclaimed referrals.

pub mod attention;
pub mod board;
pub mod capacity;
pub mod capacity_use;
pub mod case_number;
pub mod create;
pub mod list;
pub mod offer_cache;
pub mod personal_data;
pub mod provider;
pub mod services;
pub mod sla;
pub mod statistics;
pub mod take;
