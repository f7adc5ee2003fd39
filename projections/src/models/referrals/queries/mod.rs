//! The statements that read the referrals model's tables (`referrals`, `referral_counts`,
//! `referral_totals`), one file per read: the lists, the provider's board, what waits for
//! an organisation, the services' capacity and the indicators. The API only calls them.

pub mod attention;
pub mod board;
pub mod capacity;
pub mod list;
pub mod statistics;
