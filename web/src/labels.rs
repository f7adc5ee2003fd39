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
        "ReferralCreated" => [
            "تسجيل الإحالة",
            "Referral created",
            "ئاڕاستەکردنەکە تۆمارکرا", // ckb: needs native review
        ],
        "ReferralOpened" => [
            "فتح الإحالة لمقدّمي الخدمات",
            "Opened to providers",
            "بۆ پێشکەشکاران کرایەوە", // ckb: needs native review
        ],
        "ReferralClaimed" => [
            "حجز الإحالة من مقدّم خدمة",
            "Claimed by a provider",
            "لەلایەن پێشکەشکارێکەوە وەرگیرا", // ckb: needs native review
        ],
        "ReferralAccepted" => [
            "قبول الإحالة",
            "Referral accepted",
            "ئاڕاستەکردنەکە پەسەندکرا",
        ], // ckb: needs native review
        "ReferralDeclined" => [
            "اعتذار مقدّم الخدمة عن الإحالة",
            "Referral declined",
            "ئاڕاستەکردنەکە ڕەتکرایەوە", // ckb: needs native review
        ],
        "ServiceStarted" => [
            "بدء تقديم الخدمة",
            "Service started",
            "پێشکەشکردنی خزمەتگوزاری دەستی پێکرد", // ckb: needs native review
        ],
        "ServiceDelivered" => [
            "تسجيل تقديم خدمة",
            "Service delivered",
            "خزمەتگوزارییەک پێشکەشکرا", // ckb: needs native review
        ],
        "ReferralClosed" => ["إغلاق الإحالة", "Referral closed", "ئاڕاستەکردنەکە داخرا"], // ckb: needs native review
        "ReferralTransferred" => [
            "نقل الإحالة إلى مقدّم خدمة آخر",
            "Transferred to another provider",
            "گوازرایەوە بۆ پێشکەشکارێکی تر", // ckb: needs native review
        ],
        "ReferralWithdrawn" => ["سحب الإحالة", "Referral withdrawn", "ئاڕاستەکردنەکە کشایەوە"], // ckb: needs native review
        "ReferralReopened" => [
            "إعادة فتح الإحالة",
            "Referral reopened",
            "ئاڕاستەکردنەکە دووبارە کرایەوە", // ckb: needs native review
        ],
        "FollowUpAdded" => ["جدولة متابعة", "Follow-up planned", "بەدواداچوون دانرا"], // ckb: needs native review
        "CaseworkerAssigned" => [
            "تعيين أخصائي الحالة",
            "Case worker assigned",
            "کارمەندی کەیس دیاریکرا", // ckb: needs native review
        ],
        "ConsentUpdated" => ["تحديث الموافقة", "Consent updated", "ڕەزامەندی نوێکرایەوە"], // ckb: needs native review
        "ReferralEscalated" => [
            "تصعيد الإحالة إلى المشرف",
            "Escalated to the supervisor",
            "بەرزکرایەوە بۆ سەرپەرشتیار", // ckb: needs native review
        ],
        "PersonalDataViewed" => [
            "الاطلاع على البيانات الشخصية",
            "Personal data viewed",
            "داتا کەسییەکان بینران", // ckb: needs native review
        ],
        "BeneficiaryErased" => [
            "محو البيانات الشخصية",
            "Personal data erased",
            "داتا کەسییەکان سڕانەوە", // ckb: needs native review
        ],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

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

