//! Referrals: the list, the board, the new-referral form, one referral and its
//! commands, the statistics.

mod board;
mod list;
mod new;
mod show;
mod statistics;
