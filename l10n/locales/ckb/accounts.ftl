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

## One's own account: password, sessions, API tokens, history; a manager's password reset.

# needs native review
my-account = هەژمارەکەم
# needs native review
account-intro = وشەی نهێنییەکەت، ئەو وێبگەڕانەی لێیانەوە چوویتەتە ژوورەوە، کلیلەکانی دەستگەیشتن، و هەموو گۆڕانکارییەکانیان.
# needs native review
change-password-title = گۆڕینی وشەی نهێنی
# needs native review
current-password = وشەی نهێنیی ئێستا
# needs native review
new-password = وشەی نهێنیی نوێ (لانیکەم 10 پیت)
# needs native review
repeat-password = دووبارە وشەی نهێنیی نوێ
# needs native review
passwords-differ = دوو وشە نهێنییە نوێیەکە وەک یەک نین.
# needs native review
end-other-sessions-on-change = لە ئامێرەکانی تر بمهێنە دەرەوە
# needs native review
change-password = وشەی نهێنی بگۆڕە
# needs native review
sessions-title = دانیشتنە کراوەکان
# needs native review
sessions-intro = هەر وێبگەڕێک کە لێیەوە چوویتەتە ژوورەوە. ئەگەر یەکێکیانت نەناسی، کۆتایی پێ بهێنە و وشەی نهێنییەکەت بگۆڕە.
# needs native review
session-started = دەستیپێکرد
# needs native review
session-last-seen = دوایین چالاکی
# needs native review
session-address = ناونیشان
# needs native review
session-browser = وێبگەڕ
# needs native review
this-session = ئەم دانیشتنە
# needs native review
end-session = کۆتایی بە دانیشتن بهێنە
# needs native review
end-other-sessions = لە هەموو دانیشتنەکانی تر بچۆ دەرەوە
# needs native review
unknown-browser = وێبگەڕی نەناسراو
# needs native review
tokens-title = کلیلەکانی دەستگەیشتن
# needs native review
tokens-intro = بۆ ئەوەی سیستەمەکانی تر بە ناوی تۆوە سەنەد بەکاربهێنن. کلیل تەنها یەک جار پیشان دەدرێت.
# needs native review
token-name = ناوی کلیل
# needs native review
token-made = دروستکرا
# needs native review
token-last-used = دوایین بەکارهێنان
# needs native review
token-revoked-state = هەڵوەشێنراوە
# needs native review
token-active = چالاک
# needs native review
revoke-token = هەڵیبوەشێنەوە
# needs native review
create-token = کلیلێک دروست بکە
# needs native review
new-token-shown-once = ئەمە کلیلە نوێیەکەتە. ئێستا لەبەری بگرەوە، جارێکی تر پیشان نادرێت:
# needs native review
no-tokens = هیچ کلیلێکت دروست نەکردووە.
# needs native review
never-used = بەکارنەهێنراوە
# needs native review
account-history-title = مێژووی هەژمار
# needs native review
account-history-intro = هەموو گۆڕانکارییەک لە وشەی نهێنی و دانیشتن و کلیلەکان، و کێ کردی.
# needs native review
no-account-history = هێشتا هیچ.
# needs native review
detail = وردەکاری
# needs native review
reset-password-title = ڕێکخستنەوەی وشەی نهێنیی ئەندام
# needs native review
reset-password-hint = هەموو دانیشتنەکانی ئەندام کۆتاییان دێت. وشە نهێنییە نوێیەکە بە سەلامەتی بدە بە ئەندام و داوای لێ بکە لە پەڕەی هەژمارەکەیدا بیگۆڕێت.
# needs native review
reset-password = وشەی نهێنی ڕێکبخەرەوە
# needs native review
done-password-changed = وشەی نهێنییەکەت گۆڕدرا.
# needs native review
done-session-ended = دانیشتنەکە کۆتایی پێهات.
# needs native review
done-other-sessions-ended = لە هەموو دانیشتنەکانی تر هاتیتە دەرەوە.
# needs native review
done-token-created = کلیلەکە دروستکرا.
# needs native review
done-token-revoked = کلیلەکە هەڵوەشێنرایەوە.
# needs native review
done-password-reset = وشەی نهێنیی ئەندام ڕێکخرایەوە و دانیشتنەکانی کۆتاییان هات.
# needs native review
sessions-ended-because-ended_by_holder = خاوەنی هەژمار کۆتایی پێهێنا
# needs native review
sessions-ended-because-other_sessions_signed_out = دەرچوون لە دانیشتنەکانی تر
# needs native review
sessions-ended-because-password_changed = لەگەڵ گۆڕینی وشەی نهێنی
# needs native review
sessions-ended-because-password_reset = لەگەڵ ڕێکخستنەوەی وشەی نهێنی
# needs native review
count-sessions =
    { $count ->
        [one] { $count } دانیشتن
       *[other] { $count } دانیشتن
    }