/// Label of a `ReferralStatus`.
pub fn referral_status(locale: Locale, value: &str) -> String {
    let texts = match value {
        "DRAFT" => ["مسودة", "Draft", "ڕەشنووس"],
        "OPEN" => [
            "مفتوحة لمقدّمي الخدمات",
            "Open to providers",
            "کراوە بۆ پێشکەشکاران", // ckb: needs native review
        ],
        "CLAIMED" => [
            "محجوزة لمقدّم خدمة",
            "Claimed by a provider",
            "لەلایەن پێشکەشکارێکەوە وەرگیراوە", // ckb: needs native review
        ],
        "ACCEPTED" => ["مقبولة", "Accepted", "پەسەندکراوە"], // ckb: needs native review
        "IN_SERVICE" => [
            "قيد تقديم الخدمة",
            "In service",
            "خزمەتگوزاری پێشکەش دەکرێت", // ckb: needs native review
        ],
        "CLOSED" => ["مغلقة", "Closed", "داخراوە"],
        "WITHDRAWN" => ["مسحوبة", "Withdrawn", "کشاوەتەوە"], // ckb: needs native review
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `BeneficiaryType`, with the glossary's terms.
pub fn beneficiary_type(locale: Locale, value: &str) -> String {
    let texts = match value {
        "RETURNEE_FROM_ABROAD" => [
            "عائد من الخارج",
            "Returnee from abroad",
            "گەڕاوە لە دەرەوە", // ckb: needs native review
        ],
        "IDP" => [
            "نازح داخلياً",
            "Internally displaced person",
            "ئاوارەی ناوخۆ",
        ],
        "RETURNING_IDP" => [
            "نازح عائد",
            "Returning internally displaced person",
            "ئاوارەی گەڕاوە", // ckb: needs native review
        ],
        "POTENTIAL_MIGRANT" => [
            "مهاجر محتمل",
            "Potential migrant",
            "کۆچبەری ئەگەری", // ckb: needs native review
        ],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of an `AgeBand`.
pub fn age_band(locale: Locale, value: &str) -> String {
    let texts = match value {
        "UNDER_18" => ["أقل من 18 سنة", "Under 18", "کەمتر لە 18 ساڵ"],
        "FROM_18_TO_24" => ["18 إلى 24 سنة", "18 to 24", "18 بۆ 24 ساڵ"],
        "FROM_25_TO_34" => ["25 إلى 34 سنة", "25 to 34", "25 بۆ 34 ساڵ"],
        "FROM_35_TO_49" => ["35 إلى 49 سنة", "35 to 49", "35 بۆ 49 ساڵ"],
        "FROM_50_TO_64" => ["50 إلى 64 سنة", "50 to 64", "50 بۆ 64 ساڵ"],
        "OVER_64" => ["65 سنة فأكثر", "65 and over", "65 ساڵ و زیاتر"],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `Sex`.
pub fn sex(locale: Locale, value: &str) -> String {
    let texts = match value {
        "FEMALE" => ["أنثى", "Female", "مێ"],
        "MALE" => ["ذكر", "Male", "نێر"],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `Vulnerability`.
pub fn vulnerability(locale: Locale, value: &str) -> String {
    let texts = match value {
        "FEMALE_HEADED_HOUSEHOLD" => [
            "أسرة تعيلها امرأة",
            "Female-headed household",
            "خێزانێک ژنێک سەرپەرشتی دەکات", // ckb: needs native review
        ],
        "DISABILITY" => ["إعاقة", "Disability", "کەمئەندامی"], // ckb: needs native review
        "UNACCOMPANIED_CHILD" => [
            "طفل غير مصحوب",
            "Unaccompanied child",
            "منداڵی بێ هاوڕێ", // ckb: needs native review
        ],
        "SURVIVOR_OF_TRAFFICKING" => [
            "من ضحايا الاتجار بالبشر",
            "Survivor of trafficking",
            "ڕزگاربووی بازرگانی بە مرۆڤ", // ckb: needs native review
        ],
        "CHRONIC_ILLNESS" => ["مرض مزمن", "Chronic illness", "نەخۆشیی درێژخایەن"], // ckb: needs native review
        "ELDERLY" => ["كبير في السن", "Elderly", "بەتەمەن"],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `Priority`.
pub fn priority(locale: Locale, value: &str) -> String {
    let texts = match value {
        "HIGH" => ["أولوية عالية", "High priority", "لەپێشینەی بەرز"], // ckb: needs native review
        "MEDIUM" => ["أولوية متوسطة", "Medium priority", "لەپێشینەی مامناوەند"], // ckb: needs native review
        "LOW" => ["أولوية منخفضة", "Low priority", "لەپێشینەی نزم"], // ckb: needs native review
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `ConsentGiver`.
pub fn consent_giver(locale: Locale, value: &str) -> String {
    let texts = match value {
        "PERSON" => ["الشخص نفسه", "The person", "کەسەکە خۆی"],
        "GUARDIAN" => ["وليّ الأمر", "A guardian", "سەرپەرشتیار"], // ckb: needs native review
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `NeedOutcome`.
pub fn need_outcome(locale: Locale, value: &str) -> String {
    let texts = match value {
        "RESOLVED" => ["لُبّي الاحتياج", "Resolved", "چارەسەرکرا"], // ckb: needs native review
        "PARTLY_RESOLVED" => [
            "لُبّي جزئياً",
            "Partly resolved",
            "بەشێکی چارەسەرکرا", // ckb: needs native review
        ],
        "NOT_RESOLVED" => ["لم يُلبَّ", "Not resolved", "چارەسەر نەکرا"], // ckb: needs native review
        "LOST_CONTACT" => [
            "انقطع التواصل",
            "Lost contact",
            "پەیوەندی پچڕا", // ckb: needs native review
        ],
        "WITHDRAWN" => ["سُحب", "Withdrawn", "کشایەوە"], // ckb: needs native review
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `ClosureReason`.
pub fn closure_reason(locale: Locale, value: &str) -> String {
    let texts = match value {
        "CLIENT_REFUSED" => [
            "رفض الشخص الخدمة",
            "The person refused",
            "کەسەکە ڕەتی کردەوە", // ckb: needs native review
        ],
        "NO_CAPACITY" => [
            "لا توجد سعة",
            "No capacity",
            "توانا نییە", // ckb: needs native review
        ],
        "UNABLE_TO_CONTACT_PERSON" => [
            "تعذّر التواصل مع الشخص",
            "Could not reach the person",
            "نەتوانرا پەیوەندی بە کەسەکەوە بکرێت", // ckb: needs native review
        ],
        "UNABLE_TO_CONTACT_ORGANIZATION" => [
            "تعذّر التواصل مع المؤسسة",
            "Could not reach the organisation",
            "نەتوانرا پەیوەندی بە ڕێکخراوەکەوە بکرێت", // ckb: needs native review
        ],
        "NO_LONGER_NEEDED" => [
            "لم تعد هناك حاجة",
            "No longer needed",
            "چیتر پێویست نییە", // ckb: needs native review
        ],
        "OTHER" => ["سبب آخر", "Other reason", "هۆکارێکی تر"],
        other => return other.to_string(),
    };
    pick(locale, texts).to_string()
}

/// Label of a `BoardOrder`.
pub fn board_order(locale: Locale, value: &str) -> String {
    let texts = match value {
        "WAITING" => [
            "الأطول انتظاراً أولاً",
            "Longest waiting first",
            "ئەوەی زۆرترین چاوەڕوانی کردووە یەکەم", // ckb: needs native review
        ],
        "PRIORITY" => [
            "الأعلى أولوية أولاً",
            "Highest priority first",
            "بەرزترین لەپێشینە یەکەم", // ckb: needs native review
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
