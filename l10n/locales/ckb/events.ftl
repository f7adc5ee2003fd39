### A label for every event type of every aggregate ("event-<EventType>"), for the history and the audit.

event-OrganizationRegistered = ڕێکخراوەکە تۆمارکرا
event-OrganizationProfileUpdated = پرۆفایل نوێکرایەوە
# needs native review
event-OrganizationVerified = ڕێکخراوەکە پشتڕاستکرایەوە
# needs native review
event-OrganizationSuspended = ڕێکخراوەکە ڕاگیرا
# needs native review
event-OrganizationReinstated = ڕێکخراوەکە چالاککرایەوە
event-MemberAdded = ئەندامێک زیادکرا
event-MemberRoleChanged = ڕۆڵی ئەندامێک گۆڕدرا
event-MemberRemoved = ئەندامێک لابرا
event-ServiceOffered = خزمەتگوزارییەک زیادکرا
event-ServiceUpdated = خزمەتگوزارییەک نوێکرایەوە
# needs native review
event-ServiceWithdrawn = خزمەتگوزارییەک کشایەوە
# needs native review
event-ReferralCreated = ئاڕاستەکردنەکە تۆمارکرا
# needs native review
event-ReferralOpened = بۆ پێشکەشکاران کرایەوە
# needs native review
event-ReferralClaimed = لەلایەن پێشکەشکارێکەوە وەرگیرا
# needs native review
event-ReferralAccepted = ئاڕاستەکردنەکە پەسەندکرا
# needs native review
event-ReferralDeclined = ئاڕاستەکردنەکە ڕەتکرایەوە
# needs native review
event-ServiceStarted = پێشکەشکردنی خزمەتگوزاری دەستی پێکرد
# needs native review
event-ServiceDelivered = خزمەتگوزارییەک پێشکەشکرا
# needs native review
event-ReferralClosed = ئاڕاستەکردنەکە داخرا
# needs native review
event-ReferralTransferred = گوازرایەوە بۆ پێشکەشکارێکی تر
# needs native review
event-ReferralWithdrawn = ئاڕاستەکردنەکە کشایەوە
# needs native review
event-ReferralReopened = ئاڕاستەکردنەکە دووبارە کرایەوە
# needs native review
event-FollowUpAdded = بەدواداچوون دانرا
# needs native review
event-CaseworkerAssigned = کارمەندی کەیس دیاریکرا
# needs native review
event-ConsentUpdated = ڕەزامەندی نوێکرایەوە
# needs native review
event-ReferralEscalated = بەرزکرایەوە بۆ سەرپەرشتیار
# needs native review
event-PersonalDataViewed = داتا کەسییەکان بینران
# needs native review
event-BeneficiaryErased = داتا کەسییەکان سڕانەوە
# needs native review
event-SignInThrottled = سنووردارکردنی هەوڵەکانی چوونەژوورەوە

# needs native review
event-PasswordChanged = گۆڕینی وشەی نهێنی
# needs native review
event-PasswordReset = ڕێکخستنەوەی وشەی نهێنی لەلایەن بەڕێوەبەرەوە
# needs native review
event-SessionsEnded = کۆتاییهێنان بە دانیشتنەکان
# needs native review
event-ApiTokenCreated = دروستکردنی کلیلی دەستگەیشتن
# needs native review
event-ApiTokenRevoked = هەڵوەشاندنەوەی کلیلی دەستگەیشتن

# needs native review
event-OpportunityDrafted = نووسینی ڕەشنووسی هەل
# needs native review
event-OpportunityEdited = دەستکاریکردنی هەل
# needs native review
event-OpportunityMaterialChanged = گۆڕانی بنەڕەتی لە هەلێکی بڵاوکراوە
# needs native review
event-OpportunitySubmitted = ناردنی هەل بۆ پێداچوونەوە
# needs native review
event-OpportunityPublished = بڵاوکردنەوەی هەل
# needs native review
event-OpportunityReturned = گەڕاندنەوەی هەل لەگەڵ هۆکار
# needs native review
event-OpportunityDeadlineExtended = درێژکردنەوەی دوا وادە
# needs native review
event-OpportunityFilled = پڕبوونەوەی هەموو شوێنەکان
# needs native review
event-OpportunityClosed = داخستنی هەل
# needs native review
event-OpportunityWithdrawn = کشاندنەوەی هەل
# needs native review
event-OpportunityExpired = بەسەرچوونی هەل
# needs native review
event-CandidateNominated = کاندیدکردنی گەڕاوە
# needs native review
event-CandidateShortlisted = خستنە لیستی کورت
# needs native review
event-CandidateRejected = ڕەتکردنەوەی کاندید
# needs native review
event-InterviewPlanned = دیاریکردنی چاوپێکەوتن
# needs native review
event-OfferMade = پێشکەشکردنی پێشنیاری کار
# needs native review
event-CandidateHired = دامەزراندن
# needs native review
event-OfferDeclined = ڕەتکردنەوەی پێشنیار لەلایەن کاندیدەوە
# needs native review
event-CandidateNoShow = ئامادەنەبوونی کاندید
# needs native review
event-PlacementEnded = کۆتاییهاتنی دامەزراندن
# needs native review
event-NominationConsentWithdrawn = کشاندنەوەی ڕەزامەندی و لابردنی کاندیدکردن
# needs native review
event-NomineeContactRead = بینینی زانیاریی پەیوەندی لەلایەن خاوەنکارەوە
