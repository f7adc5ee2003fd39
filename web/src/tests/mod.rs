//! Behaviour a user notices, driven through the router with a fake executor that
//! returns canned GraphQL responses and records what it was asked.

mod board;
mod csrf;
mod directory;
mod fake;
mod home;
mod locale;
mod login;
mod nav;
mod organization;
mod organization_edit;
mod referral;
mod referral_new;
mod referrals;
mod statistics;
mod xlsx;
