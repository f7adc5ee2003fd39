//! Creating a user account in an organisation: the credentials row, then the
//! organisation's `MemberAdded` event (which carries the role).

use domain::access::{authorize, Operation};
use domain::organization::{Organization, OrganizationCommand};
use domain::values::{Name, OrganizationKind, Role};
use sqlx::Row;
use store::CommandContext;
use uuid::Uuid;

use super::password;
use crate::errors::{ApiError, ApiResult, Code};
use crate::state::AppState;

pub struct NewAccount {
    pub organization_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
}

/// Usernames: 3 to 64 of `a-z 0-9 . _ -`, compared without case.
pub fn normalize_username(raw: &str) -> ApiResult<String> {
    let u = raw.trim().to_lowercase();
    let fine = (3..=64).contains(&u.chars().count())
        && u.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if fine {
        Ok(u)
    } else {
        Err(ApiError::validation("input.username_invalid", "username"))
    }
}

pub fn name_error(e: domain::values::NameError, field: &str) -> ApiError {
    use domain::values::NameError as N;
    match e {
        N::Empty => ApiError::validation("input.name_empty", field),
        N::TooLong => ApiError::validation("input.name_too_long", field)
            .arg("max", domain::values::MAX_NAME_CHARS),
        N::ControlCharacters => ApiError::validation("input.name_control", field),
    }
}

async fn organization_kind(state: &AppState, id: Uuid) -> ApiResult<OrganizationKind> {
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM organizations WHERE id = $1")
        .bind(id)
        .fetch_optional(&state.pool)
        .await?;
    kind.and_then(|k| OrganizationKind::parse(&k))
        .ok_or_else(|| {
            ApiError::new(Code::NotFound, "organization.not_found").field("organizationId")
        })
}

/// Creates the account and its membership; returns the new user's id. Repeating the
/// same `command_id` returns the same user without creating another.
pub async fn create(state: &AppState, ctx: &CommandContext, input: NewAccount) -> ApiResult<Uuid> {
    let username = normalize_username(&input.username)?;
    let display_name = Name::new(&input.display_name).map_err(|e| name_error(e, "displayName"))?;
    password::validate(&input.password)?;
    let kind = organization_kind(state, input.organization_id).await?;
    // Asked before the slow password hash and before any row is written; the aggregate
    // asks again when it handles the command.
    authorize(
        &ctx.actor,
        Operation::AddMember,
        Some((input.organization_id, kind)),
    )
    .map_err(|_| ApiError::forbidden())?;
    let user_id = Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("account:{}:{}", input.organization_id, ctx.command_id).as_bytes(),
    );
    let existing = sqlx::query("SELECT username FROM accounts WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&state.pool)
        .await?;
    let created_now = match existing {
        Some(row) if row.try_get::<String, _>("username")? == username => false,
        Some(_) => return Err(ApiError::new(Code::Conflict, "contention")),
        None => {
            let hash = password::hash(input.password).await?;
            let inserted = sqlx::query(
                "INSERT INTO accounts (user_id, username, display_name, password_hash) VALUES ($1, $2, $3, $4)",
            )
            .bind(user_id)
            .bind(&username)
            .bind(display_name.as_str())
            .bind(hash)
            .execute(&state.pool)
            .await;
            match inserted {
                Ok(_) => true,
                Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("23505") => {
                    return Err(ApiError::new(Code::Conflict, "account.username_taken")
                        .field("username")
                        .arg("value", &username));
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let command = OrganizationCommand::AddMember {
        actor: ctx.actor.clone(),
        user_id,
        username,
        display_name,
        role: input.role,
    };
    let result = state
        .execute::<Organization>(&input.organization_id.to_string(), ctx, command)
        .await;
    if let Err(e) = result {
        if created_now {
            // No membership was recorded, so the credentials must not outlive the refusal.
            let _ = sqlx::query("DELETE FROM accounts WHERE user_id = $1")
                .bind(user_id)
                .execute(&state.pool)
                .await;
        }
        return Err(e);
    }
    Ok(user_id)
}

/// The command line's way back into an account: a new password, the account enabled,
/// its sessions ended and its sign-in throttle cleared, recorded in the account's history
/// as a reset by `system:cli` and in the access log.
pub async fn reset_password(state: &AppState, username: &str, new: String) -> ApiResult<()> {
    let user_id: Option<Uuid> =
        sqlx::query_scalar("SELECT user_id FROM accounts WHERE lower(username) = lower($1)")
            .bind(username.trim())
            .fetch_optional(&state.pool)
            .await?;
    let Some(user_id) = user_id else {
        return Err(ApiError::new(Code::NotFound, "account.not_found").arg("value", username));
    };
    let ctx = CommandContext::new(domain::access::Actor::system("admin"), None, "cli");
    super::reset_password::reset_password(state, &ctx, user_id, &new).await?;
    sqlx::query(
        "INSERT INTO access_log (kind, username, user_id, address, request_id) VALUES ('password_reset', $1, $2, 'cli', 'cli')",
    )
    .bind(username.trim())
    .bind(user_id)
    .execute(&state.pool)
    .await?;
    Ok(())
}
