//! The message catalogue: every fixed string of the interface, in Arabic, English and
//! Kurdish (Sorani). Arabic follows the project glossary (`GLOSSARY.md`). Kurdish
//! strings marked `// ckb: needs native review` await a native Sorani reviewer.
//!
//! Messages that come from the API (errors) are already localised by the API and do
//! not pass through here.

use crate::i18n::Locale;

/// A key of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppName,
    Tagline,
    SkipToContent,
    LanguageNav,
    MainNav,
    NavHome,
    NavDirectory,
    SignIn,
    SignOut,
    SignedInAs,
    Username,
    Password,
    LoginTitle,
    LoginIntro,
    LoginMissingFields,
    LoginFailed,
    Welcome,
    YourRole,
    YourOrganization,
    NoOrganization,
    NoRole,
    HomeIntro,
    HomeDirectoryLink,
    HomeOwnOrganizationLink,
    DirectoryTitle,
    DirectoryIntro,
    Filters,
    FilterKind,
    FilterGovernorate,
    FilterStatus,
    FilterSearch,
    SearchHint,
    Any,
    ApplyFilters,
    ClearFilters,
    NameAr,
    NameEn,
    Kind,
    Governorates,
    Status,
    ServiceCount,
    ResultCount,
    NoResults,
    Pagination,
    NextPage,
    FirstPage,
    Profile,
    RegisteredAt,
    VerifiedAt,
    SuspendedReason,
    Services,
    Category,
    MonthlyCapacity,
    NoServices,
    Members,
    DisplayName,
    Role,
    NoMembers,
    History,
    HistoryIntro,
    Time,
    Actor,
    Event,
    NoHistory,
    MoreHistory,
    HistoryFromStart,
    SecretariatActions,
    Verify,
    Suspend,
    Reinstate,
    Reason,
    Note,
    DoneVerified,
    DoneSuspended,
    DoneReinstated,
    ActionFailed,
    NotFoundTitle,
    NotFoundBody,
    ForbiddenTitle,
    ForbiddenBody,
    CsrfTitle,
    CsrfBody,
    ErrorTitle,
    ErrorBody,
    BackHome,
    Footer,
}

