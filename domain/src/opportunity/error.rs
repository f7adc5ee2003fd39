//! Why an opportunity command was refused. Each mistake has its own variant and key, so a
//! form can put the message beside the field at fault.

use uuid::Uuid;

use crate::access::AccessDenied;
use crate::error::{DomainError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpportunityError {
    #[error("{0}")]
    Forbidden(AccessDenied),
    #[error("no such opportunity")]
    NotFound,
    #[error("this opportunity exists already")]
    AlreadyExists,
    #[error("{field} is required")]
    Required { field: &'static str },
    #[error("{field} is empty or contains control characters")]
    BadText { field: &'static str },
    #[error("a title may have at most {max} characters")]
    TitleTooLong { max: usize },
    #[error("a description may have at most {max} characters")]
    DescriptionTooLong { max: usize },
    #[error("the number of positions must be between 1 and {max}")]
    PositionsOutOfRange { max: u32 },
    #[error("{hires} already hired: the positions cannot be fewer")]
    PositionsBelowHires { hires: u32 },
    #[error("a pay range for work and training, an amount for a grant or loan")]
    PayDoesNotFitKind,
    #[error("pay must be more than zero dinars")]
    PayNotPositive,
    #[error("the amount is implausibly large")]
    PayTooLarge,
    #[error("the minimum pay is above the maximum")]
    MinPayAboveMax,
    #[error("the deadline must be after today")]
    DeadlineInPast,
    #[error("a new deadline must be later than the current one")]
    DeadlineNotLater,
    #[error("a published opportunity's deadline changes only by extending it")]
    DeadlineChangedByEdit,
    #[error("at most {max} skills")]
    TooManySkills { max: usize },
    #[error("a skill may have at most {max} characters")]
    BadSkill { max: usize },
    #[error("at most {max} languages")]
    TooManyLanguages { max: usize },
    #[error("not an ISO 639 language code")]
    BadLanguage,
    #[error("the minimum age must be between {min} and {max}")]
    MinimumAgeOutOfRange { min: u8, max: u8 },
    #[error("a motivation may have at most {max} characters")]
    MotivationTooLong { max: usize },
    #[error("the reasons for returning it are required (at most {max} characters)")]
    ReasonRequired { max: usize },
    #[error("not possible while the opportunity is {status}")]
    WrongStatus { status: &'static str },
    #[error("the deadline has not come yet")]
    DeadlineNotReached,
    #[error("the deadline has passed: no more nominations")]
    NominationsClosed,
    #[error("the returnee's consent to be put forward to this employer is not recorded")]
    ConsentRequired,
    #[error("the referral has no livelihoods or vocational-training need")]
    NoMatchingNeed,
    #[error("already nominated by office {office} (nomination {nomination})")]
    AlreadyNominated { office: Uuid, nomination: Uuid },
    #[error("no such nomination")]
    NominationNotFound,
    #[error("a nomination with this id exists")]
    NominationExists,
    #[error("not possible while the nomination is {stage}")]
    WrongStage { stage: &'static str },
    #[error("a rejected nominee cannot be hired")]
    NomineeRejected,
    #[error("every position is filled")]
    PositionsFilled,
    #[error("the interview date is in the past")]
    InterviewInPast,
    #[error("contact details only after shortlisting, with consent covering them")]
    ContactNotDisclosed,
}

impl DomainError for OpportunityError {
    fn code(&self) -> ErrorCode {
        use OpportunityError as E;
        match self {
            E::Forbidden(_) => ErrorCode::Forbidden,
            E::NotFound | E::NominationNotFound => ErrorCode::NotFound,
            E::AlreadyExists
            | E::WrongStatus { .. }
            | E::NominationsClosed
            | E::AlreadyNominated { .. }
            | E::NominationExists
            | E::WrongStage { .. }
            | E::NomineeRejected
            | E::PositionsFilled
            | E::DeadlineNotLater
            | E::DeadlineNotReached
            | E::DeadlineChangedByEdit => ErrorCode::Conflict,
            E::ContactNotDisclosed => ErrorCode::Forbidden,
            _ => ErrorCode::Validation,
        }
    }

    fn key(&self) -> &'static str {
        use OpportunityError as E;
        match self {
            E::Forbidden(_) => "forbidden",
            E::NotFound => "opportunity.not_found",
            E::AlreadyExists => "opportunity.already_exists",
            E::Required { .. } => "opportunity.required",
            E::BadText { .. } => "opportunity.bad_text",
            E::TitleTooLong { .. } => "opportunity.title_too_long",
            E::DescriptionTooLong { .. } => "opportunity.description_too_long",
            E::PositionsOutOfRange { .. } => "opportunity.positions_out_of_range",
            E::PositionsBelowHires { .. } => "opportunity.positions_below_hires",
            E::PayDoesNotFitKind => "opportunity.pay_does_not_fit_kind",
            E::PayNotPositive => "opportunity.pay_not_positive",
            E::PayTooLarge => "opportunity.pay_too_large",
            E::MinPayAboveMax => "opportunity.min_pay_above_max",
            E::DeadlineInPast => "opportunity.deadline_in_past",
            E::DeadlineNotLater => "opportunity.deadline_not_later",
            E::DeadlineChangedByEdit => "opportunity.deadline_changed_by_edit",
            E::TooManySkills { .. } => "opportunity.too_many_skills",
            E::BadSkill { .. } => "opportunity.bad_skill",
            E::TooManyLanguages { .. } => "opportunity.too_many_languages",
            E::BadLanguage => "opportunity.bad_language",
            E::MinimumAgeOutOfRange { .. } => "opportunity.minimum_age_out_of_range",
            E::MotivationTooLong { .. } => "opportunity.motivation_too_long",
            E::ReasonRequired { .. } => "opportunity.reason_required",
            E::WrongStatus { .. } => "opportunity.wrong_status",
            E::DeadlineNotReached => "opportunity.deadline_not_reached",
            E::NominationsClosed => "opportunity.nominations_closed",
            E::ConsentRequired => "opportunity.consent_required",
            E::NoMatchingNeed => "opportunity.no_matching_need",
            E::AlreadyNominated { .. } => "opportunity.already_nominated",
            E::NominationNotFound => "opportunity.nomination_not_found",
            E::NominationExists => "opportunity.nomination_exists",
            E::WrongStage { .. } => "opportunity.wrong_stage",
            E::NomineeRejected => "opportunity.nominee_rejected",
            E::PositionsFilled => "opportunity.positions_filled",
            E::InterviewInPast => "opportunity.interview_in_past",
            E::ContactNotDisclosed => "opportunity.contact_not_disclosed",
        }
    }

    fn field(&self) -> Option<&'static str> {
        use OpportunityError as E;
        match self {
            E::Required { field } | E::BadText { field } => Some(field),
            E::TitleTooLong { .. } => Some("title"),
            E::DescriptionTooLong { .. } => Some("description"),
            E::PositionsOutOfRange { .. } | E::PositionsBelowHires { .. } => Some("positions"),
            E::PayDoesNotFitKind | E::PayNotPositive | E::PayTooLarge | E::MinPayAboveMax => {
                Some("pay")
            }
            E::DeadlineInPast | E::DeadlineNotLater | E::DeadlineChangedByEdit => Some("deadline"),
            E::TooManySkills { .. } | E::BadSkill { .. } => Some("skills"),
            E::TooManyLanguages { .. } | E::BadLanguage => Some("languages"),
            E::MinimumAgeOutOfRange { .. } => Some("minimum_age"),
            E::MotivationTooLong { .. } => Some("motivation"),
            E::ReasonRequired { .. } => Some("reasons"),
            E::InterviewInPast => Some("on"),
            _ => None,
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        use OpportunityError as E;
        match self {
            E::Required { field } | E::BadText { field } => vec![("field", field.to_string())],
            E::TitleTooLong { max }
            | E::DescriptionTooLong { max }
            | E::TooManySkills { max }
            | E::BadSkill { max }
            | E::TooManyLanguages { max }
            | E::MotivationTooLong { max }
            | E::ReasonRequired { max } => vec![("max", max.to_string())],
            E::PositionsOutOfRange { max } => vec![("max", max.to_string())],
            E::PositionsBelowHires { hires } => vec![("hires", hires.to_string())],
            E::MinimumAgeOutOfRange { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            E::WrongStatus { status } => vec![("status", status.to_string())],
            E::WrongStage { stage } => vec![("stage", stage.to_string())],
            E::AlreadyNominated { office, nomination } => vec![
                ("office", office.to_string()),
                ("nomination", nomination.to_string()),
            ],
            _ => Vec::new(),
        }
    }
}
