//! The directory's mutations: organisations, members and services.

pub mod members;
pub mod organizations;
pub mod services;
