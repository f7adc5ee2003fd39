//! The statements that read the directory model's tables (`organizations`,
//! `organization_members`): the list of organisations and their members. The API only
//! calls them.

pub mod list;
pub mod members;

/// The columns an organisation record (the API's `OrganizationRecord`) reads.
pub const ORGANIZATION_COLUMNS: &str =
    "id, kind, name_ar, name_en, governorates, status, suspended_reason, registered_at, verified_at, updated_at, version";
