//! Value types of the field: governorates, kinds of organisation, roles, service categories.

mod governorate;
mod name;
mod organization_kind;
mod role;
mod service_category;

pub use governorate::{Governorate, Region};
pub use name::{Name, NameError, MAX_NAME_CHARS};
pub use organization_kind::OrganizationKind;
pub use role::Role;
pub use service_category::ServiceCategory;
