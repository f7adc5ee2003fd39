//! Members of organisations as the directory read model keeps them.

use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use uuid::Uuid;

/// A member; `role` as stored (readers decide what an unknown one means).
#[derive(Debug, Clone)]
pub struct MemberRecord {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub added_at: DateTime<Utc>,
}

fn record(r: &sqlx::postgres::PgRow) -> Result<MemberRecord, sqlx::Error> {
    Ok(MemberRecord {
        user_id: r.try_get("user_id")?,
        username: r.try_get("username")?,
        display_name: r.try_get("display_name")?,
        role: r.try_get("role")?,
        added_at: r.try_get("added_at")?,
    })
}

/// The members of `org`, by display name.
pub async fn members_of(pool: &PgPool, org: Uuid) -> Result<Vec<MemberRecord>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT user_id, username, display_name, role, added_at FROM organization_members
              WHERE organization_id = $1 ORDER BY display_name, user_id",
    )
    .bind(org)
    .fetch_all(pool)
    .await?;
    rows.iter().map(record).collect()
}

/// The member `user` of `org`, if they are one.
pub async fn member(
    pool: &PgPool,
    org: Uuid,
    user: Uuid,
) -> Result<Option<MemberRecord>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT user_id, username, display_name, role, added_at FROM organization_members
          WHERE organization_id = $1 AND user_id = $2",
    )
    .bind(org)
    .bind(user)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(record).transpose()
}

/// The organisation `user` belongs to, if any.
pub async fn organization_of(pool: &PgPool, user: Uuid) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar("SELECT organization_id FROM organization_members WHERE user_id = $1")
        .bind(user)
        .fetch_optional(pool)
        .await
}

/// The display names of those of `users` who are members of an organisation now.
pub async fn display_names(
    pool: &PgPool,
    users: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, String>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT user_id, display_name FROM organization_members WHERE user_id = ANY($1)",
    )
    .bind(users)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("user_id")?, r.try_get("display_name")?)))
        .collect()
}
