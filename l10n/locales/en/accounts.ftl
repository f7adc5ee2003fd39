### Signing in, the home page, roles and organisation members.

sign-in = Sign in
sign-out = Sign out
signed-in-as = Signed in as
username = Username
password = Password
login-title = Sign in to Sanad
login-intro = Use the account your organisation gave you.
login-missing-fields = Enter your username and password.
login-failed = Could not sign in. Please try again.
welcome = Welcome
your-role = Your role
your-organization = Your organisation
no-organization = Not attached to an organisation
no-role = No role
members = Members
display-name = Name
role = Role
no-members = No members yet.
add-member-title = Add a member
add-member-hint = An account is made with this username and password; hand them over safely.
initial-password = First password (at least 10 characters)
change-role = Change role
remove-member = Remove
done-member-added = The member has been added.
done-member-changed = The member's role has been changed.
done-member-removed = The member has been removed; their account can no longer do anything.
role-SECRETARIAT_ADMIN = Secretariat administrator
role-SECRETARIAT_AUDITOR = Secretariat auditor
role-NRM_SUPERVISOR = National Referral Mechanism supervisor
role-NRM_CASEWORKER = Case worker
role-PROVIDER_COORDINATOR = Service provider coordinator
role-PROVIDER_STAFF = Service provider staff
role-EMPLOYER = Private-sector employer
role-MRC_COUNSELLOR = Labour and Migration Resource Centre counsellor

## One's own account: password, sessions, API tokens, history; a manager's password reset.

my-account = My account
account-intro = Your password, the browsers you are signed in on, your API tokens, and everything that changed in them.
change-password-title = Change your password
current-password = Current password
new-password = New password (at least 10 characters)
repeat-password = New password again
passwords-differ = The two new passwords differ.
end-other-sessions-on-change = Sign me out on other devices
change-password = Change password
sessions-title = Where you are signed in
sessions-intro = Each browser you are signed in on. If you do not know one, end it and change your password.
session-started = Started
session-last-seen = Last active
session-address = Address
session-browser = Browser
this-session = This session
end-session = End session
end-other-sessions = Sign out of all other sessions
unknown-browser = Unknown browser
tokens-title = API tokens
tokens-intro = For other systems to use Sanad in your name. A token is shown once, when it is made.
token-name = Token name
token-made = Made
token-last-used = Last used
token-revoked-state = Revoked
token-active = Active
revoke-token = Revoke
create-token = Make a token
new-token-shown-once = Your new token. Copy it now: it is not shown again:
no-tokens = You have made no token.
never-used = Never
account-history-title = Your account's history
account-history-intro = Every change to your password, sessions and tokens, and who made it.
no-account-history = Nothing yet.
detail = Detail
reset-password-title = Reset a member's password
reset-password-hint = All the member's sessions end. Hand the new password over safely and ask them to change it on their account page.
reset-password = Reset password
done-password-changed = Your password was changed.
done-session-ended = The session was ended.
done-other-sessions-ended = You were signed out of every other session.
done-token-created = The token was made.
done-token-revoked = The token was revoked.
done-password-reset = The member's password was reset and their sessions ended.
sessions-ended-because-ended_by_holder = ended by the account's holder
sessions-ended-because-other_sessions_signed_out = signed out of the other sessions
sessions-ended-because-password_changed = with the password change
sessions-ended-because-password_reset = with the password reset
count-sessions =
    { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }
