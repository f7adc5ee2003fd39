//! The directory's application services: organisations as the read model keeps them and
//! their services, looked up in batches for the schema and the referral rules.

pub mod offered;
pub mod register;
pub mod services;

pub use services::DirectoryServices;
