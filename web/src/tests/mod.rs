//! Behaviour a user notices, driven through the router with a fake executor that
//! returns canned GraphQL responses and records what it was asked; one folder per
//! area, as the pages.

mod accounts;
mod directory;
mod fake;
mod home;
mod referrals;
mod xlsx;
