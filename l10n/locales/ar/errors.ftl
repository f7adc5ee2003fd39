### Messages of the API errors: error key "a.b_c" is message "error-a--b_c".

error-forbidden = ليست لديك صلاحية القيام بهذا الإجراء.
error-unauthenticated = يرجى تسجيل الدخول أولاً.
error-session_expired = انتهت الجلسة أو أُلغي الرمز. يرجى تسجيل الدخول من جديد.
error-login--failed = اسم المستخدم أو كلمة المرور غير صحيحة.
error-login--throttled =
    محاولات دخول خاطئة كثيرة من هذا العنوان. حاول مرة أخرى بعد { $seconds ->
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانية
       *[other] { $seconds } ثانية
    }.
error-csrf--missing = طلب غير موثوق: رمز الحماية (CSRF) مفقود أو غير صحيح. أعد تحميل الصفحة.
error-unavailable = الخدمة غير متاحة مؤقتاً. يرجى المحاولة مرة أخرى بعد قليل.
error-internal = حدث خطأ غير متوقع. سُجّل الخطأ برقم الطلب { $request_id }.
error-contention = تغيّر السجل أثناء تنفيذ طلبك. يرجى المحاولة مرة أخرى.
error-command_id--too_long =
    معرّف الأمر commandId طويل جداً (الحد { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-request--invalid = الطلب غير صالح: { $detail }
error-request--too_large =
    الطلب أكبر من المسموح (الحد { $max ->
        [one] بايت واحد
        [two] بايتان
        [few] { $max } بايتات
        [many] { $max } بايتاً
       *[other] { $max } بايت
    }).
error-request--too_many_tokens =
    مستند GraphQL طويل جداً (الحد { $max ->
        [one] رمز واحد
        [two] رمزان
        [few] { $max } رموز
        [many] { $max } رمزاً
       *[other] { $max } رمز
    }).
error-request--too_deep =
    مستند GraphQL متداخل أكثر من { $max ->
        [one] مستوى واحد
        [two] مستويين
        [few] { $max } مستويات
        [many] { $max } مستوى
       *[other] { $max } مستوى
    }.
error-request--syntax = مستند GraphQL غير صحيح الصياغة: { $detail }
error-request--too_many_fields = يطلب المستند حقولاً كثيرة جداً بعد توسيع الأجزاء (الحد { $max }).
error-request--too_many_aliases = يستخدم المستند أسماء بديلة كثيرة جداً (الحد { $max }).
error-request--fragment_cycle = جزء (fragment) في المستند يستدعي نفسه مباشرة أو عبر أجزاء أخرى.
error-request--timeout =
    استغرق الطلب أكثر من { $seconds ->
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانية
       *[other] { $seconds } ثانية
    } فأُوقف. جرّب طلباً أصغر.
error-request--batch_unsupported = لا تُقبل الطلبات المجمّعة: أرسل كل عملية في طلب مستقل.
error-request--method = لا تُرسل التعديلات (mutation) عبر GET: استخدم POST.
error-input--variable_missing = المتغيّر ${ $name } مطلوب ولم يُرسل.
error-input--control_character = يحتوي الحقل «{ $field }» على محرف تحكم غير مسموح (مثل NUL).
error-logout--api_token = هذا الطلب مصادق عليه برمز API وليس بجلسة، فلا جلسة لإنهائها. لإيقاف الرمز استخدم revokeApiToken.
error-input--first_out_of_range = يجب أن تكون قيمة first بين 1 و{ $max }.
error-input--bad_cursor = مؤشر الصفحة غير صالح؛ ابدأ من الصفحة الأولى.
error-input--unknown_governorate = محافظة غير معروفة «{ $value }»: استخدم رمز ISO 3166-2 مثل IQ-NI.
error-input--bad_id = المعرّف «{ $value }» غير صالح.
error-input--name_empty = الاسم مطلوب.
error-input--name_too_long =
    الاسم طويل جداً (الحد { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-input--name_control = يحتوي الاسم على رموز غير مسموح بها.
error-input--password_too_short =
    يجب ألا تقل كلمة المرور عن { $min ->
        [one] حرف واحد
        [two] حرفين
        [few] { $min } أحرف
        [many] { $min } حرفاً
       *[other] { $min } حرف
    }.
error-input--username_invalid = اسم المستخدم من 3 إلى 64 حرفاً: أحرف لاتينية صغيرة وأرقام و . _ - فقط.
error-input--too_long =
    النص طويل جداً (الحد { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-account--not_found = لا يوجد حساب باسم «{ $value }».
error-account--username_taken = اسم المستخدم «{ $value }» مستخدم من قبل.
error-token--not_found = لا يوجد رمز وصول بهذا المعرّف.
error-organization--not_found = لا توجد منظمة بهذا المعرّف.
error-organization--already_registered = هذه المنظمة مسجّلة من قبل.
error-organization--no_governorates = يجب أن تخدم المنظمة محافظة واحدة على الأقل.
error-organization--service_without_governorates = يجب تقديم الخدمة في محافظة واحدة على الأقل.
error-organization--capacity_out_of_range = يجب أن تكون السعة الشهرية بين 1 و{ $max }.
error-organization--reason_required =
    يجب ذكر سبب التعليق (حتى { $max ->
        [one] حرف واحد
        [two] حرفين
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-organization--role_not_allowed = لا يمكن منح الدور { $role } في منظمة من نوع { $kind }.
error-organization--offers_no_services = المنظمات من نوع { $kind } لا تقدّم خدمات.
error-organization--already_verified = المنظمة موثّقة من قبل.
error-organization--already_suspended = المنظمة معلّقة من قبل.
error-organization--not_suspended = المنظمة ليست معلّقة.
error-organization--is_suspended = المنظمة معلّقة؛ يجب إعادة تفعيلها أولاً.
error-organization--already_member = هذا الشخص عضو في المنظمة من قبل.
error-organization--not_a_member = هذا الشخص ليس عضواً في المنظمة.
error-organization--last_manager = لا يمكن ترك المنظمة دون مسؤول عن إدارتها.
error-organization--operator_cannot_be_suspended = الأمانة العامة تشغّل المنصة ولا يمكن تعليقها.
error-organization--last_administrator = لا يمكن ترك الأمانة العامة دون مدير.
error-organization--service_already_offered = هذه الخدمة مقدّمة من قبل؛ عدّلها بدلاً من ذلك.
error-organization--service_not_offered = هذه الخدمة غير مقدّمة.
error-referral--not_found = لا توجد إحالة بهذا المعرّف.
error-referral--already_exists = هذه الإحالة موجودة من قبل.
error-referral--no_needs = يجب أن تتضمن الإحالة احتياجاً واحداً على الأقل.
error-referral--duplicate_need = لا يتكرر الاحتياج نفسه في الإحالة.
error-referral--household_out_of_range = يجب أن يكون حجم الأسرة بين 1 و{ $max }.
error-referral--bad_country = رمز البلد يجب أن يكون حرفين وفق ISO 3166-1 مثل DE.
error-referral--consent_required = لا تُفتح الإحالة لمقدّمي الخدمات دون موافقة الشخص على المشاركة.
error-referral--consent_expiry_before_given = لا يمكن أن تنتهي الموافقة قبل تاريخ منحها.
error-referral--reason_required =
    يجب ذكر السبب (حتى { $max ->
        [one] حرف واحد
        [two] حرفين
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-referral--already_claimed = استلم مقدّم خدمة آخر هذه الإحالة من قبل.
error-referral--no_capacity = استُنفدت طاقة مؤسستكم الشهرية لاحتياجات هذه الإحالة. تُستأنف الإحالات حين تتوفر أماكن أو تُرفع الطاقة.
error-referral--no_matching_service = لا تقدّم منظمتك خدمة لهذه الاحتياجات في هذه المحافظة.
error-referral--provider_not_verified = لا يستلم الإحالات إلا مقدّمو الخدمات الموثّقون.
error-referral--wrong_status = حالة الإحالة ({ $status }) لا تسمح بهذا الإجراء.
error-referral--need_not_in_referral = الاحتياج { $category } ليس ضمن هذه الإحالة.
error-referral--need_without_outcome = الاحتياج { $category } بلا نتيجة: حدّد نتيجة لكل احتياج قبل الإغلاق.
error-referral--reason_code_required = لم يُلبَّ الاحتياج { $category } بالكامل: اختر سبباً مرمّزاً.
error-referral--consent_not_active = موافقة الشخص لا تسمح لمقدّمي الخدمات بالاطلاع على بياناته الشخصية.
error-referral--erased = مُحيت البيانات الشخصية لهذا الشخص.
error-referral--not_on_that_side = هذا الشخص ليس عضواً في المنظمة المعنية.
error-referral--same_provider = لا يمكن تحويل الإحالة إلى مقدّم الخدمة الذي يحملها.

error-account--wrong_password = كلمة المرور الحالية غير صحيحة.
error-account--no_session_to_end = لا توجد جلسة قائمة بهذا المعرّف لإنهائها.
error-account--too_many_sessions = لا يمكن إنهاء أكثر من { $max } جلسة في خطوة واحدة.
error-account--token_already_revoked = رمز الوصول هذا ملغى من قبل.
error-account--token_exists = يوجد رمز وصول بهذا المعرّف.

### Opportunities (private-sector postings and nominations).
error-opportunity--not_found = لا توجد فرصة بهذا المعرّف.
error-opportunity--already_exists = هذه الفرصة موجودة من قبل.
error-opportunity--required = هذا الحقل مطلوب.
error-opportunity--bad_text = النص فارغ أو يحتوي على رموز غير مسموح بها.
error-opportunity--title_too_long =
    العنوان طويل جداً (الحد { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-opportunity--description_too_long =
    الوصف طويل جداً (الحد { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-opportunity--positions_out_of_range = يجب أن يكون عدد الوظائف بين 1 و{ $max }.
error-opportunity--positions_below_hires = وُظّف { $hires } من قبل؛ لا يمكن أن يقلّ عدد الوظائف عن ذلك.
error-opportunity--pay_does_not_fit_kind = أدخل نطاق أجر شهري للعمل والتدريب، ومبلغًا واحدًا للمنحة أو القرض.
error-opportunity--pay_not_positive = يجب أن يكون المبلغ أكثر من صفر دينار.
error-opportunity--pay_too_large = المبلغ كبير على نحو غير معقول؛ تحقّق من عدد الأصفار.
error-opportunity--min_pay_above_max = الحد الأدنى للأجر أعلى من الحد الأقصى.
error-opportunity--deadline_in_past = يجب أن يكون الموعد النهائي بعد اليوم.
error-opportunity--deadline_not_later = يجب أن يكون الموعد النهائي الجديد بعد الموعد الحالي.
error-opportunity--deadline_changed_by_edit = لا يتغيّر الموعد النهائي لفرصة منشورة إلا بتمديده.
error-opportunity--too_many_skills =
    لا يمكن ذكر أكثر من { $max ->
        [one] مهارة واحدة
        [two] مهارتين
        [few] { $max } مهارات
        [many] { $max } مهارة
       *[other] { $max } مهارة
    }.
error-opportunity--bad_skill =
    المهارة طويلة جداً أو فيها رموز غير مسموح بها (الحد { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-opportunity--too_many_languages =
    لا يمكن ذكر أكثر من { $max ->
        [one] لغة واحدة
        [two] لغتين
        [few] { $max } لغات
        [many] { $max } لغة
       *[other] { $max } لغة
    }.
error-opportunity--bad_language = رمز اللغة غير معروف.
error-opportunity--minimum_age_out_of_range = يجب أن يكون الحد الأدنى للعمر بين { $min } و{ $max }.
error-opportunity--motivation_too_long =
    رسالة الدافع طويلة جداً (الحد { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-opportunity--reason_required =
    اكتب أسباب الإعادة (حتى { $max ->
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفاً
       *[other] { $max } حرف
    }).
error-opportunity--wrong_status = حالة الفرصة لا تسمح بهذا الإجراء.
error-opportunity--deadline_not_reached = لم يحن الموعد النهائي للفرصة بعد.
error-opportunity--nominations_closed = انقضى الموعد النهائي؛ لا تُقبل ترشيحات جديدة.
error-opportunity--consent_required = لم تُسجَّل موافقة العائد على ترشيحه لدى صاحب العمل هذا.
error-opportunity--no_matching_need = ليس في الإحالة احتياج إلى سبل العيش أو التدريب المهني.
error-opportunity--already_nominated = رُشّح هذا الشخص لهذه الفرصة من قبل من مكتب آخر أو من الإحالة نفسها.
error-opportunity--nomination_not_found = لا يوجد ترشيح بهذا المعرّف في هذه الفرصة.
error-opportunity--nomination_exists = يوجد ترشيح بهذا المعرّف.
error-opportunity--wrong_stage = مرحلة الترشيح لا تسمح بهذا الإجراء.
error-opportunity--nominee_rejected = لا يمكن توظيف مرشّح رُفض.
error-opportunity--positions_filled = شُغلت كل الوظائف المتاحة في هذه الفرصة.
error-opportunity--interview_in_past = تاريخ المقابلة في الماضي.
error-opportunity--contact_not_disclosed = لا تظهر بيانات الاتصال إلا بعد إدراج المرشّح في القائمة المختصرة وبموافقته على ذلك.
