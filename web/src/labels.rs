//! Localised labels for the GraphQL enum values (organisation kinds, statuses, roles,
//! service categories) and for the event types of the audit trail; the texts are the
//! `<kind>-<VALUE>` messages of the `l10n` catalogues (`event-<EventType>` in
//! `events.ftl`). An unknown value is shown as it came, so a new enum value in the
//! API never breaks a page.

use crate::i18n::Locale;
use l10n::label;

/// `OrganizationKind` values, in the order the directory filter lists them.
pub const ORGANIZATION_KINDS: [&str; 8] = [
    "SECRETARIAT",
    "MINISTRY",
    "NRM_OFFICE",
    "NGO",
    "INTERNATIONAL_ORGANIZATION",
    "PRIVATE_COMPANY",
    "CHAMBER",
    "MRC",
];

/// `OrganizationStatus` values.
pub const ORGANIZATION_STATUSES: [&str; 3] = ["PENDING", "VERIFIED", "SUSPENDED"];

/// `ServiceCategory` values, in the order forms and filters list them.
pub const SERVICE_CATEGORIES: [&str; 8] = [
    "LIVELIHOODS",
    "VOCATIONAL_TRAINING",
    "HOUSING",
    "HLP_DISPUTE",
    "MEDICAL",
    "PSYCHOSOCIAL",
    "LEGAL",
    "CIVIL_DOCUMENTATION",
];

/// `ReferralStatus` values, in the order of the lifecycle.
pub const REFERRAL_STATUSES: [&str; 7] = [
    "DRAFT",
    "OPEN",
    "CLAIMED",
    "ACCEPTED",
    "IN_SERVICE",
    "CLOSED",
    "WITHDRAWN",
];

/// `BeneficiaryType` values.
pub const BENEFICIARY_TYPES: [&str; 4] = [
    "RETURNEE_FROM_ABROAD",
    "IDP",
    "RETURNING_IDP",
    "POTENTIAL_MIGRANT",
];

/// `AgeBand` values, youngest first.
pub const AGE_BANDS: [&str; 6] = [
    "UNDER_18",
    "FROM_18_TO_24",
    "FROM_25_TO_34",
    "FROM_35_TO_49",
    "FROM_50_TO_64",
    "OVER_64",
];

/// `Sex` values.
pub const SEXES: [&str; 2] = ["FEMALE", "MALE"];

/// `Vulnerability` values.
pub const VULNERABILITIES: [&str; 6] = [
    "FEMALE_HEADED_HOUSEHOLD",
    "DISABILITY",
    "UNACCOMPANIED_CHILD",
    "SURVIVOR_OF_TRAFFICKING",
    "CHRONIC_ILLNESS",
    "ELDERLY",
];

/// `Priority` values, highest first.
pub const PRIORITIES: [&str; 3] = ["HIGH", "MEDIUM", "LOW"];

/// `ConsentGiver` values.
pub const CONSENT_GIVERS: [&str; 2] = ["PERSON", "GUARDIAN"];

/// `NeedOutcome` values.
pub const NEED_OUTCOMES: [&str; 5] = [
    "RESOLVED",
    "PARTLY_RESOLVED",
    "NOT_RESOLVED",
    "LOST_CONTACT",
    "WITHDRAWN",
];

/// `ClosureReason` values.
pub const CLOSURE_REASONS: [&str; 6] = [
    "CLIENT_REFUSED",
    "NO_CAPACITY",
    "UNABLE_TO_CONTACT_PERSON",
    "UNABLE_TO_CONTACT_ORGANIZATION",
    "NO_LONGER_NEEDED",
    "OTHER",
];

/// `BoardOrder` values.
pub const BOARD_ORDERS: [&str; 2] = ["WAITING", "PRIORITY"];

/// Label of an `OrganizationKind`.
pub fn organization_kind(locale: Locale, value: &str) -> String {
    label(locale, "organization-kind", value)
}

/// Label of an `OrganizationStatus`.
pub fn organization_status(locale: Locale, value: &str) -> String {
    label(locale, "organization-status", value)
}

/// Label of a `Role`. Also accepts the lower-case form (`nrm_caseworker`) that event
/// metadata may carry.
pub fn role(locale: Locale, value: &str) -> String {
    label(locale, "role", &value.to_ascii_uppercase())
}

