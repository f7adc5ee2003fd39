### The service directory: organisations, their profiles, services and capacity.

# needs native review
nav-directory = ڕێبەری پێشکەشکارانی خزمەتگوزاری
# needs native review
home-directory-link = سەیری ڕێبەری پێشکەشکارانی خزمەتگوزاری بکە
home-own-organization-link = پرۆفایلی ڕێکخراوەکەت
# needs native review
directory-title = ڕێبەری پێشکەشکارانی خزمەتگوزاری
# needs native review
directory-intro = ئەو ڕێکخراوانەی لە سەنەد تۆمارکراون و ئەو خزمەتگوزارییانەی لە هەر پارێزگایەک پێشکەشی دەکەن.
filter-kind = جۆری ڕێکخراو
filter-governorate = پارێزگا
filter-status = دۆخ
# needs native review
search-hint = بەشێک لە ناوی عەرەبی یان ئینگلیزی
name-ar = ناو بە عەرەبی
name-en = ناو بە ئینگلیزی
kind = جۆر
governorates = پارێزگاکان
service-count = ژمارەی خزمەتگوزارییەکان
# needs native review
result-count = ئەنجامەکان
# needs native review
no-results = هیچ ڕێکخراوێک لەگەڵ ئەم پاڵاوتنە ناگونجێت.
profile = پرۆفایل
registered-at = بەرواری تۆمارکردن
# needs native review
verified-at = بەرواری پشتڕاستکردنەوە
# needs native review
suspended-reason = هۆکاری ڕاگرتن
services = خزمەتگوزارییەکان
category = جۆری خزمەتگوزاری
# needs native review
monthly-capacity = توانای مانگانە
no-services = هێشتا هیچ خزمەتگوزارییەک تۆمار نەکراوە.
# needs native review
secretariat-actions = کارەکانی ئەمینداریەتی گشتی
# needs native review
verify = پشتڕاستکردنەوەی ڕێکخراو
# needs native review
suspend = ڕاگرتنی ڕێکخراو
# needs native review
reinstate = چالاککردنەوەی ڕێکخراو
# needs native review
done-verified = ڕێکخراوەکە پشتڕاستکرایەوە.
# needs native review
done-suspended = ڕێکخراوەکە ڕاگیرا.
# needs native review
done-reinstated = ڕێکخراوەکە چالاککرایەوە.
# needs native review
capacity-title = توانای ئەم مانگە
# needs native review
capacity-used = بەکارهاتوو / توانا
# needs native review
full = پڕ
# needs native review
no-capacity = ڕێکخراوەکەت هیچ خزمەتگوزارییەکی تۆمارکراوی نییە.
# needs native review
register-organization = تۆمارکردنی ڕێکخراوێک
# needs native review
edit-profile = دەستکاریکردنی زانیارییەکانی ڕێکخراو
# needs native review
done-registered = ڕێکخراوەکە تۆمارکرا؛ تا ئەمیندارێتی گشتی پشتڕاستی دەکاتەوە چاوەڕوان دەمێنێتەوە.
# needs native review
done-profile-updated = زانیارییەکانی ڕێکخراو پاشەکەوت کران.
# needs native review
service-form-title = پێشکەشکردن یان گۆڕینی خزمەتگوزارییەک
# needs native review
service-form-hint = ئەو پارێزگایانە هەڵبژێرە کە خزمەتگوزارییەکەی تێدا پێشکەش دەکەیت و چەند کەس لە مانگێکدا دەتوانیت خزمەت بکەیت. ئاڕاستەکردنە گونجاوەکان لەسەر تەختەی ڕێکخراوەکەت دەردەکەون.
# needs native review
save-service = پاشەکەوتکردنی خزمەتگوزاری
change-service = گۆڕین
# needs native review
withdraw-service = کشاندنەوەی خزمەتگوزاری
# needs native review
done-service-saved = خزمەتگوزارییەکە پاشەکەوت کرا.
# needs native review
done-service-withdrawn = خزمەتگوزارییەکە کشایەوە؛ ئاڕاستەکردنە نوێیەکانی ئیتر ناگەنە تەختەکەتان.
# needs native review
capacity-invalid = توانای مانگانە وەک ژمارەیەکی تەواو بنووسە.
# needs native review
governorate-code = کۆدی پارێزگا
# needs native review
organization-kind-SECRETARIAT = ئەمینداریەتی گشتیی ئەنجومەنی وەزیران
organization-kind-MINISTRY = وەزارەت یان بەڕێوەبەرایەتی
# needs native review
organization-kind-NRM_OFFICE = نووسینگەی میکانیزمی نیشتمانیی ئاڕاستەکردن
organization-kind-NGO = ڕێکخراوی ناحکومی
organization-kind-INTERNATIONAL_ORGANIZATION = ڕێکخراوی نێودەوڵەتی
organization-kind-PRIVATE_COMPANY = کۆمپانیای کەرتی تایبەت
# needs native review
organization-kind-CHAMBER = ژوور یان کۆمەڵە
# needs native review
organization-kind-MRC = سەنتەری سەرچاوەکانی کار و کۆچی کرێکاران
# needs native review
organization-status-PENDING = لە چاوەڕوانی پشتڕاستکردنەوە
# needs native review
organization-status-VERIFIED = پشتڕاستکراوە
# needs native review
organization-status-SUSPENDED = ڕاگیراوە
# needs native review
service-category-LIVELIHOODS = بژێوی
service-category-VOCATIONAL_TRAINING = ڕاهێنانی پیشەیی
service-category-HOUSING = نیشتەجێبوون
# needs native review
service-category-HLP_DISPUTE = چارەسەرکردنی ناکۆکییەکانی زەوی و موڵک
service-category-MEDICAL = هاوکاریی پزیشکی
# needs native review
service-category-PSYCHOSOCIAL = پشتگیریی دەروونی و کۆمەڵایەتی
service-category-LEGAL = پشتگیریی یاسایی
# needs native review
service-category-CIVIL_DOCUMENTATION = بەڵگەنامە مەدەنییەکان
