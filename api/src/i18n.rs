//! The API's messages (errors) and its language: thin adapters over the `l10n` crate,
//! whose `errors.ftl` files hold every error's text in Arabic (default), English and
//! Kurdish (Sorani); Kurdish messages marked `# needs native review` await a native
//! reviewer.

pub use l10n::Locale;

/// The message for `key` in `locale`, with `{ $name }` placeholders filled from `args`.
/// Unknown keys fall back to the key itself, so a missing entry is visible, not silent.
pub fn message(key: &str, locale: Locale, args: &[(&str, String)]) -> String {
    l10n::error_message(key, locale, args)
}

/// Whether error `key` has a message.
pub fn has_key(key: &str) -> bool {
    l10n::has_error_message(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_is_the_default_and_placeholders_are_filled() {
        assert_eq!(Locale::from_accept_language(""), Locale::Ar);
        assert_eq!(Locale::from_accept_language("en-GB,en;q=0.9"), Locale::En);
        assert_eq!(Locale::from_accept_language("fr, ckb;q=0.5"), Locale::Ckb);
        let m = message(
            "input.first_out_of_range",
            Locale::En,
            &[("max", "100".into())],
        );
        assert_eq!(m, "first must be between 1 and 100.");
        assert!(message("forbidden", Locale::Ar, &[]).contains("صلاحية"));
    }

    #[test]
    fn every_domain_error_has_a_message_in_every_language() {
        use domain::organization::OrganizationError as O;
        use domain::referral::ReferralError as R;
        use domain::DomainError;
        let org = [
            O::NotFound,
            O::AlreadyRegistered,
            O::NoGovernorates,
            O::ServiceWithoutGovernorates,
            O::CapacityOutOfRange { max: 1 },
            O::ReasonRequired { max: 1 },
            O::RoleNotAllowed {
                role: "r",
                kind: "k",
            },
            O::OffersNoServices { kind: "k" },
            O::AlreadyVerified,
            O::AlreadySuspended,
            O::NotSuspended,
            O::IsSuspended,
            O::AlreadyMember,
            O::NotAMember,
            O::LastManager,
            O::OperatorCannotBeSuspended,
            O::LastAdministrator,
            O::ServiceAlreadyOffered,
            O::ServiceNotOffered,
        ];
        let referral = [
            R::NotFound,
            R::AlreadyExists,
            R::NoNeeds,
            R::DuplicateNeed,
            R::HouseholdOutOfRange { max: 1 },
            R::BadCountry,
            R::ConsentRequired,
            R::ConsentExpiryBeforeGiven,
            R::ReasonRequired { max: 1 },
            R::AlreadyClaimed,
            R::NoMatchingService,
            R::ProviderNotVerified,
            R::WrongStatus { status: "open" },
            R::NeedNotInReferral { category: "c" },
            R::NeedWithoutOutcome { category: "c" },
            R::ReasonCodeRequired { category: "c" },
            R::ConsentNotActive,
            R::Erased,
            R::NotOnThatSide,
            R::SameProvider,
        ];
        use domain::account::AccountError as A;
        let account = [
            A::NoSessionToEnd,
            A::TooManySessions { max: 1 },
            A::TokenAlreadyRevoked,
            A::TokenExists,
        ];
        use domain::opportunity::OpportunityError as P;
        let nobody = uuid::Uuid::nil();
        let opportunity = [
            P::NotFound,
            P::AlreadyExists,
            P::Required { field: "f" },
            P::BadText { field: "f" },
            P::TitleTooLong { max: 1 },
            P::DescriptionTooLong { max: 1 },
            P::PositionsOutOfRange { max: 1 },
            P::PositionsBelowHires { hires: 1 },
            P::PayDoesNotFitKind,
            P::PayNotPositive,
            P::PayTooLarge,
            P::MinPayAboveMax,
            P::DeadlineInPast,
            P::DeadlineNotLater,
            P::DeadlineChangedByEdit,
            P::TooManySkills { max: 1 },
            P::BadSkill { max: 1 },
            P::TooManyLanguages { max: 1 },
            P::BadLanguage,
            P::MinimumAgeOutOfRange { min: 1, max: 2 },
            P::MotivationTooLong { max: 1 },
            P::ReasonRequired { max: 1 },
            P::WrongStatus { status: "draft" },
            P::DeadlineNotReached,
            P::NominationsClosed,
            P::ConsentRequired,
            P::NoMatchingNeed,
            P::AlreadyNominated {
                office: nobody,
                nomination: nobody,
            },
            P::NominationNotFound,
            P::NominationExists,
            P::WrongStage { stage: "nominated" },
            P::NomineeRejected,
            P::PositionsFilled,
            P::InterviewInPast,
            P::ContactNotDisclosed,
        ];
        let keys = org
            .iter()
            .map(|e| e.key())
            .chain(referral.iter().map(|e| e.key()))
            .chain(account.iter().map(|e| e.key()))
            .chain(opportunity.iter().map(|e| e.key()))
            .chain(["account.wrong_password"]);
        for key in keys {
            assert!(has_key(key), "no message for {key}");
            for locale in [Locale::Ar, Locale::En, Locale::Ckb] {
                assert_ne!(message(key, locale, &[]), key);
            }
        }
    }

    /// Every event type any aggregate of `domain` emits (read from the `event_type`
    /// functions of its sources, so a new aggregate is covered without a list to keep)
    /// has a label in `events.ftl`, in every language.
    #[test]
    fn every_event_type_has_a_label_in_every_language() {
        let domain = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/src");
        let mut types = Vec::new();
        let mut folders = vec![domain];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    types.extend(event_types_in(&std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        for expected in [
            "OrganizationRegistered",
            "ReferralCreated",
            "SignInThrottled",
        ] {
            assert!(
                types.iter().any(|t| t == expected),
                "{expected} not found in domain"
            );
        }
        for event_type in &types {
            for locale in Locale::ALL {
                let label = l10n::label(locale, "event", event_type);
                assert_ne!(
                    &label, event_type,
                    "no label for {event_type} in {locale:?}"
                );
            }
        }
    }

    /// The string literals returned by the `fn event_type` bodies of one source file.
    fn event_types_in(source: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (start, _) in source.match_indices("fn event_type(") {
            let body = &source[start..];
            let end = body.find("\n    }\n").unwrap_or(body.len());
            for part in body[..end].split("=> \"").skip(1) {
                if let Some(name) = part.split('"').next() {
                    found.push(name.to_string());
                }
            }
        }
        found
    }
}
