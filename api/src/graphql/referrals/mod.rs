//! The referrals' schema: lists, board, statistics, action needed, the referral node,
//! its actions and the board subscription.

pub mod actions;
pub mod enums;
pub mod mutation;
pub mod query;
pub mod subscription;
pub mod timeline;
pub mod types;
