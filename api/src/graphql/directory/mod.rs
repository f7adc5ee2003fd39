//! The directory's schema: organisations, their members and services.

pub mod actions;
pub mod enums;
pub mod governorate;
pub mod mutation;
pub mod query;
pub mod types;
