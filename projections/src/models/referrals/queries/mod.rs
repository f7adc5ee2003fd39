//! The statements that read the referrals model's tables (`referrals`, `referral_counts`,
//! `referral_totals`), one file per read: the lists, the provider's board, what waits for
//! an organisation, the services' capacity, the indicators and the referrals overdue for
//! escalation. The API only calls them.

pub mod attention;
pub mod board;
pub mod capacity;
pub mod list;
pub mod overdue;
pub mod statistics;
