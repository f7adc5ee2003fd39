### Fixed texts every page shares: layout, navigation, filters, forms, history, error pages, counts.

app-name = Sanad
tagline = Sustainable reintegration of returnees
skip-to-content = Skip to content
# After a time of day: the zone the platform shows every time in.
time-zone-baghdad = Baghdad time
language-nav = Language
main-nav = Main navigation
nav-home = Home
home-intro = Sanad is the shared platform for the sustainable reintegration of returnees: National Referral Mechanism case workers refer returnees to service providers, and every action stays auditable.
filters = Filter results
filter-search = Search
any = All
apply-filters = Apply
clear-filters = Clear filters
status = Status
pagination = Pages
next-page = Next page
first-page = First page
history = Audit trail
history-intro = Everything that happened to this organisation, in order, with who did it and when.
time = Time
actor = Done by
event = Event
no-history = No recorded events.
more-history = More events
history-from-start = From the beginning
reason = Reason (required)
note = Note (optional)
action-failed = The action was not carried out
not-found-title = Not found
not-found-body = We could not find what you were looking for. The link may have changed or been mistyped.
forbidden-title = Not allowed
forbidden-body = Your role does not allow this. If you think this is a mistake, contact your organisation's administrator.
csrf-title = This form has expired
csrf-body = To protect your account we did not accept this request. Go back, reload the page and try again.
error-title = Something went wrong
error-body = Your request could not be completed right now. Please try again shortly.
back-home = Back to the home page
choose = Choose…
form-has-errors = The referral was not created:
bad-date = Enter the date as YYYY-MM-DD, e.g. 2025-03-01.
bad-number = Enter a whole number.
choose-value = Choose a value from the list.
required = This field is required.
yes = Yes
no = No
results = Results at closure
actions = Actions
actions-intro = The actions possible in this state are shown; if your role does not allow one, a message will say why.
download-xlsx = Download as Excel
download-csv = Download as CSV
suppressed-flag = suppressed
notes-sheet = Notes
export-truncated =
    The file holds only the first { $max ->
        [one] row
       *[other] { $max } rows
    }. Narrow the filters to download the rest.
footer = The National Referral Mechanism is free and confidential. Personal and sensitive data is visible only to the assigned case workers.

# The language's own name, for the language switch.
language-name = English

## Counts.

count-referrals =
    { $count ->
        [one] { $count } referral
       *[other] { $count } referrals
    }
count-organizations =
    { $count ->
        [one] { $count } organisation
       *[other] { $count } organisations
    }
count-hours =
    { $count ->
        [0] less than an hour
        [one] { $count } hour
       *[other] { $count } hours
    }

## Dates: the Gregorian calendar.

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# A day: 2 May 2024.
date-long = { $day } { $month } { $year }
# A day and a time of day on the 24-hour clock: 2 May 2024, 13:05.
date-time = { $date }, { $time }

## The digits switch (Latin or Arabic-Indic digits), beside the language switch; shown
## on Arabic and Kurdish pages only.

digits-nav = Digits
digits-latn = Latin digits
digits-arab = Arabic-Indic digits
