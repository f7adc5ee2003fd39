//! One module per page (or per group of forms posting to one page).

pub mod board;
pub mod home;
pub mod login;
pub mod logout;
pub mod organization;
pub mod organization_actions;
pub mod organization_edit;
pub mod organization_members;
pub mod organization_services;
pub mod organizations;
pub mod referral;
pub mod referral_actions;
pub mod referral_new;
pub mod referrals;
pub mod statistics;