/// Label of a `ServiceCategory`, with the glossary's terms.
pub fn service_category(locale: Locale, value: &str) -> String {
    label(locale, "service-category", value)
}

/// Label of an event type of the audit trail (`OrganizationVerified`, ...).
pub fn event_type(locale: Locale, value: &str) -> String {
    label(locale, "event", value)
}

/// Why an account's sessions ended (`password_reset`, ...).
pub fn sessions_ended_because(locale: Locale, value: &str) -> String {
    label(locale, "sessions-ended-because", value)
}

/// Label of a `ReferralStatus`.
pub fn referral_status(locale: Locale, value: &str) -> String {
    label(locale, "referral-status", value)
}

/// Label of a `BeneficiaryType`, with the glossary's terms.
pub fn beneficiary_type(locale: Locale, value: &str) -> String {
    label(locale, "beneficiary-type", value)
}

/// Label of an `AgeBand`.
pub fn age_band(locale: Locale, value: &str) -> String {
    label(locale, "age-band", value)
}

/// Label of a `Sex`.
pub fn sex(locale: Locale, value: &str) -> String {
    label(locale, "sex", value)
}

/// Label of a `Vulnerability`.
pub fn vulnerability(locale: Locale, value: &str) -> String {
    label(locale, "vulnerability", value)
}

/// Label of a `Priority`.
pub fn priority(locale: Locale, value: &str) -> String {
    label(locale, "priority", value)
}

/// Label of a `ConsentGiver`.
pub fn consent_giver(locale: Locale, value: &str) -> String {
    label(locale, "consent-giver", value)
}

/// Label of a `NeedOutcome`.
pub fn need_outcome(locale: Locale, value: &str) -> String {
    label(locale, "need-outcome", value)
}

/// Label of a `ClosureReason`.
pub fn closure_reason(locale: Locale, value: &str) -> String {
    label(locale, "closure-reason", value)
}

/// Label of a `BoardOrder`.
pub fn board_order(locale: Locale, value: &str) -> String {
    label(locale, "board-order", value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_terms_are_used() {
        assert_eq!(organization_kind(Locale::Ar, "NGO"), "منظمة غير حكومية");
        assert_eq!(
            organization_kind(Locale::Ar, "NRM_OFFICE"),
            "مكتب آلية الإحالة الوطنية"
        );
        assert_eq!(organization_status(Locale::Ar, "PENDING"), "قيد التحقق");
        assert_eq!(
            service_category(Locale::Ar, "HLP_DISPUTE"),
            "تسوية نزاعات الأراضي والممتلكات"
        );
        assert_eq!(role(Locale::Ar, "nrm_caseworker"), "أخصائي الحالة");
        assert_eq!(beneficiary_type(Locale::Ar, "IDP"), "نازح داخلياً");
        assert_eq!(
            vulnerability(Locale::Ar, "SURVIVOR_OF_TRAFFICKING"),
            "من ضحايا الاتجار بالبشر"
        );
        assert_eq!(
            service_category(Locale::Ar, "PSYCHOSOCIAL"),
            "الدعم النفسي والاجتماعي"
        );
    }

    #[test]
    fn every_listed_value_has_a_label_in_every_locale() {
        type Labeller = fn(Locale, &str) -> String;
        let lists: [(&[&str], Labeller); 10] = [
            (&SERVICE_CATEGORIES, service_category),
            (&REFERRAL_STATUSES, referral_status),
            (&BENEFICIARY_TYPES, beneficiary_type),
            (&AGE_BANDS, age_band),
            (&SEXES, sex),
            (&VULNERABILITIES, vulnerability),
            (&PRIORITIES, priority),
            (&CONSENT_GIVERS, consent_giver),
            (&NEED_OUTCOMES, need_outcome),
            (&CLOSURE_REASONS, closure_reason),
        ];
        for (values, label) in lists {
            for value in values {
                for locale in Locale::ALL {
                    assert_ne!(label(locale, value), *value, "{value} in {locale:?}");
                }
            }
        }
        for order in BOARD_ORDERS {
            assert_ne!(board_order(Locale::Ar, order), order);
        }
    }

    #[test]
    fn unknown_values_are_shown_as_they_came() {
        assert_eq!(organization_kind(Locale::En, "SPACESHIP"), "SPACESHIP");
        assert_eq!(event_type(Locale::Ar, "SomethingNew"), "SomethingNew");
    }
}
