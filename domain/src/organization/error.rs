//! Why an organisation command was refused.

use crate::access::AccessDenied;
use crate::error::{DomainError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrganizationError {
    #[error("{0}")]
    Forbidden(AccessDenied),
    #[error("no such organisation")]
    NotFound,
    #[error("this organisation is already registered")]
    AlreadyRegistered,
    #[error("an organisation must serve at least one governorate")]
    NoGovernorates,
    #[error("a service must be offered in at least one governorate")]
    ServiceWithoutGovernorates,
    #[error("monthly capacity must be between 1 and {max}")]
    CapacityOutOfRange { max: u32 },
    #[error("a suspension needs a reason of 1 to {max} characters")]
    ReasonRequired { max: usize },
    #[error("the role {role} cannot be held in an organisation of kind {kind}")]
    RoleNotAllowed {
        role: &'static str,
        kind: &'static str,
    },
    #[error("organisations of kind {kind} do not offer services")]
    OffersNoServices { kind: &'static str },
    #[error("the organisation is already verified")]
    AlreadyVerified,
    #[error("the organisation is already suspended")]
    AlreadySuspended,
    #[error("the organisation is not suspended")]
    NotSuspended,
    #[error("a suspended organisation must be reinstated first")]
    IsSuspended,
    #[error("this person is already a member")]
    AlreadyMember,
    #[error("this person is not a member of the organisation")]
    NotAMember,
    #[error("the organisation would be left without anyone to manage it")]
    LastManager,
    #[error("the Secretariat operates the platform and cannot be suspended")]
    OperatorCannotBeSuspended,
    #[error("the Secretariat would be left without an administrator")]
    LastAdministrator,
    #[error("this service is already offered; update it instead")]
    ServiceAlreadyOffered,
    #[error("this service is not offered")]
    ServiceNotOffered,
}

impl DomainError for OrganizationError {
    fn code(&self) -> ErrorCode {
        use OrganizationError as E;
        match self {
            E::Forbidden(_) => ErrorCode::Forbidden,
            E::NotFound | E::NotAMember | E::ServiceNotOffered => ErrorCode::NotFound,
            E::NoGovernorates
            | E::ServiceWithoutGovernorates
            | E::CapacityOutOfRange { .. }
            | E::ReasonRequired { .. }
            | E::RoleNotAllowed { .. }
            | E::OffersNoServices { .. } => ErrorCode::Validation,
            E::AlreadyRegistered
            | E::AlreadyVerified
            | E::AlreadySuspended
            | E::NotSuspended
            | E::IsSuspended
            | E::AlreadyMember
            | E::LastManager
            | E::OperatorCannotBeSuspended
            | E::LastAdministrator
            | E::ServiceAlreadyOffered => ErrorCode::Conflict,
        }
    }

    fn key(&self) -> &'static str {
        use OrganizationError as E;
        match self {
            E::Forbidden(_) => "forbidden",
            E::NotFound => "organization.not_found",
            E::AlreadyRegistered => "organization.already_registered",
            E::NoGovernorates => "organization.no_governorates",
            E::ServiceWithoutGovernorates => "organization.service_without_governorates",
            E::CapacityOutOfRange { .. } => "organization.capacity_out_of_range",
            E::ReasonRequired { .. } => "organization.reason_required",
            E::RoleNotAllowed { .. } => "organization.role_not_allowed",
            E::OffersNoServices { .. } => "organization.offers_no_services",
            E::AlreadyVerified => "organization.already_verified",
            E::AlreadySuspended => "organization.already_suspended",
            E::NotSuspended => "organization.not_suspended",
            E::IsSuspended => "organization.is_suspended",
            E::AlreadyMember => "organization.already_member",
            E::NotAMember => "organization.not_a_member",
            E::LastManager => "organization.last_manager",
            E::OperatorCannotBeSuspended => "organization.operator_cannot_be_suspended",
            E::LastAdministrator => "organization.last_administrator",
            E::ServiceAlreadyOffered => "organization.service_already_offered",
            E::ServiceNotOffered => "organization.service_not_offered",
        }
    }

    fn field(&self) -> Option<&'static str> {
        use OrganizationError as E;
        match self {
            E::NoGovernorates | E::ServiceWithoutGovernorates => Some("governorates"),
            E::CapacityOutOfRange { .. } => Some("monthlyCapacity"),
            E::ReasonRequired { .. } => Some("reason"),
            E::RoleNotAllowed { .. } => Some("role"),
            _ => None,
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        use OrganizationError as E;
        match self {
            E::CapacityOutOfRange { max } => vec![("max", max.to_string())],
            E::ReasonRequired { max } => vec![("max", max.to_string())],
            E::RoleNotAllowed { role, kind } => {
                vec![("role", role.to_string()), ("kind", kind.to_string())]
            }
            E::OffersNoServices { kind } => vec![("kind", kind.to_string())],
            _ => Vec::new(),
        }
    }
}
