//! Who is calling: resolved from a session cookie or a bearer token into an `Actor`
//! whose organisation, role and standing come from the directory read model.

use domain::access::{Actor, OrganizationStanding};
use domain::values::{OrganizationKind, Role};
use std::sync::LazyLock;
use std::time::Duration;

use std::collections::HashMap;

use sqlx::PgPool;
use uuid::Uuid;

use super::secrets::{digest, SESSION_PREFIX, TOKEN_PREFIX};
use super::session_cache::SessionCache;
use super::session_row::{ActorColumns, SessionRow};
use crate::errors::ApiResult;
use store::batch::{Batched, Lookup};
use store::HeldConnection;

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

    /// The digest of the session this request came with (none for an API token): the
    /// one a person's "end my other sessions" keeps.
    pub fn session_digest(&self) -> Option<&str> {
        match &self.method {
            AuthMethod::Session { token_hash, .. } => Some(token_hash),
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

/// Live sessions and their actors, for a batch of presented session secrets (see
/// `store::batch`). Reads need no write: the last-seen time is refreshed at most once a
/// minute (`stale`). `expires_in`: seconds until the session ends unless used again.
static SESSIONS: LazyLock<String> = LazyLock::new(|| {
    with_actor(
        "SELECT token_hash, user_id, csrf_token, last_seen_at < now() - interval '1 minute' AS stale,
                extract(epoch FROM least(last_seen_at + make_interval(mins => $2),
                                         created_at + make_interval(hours => $3)) - now())::float8 AS expires_in
           FROM sessions
          WHERE token_hash = ANY($1) AND ended_at IS NULL
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

#[derive(Debug, sqlx::FromRow)]
struct TokenRow {
    id: Uuid,
    user_id: Uuid,
    #[sqlx(flatten)]
    actor: ActorColumns,
}

/// Session lookups of concurrent requests, batched.
pub struct SessionLookup {
    pub conn: HeldConnection,
    pub idle_minutes: i64,
    pub max_hours: i64,
}

impl Lookup for SessionLookup {
    type Key = String;
    type Value = SessionRow;

    async fn fetch(&self, keys: Vec<String>) -> Result<HashMap<String, SessionRow>, sqlx::Error> {
        let (idle, max) = (self.idle_minutes as i32, self.max_hours as i32);
        let mut conn = self.conn.get().await?;
        let fetched = sqlx::query_as(&SESSIONS)
            .bind(&keys)
            .bind(idle)
            .bind(max)
            .fetch_all(&mut *conn)
            .await;
        let rows: Vec<SessionRow> = conn.settle(fetched)?;
        Ok(rows
            .into_iter()
            .map(|r| (r.token_hash.clone(), r))
            .collect())
    }
}

/// The actor for a user: their membership, their organisation's kind and standing.
/// A user with no membership gets an actor with no role, whom the policy refuses everything.
pub async fn actor_for(pool: &PgPool, user_id: Uuid) -> ApiResult<Option<(String, String, Actor)>> {
    let row: Option<ActorColumns> = sqlx::query_as(&ACTOR)
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    Ok(row.and_then(|row| actor_from_columns(user_id, row)))
}

/// The actor made of an account's columns; `None` for a disabled account.
fn actor_from_columns(user_id: Uuid, row: ActorColumns) -> Option<(String, String, Actor)> {
    if row.disabled {
        return None;
    }
    let role = row.role.as_deref().and_then(Role::parse);
    let kind = row.kind.as_deref().and_then(OrganizationKind::parse);
    let standing = match row.status.as_deref() {
        Some("verified") => OrganizationStanding::Verified,
        Some("suspended") => OrganizationStanding::Suspended,
        _ => OrganizationStanding::Pending,
    };
    let actor = Actor {
        user_id: Some(user_id),
        label: row.username.clone(),
        org_id: row.organization_id,
        org_kind: kind,
        role,
        standing,
    };
    Some((row.username, row.display_name, actor))
}

/// Resolves a presented secret. `None`: unknown, expired, revoked or disabled.
pub async fn resolve(
    pool: &PgPool,
    sessions: &Batched<SessionLookup>,
    cache: &SessionCache,
    secret: &str,
) -> ApiResult<Option<Principal>> {
    let hash = digest(secret);
    let (user_id, method, columns) = if secret.starts_with(SESSION_PREFIX) {
        let row = match cache.get(&hash) {
            Ok(row) => row,
            Err(miss) => {
                // One round trip for the secret and its actor, shared with concurrent
                // requests.
                let Some(mut row) = sessions.get(hash.clone()).await? else {
                    return Ok(None);
                };
                if row.stale {
                    sqlx::query("UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1")
                        .bind(&hash)
                        .execute(pool)
                        .await?;
                    row.stale = false;
                }
                let lifetime = Duration::try_from_secs_f64(row.expires_in).unwrap_or_default();
                cache.put(miss, hash.clone(), row.clone(), lifetime);
                row
            }
        };
        let method = AuthMethod::Session {
            token_hash: hash,
            csrf_token: row.csrf_token,
        };
        (row.user_id, method, row.actor)
    } else if secret.starts_with(TOKEN_PREFIX) {
        let row: Option<TokenRow> = sqlx::query_as(&TOKEN)
            .bind(&hash)
            .fetch_optional(pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        (row.user_id, AuthMethod::ApiToken { id: row.id }, row.actor)
    } else {
        return Ok(None);
    };
    let Some((username, display_name, actor)) = actor_from_columns(user_id, columns) else {
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
