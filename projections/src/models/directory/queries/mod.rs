//! The statements that read the directory model's tables (`organizations`,
//! `organization_members`): the list of organisations and their members. The API only
//! calls them.

pub mod list;
pub mod members;
