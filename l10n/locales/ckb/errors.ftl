### Messages of the API errors: error key "a.b_c" is message "error-a--b_c".

error-forbidden = مۆڵەتت نییە ئەم کارە بکەیت.
error-unauthenticated = تکایە سەرەتا بچۆ ژوورەوە.
error-session_expired = دانیشتنەکەت کۆتایی هات. تکایە دووبارە بچۆ ژوورەوە.
error-login--failed = ناوی بەکارهێنەر یان وشەی نهێنی هەڵەیە.
error-login--throttled = هەوڵی هەڵەی زۆر بۆ چوونەژوورەوە لەم ناونیشانەوە. دوای { $seconds } چرکە دووبارە هەوڵ بدەوە.
error-csrf--missing = داواکارییەکی نامتمانە: نیشانەی CSRF ون یان هەڵەیە.
error-unavailable = خزمەتگوزارییەکە بۆ ماوەیەکی کەم بەردەست نییە. تکایە دواتر هەوڵ بدەوە.
error-internal = هەڵەیەکی چاوەڕواننەکراو ڕوویدا ({ $request_id }).
error-contention = تۆمارەکە گۆڕا لە کاتی داواکارییەکەت. دووبارە هەوڵ بدەوە.
error-command_id--too_long = commandId زۆر درێژە (زۆرترین { $max } پیت).
error-request--invalid = داواکارییەکە دروست نییە: { $detail }
error-request--too_large = داواکارییەکە زۆر گەورەیە (زۆرترین { $max } بایت).
error-request--too_many_tokens = بەڵگەنامەی GraphQL زۆر درێژە (زۆرترین { $max } نیشانە).
error-request--too_deep = بەڵگەنامەی GraphQL زیاتر لە { $max } ئاست لەناو یەکدایە.
error-request--syntax = بەڵگەنامەی GraphQL دروست نەنووسراوە: { $detail }
error-request--too_many_fields = بەڵگەنامەکە زۆر خانە دەخوازێت (زۆرترین { $max }).
error-request--too_many_aliases = بەڵگەنامەکە ناوی جێگرەوەی زۆر بەکاردەهێنێت (زۆرترین { $max }).
error-request--fragment_cycle = بەشێکی بەڵگەنامەکە خۆی بانگ دەکاتەوە.
error-request--timeout = داواکارییەکە زیاتر لە { $seconds } چرکەی خایاند و ڕاگیرا.
error-request--batch_unsupported = داواکاریی کۆکراوە وەرناگیرێت: هەر کارێک بە داواکارییەکی جیا بنێرە.
error-request--method = گۆڕانکاری بە GET نانێردرێت: POST بەکاربهێنە.
error-input--variable_missing = گۆڕاوی ${ $name } پێویستە بەڵام نەنێردرا.
error-input--control_character = خانەی «{ $field }» پیتێکی کۆنترۆڵی ڕێگەپێنەدراوی تێدایە.
error-logout--api_token = ئەم داواکارییە بە نیشانەی API ناسراوە نەک دانیشتن؛ بۆ ڕاگرتنی نیشانەکە revokeApiToken بەکاربهێنە.
error-input--first_out_of_range = first دەبێت لە نێوان 1 و { $max } بێت.
error-input--bad_cursor = نیشاندەری لاپەڕە دروست نییە.
error-input--unknown_governorate = پارێزگای نەناسراو «{ $value }»: کۆدی ISO 3166-2 وەک IQ-NI بەکاربهێنە.
error-input--bad_id = ناسنامەی «{ $value }» دروست نییە.
error-input--name_empty = ناو پێویستە.
error-input--name_too_long = ناوەکە زۆر درێژە (زۆرترین { $max } پیت).
error-input--name_control = ناوەکە پیتی ڕێگەپێنەدراوی تێدایە.
error-input--password_too_short = وشەی نهێنی دەبێت لانیکەم { $min } پیت بێت.
error-input--username_invalid = ناوی بەکارهێنەر 3 بۆ 64 پیتە: پیتی لاتینی بچووک، ژمارە، . _ -.
error-input--too_long = دەقەکە زۆر درێژە (زۆرترین { $max } پیت).
error-account--not_found = هیچ هەژمارێک بە ناوی «{ $value }» نییە.
error-account--username_taken = ناوی بەکارهێنەر «{ $value }» پێشتر وەرگیراوە.
error-token--not_found = هیچ نیشانەیەکی API بەم ناسنامەیە نییە.
error-organization--not_found = هیچ ڕێکخراوێک بەم ناسنامەیە نییە.
error-organization--already_registered = ئەم ڕێکخراوە پێشتر تۆمارکراوە.
error-organization--no_governorates = ڕێکخراو دەبێت لانیکەم خزمەتی پارێزگایەک بکات.
error-organization--service_without_governorates = خزمەتگوزاری دەبێت لانیکەم لە پارێزگایەک پێشکەش بکرێت.
error-organization--capacity_out_of_range = توانای مانگانە دەبێت لە نێوان 1 و { $max } بێت.
error-organization--reason_required = ڕاگرتن پێویستی بە هۆکارە (تا { $max } پیت).
error-organization--role_not_allowed = ڕۆڵی { $role } لە ڕێکخراوی جۆری { $kind } ناگونجێت.
error-organization--offers_no_services = ڕێکخراوەکانی جۆری { $kind } خزمەتگوزاری پێشکەش ناکەن.
error-organization--already_verified = ڕێکخراوەکە پێشتر پشتڕاستکراوەتەوە.
error-organization--already_suspended = ڕێکخراوەکە پێشتر ڕاگیراوە.
error-organization--not_suspended = ڕێکخراوەکە ڕانەگیراوە.
error-organization--is_suspended = ڕێکخراوەکە ڕاگیراوە؛ سەرەتا بیگەڕێنەوە.
error-organization--already_member = ئەم کەسە پێشتر ئەندامە.
error-organization--not_a_member = ئەم کەسە ئەندامی ڕێکخراوەکە نییە.
error-organization--last_manager = ڕێکخراوەکە بێ بەڕێوەبەر دەمێنێتەوە.
error-organization--operator_cannot_be_suspended = سکرتاریەت پلاتفۆرمەکە بەڕێوە دەبات و ناکرێت ڕابگیرێت.
error-organization--last_administrator = سکرتاریەت بێ بەڕێوەبەری سیستەم دەمێنێتەوە.
error-organization--service_already_offered = ئەم خزمەتگوزارییە پێشتر پێشکەشکراوە؛ نوێی بکەرەوە.
error-organization--service_not_offered = ئەم خزمەتگوزارییە پێشکەش ناکرێت.
error-referral--not_found = هیچ ڕەوانەکردنێک بەم ناسنامەیە نییە.
error-referral--already_exists = ئەم ڕەوانەکردنە پێشتر هەیە.
error-referral--no_needs = ڕەوانەکردن دەبێت لانیکەم یەک پێداویستی هەبێت.
error-referral--duplicate_need = هەر پێداویستییەک تەنها یەک جار.
error-referral--household_out_of_range = قەبارەی خێزان دەبێت لە نێوان 1 و { $max } بێت.
error-referral--bad_country = کۆدی وڵات دەبێت دوو پیت بێت وەک DE.
error-referral--consent_required = بێ ڕەزامەندی کەسەکە ڕەوانەکردن ناکرێتەوە.
error-referral--consent_expiry_before_given = ڕەزامەندی ناتوانێت پێش بەرواری دانی بەسەر بچێت.
error-referral--reason_required = هۆکار پێویستە (تا { $max } پیت).
error-referral--already_claimed = ئەم ڕەوانەکردنە پێشتر لەلایەن دابینکەرێکەوە وەرگیراوە.
error-referral--no_capacity = توانای مانگانەی ڕێکخراوەکەت بۆ پێداویستییەکانی ئەم ڕەوانەکردنە تەواو بووە. کاتێک شوێنێک بەتاڵ دەبێت یان توانا زیاد دەکرێت، دەتوانیت دیسان وەریبگریت.
error-referral--no_matching_service = ڕێکخراوەکەت خزمەتگوزاری بۆ ئەم پێداویستییانە لەم پارێزگایە نییە.
error-referral--provider_not_verified = تەنها دابینکەرانی پشتڕاستکراوە ڕەوانەکردن وەردەگرن.
error-referral--wrong_status = دۆخی ڕەوانەکردن ({ $status }) ڕێگە بەمە نادات.
error-referral--need_not_in_referral = پێداویستی { $category } لەم ڕەوانەکردنەدا نییە.
error-referral--need_without_outcome = پێداویستی { $category } ئەنجامی نییە.
error-referral--reason_code_required = پێداویستی { $category } بە تەواوی جێبەجێ نەکرا: هۆکارێک هەڵبژێرە.
error-referral--consent_not_active = ڕەزامەندی کەسەکە ڕێگە نادات دابینکەران زانیاری کەسی ببینن.
error-referral--erased = زانیاری کەسی ئەم کەسە سڕاوەتەوە.
error-referral--not_on_that_side = ئەو کەسە ئەندامی ڕێکخراوی پەیوەندیدار نییە.
error-referral--same_provider = ناتوانرێت ڕەوانەکردن بۆ هەمان دابینکەر بگوازرێتەوە.

