//! Every login, failed login, logout and API-token use, in the append-only `access_log`.

use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Clone, Copy)]
pub enum AccessKind {
    Login,
    LoginFailed,
    LoginThrottled,
    Logout,
    TokenUsed,
    TokenCreated,
    TokenRevoked,
}

impl AccessKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Login => "login",
            Self::LoginFailed => "login_failed",
            Self::LoginThrottled => "login_throttled",
            Self::Logout => "logout",
            Self::TokenUsed => "token_used",
            Self::TokenCreated => "token_created",
            Self::TokenRevoked => "token_revoked",
        }
    }
}

pub struct AccessRecord<'a> {
    pub kind: AccessKind,
    pub username: Option<&'a str>,
    pub user_id: Option<Uuid>,
    pub address: &'a str,
    pub request_id: &'a str,
    pub detail: Option<&'a str>,
}

pub async fn record(pool: &PgPool, r: AccessRecord<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO access_log (kind, username, user_id, address, request_id, detail) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(r.kind.as_str())
    .bind(r.username)
    .bind(r.user_id)
    .bind(r.address)
    .bind(r.request_id)
    .bind(r.detail)
    .execute(pool)
    .await?;
    Ok(())
}
