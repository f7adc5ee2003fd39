//! What may be done to an account, and how the actor stands to it.

/// An account's commands and the reads the API serves of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountOperation {
    /// Change one's password (the current one is asked for).
    ChangeOwnPassword,
    /// Give someone a new password, ending their sessions.
    ResetPassword,
    /// End sessions (one, or all but the current one).
    EndSessions,
    /// See the account's sessions.
    ViewSessions,
    CreateApiToken,
    /// Revoke an API token: one's own, or anyone's to cut off a leaked token.
    RevokeApiToken,
    /// Read the account's history (its events).
    ViewAccountHistory,
}

impl AccountOperation {
    pub const ALL: [AccountOperation; 7] = [
        Self::ChangeOwnPassword,
        Self::ResetPassword,
        Self::EndSessions,
        Self::ViewSessions,
        Self::CreateApiToken,
        Self::RevokeApiToken,
        Self::ViewAccountHistory,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::ChangeOwnPassword => "ChangeOwnPassword",
            Self::ResetPassword => "ResetPassword",
            Self::EndSessions => "EndSessions",
            Self::ViewSessions => "ViewSessions",
            Self::CreateApiToken => "CreateApiToken",
            Self::RevokeApiToken => "RevokeApiToken",
            Self::ViewAccountHistory => "ViewAccountHistory",
        }
    }
}

/// The actor's relation to the account's holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountRelation {
    Own,
    /// The holder belongs to the actor's organisation.
    Colleague,
    Other,
}

impl AccountRelation {
    pub const ALL: [AccountRelation; 3] = [Self::Own, Self::Colleague, Self::Other];
}
