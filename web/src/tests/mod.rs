//! Behaviour a user notices, driven through the router with a fake executor that
//! returns canned GraphQL responses and records what it was asked.

mod csrf;
mod directory;
mod fake;
mod home;
mod locale;
mod login;
mod organization;
