### Messages of the API errors: error key "a.b_c" is message "error-a--b_c".

error-forbidden = You are not allowed to do this.
error-unauthenticated = Please sign in first.
error-session_expired = Your session has ended or the token was revoked. Please sign in again.
error-login--failed = Wrong username or password.
error-login--throttled =
    Too many wrong sign-in attempts from this address. Try again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
error-csrf--missing = Untrusted request: the CSRF token is missing or wrong. Reload the page.
error-unavailable = The service is briefly unavailable. Please try again in a moment.
error-internal = Something unexpected went wrong. It was logged under request { $request_id }.
error-contention = The record changed while your request ran. Please try again.
error-command_id--too_long =
    commandId is too long (at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
error-request--invalid = The request is not valid: { $detail }
error-request--too_large =
    The request is too large (at most { $max ->
        [one] { $max } byte
       *[other] { $max } bytes
    }).
error-request--too_many_tokens =
    The GraphQL document is too long (at most { $max ->
        [one] { $max } token
       *[other] { $max } tokens
    }).
error-request--too_deep =
    The GraphQL document is nested more than { $max ->
        [one] { $max } level
       *[other] { $max } levels
    } deep.
error-request--syntax = The GraphQL document is not well formed: { $detail }
error-request--too_many_fields = The document asks for too many fields once its fragments are expanded (at most { $max }).
error-request--too_many_aliases = The document uses too many aliases (at most { $max }).
error-request--fragment_cycle = A fragment of the document spreads itself, directly or through other fragments.
error-request--timeout =
    The request took longer than { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    } and was stopped. Try a smaller one.
error-request--batch_unsupported = Batched requests are not accepted: send each operation in a request of its own.
error-request--method = Mutations cannot be sent with GET: use POST.
error-input--variable_missing = The variable ${ $name } is required but was not given.
error-input--control_character = The field "{ $field }" contains a control character that is not allowed (such as NUL).
error-logout--api_token = This request is authenticated with an API token, not a session: there is no session to end. Use revokeApiToken to stop the token.
error-input--first_out_of_range = first must be between 1 and { $max }.
error-input--bad_cursor = The page cursor is not valid; start again from the first page.
error-input--unknown_governorate = Unknown governorate "{ $value }": use an ISO 3166-2 code such as IQ-NI.
error-input--bad_id = "{ $value }" is not a valid id.
error-input--name_empty = A name is required.
error-input--name_too_long =
    The name is too long (at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
error-input--name_control = The name contains characters that are not allowed.
error-input--password_too_short =
    The password must have at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }.
error-input--username_invalid = A username has 3 to 64 characters: lower-case Latin letters, digits, . _ - only.
error-input--too_long =
    The text is too long (at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
error-account--not_found = There is no account named "{ $value }".
error-account--username_taken = The username "{ $value }" is already taken.
error-token--not_found = There is no API token with this id.
error-organization--not_found = There is no organisation with this id.
error-organization--already_registered = This organisation is already registered.
error-organization--no_governorates = An organisation must serve at least one governorate.
error-organization--service_without_governorates = A service must be offered in at least one governorate.
error-organization--capacity_out_of_range = Monthly capacity must be between 1 and { $max }.
error-organization--reason_required =
    A suspension needs a reason (up to { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
error-organization--role_not_allowed = The role { $role } cannot be held in an organisation of kind { $kind }.
error-organization--offers_no_services = Organisations of kind { $kind } do not offer services.
error-organization--already_verified = The organisation is already verified.
error-organization--already_suspended = The organisation is already suspended.
error-organization--not_suspended = The organisation is not suspended.
error-organization--is_suspended = The organisation is suspended; reinstate it first.
error-organization--already_member = This person is already a member.
error-organization--not_a_member = This person is not a member of the organisation.
error-organization--last_manager = The organisation would be left without anyone to manage it.
error-organization--operator_cannot_be_suspended = The Secretariat operates the platform and cannot be suspended.
error-organization--last_administrator = The Secretariat would be left without an administrator.
error-organization--service_already_offered = This service is already offered; update it instead.
error-organization--service_not_offered = This service is not offered.
error-referral--not_found = There is no referral with this id.
error-referral--already_exists = This referral already exists.
error-referral--no_needs = A referral needs at least one need.
error-referral--duplicate_need = Each need may appear only once.
error-referral--household_out_of_range = Household size must be between 1 and { $max }.
error-referral--bad_country = The country must be a two-letter ISO 3166-1 code such as DE.
error-referral--consent_required = The person's consent to share with service providers is needed to open a referral.
error-referral--consent_expiry_before_given = Consent cannot expire before the day it was given.
error-referral--reason_required =
    A reason is required (up to { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
error-referral--already_claimed = This referral has already been claimed by a provider.
error-referral--no_capacity = Your organisation's monthly capacity for this referral's needs is used up. Claims resume when a place frees up or the capacity is raised.
error-referral--no_matching_service = Your organisation offers no service for these needs in this governorate.
error-referral--provider_not_verified = Only verified providers may claim referrals.
error-referral--wrong_status = The referral is { $status }, which does not allow this.
error-referral--need_not_in_referral = The referral does not include the need { $category }.
error-referral--need_without_outcome = The need { $category } has no outcome: give every need an outcome before closing.
error-referral--reason_code_required = The need { $category } was not fully met: choose a coded reason.
error-referral--consent_not_active = The person's consent does not let providers see their personal data.
error-referral--erased = This person's personal data has been erased.
error-referral--not_on_that_side = That person is not a member of the right organisation.
error-referral--same_provider = A referral cannot be transferred to the provider holding it.

error-account--wrong_password = The current password is wrong.
error-account--no_session_to_end = There is no open session with this id to end.
error-account--too_many_sessions = At most { $max } sessions can be ended in one step.
error-account--token_already_revoked = This API token is already revoked.
error-account--token_exists = An API token with this id exists.

### Opportunities (private-sector postings and nominations).
error-opportunity--not_found = There is no such opportunity.
error-opportunity--already_exists = This opportunity exists already.
error-opportunity--required = This field is required.
error-opportunity--bad_text = The text is empty or contains characters that are not allowed.
error-opportunity--title_too_long = A title may have at most { $max } characters.
error-opportunity--description_too_long = A description may have at most { $max } characters.
error-opportunity--positions_out_of_range = The number of positions must be between 1 and { $max }.
error-opportunity--positions_below_hires = { $hires } already hired: the positions cannot be fewer.
error-opportunity--pay_does_not_fit_kind = Give a monthly pay range for work and training, and one amount for a grant or loan.
error-opportunity--pay_not_positive = An amount must be more than zero dinars.
error-opportunity--pay_too_large = The amount is implausibly large; check the number of zeros.
error-opportunity--min_pay_above_max = The minimum pay is above the maximum.
error-opportunity--deadline_in_past = The deadline must be after today.
error-opportunity--deadline_not_later = A new deadline must be later than the current one.
error-opportunity--deadline_changed_by_edit = A published opportunity's deadline changes only by extending it.
error-opportunity--too_many_skills = At most { $max } skills can be listed.
error-opportunity--bad_skill = A skill may have at most { $max } characters.
error-opportunity--too_many_languages = At most { $max } languages can be listed.
error-opportunity--bad_language = The language code is not known.
error-opportunity--minimum_age_out_of_range = The minimum age must be between { $min } and { $max }.
error-opportunity--motivation_too_long = A motivation may have at most { $max } characters.
error-opportunity--reason_required = Write the reasons for returning it (up to { $max } characters).
error-opportunity--wrong_status = The opportunity's status does not allow this.
error-opportunity--deadline_not_reached = The opportunity's deadline has not come yet.
error-opportunity--nominations_closed = The deadline has passed: no more nominations.
error-opportunity--consent_required = The returnee's consent to be put forward to this employer is not recorded.
error-opportunity--no_matching_need = The referral has no livelihoods or vocational-training need.
error-opportunity--already_nominated = This person has already been nominated to this opportunity, from this referral or by another office.
error-opportunity--nomination_not_found = There is no such nomination on this opportunity.
error-opportunity--nomination_exists = A nomination with this id exists.
error-opportunity--wrong_stage = The nomination's stage does not allow this.
error-opportunity--nominee_rejected = A rejected nominee cannot be hired.
error-opportunity--positions_filled = Every position of this opportunity is filled.
error-opportunity--interview_in_past = The interview date is in the past.
error-opportunity--contact_not_disclosed = Contact details are shown only after shortlisting, and only with the nominee's consent.
