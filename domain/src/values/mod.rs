//! Value types of the field: governorates, kinds of organisation, roles, service categories,
//! and what an opportunity is made of (kind, sector, pay, positions, skills, languages).

mod bounded_text;
pub(crate) mod codes;
mod contract_type;
mod education_level;
mod governorate;
mod isic_section;
mod language;
mod name;
mod opportunity_kind;
mod organization_kind;
mod pay;
mod positions;
mod role;
mod service_category;
mod skills;

pub use bounded_text::{BoundedText, TextError};
pub use contract_type::ContractType;
pub use education_level::EducationLevel;
pub use governorate::{Governorate, Region};
pub use isic_section::IsicSection;
pub use language::{BadLanguageCode, LanguageCode};
pub use name::{Name, NameError, MAX_NAME_CHARS};
pub use opportunity_kind::OpportunityKind;
pub use organization_kind::OrganizationKind;
pub use pay::{Iqd, Pay, PayError, MAX_IQD};
pub use positions::{Positions, PositionsOutOfRange, MAX_POSITIONS};
pub use role::Role;
pub use service_category::ServiceCategory;
pub use skills::{Skills, SkillsError, MAX_SKILLS, MAX_SKILL_CHARS};