# needs native review
error-account--wrong_password = وشەی نهێنیی ئێستا هەڵەیە.
# needs native review
error-account--no_session_to_end = هیچ دانیشتنێکی کراوە بەم ناسنامەیە نییە بۆ کۆتاییپێهێنان.
# needs native review
error-account--too_many_sessions = لە یەک هەنگاودا زیاتر لە { $max } دانیشتن کۆتایی پێ ناهێنرێت.
# needs native review
error-account--token_already_revoked = ئەم کلیلی دەستگەیشتنە پێشتر هەڵوەشێنراوەتەوە.
# needs native review
error-account--token_exists = کلیلێکی دەستگەیشتن بەم ناسنامەیە هەیە.

# needs native review
error-opportunity--not_found = هیچ هەلێک بەم ناسنامەیە نییە.
# needs native review
error-opportunity--already_exists = ئەم هەلە پێشتر هەیە.
# needs native review
error-opportunity--required = ئەم خانەیە پێویستە.
# needs native review
error-opportunity--bad_text = دەقەکە بەتاڵە یان پیتی ڕێگەپێنەدراوی تێدایە.
# needs native review
error-opportunity--title_too_long = ناونیشان نابێت لە { $max } پیت زیاتر بێت.
# needs native review
error-opportunity--description_too_long = وەسف نابێت لە { $max } پیت زیاتر بێت.
# needs native review
error-opportunity--positions_out_of_range = ژمارەی شوێنەکان دەبێت لە نێوان 1 و { $max } بێت.
# needs native review
error-opportunity--positions_below_hires = { $hires } کەس پێشتر دامەزراون؛ ژمارەی شوێنەکان ناتوانێت لەوە کەمتر بێت.
# needs native review
error-opportunity--pay_does_not_fit_kind = بۆ کار و ڕاهێنان مەودای مووچەی مانگانە بنووسە، بۆ بەخشین یان قەرز یەک بڕ.
# needs native review
error-opportunity--pay_not_positive = بڕەکە دەبێت لە سفر دینار زیاتر بێت.
# needs native review
error-opportunity--pay_too_large = بڕەکە زۆر گەورەیە؛ ژمارەی سفرەکان بپشکنە.
# needs native review
error-opportunity--min_pay_above_max = کەمترین مووچە لە زۆرترین مووچە زیاترە.
# needs native review
error-opportunity--deadline_in_past = دوا وادە دەبێت دوای ئەمڕۆ بێت.
# needs native review
error-opportunity--deadline_not_later = دوا وادەی نوێ دەبێت دوای دوا وادەی ئێستا بێت.
# needs native review
error-opportunity--deadline_changed_by_edit = دوا وادەی هەلێکی بڵاوکراوە تەنها بە درێژکردنەوە دەگۆڕێت.
# needs native review
error-opportunity--too_many_skills = زیاتر لە { $max } لێهاتوویی ناتوانرێت بنووسرێت.
# needs native review
error-opportunity--bad_skill = لێهاتوویی نابێت لە { $max } پیت زیاتر بێت.
# needs native review
error-opportunity--too_many_languages = زیاتر لە { $max } زمان ناتوانرێت بنووسرێت.
# needs native review
error-opportunity--bad_language = کۆدی زمانەکە نەناسراوە.
# needs native review
error-opportunity--minimum_age_out_of_range = کەمترین تەمەن دەبێت لە نێوان { $min } و { $max } بێت.
# needs native review
error-opportunity--motivation_too_long = نامەی هاندەر نابێت لە { $max } پیت زیاتر بێت.
# needs native review
error-opportunity--reason_required = هۆکارەکانی گەڕاندنەوە بنووسە (تا { $max } پیت).
# needs native review
error-opportunity--wrong_status = دۆخی هەلەکە ڕێگە بەمە نادات.
# needs native review
error-opportunity--deadline_not_reached = دوا وادەی هەلەکە هێشتا نەهاتووە.
# needs native review
error-opportunity--nominations_closed = دوا وادە تێپەڕیوە؛ کاندیدکردنی نوێ وەرناگیرێت.
# needs native review
error-opportunity--consent_required = ڕەزامەندیی گەڕاوە بۆ کاندیدکردنی لای ئەم خاوەنکارە تۆمار نەکراوە.
# needs native review
error-opportunity--no_matching_need = ڕەوانەکردنەکە پێداویستیی بژێوی یان ڕاهێنانی پیشەیی تێدا نییە.
# needs native review
error-opportunity--already_nominated = ئەم کەسە پێشتر بۆ ئەم هەلە کاندید کراوە، لەم ڕەوانەکردنەوە یان لەلایەن نووسینگەیەکی ترەوە.
# needs native review
error-opportunity--nomination_not_found = هیچ کاندیدکردنێک بەم ناسنامەیە لەم هەلەدا نییە.
# needs native review
error-opportunity--nomination_exists = کاندیدکردنێک بەم ناسنامەیە هەیە.
# needs native review
error-opportunity--wrong_stage = قۆناغی کاندیدکردنەکە ڕێگە بەمە نادات.
# needs native review
error-opportunity--nominee_rejected = کاندیدێکی ڕەتکراوە ناتوانرێت دابمەزرێت.
# needs native review
error-opportunity--positions_filled = هەموو شوێنەکانی ئەم هەلە پڕ کراونەتەوە.
# needs native review
error-opportunity--interview_in_past = ڕێکەوتی چاوپێکەوتن لە ڕابردوودایە.
# needs native review
error-opportunity--contact_not_disclosed = زانیاریی پەیوەندی تەنها دوای خستنە لیستی کورت و بە ڕەزامەندیی کاندید پیشان دەدرێت.
