//! Why a referral command was refused.

use crate::access::AccessDenied;
use crate::error::{DomainError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferralError {
    #[error("{0}")]
    Forbidden(AccessDenied),
    #[error("no such referral")]
    NotFound,
    #[error("this referral already exists")]
    AlreadyExists,
    #[error("a referral needs at least one need")]
    NoNeeds,
    #[error("each need may appear once")]
    DuplicateNeed,
    #[error("household size must be between 1 and {max}")]
    HouseholdOutOfRange { max: u16 },
    #[error("the country must be an ISO 3166-1 alpha-2 code")]
    BadCountry,
    #[error("the person's consent to share with providers is needed to open a referral")]
    ConsentRequired,
    #[error("consent cannot expire before it was given")]
    ConsentExpiryBeforeGiven,
    #[error("a reason of 1 to {max} characters is needed")]
    ReasonRequired { max: usize },
    #[error("the referral is already claimed by a provider")]
    AlreadyClaimed,
    #[error("the provider offers no service for these needs in this governorate")]
    NoMatchingService,
    #[error("the provider's capacity for these needs is used up this month")]
    NoCapacity,
    #[error("only verified providers may claim referrals")]
    ProviderNotVerified,
    #[error("the referral is {status}, which does not allow this")]
    WrongStatus { status: &'static str },
    #[error("the referral does not include the need {category}")]
    NeedNotInReferral { category: &'static str },
    #[error("the need {category} has no outcome")]
    NeedWithoutOutcome { category: &'static str },
    #[error("the need {category} was not resolved: give a coded reason")]
    ReasonCodeRequired { category: &'static str },
    #[error("the person's consent does not allow providers to see personal data")]
    ConsentNotActive,
    #[error("the person's data has been erased")]
    Erased,
    #[error("that person is not a member of the right organisation")]
    NotOnThatSide,
    #[error("the referral cannot be transferred to the provider holding it")]
    SameProvider,
}

impl DomainError for ReferralError {
    fn code(&self) -> ErrorCode {
        use ReferralError as E;
        match self {
            E::Forbidden(_)
            | E::NoMatchingService
            | E::ProviderNotVerified
            | E::ConsentNotActive => ErrorCode::Forbidden,
            E::NotFound => ErrorCode::NotFound,
            E::NoNeeds
            | E::DuplicateNeed
            | E::HouseholdOutOfRange { .. }
            | E::BadCountry
            | E::ConsentRequired
            | E::ConsentExpiryBeforeGiven
            | E::ReasonRequired { .. }
            | E::NeedNotInReferral { .. }
            | E::NeedWithoutOutcome { .. }
            | E::ReasonCodeRequired { .. }
            | E::NotOnThatSide
            | E::SameProvider => ErrorCode::Validation,
            E::AlreadyExists
            | E::AlreadyClaimed
            | E::NoCapacity
            | E::WrongStatus { .. }
            | E::Erased => ErrorCode::Conflict,
        }
    }

    fn key(&self) -> &'static str {
        use ReferralError as E;
        match self {
            E::Forbidden(_) => "forbidden",
            E::NotFound => "referral.not_found",
            E::AlreadyExists => "referral.already_exists",
            E::NoNeeds => "referral.no_needs",
            E::DuplicateNeed => "referral.duplicate_need",
            E::HouseholdOutOfRange { .. } => "referral.household_out_of_range",
            E::BadCountry => "referral.bad_country",
            E::ConsentRequired => "referral.consent_required",
            E::ConsentExpiryBeforeGiven => "referral.consent_expiry_before_given",
            E::ReasonRequired { .. } => "referral.reason_required",
            E::AlreadyClaimed => "referral.already_claimed",
            E::NoMatchingService => "referral.no_matching_service",
            E::ProviderNotVerified => "referral.provider_not_verified",
            E::NoCapacity => "referral.no_capacity",
            E::WrongStatus { .. } => "referral.wrong_status",
            E::NeedNotInReferral { .. } => "referral.need_not_in_referral",
            E::NeedWithoutOutcome { .. } => "referral.need_without_outcome",
            E::ReasonCodeRequired { .. } => "referral.reason_code_required",
            E::ConsentNotActive => "referral.consent_not_active",
            E::Erased => "referral.erased",
            E::NotOnThatSide => "referral.not_on_that_side",
            E::SameProvider => "referral.same_provider",
        }
    }

    fn field(&self) -> Option<&'static str> {
        use ReferralError as E;
        match self {
            E::NoNeeds | E::DuplicateNeed => Some("needs"),
            E::HouseholdOutOfRange { .. } => Some("householdSize"),
            E::BadCountry => Some("returnCountry"),
            E::ConsentRequired | E::ConsentExpiryBeforeGiven => Some("consent"),
            E::ReasonRequired { .. } => Some("reason"),
            E::NeedNotInReferral { .. }
            | E::NeedWithoutOutcome { .. }
            | E::ReasonCodeRequired { .. } => Some("results"),
            E::NotOnThatSide => Some("userId"),
            E::SameProvider => Some("providerId"),
            _ => None,
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        use ReferralError as E;
        match self {
            E::HouseholdOutOfRange { max } => vec![("max", max.to_string())],
            E::ReasonRequired { max } => vec![("max", max.to_string())],
            E::WrongStatus { status } => vec![("status", status.to_string())],
            E::NeedNotInReferral { category }
            | E::NeedWithoutOutcome { category }
            | E::ReasonCodeRequired { category } => {
                vec![("category", category.to_string())]
            }
            _ => Vec::new(),
        }
    }
}
