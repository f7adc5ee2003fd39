//! An organisation as the directory read model keeps it (the read model owns the record
//! and its columns; kept at this path for the API's readers).

pub use projections::models::directory::{OrganizationRecord, ORGANIZATION_COLUMNS as COLUMNS};
