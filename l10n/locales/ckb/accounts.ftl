### Signing in, the home page, roles and organisation members.

sign-in = چوونەژوورەوە
sign-out = چوونەدەرەوە
# needs native review
signed-in-as = چوویتە ژوورەوە وەک
username = ناوی بەکارهێنەر
password = وشەی نهێنی
login-title = چوونەژوورەوە بۆ سەنەد
# needs native review
login-intro = ئەو هەژمارە بەکاربهێنە کە ڕێکخراوەکەت پێی داویت.
login-missing-fields = ناوی بەکارهێنەر و وشەی نهێنی بنووسە.
login-failed = چوونەژوورەوە سەرکەوتوو نەبوو. تکایە دووبارە هەوڵ بدەرەوە.
welcome = بەخێربێیت
your-role = ڕۆڵەکەت
your-organization = ڕێکخراوەکەت
# needs native review
no-organization = سەر بە هیچ ڕێکخراوێک نییە
no-role = بێ ڕۆڵ
members = ئەندامان
display-name = ناو
role = ڕۆڵ
no-members = هێشتا هیچ ئەندامێک نییە.
add-member-title = زیادکردنی ئەندام
# needs native review
add-member-hint = هەژمارێک بەم ناوی بەکارهێنەر و وشەی نهێنییە دروست دەکرێت؛ بە شێوەیەکی پارێزراو بیدە بە خاوەنەکەی.
# needs native review
initial-password = یەکەم وشەی نهێنی (لانیکەم 10 پیت)
# needs native review
change-role = گۆڕینی ڕۆڵ
remove-member = لابردن
# needs native review
done-member-added = ئەندامەکە زیادکرا.
# needs native review
done-member-changed = ڕۆڵی ئەندامەکە گۆڕدرا.
# needs native review
done-member-removed = ئەندامەکە لابرا؛ هەژمارەکەی ئیتر ناتوانێت هیچ بکات.
# needs native review
role-SECRETARIAT_ADMIN = بەڕێوەبەری ئەمینداریەتی گشتی
# needs native review
role-SECRETARIAT_AUDITOR = وردبینی ئەمینداریەتی گشتی
# needs native review
role-NRM_SUPERVISOR = سەرپەرشتیاری میکانیزمی نیشتمانیی ئاڕاستەکردن
# needs native review
role-NRM_CASEWORKER = کارمەندی کەیس
# needs native review
role-PROVIDER_COORDINATOR = هەماهەنگکاری پێشکەشکاری خزمەتگوزاری
# needs native review
role-PROVIDER_STAFF = کارمەندی پێشکەشکاری خزمەتگوزاری
# needs native review
role-EMPLOYER = خاوەنکاری کەرتی تایبەت
# needs native review
role-MRC_COUNSELLOR = ڕاوێژکاری سەنتەری سەرچاوەکانی کار و کۆچی کرێکاران
