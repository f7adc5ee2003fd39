### Signing in, the home page, roles and organisation members.

sign-in = تسجيل الدخول
sign-out = تسجيل الخروج
signed-in-as = مسجّل الدخول باسم
username = اسم المستخدم
password = كلمة المرور
login-title = تسجيل الدخول إلى سند
login-intro = استخدم الحساب الذي منحته لك مؤسستك.
login-missing-fields = أدخل اسم المستخدم وكلمة المرور.
login-failed = تعذّر تسجيل الدخول. حاول مرة أخرى.
welcome = مرحباً
your-role = دورك
your-organization = مؤسستك
no-organization = غير مرتبط بمؤسسة
no-role = بلا دور
members = الأعضاء
display-name = الاسم
role = الدور
no-members = لا يوجد أعضاء بعد.
add-member-title = إضافة عضو
add-member-hint = يُنشأ للعضو حساب بهذا الاسم وكلمة المرور؛ سلّمهما إليه بطريقة آمنة.
initial-password = كلمة المرور الأولى (10 أحرف على الأقل)
change-role = تغيير الدور
remove-member = إزالة
done-member-added = أُضيف العضو.
done-member-changed = تغيّر دور العضو.
done-member-removed = أُزيل العضو، ولم يعد حسابه يستطيع فعل شيء.
role-SECRETARIAT_ADMIN = مسؤول الأمانة العامة
role-SECRETARIAT_AUDITOR = مدقّق الأمانة العامة
role-NRM_SUPERVISOR = مشرف آلية الإحالة الوطنية
role-NRM_CASEWORKER = أخصائي الحالة
role-PROVIDER_COORDINATOR = منسّق لدى مقدّم الخدمة
role-PROVIDER_STAFF = موظف لدى مقدّم الخدمة
role-EMPLOYER = صاحب عمل من القطاع الخاص
role-MRC_COUNSELLOR = مرشد في مركز موارد العمل وهجرة العمال

## One's own account: password, sessions, API tokens, history; a manager's password reset.

my-account = حسابي
account-intro = كلمة مرورك، والمتصفحات التي سجّلت الدخول منها، ورموز الوصول البرمجية، وكل ما تغيّر فيها.
change-password-title = تغيير كلمة المرور
current-password = كلمة المرور الحالية
new-password = كلمة المرور الجديدة (10 أحرف على الأقل)
repeat-password = أعد كتابة كلمة المرور الجديدة
passwords-differ = كلمتا المرور الجديدتان غير متطابقتين.
end-other-sessions-on-change = سجّل خروجي من الأجهزة الأخرى
change-password = غيّر كلمة المرور
sessions-title = الجلسات القائمة
sessions-intro = كل متصفح سجّلت الدخول منه. إن لم تعرف إحداها فأنهِها وغيّر كلمة المرور.
session-started = بدأت
session-last-seen = آخر نشاط
session-address = العنوان
session-browser = المتصفح
this-session = هذه الجلسة
end-session = أنهِ الجلسة
end-other-sessions = سجّل الخروج من جميع الجلسات الأخرى
unknown-browser = متصفح غير معروف
tokens-title = رموز الوصول البرمجية
tokens-intro = لربط أنظمة أخرى بسند باسمك. يُعرض الرمز مرة واحدة عند إنشائه.
token-name = اسم الرمز
token-made = أُنشئ
token-last-used = آخر استخدام
token-revoked-state = ملغى
token-active = فعّال
revoke-token = ألغِ الرمز
create-token = أنشئ رمزاً
new-token-shown-once = هذا رمزك الجديد. انسخه الآن، فلن يُعرض مرة أخرى:
no-tokens = لم تُنشئ أي رمز.
never-used = لم يُستخدم
account-history-title = سجل الحساب
account-history-intro = كل تغيير على كلمة المرور والجلسات والرموز، ومن قام به.
no-account-history = لا شيء بعد.
detail = التفاصيل
reset-password-title = إعادة تعيين كلمة مرور عضو
reset-password-hint = تنتهي جميع جلسات العضو. سلّمه كلمة المرور الجديدة بطريقة آمنة واطلب منه تغييرها من صفحة حسابه.
reset-password = أعد تعيين كلمة المرور
done-password-changed = تغيّرت كلمة المرور.
done-session-ended = أُنهيت الجلسة.
done-other-sessions-ended = سُجّل خروجك من جميع الجلسات الأخرى.
done-token-created = أُنشئ الرمز.
done-token-revoked = أُلغي الرمز.
done-password-reset = أُعيد تعيين كلمة مرور العضو وأُنهيت جلساته.
sessions-ended-because-ended_by_holder = أنهاها صاحب الحساب
sessions-ended-because-other_sessions_signed_out = الخروج من الجلسات الأخرى
sessions-ended-because-password_changed = مع تغيير كلمة المرور
sessions-ended-because-password_reset = مع إعادة تعيين كلمة المرور
count-sessions =
    { $count ->
        [zero] لا توجد جلسات
        [one] جلسة واحدة
        [two] جلستان
        [few] { $count } جلسات
        [many] { $count } جلسة
       *[other] { $count } جلسة
    }
