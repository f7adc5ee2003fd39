//! Localised labels for the GraphQL enum values (organisation kinds, statuses, roles,
//! service categories) and for the event types of the audit trail. An unknown value
//! is shown as it came, so a new enum value in the API never breaks a page.

use crate::i18n::Locale;

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

fn pick(locale: Locale, texts: [&'static str; 3]) -> &'static str {
    let [ar, en, ckb] = texts;
    match locale {
        Locale::Ar => ar,
        Locale::En => en,
        Locale::Ckb => ckb,
    }
}

/// Label of an `OrganizationKind`.
pub fn organization_kind(locale: Locale, value: &str) -> String {
    let texts = match value {
        "SECRETARIAT" => [
            "الأمانة العامة لمجلس الوزراء",
            "General Secretariat of the Council of Ministers",
            "ئەمینداریەتی گشتیی ئەنجومەنی وەزیران", // ckb: needs native review
        ],
        "MINISTRY" => [
            "وزارة أو مديرية",
            "Ministry or directorate",
            "وەزارەت یان بەڕێوەبەرایەتی",
        ],
        "NRM_OFFICE" => [
            "مكتب آلية الإحالة الوطنية",
            "National Referral Mechanism office",
            "نووسینگەی میکانیزمی نیشتمانیی ئاڕاستەکردن", // ckb: needs native review
        ],
        "NGO" => [
            "منظمة غير حكومية",
            "Non-governmental organisation",
            "ڕێکخراوی ناحکومی",
        ],
        "INTERNATIONAL_ORGANIZATION" => [
            "منظمة دولية",
            "International organisation",
            "ڕێکخراوی نێودەوڵەتی",
        ],
        "PRIVATE_COMPANY" => [
            "شركة من القطاع الخاص",
            "Private-sector company",
            "کۆمپانیای کەرتی تایبەت",
        ],
        "CHAMBER" => [
            "غرفة أو جمعية",
            "Chamber or association",
            "ژوور یان کۆمەڵە", // ckb: needs native review
        ],
        "MRC" => [
            "مركز موارد العمل وهجرة العمال",
            "Labour and Migration Resource Centre",
            "سەنتەری سەرچاوەکانی کار و کۆچی کرێکاران", // ckb: needs native review
        ],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of an `OrganizationStatus`.
pub fn organization_status(locale: Locale, value: &str) -> String {
    let texts = match value {
        "PENDING" => [
            "قيد التحقق",
            "Pending verification",
            "لە چاوەڕوانی پشتڕاستکردنەوە", // ckb: needs native review
        ],
        "VERIFIED" => ["موثّقة", "Verified", "پشتڕاستکراوە"], // ckb: needs native review
        "SUSPENDED" => ["معلّقة", "Suspended", "ڕاگیراوە"],   // ckb: needs native review
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `Role`. Also accepts the lower-case form (`nrm_caseworker`) that event
/// metadata may carry.
pub fn role(locale: Locale, value: &str) -> String {
    let texts = match value.to_ascii_uppercase().as_str() {
        "SECRETARIAT_ADMIN" => [
            "مسؤول الأمانة العامة",
            "Secretariat administrator",
            "بەڕێوەبەری ئەمینداریەتی گشتی", // ckb: needs native review
        ],
        "SECRETARIAT_AUDITOR" => [
            "مدقّق الأمانة العامة",
            "Secretariat auditor",
            "وردبینی ئەمینداریەتی گشتی", // ckb: needs native review
        ],
        "NRM_SUPERVISOR" => [
            "مشرف آلية الإحالة الوطنية",
            "National Referral Mechanism supervisor",
            "سەرپەرشتیاری میکانیزمی نیشتمانیی ئاڕاستەکردن", // ckb: needs native review
        ],
        "NRM_CASEWORKER" => [
            "أخصائي الحالة",
            "Case worker",
            "کارمەندی کەیس", // ckb: needs native review
        ],
        "PROVIDER_COORDINATOR" => [
            "منسّق لدى مقدّم الخدمة",
            "Service provider coordinator",
            "هەماهەنگکاری پێشکەشکاری خزمەتگوزاری", // ckb: needs native review
        ],
        "PROVIDER_STAFF" => [
            "موظف لدى مقدّم الخدمة",
            "Service provider staff",
            "کارمەندی پێشکەشکاری خزمەتگوزاری", // ckb: needs native review
        ],
        "EMPLOYER" => [
            "صاحب عمل من القطاع الخاص",
            "Private-sector employer",
            "خاوەنکاری کەرتی تایبەت", // ckb: needs native review
        ],
        "MRC_COUNSELLOR" => [
            "مرشد في مركز موارد العمل وهجرة العمال",
            "Labour and Migration Resource Centre counsellor",
            "ڕاوێژکاری سەنتەری سەرچاوەکانی کار و کۆچی کرێکاران", // ckb: needs native review
        ],
        _ => return value.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `ServiceCategory`, with the glossary's terms.
pub fn service_category(locale: Locale, value: &str) -> String {
    let texts = match value {
        "LIVELIHOODS" => ["سبل العيش", "Livelihoods", "بژێوی"], // ckb: needs native review
        "VOCATIONAL_TRAINING" => ["التدريب المهني", "Vocational training", "ڕاهێنانی پیشەیی"],
        "HOUSING" => ["الإسكان", "Housing", "نیشتەجێبوون"],
        "HLP_DISPUTE" => [
            "تسوية نزاعات الأراضي والممتلكات",
            "Land and property dispute resolution",
            "چارەسەرکردنی ناکۆکییەکانی زەوی و موڵک", // ckb: needs native review
        ],
        "MEDICAL" => ["المساعدات الطبية", "Medical assistance", "هاوکاریی پزیشکی"],
        "PSYCHOSOCIAL" => [
            "الدعم النفسي والاجتماعي",
            "Psychosocial support",
            "پشتگیریی دەروونی و کۆمەڵایەتی", // ckb: needs native review
        ],
        "LEGAL" => ["الدعم القانوني", "Legal support", "پشتگیریی یاسایی"],
        "CIVIL_DOCUMENTATION" => [
            "الوثائق المدنية",
            "Civil documentation",
            "بەڵگەنامە مەدەنییەکان", // ckb: needs native review
        ],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of an event type of the audit trail (`OrganizationVerified`, ...).
pub fn event_type(locale: Locale, value: &str) -> String {
    let texts = match value {
        "OrganizationRegistered" => [
            "تسجيل المؤسسة",
            "Organisation registered",
            "ڕێکخراوەکە تۆمارکرا",
        ],
        "OrganizationProfileUpdated" => [
            "تحديث الملف التعريفي",
            "Profile updated",
            "پرۆفایل نوێکرایەوە",
        ],
        "OrganizationVerified" => [
            "توثيق المؤسسة",
            "Organisation verified",
            "ڕێکخراوەکە پشتڕاستکرایەوە", // ckb: needs native review
        ],
        "OrganizationSuspended" => [
            "تعليق المؤسسة",
            "Organisation suspended",
            "ڕێکخراوەکە ڕاگیرا", // ckb: needs native review
        ],
        "OrganizationReinstated" => [
            "إعادة تفعيل المؤسسة",
            "Organisation reinstated",
            "ڕێکخراوەکە چالاککرایەوە", // ckb: needs native review
        ],
        "MemberAdded" => ["إضافة عضو", "Member added", "ئەندامێک زیادکرا"],
        "MemberRoleChanged" => [
            "تغيير دور عضو",
            "Member's role changed",
            "ڕۆڵی ئەندامێک گۆڕدرا",
        ],
        "MemberRemoved" => ["إزالة عضو", "Member removed", "ئەندامێک لابرا"],
        "ServiceOffered" => ["إضافة خدمة", "Service offered", "خزمەتگوزارییەک زیادکرا"],
        "ServiceUpdated" => ["تحديث خدمة", "Service updated", "خزمەتگوزارییەک نوێکرایەوە"],
        "ServiceWithdrawn" => [
            "سحب خدمة",
            "Service withdrawn",
            "خزمەتگوزارییەک کشایەوە", // ckb: needs native review
        ],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
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
    }

    #[test]
    fn unknown_values_are_shown_as_they_came() {
        assert_eq!(organization_kind(Locale::En, "SPACESHIP"), "SPACESHIP");
        assert_eq!(event_type(Locale::Ar, "SomethingNew"), "SomethingNew");
    }
}
