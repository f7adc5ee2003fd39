//! The message catalogue for errors, in Arabic (default), English and Kurdish (Sorani).
//! Kurdish strings marked `ckb?` await a native reviewer.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Ar,
    En,
    Ckb,
}

impl Locale {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ar" => Some(Self::Ar),
            "en" => Some(Self::En),
            "ckb" | "ku" => Some(Self::Ckb),
            _ => None,
        }
    }

    /// Picks the first supported language of an `Accept-Language` header; Arabic otherwise.
    pub fn from_accept_language(header: &str) -> Self {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| Self::parse(tag.split('-').next().unwrap_or(tag)))
            .next()
            .unwrap_or_default()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ar => "ar",
            Self::En => "en",
            Self::Ckb => "ckb",
        }
    }
}

/// (key, Arabic, English, Kurdish)
const CATALOGUE: &[(&str, &str, &str, &str)] = &[
    (
        "forbidden",
        "ليست لديك صلاحية القيام بهذا الإجراء.",
        "You are not allowed to do this.",
        "مۆڵەتت نییە ئەم کارە بکەیت.",
    ),
    (
        "unauthenticated",
        "يرجى تسجيل الدخول أولاً.",
        "Please sign in first.",
        "تکایە سەرەتا بچۆ ژوورەوە.",
    ),
    (
        "session_expired",
        "انتهت الجلسة أو أُلغي الرمز. يرجى تسجيل الدخول من جديد.",
        "Your session has ended or the token was revoked. Please sign in again.",
        "دانیشتنەکەت کۆتایی هات. تکایە دووبارە بچۆ ژوورەوە.",
    ),
    (
        "login.failed",
        "اسم المستخدم أو كلمة المرور غير صحيحة.",
        "Wrong username or password.",
        "ناوی بەکارهێنەر یان وشەی نهێنی هەڵەیە.",
    ),
    (
        "login.throttled",
        "محاولات دخول خاطئة كثيرة من هذا العنوان. حاول مرة أخرى بعد {seconds} ثانية.",
        "Too many wrong sign-in attempts from this address. Try again in {seconds} seconds.",
        "هەوڵی هەڵەی زۆر بۆ چوونەژوورەوە لەم ناونیشانەوە. دوای {seconds} چرکە دووبارە هەوڵ بدەوە.",
    ),
    (
        "csrf.missing",
        "طلب غير موثوق: رمز الحماية (CSRF) مفقود أو غير صحيح. أعد تحميل الصفحة.",
        "Untrusted request: the CSRF token is missing or wrong. Reload the page.",
        "داواکارییەکی نامتمانە: نیشانەی CSRF ون یان هەڵەیە.",
    ),
    (
        "unavailable",
        "الخدمة غير متاحة مؤقتاً. يرجى المحاولة مرة أخرى بعد قليل.",
        "The service is briefly unavailable. Please try again in a moment.",
        "خزمەتگوزارییەکە بۆ ماوەیەکی کەم بەردەست نییە. تکایە دواتر هەوڵ بدەوە.",
    ),
    (
        "internal",
        "حدث خطأ غير متوقع. سُجّل الخطأ برقم الطلب {request_id}.",
        "Something unexpected went wrong. It was logged under request {request_id}.",
        "هەڵەیەکی چاوەڕواننەکراو ڕوویدا ({request_id}).",
    ),
    ("projection.lagging", "سُجّل طلبك، والقوائم لم تُحدَّث بعد. أعد المحاولة بعد لحظة بالمعرّف commandId نفسه.", "Your change was recorded but the lists have not caught up yet. Try again in a moment with the same commandId.", "گۆڕانکارییەکەت تۆمارکرا بەڵام لیستەکان هێشتا نوێ نەبوونەتەوە. دواتر بە هەمان commandId هەوڵ بدەوە."),
    (
        "contention",
        "تغيّر السجل أثناء تنفيذ طلبك. يرجى المحاولة مرة أخرى.",
        "The record changed while your request ran. Please try again.",
        "تۆمارەکە گۆڕا لە کاتی داواکارییەکەت. دووبارە هەوڵ بدەوە.",
    ),
    (
        "command_id.too_long",
        "معرّف الأمر commandId طويل جداً (الحد {max} حرفاً).",
        "commandId is too long (at most {max} characters).",
        "commandId زۆر درێژە (زۆرترین {max} پیت).",
    ),
    (
        "request.invalid",
        "الطلب غير صالح: {detail}",
        "The request is not valid: {detail}",
        "داواکارییەکە دروست نییە: {detail}",
    ),
    (
        "request.too_large",
        "الطلب أكبر من المسموح (الحد {max} بايت).",
        "The request is too large (at most {max} bytes).",
        "داواکارییەکە زۆر گەورەیە (زۆرترین {max} بایت).",
    ),
    (
        "request.too_many_tokens",
        "مستند GraphQL طويل جداً (الحد {max} رمزاً).",
        "The GraphQL document is too long (at most {max} tokens).",
        "بەڵگەنامەی GraphQL زۆر درێژە (زۆرترین {max} نیشانە).",
    ),
    (
        "request.too_deep",
        "مستند GraphQL متداخل أكثر من {max} مستوى.",
        "The GraphQL document is nested more than {max} levels deep.",
        "بەڵگەنامەی GraphQL زیاتر لە {max} ئاست لەناو یەکدایە.",
    ),
    (
        "request.syntax",
        "مستند GraphQL غير صحيح الصياغة: {detail}",
        "The GraphQL document is not well formed: {detail}",
        "بەڵگەنامەی GraphQL دروست نەنووسراوە: {detail}",
    ),
    (
        "request.too_many_fields",
        "يطلب المستند حقولاً كثيرة جداً بعد توسيع الأجزاء (الحد {max}).",
        "The document asks for too many fields once its fragments are expanded (at most {max}).",
        "بەڵگەنامەکە زۆر خانە دەخوازێت (زۆرترین {max}).",
    ),
    (
        "request.too_many_aliases",
        "يستخدم المستند أسماء بديلة كثيرة جداً (الحد {max}).",
        "The document uses too many aliases (at most {max}).",
        "بەڵگەنامەکە ناوی جێگرەوەی زۆر بەکاردەهێنێت (زۆرترین {max}).",
    ),
    (
        "request.fragment_cycle",
        "جزء (fragment) في المستند يستدعي نفسه مباشرة أو عبر أجزاء أخرى.",
        "A fragment of the document spreads itself, directly or through other fragments.",
        "بەشێکی بەڵگەنامەکە خۆی بانگ دەکاتەوە.",
    ),
    (
        "request.timeout",
        "استغرق الطلب أكثر من {seconds} ثانية فأُوقف. جرّب طلباً أصغر.",
        "The request took longer than {seconds} seconds and was stopped. Try a smaller one.",
        "داواکارییەکە زیاتر لە {seconds} چرکەی خایاند و ڕاگیرا.",
    ),
    (
        "request.batch_unsupported",
        "لا تُقبل الطلبات المجمّعة: أرسل كل عملية في طلب مستقل.",
        "Batched requests are not accepted: send each operation in a request of its own.",
        "داواکاریی کۆکراوە وەرناگیرێت: هەر کارێک بە داواکارییەکی جیا بنێرە.",
    ),
    (
        "request.method",
        "لا تُرسل التعديلات (mutation) عبر GET: استخدم POST.",
        "Mutations cannot be sent with GET: use POST.",
        "گۆڕانکاری بە GET نانێردرێت: POST بەکاربهێنە.",
    ),
    (
        "input.variable_missing",
        "المتغيّر ${name} مطلوب ولم يُرسل.",
        "The variable ${name} is required but was not given.",
        "گۆڕاوی ${name} پێویستە بەڵام نەنێردرا.",
    ),
    (
        "input.control_character",
        "يحتوي الحقل «{field}» على محرف تحكم غير مسموح (مثل NUL).",
        "The field \"{field}\" contains a control character that is not allowed (such as NUL).",
        "خانەی «{field}» پیتێکی کۆنترۆڵی ڕێگەپێنەدراوی تێدایە.",
    ),
    (
        "logout.api_token",
        "هذا الطلب مصادق عليه برمز API وليس بجلسة، فلا جلسة لإنهائها. لإيقاف الرمز استخدم revokeApiToken.",
        "This request is authenticated with an API token, not a session: there is no session to end. Use revokeApiToken to stop the token.",
        "ئەم داواکارییە بە نیشانەی API ناسراوە نەک دانیشتن؛ بۆ ڕاگرتنی نیشانەکە revokeApiToken بەکاربهێنە.",
    ),
    (
        "input.first_out_of_range",
        "يجب أن تكون قيمة first بين 1 و{max}.",
        "first must be between 1 and {max}.",
        "first دەبێت لە نێوان 1 و {max} بێت.",
    ),
    (
        "input.bad_cursor",
        "مؤشر الصفحة غير صالح؛ ابدأ من الصفحة الأولى.",
        "The page cursor is not valid; start again from the first page.",
        "نیشاندەری لاپەڕە دروست نییە.",
    ),
    (
        "input.unknown_governorate",
        "محافظة غير معروفة «{value}»: استخدم رمز ISO 3166-2 مثل IQ-NI.",
        "Unknown governorate \"{value}\": use an ISO 3166-2 code such as IQ-NI.",
        "پارێزگای نەناسراو «{value}»: کۆدی ISO 3166-2 وەک IQ-NI بەکاربهێنە.",
    ),
    (
        "input.bad_id",
        "المعرّف «{value}» غير صالح.",
        "\"{value}\" is not a valid id.",
        "ناسنامەی «{value}» دروست نییە.",
    ),
    (
        "input.name_empty",
        "الاسم مطلوب.",
        "A name is required.",
        "ناو پێویستە.",
    ),
    (
        "input.name_too_long",
        "الاسم طويل جداً (الحد {max} حرفاً).",
        "The name is too long (at most {max} characters).",
        "ناوەکە زۆر درێژە (زۆرترین {max} پیت).",
    ),
    (
        "input.name_control",
        "يحتوي الاسم على رموز غير مسموح بها.",
        "The name contains characters that are not allowed.",
        "ناوەکە پیتی ڕێگەپێنەدراوی تێدایە.",
    ),
    (
        "input.password_too_short",
        "يجب ألا تقل كلمة المرور عن {min} أحرف.",
        "The password must have at least {min} characters.",
        "وشەی نهێنی دەبێت لانیکەم {min} پیت بێت.",
    ),
    (
        "input.username_invalid",
        "اسم المستخدم من 3 إلى 64 حرفاً: أحرف لاتينية صغيرة وأرقام و . _ - فقط.",
        "A username has 3 to 64 characters: lower-case Latin letters, digits, . _ - only.",
        "ناوی بەکارهێنەر 3 بۆ 64 پیتە: پیتی لاتینی بچووک، ژمارە، . _ -.",
    ),
    (
        "input.too_long",
        "النص طويل جداً (الحد {max} حرفاً).",
        "The text is too long (at most {max} characters).",
        "دەقەکە زۆر درێژە (زۆرترین {max} پیت).",
    ),
    (
        "account.not_found",
        "لا يوجد حساب باسم «{value}».",
        "There is no account named \"{value}\".",
        "هیچ هەژمارێک بە ناوی «{value}» نییە.",
    ),
    (
        "account.username_taken",
        "اسم المستخدم «{value}» مستخدم من قبل.",
        "The username \"{value}\" is already taken.",
        "ناوی بەکارهێنەر «{value}» پێشتر وەرگیراوە.",
    ),
    (
        "token.not_found",
        "لا يوجد رمز وصول بهذا المعرّف.",
        "There is no API token with this id.",
        "هیچ نیشانەیەکی API بەم ناسنامەیە نییە.",
    ),
    (
        "organization.not_found",
        "لا توجد منظمة بهذا المعرّف.",
        "There is no organisation with this id.",
        "هیچ ڕێکخراوێک بەم ناسنامەیە نییە.",
    ),
    (
        "organization.already_registered",
        "هذه المنظمة مسجّلة من قبل.",
        "This organisation is already registered.",
        "ئەم ڕێکخراوە پێشتر تۆمارکراوە.",
    ),
    (
        "organization.no_governorates",
        "يجب أن تخدم المنظمة محافظة واحدة على الأقل.",
        "An organisation must serve at least one governorate.",
        "ڕێکخراو دەبێت لانیکەم خزمەتی پارێزگایەک بکات.",
    ),
    (
        "organization.service_without_governorates",
        "يجب تقديم الخدمة في محافظة واحدة على الأقل.",
        "A service must be offered in at least one governorate.",
        "خزمەتگوزاری دەبێت لانیکەم لە پارێزگایەک پێشکەش بکرێت.",
    ),
    (
        "organization.capacity_out_of_range",
        "يجب أن تكون السعة الشهرية بين 1 و{max}.",
        "Monthly capacity must be between 1 and {max}.",
        "توانای مانگانە دەبێت لە نێوان 1 و {max} بێت.",
    ),
    (
        "organization.reason_required",
        "يجب ذكر سبب التعليق (حتى {max} حرف).",
        "A suspension needs a reason (up to {max} characters).",
        "ڕاگرتن پێویستی بە هۆکارە (تا {max} پیت).",
    ),
    (
        "organization.role_not_allowed",
        "لا يمكن منح الدور {role} في منظمة من نوع {kind}.",
        "The role {role} cannot be held in an organisation of kind {kind}.",
        "ڕۆڵی {role} لە ڕێکخراوی جۆری {kind} ناگونجێت.",
    ),
    (
        "organization.offers_no_services",
        "المنظمات من نوع {kind} لا تقدّم خدمات.",
        "Organisations of kind {kind} do not offer services.",
        "ڕێکخراوەکانی جۆری {kind} خزمەتگوزاری پێشکەش ناکەن.",
    ),
    (
        "organization.already_verified",
        "المنظمة موثّقة من قبل.",
        "The organisation is already verified.",
        "ڕێکخراوەکە پێشتر پشتڕاستکراوەتەوە.",
    ),
    (
        "organization.already_suspended",
        "المنظمة معلّقة من قبل.",
        "The organisation is already suspended.",
        "ڕێکخراوەکە پێشتر ڕاگیراوە.",
    ),
    (
        "organization.not_suspended",
        "المنظمة ليست معلّقة.",
        "The organisation is not suspended.",
        "ڕێکخراوەکە ڕانەگیراوە.",
    ),
    (
        "organization.is_suspended",
        "المنظمة معلّقة؛ يجب إعادة تفعيلها أولاً.",
        "The organisation is suspended; reinstate it first.",
        "ڕێکخراوەکە ڕاگیراوە؛ سەرەتا بیگەڕێنەوە.",
    ),
    (
        "organization.already_member",
        "هذا الشخص عضو في المنظمة من قبل.",
        "This person is already a member.",
        "ئەم کەسە پێشتر ئەندامە.",
    ),
    (
        "organization.not_a_member",
        "هذا الشخص ليس عضواً في المنظمة.",
        "This person is not a member of the organisation.",
        "ئەم کەسە ئەندامی ڕێکخراوەکە نییە.",
    ),
    (
        "organization.last_manager",
        "لا يمكن ترك المنظمة دون مسؤول عن إدارتها.",
        "The organisation would be left without anyone to manage it.",
        "ڕێکخراوەکە بێ بەڕێوەبەر دەمێنێتەوە.",
    ),
    (
        "organization.operator_cannot_be_suspended",
        "الأمانة العامة تشغّل المنصة ولا يمكن تعليقها.",
        "The Secretariat operates the platform and cannot be suspended.",
        "سکرتاریەت پلاتفۆرمەکە بەڕێوە دەبات و ناکرێت ڕابگیرێت.",
    ),
    (
        "organization.last_administrator",
        "لا يمكن ترك الأمانة العامة دون مدير.",
        "The Secretariat would be left without an administrator.",
        "سکرتاریەت بێ بەڕێوەبەری سیستەم دەمێنێتەوە.",
    ),
    (
        "organization.service_already_offered",
        "هذه الخدمة مقدّمة من قبل؛ عدّلها بدلاً من ذلك.",
        "This service is already offered; update it instead.",
        "ئەم خزمەتگوزارییە پێشتر پێشکەشکراوە؛ نوێی بکەرەوە.",
    ),
    (
        "organization.service_not_offered",
        "هذه الخدمة غير مقدّمة.",
        "This service is not offered.",
        "ئەم خزمەتگوزارییە پێشکەش ناکرێت.",
    ),
    (
        "referral.not_found",
        "لا توجد إحالة بهذا المعرّف.",
        "There is no referral with this id.",
        "هیچ ڕەوانەکردنێک بەم ناسنامەیە نییە.",
    ),
    (
        "referral.already_exists",
        "هذه الإحالة موجودة من قبل.",
        "This referral already exists.",
        "ئەم ڕەوانەکردنە پێشتر هەیە.",
    ),
    (
        "referral.no_needs",
        "يجب أن تتضمن الإحالة احتياجاً واحداً على الأقل.",
        "A referral needs at least one need.",
        "ڕەوانەکردن دەبێت لانیکەم یەک پێداویستی هەبێت.",
    ),
    (
        "referral.duplicate_need",
        "لا يتكرر الاحتياج نفسه في الإحالة.",
        "Each need may appear only once.",
        "هەر پێداویستییەک تەنها یەک جار.",
    ),
    (
        "referral.household_out_of_range",
        "يجب أن يكون حجم الأسرة بين 1 و{max}.",
        "Household size must be between 1 and {max}.",
        "قەبارەی خێزان دەبێت لە نێوان 1 و {max} بێت.",
    ),
    (
        "referral.bad_country",
        "رمز البلد يجب أن يكون حرفين وفق ISO 3166-1 مثل DE.",
        "The country must be a two-letter ISO 3166-1 code such as DE.",
        "کۆدی وڵات دەبێت دوو پیت بێت وەک DE.",
    ),
    (
        "referral.consent_required",
        "لا تُفتح الإحالة لمقدّمي الخدمات دون موافقة الشخص على المشاركة.",
        "The person's consent to share with service providers is needed to open a referral.",
        "بێ ڕەزامەندی کەسەکە ڕەوانەکردن ناکرێتەوە.",
    ),
    (
        "referral.consent_expiry_before_given",
        "لا يمكن أن تنتهي الموافقة قبل تاريخ منحها.",
        "Consent cannot expire before the day it was given.",
        "ڕەزامەندی ناتوانێت پێش بەرواری دانی بەسەر بچێت.",
    ),
    (
        "referral.reason_required",
        "يجب ذكر السبب (حتى {max} حرف).",
        "A reason is required (up to {max} characters).",
        "هۆکار پێویستە (تا {max} پیت).",
    ),
    (
        "referral.already_claimed",
        "استلم مقدّم خدمة آخر هذه الإحالة من قبل.",
        "This referral has already been claimed by a provider.",
        "ئەم ڕەوانەکردنە پێشتر لەلایەن دابینکەرێکەوە وەرگیراوە.",
    ),
    (
        "referral.no_capacity",
        "استُنفدت طاقة مؤسستكم الشهرية لاحتياجات هذه الإحالة. تُستأنف الإحالات حين تتوفر أماكن أو تُرفع الطاقة.",
        "Your organisation's monthly capacity for this referral's needs is used up. Claims resume when a place frees up or the capacity is raised.",
        "توانای مانگانەی ڕێکخراوەکەت بۆ پێداویستییەکانی ئەم ڕەوانەکردنە تەواو بووە. کاتێک شوێنێک بەتاڵ دەبێت یان توانا زیاد دەکرێت، دەتوانیت دیسان وەریبگریت.",
    ),
    (
        "referral.no_matching_service",
        "لا تقدّم منظمتك خدمة لهذه الاحتياجات في هذه المحافظة.",
        "Your organisation offers no service for these needs in this governorate.",
        "ڕێکخراوەکەت خزمەتگوزاری بۆ ئەم پێداویستییانە لەم پارێزگایە نییە.",
    ),
    (
        "referral.provider_not_verified",
        "لا يستلم الإحالات إلا مقدّمو الخدمات الموثّقون.",
        "Only verified providers may claim referrals.",
        "تەنها دابینکەرانی پشتڕاستکراوە ڕەوانەکردن وەردەگرن.",
    ),
    (
        "referral.wrong_status",
        "حالة الإحالة ({status}) لا تسمح بهذا الإجراء.",
        "The referral is {status}, which does not allow this.",
        "دۆخی ڕەوانەکردن ({status}) ڕێگە بەمە نادات.",
    ),
    (
        "referral.need_not_in_referral",
        "الاحتياج {category} ليس ضمن هذه الإحالة.",
        "The referral does not include the need {category}.",
        "پێداویستی {category} لەم ڕەوانەکردنەدا نییە.",
    ),
    (
        "referral.need_without_outcome",
        "الاحتياج {category} بلا نتيجة: حدّد نتيجة لكل احتياج قبل الإغلاق.",
        "The need {category} has no outcome: give every need an outcome before closing.",
        "پێداویستی {category} ئەنجامی نییە.",
    ),
    (
        "referral.reason_code_required",
        "لم يُلبَّ الاحتياج {category} بالكامل: اختر سبباً مرمّزاً.",
        "The need {category} was not fully met: choose a coded reason.",
        "پێداویستی {category} بە تەواوی جێبەجێ نەکرا: هۆکارێک هەڵبژێرە.",
    ),
    (
        "referral.consent_not_active",
        "موافقة الشخص لا تسمح لمقدّمي الخدمات بالاطلاع على بياناته الشخصية.",
        "The person's consent does not let providers see their personal data.",
        "ڕەزامەندی کەسەکە ڕێگە نادات دابینکەران زانیاری کەسی ببینن.",
    ),
    (
        "referral.erased",
        "مُحيت البيانات الشخصية لهذا الشخص.",
        "This person's personal data has been erased.",
        "زانیاری کەسی ئەم کەسە سڕاوەتەوە.",
    ),
    (
        "referral.not_on_that_side",
        "هذا الشخص ليس عضواً في المنظمة المعنية.",
        "That person is not a member of the right organisation.",
        "ئەو کەسە ئەندامی ڕێکخراوی پەیوەندیدار نییە.",
    ),
    (
        "referral.same_provider",
        "لا يمكن تحويل الإحالة إلى مقدّم الخدمة الذي يحملها.",
        "A referral cannot be transferred to the provider holding it.",
        "ناتوانرێت ڕەوانەکردن بۆ هەمان دابینکەر بگوازرێتەوە.",
    ),
];

/// The message for `key` in `locale`, with `{name}` placeholders filled from `args`.
/// Unknown keys fall back to the key itself, so a missing entry is visible, not silent.
pub fn message(key: &str, locale: Locale, args: &[(&str, String)]) -> String {
    let template = CATALOGUE
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, ar, en, ckb)| match locale {
            Locale::Ar => *ar,
            Locale::En => *en,
            Locale::Ckb => *ckb,
        })
        .unwrap_or(key);
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

pub fn has_key(key: &str) -> bool {
    CATALOGUE.iter().any(|(k, ..)| *k == key)
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
        let keys = org
            .iter()
            .map(|e| e.key())
            .chain(referral.iter().map(|e| e.key()));
        for key in keys {
            assert!(has_key(key), "no message for {key}");
            for locale in [Locale::Ar, Locale::En, Locale::Ckb] {
                assert_ne!(message(key, locale, &[]), key);
            }
        }
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = CATALOGUE.iter().map(|(k, ..)| *k).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }
}
