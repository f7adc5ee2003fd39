//! GraphQL object types, one idea per file.

mod audit;
pub mod by_id;
mod enums;
mod governorate;
mod organization;
mod organization_action;
mod referral;
mod referral_action;
mod viewer;

pub use audit::{
    audit_page, sign_in_alerts, AuditEvent, AuditPage, ChainReportGql, SignInAlert, SignInAlertPage,
};
pub use enums::*;
pub use governorate::{parse_governorates, GovernorateGql};
pub use organization::{
    load_organization, MemberGql, OrganizationNode, ServiceGql, ServicesLookup,
    COLUMNS as ORGANIZATION_COLUMNS,
};
pub use organization_action::OrganizationActionGql;
pub use referral::{load_referral, ConsentGql, NeedGql, ReferralNode, REFERRAL_COLUMNS};
pub use referral_action::ReferralActionGql;
pub use viewer::{ApiTokenGql, Viewer};
