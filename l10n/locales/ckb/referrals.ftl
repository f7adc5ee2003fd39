### Referrals: lists, the board, the case page and its actions, statistics.

# needs native review
action-needed-title = ئەوەی چاوەڕێی تۆیە
# needs native review
action-needed-empty = ئێستا هیچ شتێک چاوەڕێی تۆ نییە.
# needs native review
reason-awaiting-acceptance = لەلایەن ڕێکخراوەکەتەوە وەرگیراوە: پەسەندی بکە یان ڕەتی بکەرەوە
# needs native review
reason-follow-up-due = کاتی بەدواداچوون هاتووە
# needs native review
reason-draft-not-opened = ڕەشنووسێک هێشتا بۆ پێشکەشکاران نەکراوەتەوە
# needs native review
reason-no-provider-available = ئێستا هیچ دابینکەرێک ناتوانێت وەریبگرێت
# needs native review
nav-office-referrals = ئاڕاستەکردنەکانی نووسینگە
# needs native review
nav-new-referral = ئاڕاستەکردنی نوێ
# needs native review
nav-board = تەختەی ئاڕاستەکردنەکان
nav-my-cases = کەیسەکانم
# needs native review
nav-all-referrals = ئاڕاستەکردنەکان
nav-statistics = ئامارەکان
# needs native review
referrals-intro-office = ئەو ئاڕاستەکردنانەی نووسینگەکەت کردوونی، نوێترین یەکەم. هیچ داتایەکی کەسی لەم لیستەدا دەرناکەوێت.
# needs native review
referrals-intro-provider = ئەو کەیسانەی ڕێکخراوەکەت ئێستا یان پێشتر وەریگرتوون، نوێترین یەکەم.
# needs native review
referrals-intro-all = هەموو ئاڕاستەکردنەکان، نوێترین یەکەم، بێ داتای کەسی.
case-number = ژمارەی کەیس
# needs native review
case-number-hint = هەموو ژمارەی کەیس یان بەشێکی، وەک NRM-NI-2026
needs = پێداویستییەکان
# needs native review
age-band = تەمەن
sex = ڕەگەز
# needs native review
holder = پێشکەشکاری خزمەتگوزاری
# needs native review
no-holder = هێشتا وەرنەگیراوە
created-at = بەرواری دروستکردن
# needs native review
referral-count = ئەنجامەکان
# needs native review
no-referrals = هیچ ئاڕاستەکردنێک ناگونجێت.
# needs native review
board-intro = ئەو ئاڕاستەکردنە کراوانەی ڕێکخراوەکەت دەتوانێت وەریانبگرێت: پێداویستییەک کە پێشکەشی دەکات، لە پارێزگایەک کە تێیدا پێشکەشی دەکات. هیچ داتایەکی کەسی لێرە دەرناکەوێت.
filter-need = پێداویستی
# needs native review
order = ڕیزبەندی
# needs native review
waiting-hours = کاتژمێرەکانی چاوەڕوانی
# needs native review
escalated = دواکەوتوو — سەرپەرشتیار ئاگادارکرایەوە
# needs native review
board-empty = ئێستا هیچ ئاڕاستەکردنێکی کراوە ناگونجێت.
# needs native review
board-refresh = نوێکردنەوەی تەختەکە
# needs native review
board-arrived = ئاڕاستەکردنێکی نوێ گەیشتە تەختەکە.
# needs native review
board-updated = تەختەکە نوێکرایەوە.
# needs native review
no-provider-available = ئێستا هیچ دابینکەرێک ناتوانێت ئەم ڕەوانەکردنە وەربگرێت: هەموو ئەوانەی یەکێک لە پێداویستییەکانی لەم پارێزگایە پێشکەش دەکەن توانای مانگانەیان تەواو بووە، یان کەس پێشکەشی ناکات.
# needs native review
household-size = ژمارەی ئەندامانی خێزان
# needs native review
vulnerabilities = لاوازییەکان
# needs native review
new-referral-intro = گەڕاوەکە، پێداویستییەکانی و ڕەزامەندییەکەی تۆمار بکە. داتا کەسییەکان پێش هەڵگرتن مۆر دەکرێن و تەنها کارمەندانی کەیسی دیاریکراو دەیبینن.
# needs native review
section-facts = ڕاستییەکانی کەیس (بێناسنامە)
# needs native review
beneficiary-type = جۆری سوودمەند
# needs native review
return-country = وڵاتی گەڕانەوە
# needs native review
country-returned-from = وڵاتی گەڕانەوە
# needs native review
return-country-hint = چەند پیتی یەکەمی ناوی وڵاتەکە بنووسە و لە لیستەکە هەڵیبژێرە؛ تەنها بۆ گەڕاوەکان لە دەرەوە.
# needs native review
unknown-country = هیچ وڵاتێک بەم ناوە نییە؛ وڵاتەکە لە لیستەکە هەڵبژێرە.
district = قەزا
# needs native review
section-needs = پێداویستییەکان و لەپێشینە
# needs native review
needs-hint = لانیکەم پێداویستییەک هەڵبژێرە، و لەپێشینەی هەریەکەیان دیاری بکە.
# needs native review
priority = لەپێشینە
section-consent = ڕەزامەندی
# needs native review
given-by = ڕەزامەندی درا لەلایەن
# needs native review
given-on = بەرواری ڕەزامەندی
# needs native review
share-with-providers = ڕازییە کەیسەکەی لەگەڵ پێشکەشکارانی خزمەتگوزاری هاوبەش بکرێت
# needs native review
may-contact = ڕازییە پێشکەشکارانی خزمەتگوزاری پەیوەندی پێوە بکەن
# needs native review
expires-on = بەرواری بەسەرچوونی ڕەزامەندی (ئارەزوومەندانە)
# needs native review
consent-expiry = بەرواری بەسەرچوونی ڕەزامەندی
# needs native review
section-personal = داتای کەسی و هەستیار — نهێنی
# needs native review
personal-hint = ئەم داتایانە پێش هەڵگرتن مۆر دەکرێن و لە هیچ لیستێکدا دەرناکەون. لە هیچ شوێنێکی تر کۆپی مەکە.
full-name = ناوی تەواو
phone = ژمارەی تەلەفۆن
# needs native review
date-of-birth = بەرواری لەدایکبوون (دەکرێت نزیکەیی بێت، ساڵ-مانگ-ڕۆژ)
# needs native review
id-document-type = جۆری بەڵگەنامەی ناسنامە
# needs native review
id-document-number = ژمارەی بەڵگەنامەی ناسنامە
address = ناونیشان
# needs native review
case-notes = تێبینییەکانی کەیس
# needs native review
open-now = ئێستا بۆ پێشکەشکاران بیکەرەوە (ئەگەرنا وەک ڕەشنووس دەمێنێتەوە)
# needs native review
create-referral = تۆمارکردنی ئاڕاستەکردن
# needs native review
case-facts = ڕاستییەکانی کەیس
# needs native review
office = نووسینگەی ئاڕاستەکەر
# needs native review
delivered = پێشکەشکرا
# needs native review
not-delivered = هێشتا پێشکەش نەکراوە
# needs native review
no-expiry = بێ بەسەرچوون
outcome = ئەنجام
# needs native review
closure-reason = هۆکار ئەگەر چارەسەر نەکرا
# needs native review
next-follow-up = بەدواداچوونی داهاتوو
# needs native review
erased = داتا کەسییەکان سڕاونەتەوە
# needs native review
opened-at = بەرواری کردنەوە
# needs native review
claimed-at = بەرواری وەرگرتن
# needs native review
closed-at = بەرواری داخستن
# needs native review
timeline = تۆماری ئاڕاستەکردن
# needs native review
timeline-intro = ئەوەی بەسەر ئەم ئاڕاستەکردنەدا هاتووە، تا ئەو ڕادەیەی بۆت هەیە ببینیت، لەگەڵ ئەوەی کێ کردی و کەی.
# needs native review
details = وردەکارییەکان
# needs native review
timeline-assigned = دیاریکرا بۆ کەیسەکە:
# needs native review
timeline-unlisted-person = هاوکارێک کە چیتر لە ڕێبەرەکەدا نییە
# needs native review
timeline-provider = پێشکەشکاری خزمەتگوزاری:
# needs native review
timeline-note = تێبینی:
# needs native review
timeline-note-withheld = تێبینییەک نووسرا؛ تەنها نووسینگەی ئاڕاستەکردن و پێشکەشکارانی خزمەتگوزاری کەیسەکە دەیخوێننەوە.
# needs native review
timeline-note-sealed = تێبینییەکی مۆرکراو لەگەڵ داتا کەسییەکانی کەسەکە.
# needs native review
act-open = کردنەوە بۆ پێشکەشکاران
# needs native review
act-claim = وەرگرتن بۆ ڕێکخراوەکەم
# needs native review
act-accept = پەسەندکردنی ئاڕاستەکردن
# needs native review
act-decline = ڕەتکردنەوەی ئاڕاستەکردن
# needs native review
act-start = دەستپێکردنی خزمەتگوزاری
# needs native review
act-deliver = تۆمارکردن وەک پێشکەشکراو
# needs native review
act-close = داخستنی ئاڕاستەکردن
# needs native review
close-hint = بۆ هەر پێداویستییەک ئەنجامێک دیاری بکە؛ ئەگەر چارەسەر نەکرا، هۆکارەکە هەڵبژێرە.
# needs native review
act-transfer = گواستنەوە بۆ پێشکەشکارێکی تر
# needs native review
transfer-provider = پێشکەشکاری نوێی خزمەتگوزاری
# needs native review
transfer-provider-hint = پێشکەشکارە پەسەندکراوەکان کە یەکێک لە پێداویستییەکانی ئەم ئاڕاستەکردنە لە پارێزگاکەیدا پێشکەش دەکەن.
# needs native review
no-matching-providers = هیچ پێشکەشکارێکی پەسەندکراوی تر نییە کە یەکێک لە پێداویستییەکانی ئەم ئاڕاستەکردنە لە پارێزگاکەیدا پێشکەش بکات، بۆیە ئێستا ناگوازرێتەوە.
# needs native review
providers-unavailable = لیستی پێشکەشکارانی خزمەتگوزاری بار نەکرا. کەمێکی تر پەڕەکە نوێ بکەرەوە.
# needs native review
act-assign = دیاریکردنی کارمەندی کەیس
# needs native review
caseworker = کارمەندی کەیس
# needs native review
assign-hint = هاوکارەکانت لە ڕێکخراوەکەتدا. تەنها کارمەندانی کەیسی دیاریکراو داتا کەسی و هەستیارەکان دەبینن.
# needs native review
no-colleagues = هیچ کەسێک لە ڕێکخراوەکەتدا نییە کە بکرێت بە کارمەندی کەیس دیاری بکرێت.
# needs native review
act-withdraw = کشاندنەوەی ئاڕاستەکردن
# needs native review
consent-withdrawn = کەسەکە ڕەزامەندییەکەی کشاندەوە
# needs native review
act-reopen = دووبارە کردنەوەی ئاڕاستەکردن
# needs native review
act-follow-up = دانانی بەدواداچوون
# needs native review
due-on = بەرواری بەدواداچوون
# needs native review
follow-up-note = تێبینی (ئارەزوومەندانە؛ داتای کەسی، مۆر دەکرێت)
# needs native review
act-consent = نوێکردنەوەی ڕەزامەندی
# needs native review
act-view-personal = پیشاندانی داتا کەسییەکان
# needs native review
purpose = بۆچی پێویستتە (پێویستە، تۆمار دەکرێت)
# needs native review
view-personal-hint = خوێندنەوەکەت تۆمار دەکرێت: کێ، کەی و بۆچی. داتاکە تەنها لە پەڕەی داهاتوودا پیشان دەدرێت.
# needs native review
personal-recorded = ئەم خوێندنەوەیە لە تۆماری ئاڕاستەکردنەکەدا تۆمارکرا. ئەم داتایانە کۆپی مەکە و هاوبەشی مەکە، و پەڕەکە کراوە بەجێ مەهێڵە.
# needs native review
act-erase = سڕینەوەی داتا کەسییەکان
# needs native review
erase-warning = کلیلی نهێنیکردن دەسڕدرێتەوە، بۆیە داتا کەسییەکان هەرگیز ناگەڕێنەوە؛ ڕاستییە بێناسنامەکان و تۆمارەکە دەمێننەوە.
# needs native review
erase-confirm = پشتڕاستی دەکەمەوە: داتا کەسییەکانی ئەم کەسە بە یەکجاری بسڕەوە
# needs native review
erase-not-confirmed = بۆ سڕینەوە نیشانەی پشتڕاستکردنەوە دابنێ.
# needs native review
done-created = ئاڕاستەکردنەکە تۆمارکرا.
# needs native review
done-opened = ئاڕاستەکردنەکە بۆ پێشکەشکاران کرایەوە.
# needs native review
done-claimed = ئاڕاستەکردنەکە بۆ ڕێکخراوەکەت وەرگیرا.
# needs native review
done-accepted = ئاڕاستەکردنەکە پەسەندکرا.
# needs native review
done-declined = ئاڕاستەکردنەکە گەڕایەوە بۆ تەختەکە.
# needs native review
done-started = خزمەتگوزارییەکە دەستی پێکرد.
# needs native review
done-delivered = پێشکەشکردنەکە تۆمارکرا.
# needs native review
done-closed = ئاڕاستەکردنەکە داخرا.
# needs native review
done-transferred = ئاڕاستەکردنەکە گوازرایەوە؛ پێشکەشکاری نوێ دەبێت پەسەندی بکات.
# needs native review
done-assigned = کارمەندی کەیس دیاریکرا.
# needs native review
done-withdrawn = ئاڕاستەکردنەکە کشایەوە.
# needs native review
done-reopened = ئاڕاستەکردنەکە دووبارە کرایەوە.
# needs native review
done-follow-up = بەدواداچوونەکە دانرا.
# needs native review
done-consent = ڕەزامەندییەکە نوێکرایەوە.
# needs native review
done-erased = داتا کەسییەکان سڕانەوە.
# needs native review
statistics-title = ئامارەکانی ئاڕاستەکردن
# needs native review
statistics-intro = ئاڕاستەکردنەکان بەپێی پارێزگا، پێداویستی و دۆخ، لە داتای بێناسنامە. خانەکانی کەمتر لە 5 ئاڕاستەکردن دەشاردرێنەوە بۆ ئەوەی هیچ کەسێک نەناسرێتەوە، و هیچ کۆیەک پیشان نادرێت.
# needs native review
suppressed = کەمتر لە 5
# needs native review
no-statistics = هێشتا هیچ ئاڕاستەکردنێک نییە.
referral-status-DRAFT = ڕەشنووس
# needs native review
referral-status-OPEN = کراوە بۆ پێشکەشکاران
# needs native review
referral-status-CLAIMED = لەلایەن پێشکەشکارێکەوە وەرگیراوە
# needs native review
referral-status-ACCEPTED = پەسەندکراوە
# needs native review
referral-status-IN_SERVICE = خزمەتگوزاری پێشکەش دەکرێت
referral-status-CLOSED = داخراوە
# needs native review
referral-status-WITHDRAWN = کشاوەتەوە
# needs native review
beneficiary-type-RETURNEE_FROM_ABROAD = گەڕاوە لە دەرەوە
beneficiary-type-IDP = ئاوارەی ناوخۆ
# needs native review
beneficiary-type-RETURNING_IDP = ئاوارەی گەڕاوە
# needs native review
beneficiary-type-POTENTIAL_MIGRANT = کۆچبەری ئەگەری
sex-FEMALE = مێ
sex-MALE = نێر
# needs native review
vulnerability-FEMALE_HEADED_HOUSEHOLD = خێزانێک ژنێک سەرپەرشتی دەکات
# needs native review
vulnerability-DISABILITY = کەمئەندامی
# needs native review
vulnerability-UNACCOMPANIED_CHILD = منداڵی بێ هاوڕێ
# needs native review
vulnerability-SURVIVOR_OF_TRAFFICKING = ڕزگاربووی بازرگانی بە مرۆڤ
# needs native review
vulnerability-CHRONIC_ILLNESS = نەخۆشیی درێژخایەن
vulnerability-ELDERLY = بەتەمەن
# needs native review
priority-HIGH = لەپێشینەی بەرز
# needs native review
priority-MEDIUM = لەپێشینەی مامناوەند
# needs native review
priority-LOW = لەپێشینەی نزم
consent-giver-PERSON = کەسەکە خۆی
# needs native review
consent-giver-GUARDIAN = سەرپەرشتیار
# needs native review
need-outcome-RESOLVED = چارەسەرکرا
# needs native review
need-outcome-PARTLY_RESOLVED = بەشێکی چارەسەرکرا
# needs native review
need-outcome-NOT_RESOLVED = چارەسەر نەکرا
# needs native review
need-outcome-LOST_CONTACT = پەیوەندی پچڕا
# needs native review
need-outcome-WITHDRAWN = کشایەوە
# needs native review
closure-reason-CLIENT_REFUSED = کەسەکە ڕەتی کردەوە
# needs native review
closure-reason-NO_CAPACITY = توانا نییە
# needs native review
closure-reason-UNABLE_TO_CONTACT_PERSON = نەتوانرا پەیوەندی بە کەسەکەوە بکرێت
# needs native review
closure-reason-UNABLE_TO_CONTACT_ORGANIZATION = نەتوانرا پەیوەندی بە ڕێکخراوەکەوە بکرێت
# needs native review
closure-reason-NO_LONGER_NEEDED = چیتر پێویست نییە
closure-reason-OTHER = هۆکارێکی تر
# needs native review
board-order-WAITING = ئەوەی زۆرترین چاوەڕوانی کردووە یەکەم
# needs native review
board-order-PRIORITY = بەرزترین لەپێشینە یەکەم
age-band-UNDER_18 = کەمتر لە 18 ساڵ
age-band-FROM_18_TO_24 = 18 بۆ 24 ساڵ
age-band-FROM_25_TO_34 = 25 بۆ 34 ساڵ
age-band-FROM_35_TO_49 = 35 بۆ 49 ساڵ
age-band-FROM_50_TO_64 = 50 بۆ 64 ساڵ
age-band-OVER_64 = 65 ساڵ و زیاتر
