//! The referrals' schema: lists, board, statistics, action needed, the referral node,
//! its actions and the board subscription.

pub mod actions;
pub mod board;
pub mod enums;
pub mod list;
pub mod mutation;
pub mod query;
pub mod subscription;
pub mod types;
