### Fixed texts every page shares: layout, navigation, filters, forms, history, error pages, counts.

app-name = سند
tagline = منصة إعادة الإدماج المستدامة للعائدين
skip-to-content = انتقل إلى المحتوى
# After a time of day: the zone the platform shows every time in.
time-zone-baghdad = بتوقيت بغداد
language-nav = اللغة
main-nav = التنقل الرئيسي
nav-home = الرئيسية
home-intro = سند منصة مشتركة لإعادة الإدماج المستدامة للعائدين: يُحيل أخصائيو الحالة في آلية الإحالة الوطنية العائدين إلى مقدّمي الخدمات، ويبقى كل إجراء قابلاً للتدقيق.
filters = تصفية النتائج
filter-search = بحث
any = الكل
apply-filters = تطبيق
clear-filters = مسح التصفية
status = الحالة
pagination = التنقل بين الصفحات
next-page = الصفحة التالية
first-page = الصفحة الأولى
history = سجل التدقيق
history-intro = كل ما جرى لهذه المؤسسة، بالترتيب، مع من قام به ومتى.
time = الوقت
actor = المنفّذ
event = الحدث
no-history = لا توجد أحداث مسجّلة.
more-history = أحداث أخرى
history-from-start = من بداية السجل
reason = السبب (مطلوب)
note = ملاحظة (اختيارية)
action-failed = تعذّر تنفيذ الإجراء
not-found-title = الصفحة غير موجودة
not-found-body = لم نجد ما تبحث عنه. ربما تغيّر الرابط أو كُتب بشكل غير صحيح.
forbidden-title = غير مسموح
forbidden-body = دورك لا يسمح بهذا الإجراء. إن كنت تظن أن هذا خطأ فتواصل مع مسؤول مؤسستك.
csrf-title = انتهت صلاحية هذا النموذج
csrf-body = لحماية حسابك لم نقبل هذا الطلب. ارجع إلى الصفحة السابقة وحدّثها ثم حاول مرة أخرى.
error-title = حدث خطأ
error-body = تعذّر إكمال طلبك الآن. حاول مرة أخرى بعد قليل.
back-home = العودة إلى الصفحة الرئيسية
choose = اختر…
form-has-errors = لم تُسجَّل الإحالة:
bad-date = أدخل التاريخ بالصيغة سنة-شهر-يوم، مثل 2025-03-01.
bad-number = أدخل عدداً صحيحاً.
choose-value = اختر قيمة من القائمة.
required = هذا الحقل مطلوب.
yes = نعم
no = لا
results = نتائج الإغلاق
actions = الإجراءات
actions-intro = تظهر الإجراءات الممكنة في هذه الحالة؛ إن لم يسمح دورك بأحدها ستظهر لك رسالة توضّح السبب.
download-xlsx = تنزيل ملف Excel
download-csv = تنزيل ملف CSV
suppressed-flag = محجوب
notes-sheet = ملاحظات
export-truncated =
    يضم الملف { $max ->
        [zero] أول { $max } صف
        [one] أول صف واحد
        [two] أول صفّين
        [few] أول { $max } صفوف
        [many] أول { $max } صفاً
       *[other] أول { $max } صف
    } فقط. ضيّق التصفية لتنزيل الباقي.
footer = آلية الإحالة الوطنية مجانية وسرية. البيانات الشخصية والحساسة لا يطّلع عليها إلا أخصائيو الحالة المعيّنون.

# The language's own name, for the language switch.
language-name = العربية

## Counts: Arabic's CLDR plural categories (zero, one, two, few, many, other).

count-referrals =
    { $count ->
        [zero] لا توجد إحالات
        [one] إحالة واحدة
        [two] إحالتان
        [few] { $count } إحالات
        [many] { $count } إحالة
       *[other] { $count } إحالة
    }
count-organizations =
    { $count ->
        [zero] لا توجد مؤسسات
        [one] مؤسسة واحدة
        [two] مؤسستان
        [few] { $count } مؤسسات
        [many] { $count } مؤسسة
       *[other] { $count } مؤسسة
    }
count-hours =
    { $count ->
        [zero] أقل من ساعة
        [one] ساعة واحدة
        [two] ساعتان
        [few] { $count } ساعات
        [many] { $count } ساعة
       *[other] { $count } ساعة
    }

## Dates: the Gregorian calendar with the month names used in Iraq.

month-1 = كانون الثاني
month-2 = شباط
month-3 = آذار
month-4 = نيسان
month-5 = أيار
month-6 = حزيران
month-7 = تموز
month-8 = آب
month-9 = أيلول
month-10 = تشرين الأول
month-11 = تشرين الثاني
month-12 = كانون الأول
# A day: 2 أيار 2024.
date-long = { $day } { $month } { $year }
# A day and a time of day on the 24-hour clock: 2 أيار 2024، 13:05.
date-time = { $date }، { $time }

## The digits switch (Latin or Arabic-Indic digits), beside the language switch.

digits-nav = الأرقام
digits-latn = الأرقام اللاتينية
digits-arab = الأرقام المشرقية
