//! Who is calling: resolved from a session cookie or a bearer token into an `Actor`
//! whose organisation, role and standing come from the directory read model.

use domain::access::{Actor, OrganizationStanding};
use domain::values::{OrganizationKind, Role};
use std::sync::LazyLock;

use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use super::secrets::{digest, SESSION_PREFIX, TOKEN_PREFIX};
use crate::errors::ApiResult;

#[derive(Debug, Clone)]
pub enum AuthMethod {
    Session {
        token_hash: String,
        csrf_token: String,
    },
    ApiToken {
        id: Uuid,
    },
}

#[derive(Debug, Clone)]
pub struct Principal {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub actor: Actor,
    pub method: AuthMethod,
}

impl Principal {
    pub fn csrf_token(&self) -> Option<&str> {
        match &self.method {
            AuthMethod::Session { csrf_token, .. } => Some(csrf_token),
            AuthMethod::ApiToken { .. } => None,
        }
    }
}

/// The account columns an actor is made of, joined onto a row source `x` with a
/// `user_id` column (a CTE, so the source may be an `UPDATE ... RETURNING`): each
/// statement is built once, not per request.
fn with_actor(source: &str) -> String {
    format!(
        "WITH x AS ({source})
         SELECT x.*, a.username, a.display_name, a.disabled, m.organization_id, m.role, o.kind, o.status
           FROM x
           JOIN accounts a ON a.user_id = x.user_id
           LEFT JOIN organization_members m ON m.user_id = a.user_id
           LEFT JOIN organizations o ON o.id = m.organization_id"
    )
}

static ACTOR: LazyLock<String> = LazyLock::new(|| with_actor("SELECT $1::uuid AS user_id"));

/// A live session and its actor. Reads need no write: the last-seen time is refreshed at
/// most once a minute (`stale`).
static SESSION: LazyLock<String> = LazyLock::new(|| {
    with_actor(
        "SELECT user_id, csrf_token, last_seen_at < now() - interval '1 minute' AS stale
           FROM sessions
          WHERE token_hash = $1 AND ended_at IS NULL
            AND last_seen_at > now() - make_interval(mins => $2)
            AND created_at > now() - make_interval(hours => $3)",
    )
});

/// A live API token, marked used, and its actor.
static TOKEN: LazyLock<String> = LazyLock::new(|| {
    with_actor(
        "UPDATE api_tokens SET last_used_at = now()
          WHERE token_hash = $1 AND revoked_at IS NULL
      RETURNING id, user_id",
    )
});

/// The actor for a user: their membership, their organisation's kind and standing.
/// A user with no membership gets an actor with no role, whom the policy refuses everything.
pub async fn actor_for(pool: &PgPool, user_id: Uuid) -> ApiResult<Option<(String, String, Actor)>> {
    let row = sqlx::query(&ACTOR)
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    match row {
        Some(row) => actor_from_row(user_id, &row),
        None => Ok(None),
    }
}

/// Reads the actor's columns (see [`with_actor`]) off a row; `None` for a disabled account.
fn actor_from_row(user_id: Uuid, row: &PgRow) -> ApiResult<Option<(String, String, Actor)>> {
    if row.try_get::<bool, _>("disabled")? {
        return Ok(None);
    }
    let username: String = row.try_get("username")?;
    let display_name: String = row.try_get("display_name")?;
    let org_id: Option<Uuid> = row.try_get("organization_id")?;
    let role = row
        .try_get::<Option<String>, _>("role")?
        .and_then(|r| Role::parse(&r));
    let kind = row
        .try_get::<Option<String>, _>("kind")?
        .and_then(|k| OrganizationKind::parse(&k));
    let standing = match row.try_get::<Option<String>, _>("status")?.as_deref() {
        Some("verified") => OrganizationStanding::Verified,
        Some("suspended") => OrganizationStanding::Suspended,
        _ => OrganizationStanding::Pending,
    };
    let actor = Actor {
        user_id: Some(user_id),
        label: username.clone(),
        org_id,
        org_kind: kind,
        role,
        standing,
    };
    Ok(Some((username, display_name, actor)))
}

/// Resolves a presented secret. `None`: unknown, expired, revoked or disabled.
pub async fn resolve(
    pool: &PgPool,
    secret: &str,
    idle_minutes: i64,
    max_hours: i64,
) -> ApiResult<Option<Principal>> {
    let hash = digest(secret);
    // One round trip for the secret and its actor: every request of a signed-in user makes it.
    let row = if secret.starts_with(SESSION_PREFIX) {
        sqlx::query(&SESSION)
            .bind(&hash)
            .bind(idle_minutes as i32)
            .bind(max_hours as i32)
            .fetch_optional(pool)
            .await?
    } else if secret.starts_with(TOKEN_PREFIX) {
        sqlx::query(&TOKEN).bind(&hash).fetch_optional(pool).await?
    } else {
        None
    };
    let Some(row) = row else { return Ok(None) };
    let method = if secret.starts_with(SESSION_PREFIX) {
        if row.try_get::<bool, _>("stale")? {
            sqlx::query("UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1")
                .bind(&hash)
                .execute(pool)
                .await?;
        }
        AuthMethod::Session {
            token_hash: hash,
            csrf_token: row.try_get("csrf_token")?,
        }
    } else {
        AuthMethod::ApiToken {
            id: row.try_get("id")?,
        }
    };
    let user_id: Uuid = row.try_get("user_id")?;
    let Some((username, display_name, actor)) = actor_from_row(user_id, &row)? else {
        return Ok(None);
    };
    Ok(Some(Principal {
        user_id,
        username,
        display_name,
        actor,
        method,
    }))
}
