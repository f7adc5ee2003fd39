//! A session as the database gives it: the session's columns and its user's actor
//! columns, read by `principal` and kept by `session_cache`.

use uuid::Uuid;

/// The columns `principal::with_actor` adds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ActorColumns {
    pub(super) username: String,
    pub(super) display_name: String,
    pub(super) disabled: bool,
    pub(super) organization_id: Option<Uuid>,
    pub(super) role: Option<String>,
    pub(super) kind: Option<String>,
    pub(super) status: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub(super) token_hash: String,
    pub(super) user_id: Uuid,
    pub(super) csrf_token: String,
    pub(super) stale: bool,
    pub(super) expires_in: f64,
    #[sqlx(flatten)]
    pub(super) actor: ActorColumns,
}

#[cfg(test)]
impl SessionRow {
    /// A live session of an NGO staff member.
    pub(crate) fn for_tests(user_id: Uuid) -> Self {
        Self {
            token_hash: "hash".into(),
            user_id,
            csrf_token: "csrf".into(),
            stale: false,
            expires_in: 1800.0,
            actor: ActorColumns {
                username: "staff".into(),
                display_name: "Staff".into(),
                disabled: false,
                organization_id: Some(Uuid::nil()),
                role: Some("provider_staff".into()),
                kind: Some("ngo".into()),
                status: Some("verified".into()),
            },
        }
    }

    pub(crate) fn user_id(&self) -> Uuid {
        self.user_id
    }
}
