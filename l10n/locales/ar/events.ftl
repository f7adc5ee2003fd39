### A label for every event type of every aggregate ("event-<EventType>"), for the history and the audit.

event-OrganizationRegistered = تسجيل المؤسسة
event-OrganizationProfileUpdated = تحديث الملف التعريفي
event-OrganizationVerified = توثيق المؤسسة
event-OrganizationSuspended = تعليق المؤسسة
event-OrganizationReinstated = إعادة تفعيل المؤسسة
event-MemberAdded = إضافة عضو
event-MemberRoleChanged = تغيير دور عضو
event-MemberRemoved = إزالة عضو
event-ServiceOffered = إضافة خدمة
event-ServiceUpdated = تحديث خدمة
event-ServiceWithdrawn = سحب خدمة
event-ReferralCreated = تسجيل الإحالة
event-ReferralOpened = فتح الإحالة لمقدّمي الخدمات
event-ReferralClaimed = حجز الإحالة من مقدّم خدمة
event-ReferralAccepted = قبول الإحالة
event-ReferralDeclined = اعتذار مقدّم الخدمة عن الإحالة
event-ServiceStarted = بدء تقديم الخدمة
event-ServiceDelivered = تسجيل تقديم خدمة
event-ReferralClosed = إغلاق الإحالة
event-ReferralTransferred = نقل الإحالة إلى مقدّم خدمة آخر
event-ReferralWithdrawn = سحب الإحالة
event-ReferralReopened = إعادة فتح الإحالة
event-FollowUpAdded = جدولة متابعة
event-CaseworkerAssigned = تعيين أخصائي الحالة
event-ConsentUpdated = تحديث الموافقة
event-ReferralEscalated = تصعيد الإحالة إلى المشرف
event-PersonalDataViewed = الاطلاع على البيانات الشخصية
event-BeneficiaryErased = محو البيانات الشخصية
event-SignInThrottled = تقييد محاولات تسجيل الدخول

event-PasswordChanged = تغيير كلمة المرور
event-PasswordReset = إعادة تعيين كلمة المرور من المدير
event-SessionsEnded = إنهاء جلسات
event-ApiTokenCreated = إنشاء رمز وصول برمجي
event-ApiTokenRevoked = إلغاء رمز وصول برمجي
