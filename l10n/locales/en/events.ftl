### A label for every event type of every aggregate ("event-<EventType>"), for the history and the audit.

event-OrganizationRegistered = Organisation registered
event-OrganizationProfileUpdated = Profile updated
event-OrganizationVerified = Organisation verified
event-OrganizationSuspended = Organisation suspended
event-OrganizationReinstated = Organisation reinstated
event-MemberAdded = Member added
event-MemberRoleChanged = Member's role changed
event-MemberRemoved = Member removed
event-ServiceOffered = Service offered
event-ServiceUpdated = Service updated
event-ServiceWithdrawn = Service withdrawn
event-ReferralCreated = Referral created
event-ReferralOpened = Opened to providers
event-ReferralClaimed = Claimed by a provider
event-ReferralAccepted = Referral accepted
event-ReferralDeclined = Referral declined
event-ServiceStarted = Service started
event-ServiceDelivered = Service delivered
event-ReferralClosed = Referral closed
event-ReferralTransferred = Transferred to another provider
event-ReferralWithdrawn = Referral withdrawn
event-ReferralReopened = Referral reopened
event-FollowUpAdded = Follow-up planned
event-CaseworkerAssigned = Case worker assigned
event-ConsentUpdated = Consent updated
event-ReferralEscalated = Escalated to the supervisor
event-PersonalDataViewed = Personal data viewed
event-BeneficiaryErased = Personal data erased
event-SignInThrottled = Sign-in attempts throttled

event-PasswordChanged = Password changed
event-PasswordReset = Password reset by a manager
event-SessionsEnded = Sessions ended
event-ApiTokenCreated = API token created
event-ApiTokenRevoked = API token revoked
