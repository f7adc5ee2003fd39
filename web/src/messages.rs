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
    ActionNeededTitle,
    ActionNeededEmpty,
    ReasonAwaitingAcceptance,
    ReasonFollowUpDue,
    ReasonDraftNotOpened,
    ReasonNoProviderAvailable,
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
    NavOfficeReferrals,
    NavNewReferral,
    NavBoard,
    NavMyCases,
    NavAllReferrals,
    NavStatistics,
    ReferralsIntroOffice,
    ReferralsIntroProvider,
    ReferralsIntroAll,
    CaseNumber,
    CaseNumberHint,
    Needs,
    AgeBand,
    Sex,
    Holder,
    NoHolder,
    CreatedAt,
    ReferralCount,
    NoReferrals,
    BoardIntro,
    FilterNeed,
    Order,
    WaitingHours,
    Escalated,
    BoardEmpty,
    CapacityTitle,
    CapacityUsed,
    Full,
    NoCapacity,
    NoProviderAvailable,
    HouseholdSize,
    Vulnerabilities,
    NewReferralIntro,
    SectionFacts,
    BeneficiaryType,
    ReturnCountry,
    ReturnCountryHint,
    District,
    Choose,
    SectionNeeds,
    NeedsHint,
    Priority,
    SectionConsent,
    GivenBy,
    GivenOn,
    ShareWithProviders,
    MayContact,
    ExpiresOn,
    SectionPersonal,
    PersonalHint,
    FullName,
    Phone,
    DateOfBirth,
    IdDocumentType,
    IdDocumentNumber,
    Address,
    CaseNotes,
    OpenNow,
    CreateReferral,
    FormHasErrors,
    BadDate,
    BadNumber,
    ChooseValue,
    Required,
    CaseFacts,
    Office,
    Delivered,
    NotDelivered,
    Yes,
    No,
    NoExpiry,
    Results,
    Outcome,
    ClosureReason,
    NextFollowUp,
    Erased,
    OpenedAt,
    ClaimedAt,
    ClosedAt,
    Timeline,
    TimelineIntro,
    Actions,
    ActionsIntro,
    ActOpen,
    ActClaim,
    ActAccept,
    ActDecline,
    ActStart,
    ActDeliver,
    ActClose,
    CloseHint,
    ActTransfer,
    TransferProvider,
    TransferProviderHint,
    NoMatchingProviders,
    ProvidersUnavailable,
    ActAssign,
    Caseworker,
    AssignHint,
    NoColleagues,
    ActWithdraw,
    ConsentWithdrawn,
    ActReopen,
    ActFollowUp,
    DueOn,
    FollowUpNote,
    ActConsent,
    ActViewPersonal,
    Purpose,
    ViewPersonalHint,
    PersonalRecorded,
    ActErase,
    EraseWarning,
    EraseConfirm,
    EraseNotConfirmed,
    DoneCreated,
    DoneOpened,
    DoneClaimed,
    DoneAccepted,
    DoneDeclined,
    DoneStarted,
    DoneDelivered,
    DoneClosed,
    DoneTransferred,
    DoneAssigned,
    DoneWithdrawn,
    DoneReopened,
    DoneFollowUp,
    DoneConsent,
    DoneErased,
    StatisticsTitle,
    StatisticsIntro,
    Suppressed,
    NoStatistics,
    DownloadXlsx,
    GovernorateCode,
    RegisterOrganization,
    EditProfile,
    DoneRegistered,
    DoneProfileUpdated,
    AddMemberTitle,
    AddMemberHint,
    InitialPassword,
    ChangeRole,
    RemoveMember,
    DoneMemberAdded,
    DoneMemberChanged,
    DoneMemberRemoved,
    ServiceFormTitle,
    ServiceFormHint,
    SaveService,
    ChangeService,
    WithdrawService,
    DoneServiceSaved,
    DoneServiceWithdrawn,
    CapacityInvalid,
    ExportTruncated,
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
            ActionNeededTitle => [
                "ما ينتظرك",
                "Waiting for you",
                "ئەوەی چاوەڕێی تۆیە", // ckb: needs native review
            ],
            ActionNeededEmpty => [
                "لا شيء ينتظرك الآن.",
                "Nothing is waiting for you right now.",
                "ئێستا هیچ شتێک چاوەڕێی تۆ نییە.", // ckb: needs native review
            ],
            ReasonAwaitingAcceptance => [
                "محجوزة لمؤسستك: اقبلها أو اعتذر عنها",
                "Claimed by your organisation: accept or decline it",
                // ckb: needs native review
                "لەلایەن ڕێکخراوەکەتەوە وەرگیراوە: پەسەندی بکە یان ڕەتی بکەرەوە",
            ],
            ReasonFollowUpDue => [
                "حان موعد المتابعة",
                "Follow-up due",
                "کاتی بەدواداچوون هاتووە", // ckb: needs native review
            ],
            ReasonDraftNotOpened => [
                "مسودة لم تُفتح لمقدّمي الخدمات بعد",
                "Draft not yet opened to providers",
                // ckb: needs native review
                "ڕەشنووسێک هێشتا بۆ پێشکەشکاران نەکراوەتەوە",
            ],
            ReasonNoProviderAvailable => [
                "لا يستطيع أي مقدّم خدمة استلامها الآن",
                "No provider can take it right now",
                // ckb: needs native review
                "ئێستا هیچ دابینکەرێک ناتوانێت وەریبگرێت",
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
            NavOfficeReferrals => [
                "إحالات المكتب",
                "Office referrals",
                // ckb: needs native review
                "ئاڕاستەکردنەکانی نووسینگە",
            ],
            NavNewReferral => [
                "إحالة جديدة",
                "New referral",
                // ckb: needs native review
                "ئاڕاستەکردنی نوێ",
            ],
            NavBoard => [
                "لوحة الإحالات",
                "Referral board",
                // ckb: needs native review
                "تەختەی ئاڕاستەکردنەکان",
            ],
            NavMyCases => [
                "حالاتي",
                "My cases",
                "کەیسەکانم",
            ],
            NavAllReferrals => [
                "الإحالات",
                "Referrals",
                // ckb: needs native review
                "ئاڕاستەکردنەکان",
            ],
            NavStatistics => [
                "الإحصاءات",
                "Statistics",
                "ئامارەکان",
            ],
            ReferralsIntroOffice => [
                "الإحالات التي أجراها مكتبك، الأحدث أولاً. لا تظهر البيانات الشخصية في هذه القائمة.",
                "The referrals your office made, newest first. No personal data appears in this list.",
                // ckb: needs native review
                "ئەو ئاڕاستەکردنانەی نووسینگەکەت کردوونی، نوێترین یەکەم. هیچ داتایەکی کەسی لەم لیستەدا دەرناکەوێت.",
            ],
            ReferralsIntroProvider => [
                "الحالات التي تتولّاها مؤسستك أو تولّتها من قبل، الأحدث أولاً.",
                "The cases your organisation holds or held before, newest first.",
                // ckb: needs native review
                "ئەو کەیسانەی ڕێکخراوەکەت ئێستا یان پێشتر وەریگرتوون، نوێترین یەکەم.",
            ],
            ReferralsIntroAll => [
                "جميع الإحالات، الأحدث أولاً، دون بيانات شخصية.",
                "Every referral, newest first, without personal data.",
                // ckb: needs native review
                "هەموو ئاڕاستەکردنەکان، نوێترین یەکەم، بێ داتای کەسی.",
            ],
            CaseNumber => [
                "رقم الحالة",
                "Case number",
                "ژمارەی کەیس",
            ],
            CaseNumberHint => [
                "رقم الحالة كاملاً أو جزء منه، مثل NRM-NI-2026",
                "The whole case number or part of it, e.g. NRM-NI-2026",
                // ckb: needs native review
                "هەموو ژمارەی کەیس یان بەشێکی، وەک NRM-NI-2026",
            ],
            Needs => [
                "الاحتياجات",
                "Needs",
                "پێداویستییەکان",
            ],
            AgeBand => [
                "الفئة العمرية",
                "Age band",
                // ckb: needs native review
                "تەمەن",
            ],
            Sex => [
                "الجنس",
                "Sex",
                "ڕەگەز",
            ],
            Holder => [
                "مقدّم الخدمة",
                "Service provider",
                // ckb: needs native review
                "پێشکەشکاری خزمەتگوزاری",
            ],
            NoHolder => [
                "لم يحجزها مقدّم خدمة بعد",
                "Not claimed yet",
                // ckb: needs native review
                "هێشتا وەرنەگیراوە",
            ],
            CreatedAt => [
                "تاريخ الإنشاء",
                "Created on",
                "بەرواری دروستکردن",
            ],
            ReferralCount => [
                "عدد الإحالات المطابقة",
                "Matching referrals",
                // ckb: needs native review
                "ژمارەی ئاڕاستەکردنە گونجاوەکان",
            ],
            NoReferrals => [
                "لا توجد إحالات مطابقة.",
                "No referrals match.",
                // ckb: needs native review
                "هیچ ئاڕاستەکردنێک ناگونجێت.",
            ],
            BoardIntro => [
                "الإحالات المفتوحة التي يمكن لمؤسستك حجزها: احتياج تقدّمه في محافظة تقدّمه فيها. لا تظهر هنا أي بيانات شخصية.",
                "Open referrals your organisation may claim: a need it serves, in a governorate where it serves it. No personal data appears here.",
                // ckb: needs native review
                "ئەو ئاڕاستەکردنە کراوانەی ڕێکخراوەکەت دەتوانێت وەریانبگرێت: پێداویستییەک کە پێشکەشی دەکات، لە پارێزگایەک کە تێیدا پێشکەشی دەکات. هیچ داتایەکی کەسی لێرە دەرناکەوێت.",
            ],
            FilterNeed => [
                "الاحتياج",
                "Need",
                "پێداویستی",
            ],
            Order => [
                "الترتيب",
                "Order",
                // ckb: needs native review
                "ڕیزبەندی",
            ],
            WaitingHours => [
                "ساعات الانتظار",
                "Hours waiting",
                // ckb: needs native review
                "کاتژمێرەکانی چاوەڕوانی",
            ],
            Escalated => [
                "متأخرة — أُبلغ المشرف",
                "Overdue — supervisor alerted",
                // ckb: needs native review
                "دواکەوتوو — سەرپەرشتیار ئاگادارکرایەوە",
            ],
            BoardEmpty => [
                "لا توجد إحالات مفتوحة مطابقة الآن.",
                "No open referrals match right now.",
                // ckb: needs native review
                "ئێستا هیچ ئاڕاستەکردنێکی کراوە ناگونجێت.",
            ],
            CapacityTitle => [
                "السعة هذا الشهر",
                "Capacity this month",
                // ckb: needs native review
                "توانای ئەم مانگە",
            ],
            CapacityUsed => [
                "المستخدم / السعة",
                "Used / capacity",
                // ckb: needs native review
                "بەکارهاتوو / توانا",
            ],
            Full => [
                "ممتلئة",
                "Full",
                // ckb: needs native review
                "پڕ",
            ],
            NoCapacity => [
                "لا توجد خدمات مسجّلة لمؤسستك.",
                "Your organisation has no registered services.",
                // ckb: needs native review
                "ڕێکخراوەکەت هیچ خزمەتگوزارییەکی تۆمارکراوی نییە.",
            ],
            NoProviderAvailable => [
                "لا يستطيع أي مقدّم خدمة استلام هذه الإحالة الآن: كل من يقدّم أحد احتياجاتها في المحافظة استنفد طاقته الشهرية، أو لا يقدّمها أحد.",
                "No provider can take this referral right now: every provider offering one of its needs in this governorate has used up its monthly capacity, or none offers them.",
                // ckb: needs native review
                "ئێستا هیچ دابینکەرێک ناتوانێت ئەم ڕەوانەکردنە وەربگرێت: هەموو ئەوانەی یەکێک لە پێداویستییەکانی لەم پارێزگایە پێشکەش دەکەن توانای مانگانەیان تەواو بووە، یان کەس پێشکەشی ناکات.",
            ],
            HouseholdSize => [
                "عدد أفراد الأسرة",
                "Household size",
                // ckb: needs native review
                "ژمارەی ئەندامانی خێزان",
            ],
            Vulnerabilities => [
                "أوجه الضعف",
                "Vulnerabilities",
                // ckb: needs native review
                "لاوازییەکان",
            ],
            NewReferralIntro => [
                "سجّل العائد واحتياجاته وموافقته. تُختم البيانات الشخصية قبل حفظها ولا يطّلع عليها إلا أخصائيو الحالة المعيّنون.",
                "Record the returnee, their needs and their consent. Personal data is sealed before it is stored and only the assigned case workers can see it.",
                // ckb: needs native review
                "گەڕاوەکە، پێداویستییەکانی و ڕەزامەندییەکەی تۆمار بکە. داتا کەسییەکان پێش هەڵگرتن مۆر دەکرێن و تەنها کارمەندانی کەیسی دیاریکراو دەیبینن.",
            ],
            SectionFacts => [
                "وقائع الحالة (مجهولة الهوية)",
                "Case facts (anonymised)",
                // ckb: needs native review
                "ڕاستییەکانی کەیس (بێناسنامە)",
            ],
            BeneficiaryType => [
                "فئة المستفيد",
                "Beneficiary type",
                // ckb: needs native review
                "جۆری سوودمەند",
            ],
            ReturnCountry => [
                "بلد العودة (رمز من حرفين)",
                "Country returned from (2 letters)",
                // ckb: needs native review
                "وڵاتی گەڕانەوە (کۆدی دوو پیت)",
            ],
            ReturnCountryHint => [
                "مثل DE أو TR، للعائدين من الخارج فقط.",
                "E.g. DE or TR, for returnees from abroad only.",
                // ckb: needs native review
                "وەک DE یان TR، تەنها بۆ گەڕاوەکان لە دەرەوە.",
            ],
            District => [
                "القضاء",
                "District",
                "قەزا",
            ],
            Choose => [
                "اختر…",
                "Choose…",
                "هەڵبژێرە…",
            ],
            SectionNeeds => [
                "الاحتياجات والأولوية",
                "Needs and priority",
                // ckb: needs native review
                "پێداویستییەکان و لەپێشینە",
            ],
            NeedsHint => [
                "اختر احتياجاً واحداً على الأقل، وحدّد أولوية كل احتياج.",
                "Choose at least one need, and the priority of each.",
                // ckb: needs native review
                "لانیکەم پێداویستییەک هەڵبژێرە، و لەپێشینەی هەریەکەیان دیاری بکە.",
            ],
            Priority => [
                "الأولوية",
                "Priority",
                // ckb: needs native review
                "لەپێشینە",
            ],
            SectionConsent => [
                "الموافقة",
                "Consent",
                "ڕەزامەندی",
            ],
            GivenBy => [
                "قدّم الموافقة",
                "Consent given by",
                // ckb: needs native review
                "ڕەزامەندی درا لەلایەن",
            ],
            GivenOn => [
                "تاريخ الموافقة",
                "Given on",
                // ckb: needs native review
                "بەرواری ڕەزامەندی",
            ],
            ShareWithProviders => [
                "يوافق على مشاركة حالته مع مقدّمي الخدمات",
                "Agrees to share the case with service providers",
                // ckb: needs native review
                "ڕازییە کەیسەکەی لەگەڵ پێشکەشکارانی خزمەتگوزاری هاوبەش بکرێت",
            ],
            MayContact => [
                "يوافق على أن يتواصل معه مقدّمو الخدمات",
                "Agrees to be contacted by service providers",
                // ckb: needs native review
                "ڕازییە پێشکەشکارانی خزمەتگوزاری پەیوەندی پێوە بکەن",
            ],
            ExpiresOn => [
                "تاريخ انتهاء الموافقة (اختياري)",
                "Consent expires on (optional)",
                // ckb: needs native review
                "بەرواری بەسەرچوونی ڕەزامەندی (ئارەزوومەندانە)",
            ],
            SectionPersonal => [
                "بيانات شخصية وحساسة — سرية",
                "Personal and sensitive data — confidential",
                // ckb: needs native review
                "داتای کەسی و هەستیار — نهێنی",
            ],
            PersonalHint => [
                "تُختم هذه البيانات قبل حفظها ولا تظهر في أي قائمة. لا تنسخها إلى أي مكان آخر.",
                "This data is sealed before it is stored and appears in no list. Do not copy it anywhere else.",
                // ckb: needs native review
                "ئەم داتایانە پێش هەڵگرتن مۆر دەکرێن و لە هیچ لیستێکدا دەرناکەون. لە هیچ شوێنێکی تر کۆپی مەکە.",
            ],
            FullName => [
                "الاسم الكامل",
                "Full name",
                "ناوی تەواو",
            ],
            Phone => [
                "رقم الهاتف",
                "Phone",
                "ژمارەی تەلەفۆن",
            ],
            DateOfBirth => [
                "تاريخ الميلاد (ولو تقريبياً، سنة-شهر-يوم)",
                "Date of birth (may be approximate, YYYY-MM-DD)",
                // ckb: needs native review
                "بەرواری لەدایکبوون (دەکرێت نزیکەیی بێت، ساڵ-مانگ-ڕۆژ)",
            ],
            IdDocumentType => [
                "نوع وثيقة الهوية",
                "ID document type",
                // ckb: needs native review
                "جۆری بەڵگەنامەی ناسنامە",
            ],
            IdDocumentNumber => [
                "رقم وثيقة الهوية",
                "ID document number",
                // ckb: needs native review
                "ژمارەی بەڵگەنامەی ناسنامە",
            ],
            Address => [
                "العنوان",
                "Address",
                "ناونیشان",
            ],
            CaseNotes => [
                "ملاحظات الحالة",
                "Case notes",
                // ckb: needs native review
                "تێبینییەکانی کەیس",
            ],
            OpenNow => [
                "افتحها لمقدّمي الخدمات فوراً (وإلا تبقى مسودة)",
                "Open it to providers now (otherwise it stays a draft)",
                // ckb: needs native review
                "ئێستا بۆ پێشکەشکاران بیکەرەوە (ئەگەرنا وەک ڕەشنووس دەمێنێتەوە)",
            ],
            CreateReferral => [
                "تسجيل الإحالة",
                "Create the referral",
                // ckb: needs native review
                "تۆمارکردنی ئاڕاستەکردن",
            ],
            FormHasErrors => [
                "لم تُسجَّل الإحالة:",
                "The referral was not created:",
                // ckb: needs native review
                "ئاڕاستەکردنەکە تۆمار نەکرا:",
            ],
            BadDate => [
                "أدخل التاريخ بالصيغة سنة-شهر-يوم، مثل 2025-03-01.",
                "Enter the date as YYYY-MM-DD, e.g. 2025-03-01.",
                // ckb: needs native review
                "بەروار بەم شێوەیە بنووسە ساڵ-مانگ-ڕۆژ، وەک 2025-03-01.",
            ],
            BadNumber => [
                "أدخل عدداً صحيحاً.",
                "Enter a whole number.",
                // ckb: needs native review
                "ژمارەیەکی تەواو بنووسە.",
            ],
            ChooseValue => [
                "اختر قيمة من القائمة.",
                "Choose a value from the list.",
                // ckb: needs native review
                "بەهایەک لە لیستەکە هەڵبژێرە.",
            ],
            Required => [
                "هذا الحقل مطلوب.",
                "This field is required.",
                // ckb: needs native review
                "ئەم خانەیە پێویستە.",
            ],
            CaseFacts => [
                "وقائع الحالة",
                "Case facts",
                // ckb: needs native review
                "ڕاستییەکانی کەیس",
            ],
            Office => [
                "مكتب الإحالة",
                "Referring office",
                // ckb: needs native review
                "نووسینگەی ئاڕاستەکەر",
            ],
            Delivered => [
                "قُدّمت الخدمة",
                "Delivered",
                // ckb: needs native review
                "پێشکەشکرا",
            ],
            NotDelivered => [
                "لم تُقدَّم بعد",
                "Not delivered yet",
                // ckb: needs native review
                "هێشتا پێشکەش نەکراوە",
            ],
            Yes => [
                "نعم",
                "Yes",
                "بەڵێ",
            ],
            No => [
                "لا",
                "No",
                "نەخێر",
            ],
            NoExpiry => [
                "بلا تاريخ انتهاء",
                "No expiry",
                // ckb: needs native review
                "بێ بەسەرچوون",
            ],
            Results => [
                "نتائج الإغلاق",
                "Results at closure",
                // ckb: needs native review
                "ئەنجامەکانی داخستن",
            ],
            Outcome => [
                "النتيجة",
                "Outcome",
                "ئەنجام",
            ],
            ClosureReason => [
                "سبب عدم الحل",
                "Reason if not resolved",
                // ckb: needs native review
                "هۆکار ئەگەر چارەسەر نەکرا",
            ],
            NextFollowUp => [
                "المتابعة القادمة",
                "Next follow-up",
                // ckb: needs native review
                "بەدواداچوونی داهاتوو",
            ],
            Erased => [
                "مُحيت البيانات الشخصية",
                "Personal data erased",
                // ckb: needs native review
                "داتا کەسییەکان سڕاونەتەوە",
            ],
            OpenedAt => [
                "تاريخ الفتح",
                "Opened on",
                // ckb: needs native review
                "بەرواری کردنەوە",
            ],
            ClaimedAt => [
                "تاريخ الحجز",
                "Claimed on",
                // ckb: needs native review
                "بەرواری وەرگرتن",
            ],
            ClosedAt => [
                "تاريخ الإغلاق",
                "Closed on",
                // ckb: needs native review
                "بەرواری داخستن",
            ],
            Timeline => [
                "سجل الإحالة",
                "Referral timeline",
                // ckb: needs native review
                "تۆماری ئاڕاستەکردن",
            ],
            TimelineIntro => [
                "ما جرى لهذه الإحالة مما يحق لك الاطلاع عليه، مع من قام به ومتى.",
                "What happened to this referral, as far as you may see it, with who did it and when.",
                // ckb: needs native review
                "ئەوەی بەسەر ئەم ئاڕاستەکردنەدا هاتووە، تا ئەو ڕادەیەی بۆت هەیە ببینیت، لەگەڵ ئەوەی کێ کردی و کەی.",
            ],
            Actions => [
                "الإجراءات",
                "Actions",
                "کارەکان",
            ],
            ActionsIntro => [
                "تظهر الإجراءات الممكنة في هذه الحالة؛ إن لم يسمح دورك بأحدها ستظهر لك رسالة توضّح السبب.",
                "The actions possible in this state are shown; if your role does not allow one, a message will say why.",
                // ckb: needs native review
                "ئەو کارانەی لەم دۆخەدا دەکرێن پیشان دەدرێن؛ ئەگەر ڕۆڵەکەت ڕێگە نەدات، نامەیەک هۆکارەکەی دەڵێت.",
            ],
            ActOpen => [
                "فتح الإحالة لمقدّمي الخدمات",
                "Open to providers",
                // ckb: needs native review
                "کردنەوە بۆ پێشکەشکاران",
            ],
            ActClaim => [
                "حجز الإحالة لمؤسستي",
                "Claim for my organisation",
                // ckb: needs native review
                "وەرگرتن بۆ ڕێکخراوەکەم",
            ],
            ActAccept => [
                "قبول الإحالة",
                "Accept the referral",
                // ckb: needs native review
                "پەسەندکردنی ئاڕاستەکردن",
            ],
            ActDecline => [
                "الاعتذار عن الإحالة",
                "Decline the referral",
                // ckb: needs native review
                "ڕەتکردنەوەی ئاڕاستەکردن",
            ],
            ActStart => [
                "بدء تقديم الخدمة",
                "Start the service",
                // ckb: needs native review
                "دەستپێکردنی خزمەتگوزاری",
            ],
            ActDeliver => [
                "تسجيل تقديم الخدمة",
                "Record as delivered",
                // ckb: needs native review
                "تۆمارکردن وەک پێشکەشکراو",
            ],
            ActClose => [
                "إغلاق الإحالة",
                "Close the referral",
                // ckb: needs native review
                "داخستنی ئاڕاستەکردن",
            ],
            CloseHint => [
                "لكل احتياج نتيجة؛ إن لم يُلبَّ الاحتياج فاختر السبب.",
                "Give an outcome for every need; when a need was not resolved, choose the reason.",
                // ckb: needs native review
                "بۆ هەر پێداویستییەک ئەنجامێک دیاری بکە؛ ئەگەر چارەسەر نەکرا، هۆکارەکە هەڵبژێرە.",
            ],
            ActTransfer => [
                "نقل الإحالة إلى مقدّم خدمة آخر",
                "Transfer to another provider",
                // ckb: needs native review
                "گواستنەوە بۆ پێشکەشکارێکی تر",
            ],
            TransferProvider => [
                "مقدّم الخدمة الجديد",
                "New service provider",
                // ckb: needs native review
                "پێشکەشکاری نوێی خزمەتگوزاری",
            ],
            TransferProviderHint => [
                "مقدّمو الخدمات المعتمدون الذين يقدّمون أحد احتياجات هذه الإحالة في محافظتها.",
                "Verified service providers that serve one of this referral's needs in its governorate.",
                // ckb: needs native review
                "پێشکەشکارە پەسەندکراوەکان کە یەکێک لە پێداویستییەکانی ئەم ئاڕاستەکردنە لە پارێزگاکەیدا پێشکەش دەکەن.",
            ],
            NoMatchingProviders => [
                "لا يوجد مقدّم خدمة معتمد آخر يقدّم أحد احتياجات هذه الإحالة في محافظتها، فلا يمكن نقلها الآن.",
                "No other verified service provider serves one of this referral's needs in its governorate, so it cannot be transferred now.",
                // ckb: needs native review
                "هیچ پێشکەشکارێکی پەسەندکراوی تر نییە کە یەکێک لە پێداویستییەکانی ئەم ئاڕاستەکردنە لە پارێزگاکەیدا پێشکەش بکات، بۆیە ئێستا ناگوازرێتەوە.",
            ],
            ProvidersUnavailable => [
                "تعذّر تحميل قائمة مقدّمي الخدمات. أعد تحميل الصفحة بعد قليل.",
                "The list of service providers could not be loaded. Reload the page in a moment.",
                // ckb: needs native review
                "لیستی پێشکەشکارانی خزمەتگوزاری بار نەکرا. کەمێکی تر پەڕەکە نوێ بکەرەوە.",
            ],
            ActAssign => [
                "تعيين أخصائي الحالة",
                "Assign a case worker",
                // ckb: needs native review
                "دیاریکردنی کارمەندی کەیس",
            ],
            Caseworker => [
                "أخصائي الحالة",
                "Case worker",
                // ckb: needs native review
                "کارمەندی کەیس",
            ],
            AssignHint => [
                "زملاؤك في منظمتك. يطّلع أخصائيو الحالة المعيّنون وحدهم على البيانات الشخصية والحساسة.",
                "Your colleagues in your organisation. Only the assigned case workers may see the personal and sensitive data.",
                // ckb: needs native review
                "هاوکارەکانت لە ڕێکخراوەکەتدا. تەنها کارمەندانی کەیسی دیاریکراو داتا کەسی و هەستیارەکان دەبینن.",
            ],
            NoColleagues => [
                "لا يوجد في منظمتك أحد يمكن تعيينه أخصائياً للحالة.",
                "There is no one in your organisation who can be assigned as case worker.",
                // ckb: needs native review
                "هیچ کەسێک لە ڕێکخراوەکەتدا نییە کە بکرێت بە کارمەندی کەیس دیاری بکرێت.",
            ],
            ActWithdraw => [
                "سحب الإحالة",
                "Withdraw the referral",
                // ckb: needs native review
                "کشاندنەوەی ئاڕاستەکردن",
            ],
            ConsentWithdrawn => [
                "سحب الشخص موافقته",
                "The person withdrew their consent",
                // ckb: needs native review
                "کەسەکە ڕەزامەندییەکەی کشاندەوە",
            ],
            ActReopen => [
                "إعادة فتح الإحالة",
                "Reopen the referral",
                // ckb: needs native review
                "دووبارە کردنەوەی ئاڕاستەکردن",
            ],
            ActFollowUp => [
                "جدولة متابعة",
                "Plan a follow-up",
                // ckb: needs native review
                "دانانی بەدواداچوون",
            ],
            DueOn => [
                "تاريخ المتابعة",
                "Due on",
                // ckb: needs native review
                "بەرواری بەدواداچوون",
            ],
            FollowUpNote => [
                "ملاحظة (اختيارية؛ بيانات شخصية تُختم)",
                "Note (optional; personal data, sealed)",
                // ckb: needs native review
                "تێبینی (ئارەزوومەندانە؛ داتای کەسی، مۆر دەکرێت)",
            ],
            ActConsent => [
                "تحديث الموافقة",
                "Update the consent",
                // ckb: needs native review
                "نوێکردنەوەی ڕەزامەندی",
            ],
            ActViewPersonal => [
                "عرض البيانات الشخصية",
                "Show the personal data",
                // ckb: needs native review
                "پیشاندانی داتا کەسییەکان",
            ],
            Purpose => [
                "سبب الاطلاع (مطلوب، ويُسجَّل)",
                "Why you need it (required, recorded)",
                // ckb: needs native review
                "بۆچی پێویستتە (پێویستە، تۆمار دەکرێت)",
            ],
            ViewPersonalHint => [
                "يُسجَّل اطلاعك: من اطّلع، ومتى، ولماذا. لا تُعرض البيانات إلا على هذه الصفحة.",
                "Your reading is recorded: who, when and why. The data is shown on the next page only.",
                // ckb: needs native review
                "خوێندنەوەکەت تۆمار دەکرێت: کێ، کەی و بۆچی. داتاکە تەنها لە پەڕەی داهاتوودا پیشان دەدرێت.",
            ],
            PersonalRecorded => [
                "سُجّل هذا الاطلاع في سجل الإحالة. لا تنسخ هذه البيانات ولا تشاركها، ولا تترك الصفحة مفتوحة.",
                "This reading was recorded in the referral's timeline. Do not copy or share this data, and do not leave the page open.",
                // ckb: needs native review
                "ئەم خوێندنەوەیە لە تۆماری ئاڕاستەکردنەکەدا تۆمارکرا. ئەم داتایانە کۆپی مەکە و هاوبەشی مەکە، و پەڕەکە کراوە بەجێ مەهێڵە.",
            ],
            ActErase => [
                "محو البيانات الشخصية",
                "Erase the personal data",
                // ckb: needs native review
                "سڕینەوەی داتا کەسییەکان",
            ],
            EraseWarning => [
                "يُحذف مفتاح التشفير فلا يمكن استرجاع البيانات الشخصية أبداً؛ تبقى الوقائع مجهولة الهوية والسجل.",
                "The encryption key is deleted, so the personal data can never be recovered; the anonymised facts and the history remain.",
                // ckb: needs native review
                "کلیلی نهێنیکردن دەسڕدرێتەوە، بۆیە داتا کەسییەکان هەرگیز ناگەڕێنەوە؛ ڕاستییە بێناسنامەکان و تۆمارەکە دەمێننەوە.",
            ],
            EraseConfirm => [
                "أؤكد محو البيانات الشخصية لهذا الشخص نهائياً",
                "I confirm: erase this person's personal data for good",
                // ckb: needs native review
                "پشتڕاستی دەکەمەوە: داتا کەسییەکانی ئەم کەسە بە یەکجاری بسڕەوە",
            ],
            EraseNotConfirmed => [
                "ضع علامة على التأكيد لمحو البيانات.",
                "Tick the confirmation to erase the data.",
                // ckb: needs native review
                "بۆ سڕینەوە نیشانەی پشتڕاستکردنەوە دابنێ.",
            ],
            DoneCreated => [
                "سُجّلت الإحالة.",
                "The referral has been created.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە تۆمارکرا.",
            ],
            DoneOpened => [
                "فُتحت الإحالة لمقدّمي الخدمات.",
                "The referral is open to providers.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە بۆ پێشکەشکاران کرایەوە.",
            ],
            DoneClaimed => [
                "حُجزت الإحالة لمؤسستك.",
                "The referral has been claimed for your organisation.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە بۆ ڕێکخراوەکەت وەرگیرا.",
            ],
            DoneAccepted => [
                "قُبلت الإحالة.",
                "The referral has been accepted.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە پەسەندکرا.",
            ],
            DoneDeclined => [
                "أُعيدت الإحالة إلى اللوحة.",
                "The referral went back to the board.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە گەڕایەوە بۆ تەختەکە.",
            ],
            DoneStarted => [
                "بدأ تقديم الخدمة.",
                "The service has started.",
                // ckb: needs native review
                "خزمەتگوزارییەکە دەستی پێکرد.",
            ],
            DoneDelivered => [
                "سُجّل تقديم الخدمة.",
                "The delivery has been recorded.",
                // ckb: needs native review
                "پێشکەشکردنەکە تۆمارکرا.",
            ],
            DoneClosed => [
                "أُغلقت الإحالة.",
                "The referral has been closed.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە داخرا.",
            ],
            DoneTransferred => [
                "نُقلت الإحالة، وعلى مقدّم الخدمة الجديد قبولها.",
                "The referral was transferred; the new provider must accept it.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە گوازرایەوە؛ پێشکەشکاری نوێ دەبێت پەسەندی بکات.",
            ],
            DoneAssigned => [
                "عُيّن أخصائي الحالة.",
                "The case worker has been assigned.",
                // ckb: needs native review
                "کارمەندی کەیس دیاریکرا.",
            ],
            DoneWithdrawn => [
                "سُحبت الإحالة.",
                "The referral has been withdrawn.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە کشایەوە.",
            ],
            DoneReopened => [
                "أُعيد فتح الإحالة.",
                "The referral has been reopened.",
                // ckb: needs native review
                "ئاڕاستەکردنەکە دووبارە کرایەوە.",
            ],
            DoneFollowUp => [
                "جُدولت المتابعة.",
                "The follow-up has been planned.",
                // ckb: needs native review
                "بەدواداچوونەکە دانرا.",
            ],
            DoneConsent => [
                "حُدّثت الموافقة.",
                "The consent has been updated.",
                // ckb: needs native review
                "ڕەزامەندییەکە نوێکرایەوە.",
            ],
            DoneErased => [
                "مُحيت البيانات الشخصية.",
                "The personal data has been erased.",
                // ckb: needs native review
                "داتا کەسییەکان سڕانەوە.",
            ],
            StatisticsTitle => [
                "إحصاءات الإحالات",
                "Referral statistics",
                // ckb: needs native review
                "ئامارەکانی ئاڕاستەکردن",
            ],
            StatisticsIntro => [
                "الإحالات حسب المحافظة والاحتياج والحالة، من بيانات مجهولة الهوية. تُحجب الخلايا التي تقل عن 5 إحالات حتى لا يمكن تمييز أي شخص، ولا تُعرض مجاميع.",
                "Referrals by governorate, need and status, from anonymised data. Cells under 5 referrals are withheld so no person can be singled out, and no totals are shown.",
                // ckb: needs native review
                "ئاڕاستەکردنەکان بەپێی پارێزگا، پێداویستی و دۆخ، لە داتای بێناسنامە. خانەکانی کەمتر لە 5 ئاڕاستەکردن دەشاردرێنەوە بۆ ئەوەی هیچ کەسێک نەناسرێتەوە، و هیچ کۆیەک پیشان نادرێت.",
            ],
            Suppressed => [
                "أقل من 5",
                "Fewer than 5",
                // ckb: needs native review
                "کەمتر لە 5",
            ],
            NoStatistics => [
                "لا توجد إحالات بعد.",
                "No referrals yet.",
                // ckb: needs native review
                "هێشتا هیچ ئاڕاستەکردنێک نییە.",
            ],
            DownloadXlsx => [
                "تنزيل ملف Excel",
                "Download as Excel",
                // ckb: needs native review
                "داگرتن وەک فایلی Excel",
            ],
            RegisterOrganization => [
                "تسجيل مؤسسة",
                "Register an organisation",
                "تۆمارکردنی ڕێکخراوێک", // ckb: needs native review
            ],
            EditProfile => [
                "تعديل بيانات المؤسسة",
                "Edit the profile",
                "دەستکاریکردنی زانیارییەکانی ڕێکخراو", // ckb: needs native review
            ],
            DoneRegistered => [
                "سُجّلت المؤسسة، وهي قيد التحقق حتى توثّقها الأمانة العامة.",
                "The organisation is registered; it stays pending until the Secretariat verifies it.",
                // ckb: needs native review
                "ڕێکخراوەکە تۆمارکرا؛ تا ئەمیندارێتی گشتی پشتڕاستی دەکاتەوە چاوەڕوان دەمێنێتەوە.",
            ],
            DoneProfileUpdated => [
                "حُفظت بيانات المؤسسة.",
                "The profile has been saved.",
                "زانیارییەکانی ڕێکخراو پاشەکەوت کران.", // ckb: needs native review
            ],
            AddMemberTitle => ["إضافة عضو", "Add a member", "زیادکردنی ئەندام"],
            AddMemberHint => [
                "يُنشأ للعضو حساب بهذا الاسم وكلمة المرور؛ سلّمهما إليه بطريقة آمنة.",
                "An account is made with this username and password; hand them over safely.",
                // ckb: needs native review
                "هەژمارێک بەم ناوی بەکارهێنەر و وشەی نهێنییە دروست دەکرێت؛ بە شێوەیەکی پارێزراو بیدە بە خاوەنەکەی.",
            ],
            InitialPassword => [
                "كلمة المرور الأولى (10 أحرف على الأقل)",
                "First password (at least 10 characters)",
                "یەکەم وشەی نهێنی (لانیکەم 10 پیت)", // ckb: needs native review
            ],
            ChangeRole => ["تغيير الدور", "Change role", "گۆڕینی ڕۆڵ"], // ckb: needs native review
            RemoveMember => ["إزالة", "Remove", "لابردن"],
            DoneMemberAdded => [
                "أُضيف العضو.",
                "The member has been added.",
                "ئەندامەکە زیادکرا.", // ckb: needs native review
            ],
            DoneMemberChanged => [
                "تغيّر دور العضو.",
                "The member's role has been changed.",
                "ڕۆڵی ئەندامەکە گۆڕدرا.", // ckb: needs native review
            ],
            DoneMemberRemoved => [
                "أُزيل العضو، ولم يعد حسابه يستطيع فعل شيء.",
                "The member has been removed; their account can no longer do anything.",
                // ckb: needs native review
                "ئەندامەکە لابرا؛ هەژمارەکەی ئیتر ناتوانێت هیچ بکات.",
            ],
            ServiceFormTitle => [
                "عرض خدمة أو تعديلها",
                "Offer or change a service",
                // ckb: needs native review
                "پێشکەشکردن یان گۆڕینی خزمەتگوزارییەک",
            ],
            ServiceFormHint => [
                "اختر المحافظات التي تقدّم فيها الخدمة وعدد من تستطيع خدمتهم في الشهر. تظهر الإحالات المطابقة على لوحة الإحالات لمؤسستك.",
                "Choose the governorates where you deliver it and how many people a month you can serve. Matching referrals appear on your organisation's board.",
                // ckb: needs native review
                "ئەو پارێزگایانە هەڵبژێرە کە خزمەتگوزارییەکەی تێدا پێشکەش دەکەیت و چەند کەس لە مانگێکدا دەتوانیت خزمەت بکەیت. ئاڕاستەکردنە گونجاوەکان لەسەر تەختەی ڕێکخراوەکەت دەردەکەون.",
            ],
            SaveService => ["حفظ الخدمة", "Save the service", "پاشەکەوتکردنی خزمەتگوزاری"], // ckb: needs native review
            ChangeService => ["تعديل", "Change", "گۆڕین"],
            WithdrawService => ["سحب الخدمة", "Withdraw", "کشاندنەوەی خزمەتگوزاری"], // ckb: needs native review
            DoneServiceSaved => [
                "حُفظت الخدمة.",
                "The service has been saved.",
                "خزمەتگوزارییەکە پاشەکەوت کرا.", // ckb: needs native review
            ],
            DoneServiceWithdrawn => [
                "سُحبت الخدمة، ولن تظهر إحالاتها الجديدة على لوحتكم.",
                "The service has been withdrawn; new referrals for it no longer reach your board.",
                // ckb: needs native review
                "خزمەتگوزارییەکە کشایەوە؛ ئاڕاستەکردنە نوێیەکانی ئیتر ناگەنە تەختەکەتان.",
            ],
            CapacityInvalid => [
                "اكتب السعة الشهرية عددًا صحيحًا.",
                "Write the monthly capacity as a whole number.",
                "توانای مانگانە وەک ژمارەیەکی تەواو بنووسە.", // ckb: needs native review
            ],
            GovernorateCode => [
                "رمز المحافظة",
                "Governorate code",
                // ckb: needs native review
                "کۆدی پارێزگا",
            ],
            ExportTruncated => [
                "يضم الملف أول {max} صف فقط. ضيّق التصفية لتنزيل الباقي.",
                "The file holds only the first {max} rows. Narrow the filters to download the rest.",
                // ckb: needs native review
                "فایلەکە تەنها یەکەم {max} ڕیز لەخۆدەگرێت. فلتەرەکان تەسک بکەرەوە بۆ داگرتنی ئەوانی تر.",
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