impl Msg {
    /// The text of this key in `locale`.
    pub fn text(self, locale: Locale) -> &'static str {
        let [ar, en, ckb] = self.texts();
        match locale {
            Locale::Ar => ar,
            Locale::En => en,
            Locale::Ckb => ckb,
        }
    }

    /// `[Arabic, English, Kurdish (Sorani)]`.
    fn texts(self) -> [&'static str; 3] {
        use Msg::*;
        match self {
            AppName => ["سند", "Sanad", "سەنەد"],
            Tagline => [
                "منصة إعادة الإدماج المستدامة للعائدين",
                "Sustainable reintegration of returnees",
                // ckb: needs native review
                "پلاتفۆرمی تێکەڵبوونەوەی بەردەوامی گەڕاوەکان",
            ],
            SkipToContent => [
                "انتقل إلى المحتوى",
                "Skip to content",
                "بازدان بۆ ناوەڕۆک", // ckb: needs native review
            ],
            LanguageNav => ["اللغة", "Language", "زمان"],
            MainNav => [
                "التنقل الرئيسي",
                "Main navigation",
                "ڕێنیشاندەری سەرەکی", // ckb: needs native review
            ],
            NavHome => ["الرئيسية", "Home", "سەرەکی"],
            NavDirectory => [
                "دليل مقدّمي الخدمات",
                "Service directory",
                "ڕێبەری پێشکەشکارانی خزمەتگوزاری", // ckb: needs native review
            ],
            SignIn => ["تسجيل الدخول", "Sign in", "چوونەژوورەوە"],
            SignOut => ["تسجيل الخروج", "Sign out", "چوونەدەرەوە"],
            SignedInAs => [
                "مسجّل الدخول باسم",
                "Signed in as",
                "چوویتە ژوورەوە وەک", // ckb: needs native review
            ],
            Username => ["اسم المستخدم", "Username", "ناوی بەکارهێنەر"],
            Password => ["كلمة المرور", "Password", "وشەی نهێنی"],
            LoginTitle => [
                "تسجيل الدخول إلى سند",
                "Sign in to Sanad",
                "چوونەژوورەوە بۆ سەنەد",
            ],
            LoginIntro => [
                "استخدم الحساب الذي منحته لك مؤسستك.",
                "Use the account your organisation gave you.",
                "ئەو هەژمارە بەکاربهێنە کە ڕێکخراوەکەت پێی داویت.", // ckb: needs native review
            ],
            LoginMissingFields => [
                "أدخل اسم المستخدم وكلمة المرور.",
                "Enter your username and password.",
                "ناوی بەکارهێنەر و وشەی نهێنی بنووسە.",
            ],
            LoginFailed => [
                "تعذّر تسجيل الدخول. حاول مرة أخرى.",
                "Could not sign in. Please try again.",
                "چوونەژوورەوە سەرکەوتوو نەبوو. تکایە دووبارە هەوڵ بدەرەوە.",
            ],
            Welcome => ["مرحباً", "Welcome", "بەخێربێیت"],
            YourRole => ["دورك", "Your role", "ڕۆڵەکەت"],
            YourOrganization => ["مؤسستك", "Your organisation", "ڕێکخراوەکەت"],
            NoOrganization => [
                "غير مرتبط بمؤسسة",
                "Not attached to an organisation",
                "سەر بە هیچ ڕێکخراوێک نییە", // ckb: needs native review
            ],
            NoRole => ["بلا دور", "No role", "بێ ڕۆڵ"],
            HomeIntro => [
                "سند منصة مشتركة لإعادة الإدماج المستدامة للعائدين: يُحيل أخصائيو الحالة في آلية الإحالة الوطنية العائدين إلى مقدّمي الخدمات، ويبقى كل إجراء قابلاً للتدقيق.",
                "Sanad is the shared platform for the sustainable reintegration of returnees: National Referral Mechanism case workers refer returnees to service providers, and every action stays auditable.",
                // ckb: needs native review
                "سەنەد پلاتفۆرمێکی هاوبەشە بۆ تێکەڵبوونەوەی بەردەوامی گەڕاوەکان: کارمەندانی کەیسی میکانیزمی نیشتمانیی ئاڕاستەکردن گەڕاوەکان ئاڕاستەی پێشکەشکارانی خزمەتگوزاری دەکەن، و هەموو کارێک دەتوانرێت وردبینی بکرێت.",
            ],
            HomeDirectoryLink => [
                "تصفّح دليل مقدّمي الخدمات",
                "Browse the service directory",
                "سەیری ڕێبەری پێشکەشکارانی خزمەتگوزاری بکە", // ckb: needs native review
            ],
            HomeOwnOrganizationLink => [
                "الملف التعريفي لمؤسستك",
                "Your organisation's profile",
                "پرۆفایلی ڕێکخراوەکەت",
            ],
            DirectoryTitle => [
                "دليل مقدّمي الخدمات",
                "Service directory",
                "ڕێبەری پێشکەشکارانی خزمەتگوزاری", // ckb: needs native review
            ],
            DirectoryIntro => [
                "المؤسسات المسجّلة في سند والخدمات التي تقدّمها في كل محافظة.",
                "The organisations registered in Sanad and the services they offer in each governorate.",
                // ckb: needs native review
                "ئەو ڕێکخراوانەی لە سەنەد تۆمارکراون و ئەو خزمەتگوزارییانەی لە هەر پارێزگایەک پێشکەشی دەکەن.",
            ],
            Filters => ["تصفية النتائج", "Filter results", "پاڵاوتنی ئەنجامەکان"], // ckb: needs native review
            FilterKind => ["نوع المؤسسة", "Kind of organisation", "جۆری ڕێکخراو"],
            FilterGovernorate => ["المحافظة", "Governorate", "پارێزگا"],
            FilterStatus => ["الحالة", "Status", "دۆخ"],
            FilterSearch => ["بحث", "Search", "گەڕان"],
            SearchHint => [
                "جزء من الاسم بالعربية أو الإنجليزية",
                "Part of the Arabic or English name",
                "بەشێک لە ناوی عەرەبی یان ئینگلیزی", // ckb: needs native review
            ],
            Any => ["الكل", "All", "هەموو"],
            ApplyFilters => ["تطبيق", "Apply", "جێبەجێکردن"], // ckb: needs native review
            ClearFilters => ["مسح التصفية", "Clear filters", "لابردنی پاڵاوتن"], // ckb: needs native review
            NameAr => ["الاسم بالعربية", "Arabic name", "ناو بە عەرەبی"],
            NameEn => ["الاسم بالإنجليزية", "English name", "ناو بە ئینگلیزی"],
            Kind => ["النوع", "Kind", "جۆر"],
            Governorates => ["المحافظات", "Governorates", "پارێزگاکان"],
            Status => ["الحالة", "Status", "دۆخ"],
            ServiceCount => [
                "عدد الخدمات",
                "Services",
                "ژمارەی خزمەتگوزارییەکان",
            ],
            ResultCount => [
                "عدد المؤسسات المطابقة",
                "Matching organisations",
                "ژمارەی ڕێکخراوە گونجاوەکان", // ckb: needs native review
            ],
            NoResults => [
                "لا توجد مؤسسات مطابقة لهذه التصفية.",
                "No organisations match these filters.",
                "هیچ ڕێکخراوێک لەگەڵ ئەم پاڵاوتنە ناگونجێت.", // ckb: needs native review
            ],
            Pagination => ["التنقل بين الصفحات", "Pages", "پەڕەکان"],
            NextPage => ["الصفحة التالية", "Next page", "پەڕەی دواتر"],
            FirstPage => ["الصفحة الأولى", "First page", "پەڕەی یەکەم"],
            Profile => ["الملف التعريفي", "Profile", "پرۆفایل"],
            RegisteredAt => ["تاريخ التسجيل", "Registered on", "بەرواری تۆمارکردن"],
            VerifiedAt => [
                "تاريخ التوثيق",
                "Verified on",
                "بەرواری پشتڕاستکردنەوە", // ckb: needs native review
            ],
            SuspendedReason => ["سبب التعليق", "Reason for suspension", "هۆکاری ڕاگرتن"], // ckb: needs native review
            Services => ["الخدمات", "Services", "خزمەتگوزارییەکان"],
            Category => ["فئة الخدمة", "Category", "جۆری خزمەتگوزاری"],
            MonthlyCapacity => ["السعة الشهرية", "Monthly capacity", "توانای مانگانە"], // ckb: needs native review
            NoServices => [
                "لم تُسجَّل خدمات لهذه المؤسسة بعد.",
                "No services registered yet.",
                "هێشتا هیچ خزمەتگوزارییەک تۆمار نەکراوە.",
            ],
            Members => ["الأعضاء", "Members", "ئەندامان"],
            DisplayName => ["الاسم", "Name", "ناو"],
            Role => ["الدور", "Role", "ڕۆڵ"],
            NoMembers => [
                "لا يوجد أعضاء بعد.",
                "No members yet.",
                "هێشتا هیچ ئەندامێک نییە.",
            ],
            History => ["سجل التدقيق", "Audit trail", "تۆماری وردبینی"], // ckb: needs native review
            HistoryIntro => [
                "كل ما جرى لهذه المؤسسة، بالترتيب، مع من قام به ومتى.",
                "Everything that happened to this organisation, in order, with who did it and when.",
                // ckb: needs native review
                "هەموو ئەوەی بەسەر ئەم ڕێکخراوەدا هاتووە، بە ڕیز، لەگەڵ ئەوەی کێ کردوویەتی و کەی.",
            ],
            Time => ["الوقت", "Time", "کات"],
            Actor => ["المنفّذ", "Done by", "ئەنجامدەر"], // ckb: needs native review
            Event => ["الحدث", "Event", "ڕووداو"],
            NoHistory => [
                "لا توجد أحداث مسجّلة.",
                "No recorded events.",
                "هیچ ڕووداوێک تۆمار نەکراوە.",
            ],
            MoreHistory => ["أحداث أخرى", "More events", "ڕووداوی زیاتر"],
            HistoryFromStart => [
                "من بداية السجل",
                "From the beginning",
                "لە سەرەتای تۆمارەکەوە", // ckb: needs native review
            ],
            SecretariatActions => [
                "إجراءات الأمانة العامة",
                "Secretariat actions",
                "کارەکانی ئەمینداریەتی گشتی", // ckb: needs native review
            ],
            Verify => [
                "توثيق المؤسسة",
                "Verify the organisation",
                "پشتڕاستکردنەوەی ڕێکخراو", // ckb: needs native review
            ],
            Suspend => ["تعليق المؤسسة", "Suspend the organisation", "ڕاگرتنی ڕێکخراو"], // ckb: needs native review
            Reinstate => [
                "إعادة تفعيل المؤسسة",
                "Reinstate the organisation",
                "چالاککردنەوەی ڕێکخراو", // ckb: needs native review
            ],
            Reason => ["السبب (مطلوب)", "Reason (required)", "هۆکار (پێویستە)"],
            Note => [
                "ملاحظة (اختيارية)",
                "Note (optional)",
                "تێبینی (ئارەزوومەندانە)", // ckb: needs native review
            ],
            DoneVerified => [
                "تم توثيق المؤسسة.",
                "The organisation has been verified.",
                "ڕێکخراوەکە پشتڕاستکرایەوە.", // ckb: needs native review
            ],
            DoneSuspended => [
                "تم تعليق المؤسسة.",
                "The organisation has been suspended.",
                "ڕێکخراوەکە ڕاگیرا.", // ckb: needs native review
            ],
            DoneReinstated => [
                "أُعيد تفعيل المؤسسة.",
                "The organisation has been reinstated.",
                "ڕێکخراوەکە چالاککرایەوە.", // ckb: needs native review
            ],
            ActionFailed => [
                "تعذّر تنفيذ الإجراء",
                "The action was not carried out",
                "کارەکە ئەنجام نەدرا", // ckb: needs native review
            ],
            NotFoundTitle => ["الصفحة غير موجودة", "Not found", "نەدۆزرایەوە"],
            NotFoundBody => [
                "لم نجد ما تبحث عنه. ربما تغيّر الرابط أو كُتب بشكل غير صحيح.",
                "We could not find what you were looking for. The link may have changed or been mistyped.",
                // ckb: needs native review
                "ئەوەی بەدوایدا دەگەڕێیت نەدۆزرایەوە. لەوانەیە بەستەرەکە گۆڕابێت یان بە هەڵە نووسرابێت.",
            ],
            ForbiddenTitle => ["غير مسموح", "Not allowed", "ڕێگەپێنەدراو"],
            ForbiddenBody => [
                "دورك لا يسمح بهذا الإجراء. إن كنت تظن أن هذا خطأ فتواصل مع مسؤول مؤسستك.",
                "Your role does not allow this. If you think this is a mistake, contact your organisation's administrator.",
                // ckb: needs native review
                "ڕۆڵەکەت ڕێگە بەمە نادات. ئەگەر پێتوایە ئەمە هەڵەیە، پەیوەندی بە بەڕێوەبەری ڕێکخراوەکەتەوە بکە.",
            ],
            CsrfTitle => [
                "انتهت صلاحية هذا النموذج",
                "This form has expired",
                "ئەم فۆرمە بەسەرچووە", // ckb: needs native review
            ],
            CsrfBody => [
                "لحماية حسابك لم نقبل هذا الطلب. ارجع إلى الصفحة السابقة وحدّثها ثم حاول مرة أخرى.",
                "To protect your account we did not accept this request. Go back, reload the page and try again.",
                // ckb: needs native review
                "بۆ پاراستنی هەژمارەکەت ئەم داواکارییە وەرنەگیرا. بگەڕێوە بۆ پەڕەی پێشوو، نوێی بکەرەوە و دووبارە هەوڵ بدەرەوە.",
            ],
            ErrorTitle => ["حدث خطأ", "Something went wrong", "هەڵەیەک ڕوویدا"],
            ErrorBody => [
                "تعذّر إكمال طلبك الآن. حاول مرة أخرى بعد قليل.",
                "Your request could not be completed right now. Please try again shortly.",
                // ckb: needs native review
                "ئێستا ناتوانرێت داواکارییەکەت تەواو بکرێت. تکایە دوای کەمێک دووبارە هەوڵ بدەرەوە.",
            ],
            BackHome => [
                "العودة إلى الصفحة الرئيسية",
                "Back to the home page",
                "گەڕانەوە بۆ پەڕەی سەرەکی",
            ],
            Footer => [
                "آلية الإحالة الوطنية مجانية وسرية. البيانات الشخصية والحساسة لا يطّلع عليها إلا أخصائيو الحالة المعيّنون.",
                "The National Referral Mechanism is free and confidential. Personal and sensitive data is visible only to the assigned case workers.",
                // ckb: needs native review
                "میکانیزمی نیشتمانیی ئاڕاستەکردن بێبەرامبەر و نهێنییە. داتا کەسی و هەستیارەکان تەنها بۆ کارمەندانی کەیسی دیاریکراو دەردەکەون.",
            ],
        }
    }
}

/// Shorthand: the text of `msg` in `locale`.
pub fn t(locale: Locale, msg: Msg) -> &'static str {
    msg.text(locale)
}
