//! GraphQL object types, one idea per file.

mod audit;
mod enums;
mod governorate;
mod organization;
mod viewer;

pub use audit::{AuditEvent, ChainReportGql};
pub use enums::{OrganizationKindGql, OrganizationStatusGql, RoleGql, ServiceCategoryGql};
pub use governorate::{parse_governorates, GovernorateGql};
pub use organization::{
    load_organization, MemberGql, OrganizationNode, ServiceGql, COLUMNS as ORGANIZATION_COLUMNS,
};
pub use viewer::{ApiTokenGql, Viewer};
