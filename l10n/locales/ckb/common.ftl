### Fixed texts every page shares: layout, navigation, filters, forms, history, error pages, counts.

app-name = سەنەد
# needs native review
tagline = پلاتفۆرمی تێکەڵبوونەوەی بەردەوامی گەڕاوەکان
# needs native review
skip-to-content = بازدان بۆ ناوەڕۆک
# needs native review
time-zone-baghdad = بە کاتی بەغدا
language-nav = زمان
# needs native review
main-nav = ڕێنیشاندەری سەرەکی
nav-home = سەرەکی
# needs native review
home-intro = سەنەد پلاتفۆرمێکی هاوبەشە بۆ تێکەڵبوونەوەی بەردەوامی گەڕاوەکان: کارمەندانی کەیسی میکانیزمی نیشتمانیی ئاڕاستەکردن گەڕاوەکان ئاڕاستەی پێشکەشکارانی خزمەتگوزاری دەکەن، و هەموو کارێک دەتوانرێت وردبینی بکرێت.
# needs native review
filters = پاڵاوتنی ئەنجامەکان
filter-search = گەڕان
any = هەموو
# needs native review
apply-filters = جێبەجێکردن
# needs native review
clear-filters = لابردنی پاڵاوتن
status = دۆخ
pagination = پەڕەکان
next-page = پەڕەی دواتر
first-page = پەڕەی یەکەم
# needs native review
history = تۆماری وردبینی
# needs native review
history-intro = هەموو ئەوەی بەسەر ئەم ڕێکخراوەدا هاتووە، بە ڕیز، لەگەڵ ئەوەی کێ کردوویەتی و کەی.
time = کات
# needs native review
actor = ئەنجامدەر
event = ڕووداو
no-history = هیچ ڕووداوێک تۆمار نەکراوە.
more-history = ڕووداوی زیاتر
# needs native review
history-from-start = لە سەرەتای تۆمارەکەوە
reason = هۆکار (پێویستە)
# needs native review
note = تێبینی (ئارەزوومەندانە)
# needs native review
action-failed = کارەکە ئەنجام نەدرا
not-found-title = نەدۆزرایەوە
# needs native review
not-found-body = ئەوەی بەدوایدا دەگەڕێیت نەدۆزرایەوە. لەوانەیە بەستەرەکە گۆڕابێت یان بە هەڵە نووسرابێت.
forbidden-title = ڕێگەپێنەدراو
# needs native review
forbidden-body = ڕۆڵەکەت ڕێگە بەمە نادات. ئەگەر پێتوایە ئەمە هەڵەیە، پەیوەندی بە بەڕێوەبەری ڕێکخراوەکەتەوە بکە.
# needs native review
csrf-title = ئەم فۆرمە بەسەرچووە
# needs native review
csrf-body = بۆ پاراستنی هەژمارەکەت ئەم داواکارییە وەرنەگیرا. بگەڕێوە بۆ پەڕەی پێشوو، نوێی بکەرەوە و دووبارە هەوڵ بدەرەوە.
error-title = هەڵەیەک ڕوویدا
# needs native review
error-body = ئێستا ناتوانرێت داواکارییەکەت تەواو بکرێت. تکایە دوای کەمێک دووبارە هەوڵ بدەرەوە.
back-home = گەڕانەوە بۆ پەڕەی سەرەکی
choose = هەڵبژێرە…
# needs native review
form-has-errors = ئاڕاستەکردنەکە تۆمار نەکرا:
# needs native review
bad-date = بەروار بەم شێوەیە بنووسە ساڵ-مانگ-ڕۆژ، وەک 2025-03-01.
# needs native review
bad-number = ژمارەیەکی تەواو بنووسە.
# needs native review
choose-value = بەهایەک لە لیستەکە هەڵبژێرە.
# needs native review
required = ئەم خانەیە پێویستە.
yes = بەڵێ
no = نەخێر
# needs native review
results = ئەنجامەکانی داخستن
actions = کارەکان
# needs native review
actions-intro = ئەو کارانەی لەم دۆخەدا دەکرێن پیشان دەدرێن؛ ئەگەر ڕۆڵەکەت ڕێگە نەدات، نامەیەک هۆکارەکەی دەڵێت.
# needs native review
download-xlsx = داگرتن وەک فایلی Excel
# needs native review
download-csv = داگرتن وەک فایلی CSV
# needs native review
suppressed-flag = شاردراوە
# needs native review
notes-sheet = تێبینییەکان
# needs native review
export-truncated =
    فایلەکە تەنها یەکەم { $max ->
        [one] ڕیز
       *[other] { $max } ڕیز
    } لەخۆدەگرێت. فلتەرەکان تەسک بکەرەوە بۆ داگرتنی ئەوانی تر.
# needs native review
footer = میکانیزمی نیشتمانیی ئاڕاستەکردن بێبەرامبەر و نهێنییە. داتا کەسی و هەستیارەکان تەنها بۆ کارمەندانی کەیسی دیاریکراو دەردەکەون.

# The language's own name, for the language switch.
language-name = کوردی

## Counts: Sorani has one and other; the noun stays singular after a number.

# needs native review
count-referrals =
    { $count ->
        [one] { $count } ئاڕاستەکردن
       *[other] { $count } ئاڕاستەکردن
    }
# needs native review
count-organizations =
    { $count ->
        [one] { $count } ڕێکخراو
       *[other] { $count } ڕێکخراو
    }
# needs native review
count-hours =
    { $count ->
        [0] کەمتر لە کاتژمێرێک
        [one] { $count } کاتژمێر
       *[other] { $count } کاتژمێر
    }

## Dates: the Gregorian calendar with the month names used in Iraq.

month-1 = کانوونی دووەم
month-2 = شوبات
month-3 = ئازار
month-4 = نیسان
month-5 = ئایار
month-6 = حوزەیران
month-7 = تەممووز
month-8 = ئاب
month-9 = ئەیلوول
month-10 = تشرینی یەکەم
month-11 = تشرینی دووەم
month-12 = کانوونی یەکەم
# A day, with the ezafe: 2ی ئایاری 2024.
# needs native review
date-long = { $day }ی { $month }ی { $year }
# A day and a time of day on the 24-hour clock.
date-time = { $date }، { $time }

## The digits switch (Latin or Arabic-Indic digits), beside the language switch.

# needs native review
digits-nav = ژمارەکان
# needs native review
digits-latn = ژمارەی لاتینی
# needs native review
digits-arab = ژمارەی عەرەبی
