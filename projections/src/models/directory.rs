//! The organisation directory: organisations, their members and the services they offer.
//! Tables: `organizations`, `organization_members`, `organization_services`.

use domain::organization::OrganizationEvent as Ev;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::{Projection, ProjectionError, StoredEvent};

pub struct Directory;

fn govs(set: &std::collections::BTreeSet<domain::values::Governorate>) -> Vec<String> {
    set.iter().map(|g| g.code().to_string()).collect()
}

#[async_trait::async_trait]
impl Projection for Directory {
    fn name(&self) -> &'static str {
        "directory"
    }

    async fn apply(&self, conn: &mut PgConnection, e: &StoredEvent) -> Result<(), ProjectionError> {
        if e.aggregate_type != domain::organization::AGGREGATE_TYPE {
            return Ok(());
        }
        let unreadable = |reason: String| ProjectionError::Unreadable {
            at: e.at.to_string(),
            reason,
        };
        let event: Ev =
            serde_json::from_value(e.payload.clone()).map_err(|x| unreadable(x.to_string()))?;
        let id: Uuid = e
            .aggregate_id
            .parse()
            .map_err(|_| unreadable("organization id is not a UUID".into()))?;
        let at = e.occurred_at();
        let version = e.sequence;
        let touch = "UPDATE organizations SET updated_at = $2, version = $3 WHERE id = $1";
        match event {
            Ev::Registered {
                kind,
                name_ar,
                name_en,
                governorates,
                ..
            } => {
                sqlx::query(
                    "INSERT INTO organizations (id, kind, name_ar, name_en, governorates, status, registered_at, updated_at, version)
                     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6, $7)",
                )
                .bind(id)
                .bind(kind.as_str())
                .bind(name_ar.as_str())
                .bind(name_en.as_str())
                .bind(govs(&governorates))
                .bind(at)
                .bind(version)
                .execute(&mut *conn)
                .await?;
                return Ok(());
            }
            Ev::ProfileUpdated {
                name_ar,
                name_en,
                governorates,
            } => {
                sqlx::query("UPDATE organizations SET name_ar = $2, name_en = $3, governorates = $4 WHERE id = $1")
                    .bind(id)
                    .bind(name_ar.as_str())
                    .bind(name_en.as_str())
                    .bind(govs(&governorates))
                    .execute(&mut *conn)
                    .await?;
            }
            Ev::Verified { .. } => {
                sqlx::query(
                    "UPDATE organizations SET status = 'verified', verified_at = $2 WHERE id = $1",
                )
                .bind(id)
                .bind(at)
                .execute(&mut *conn)
                .await?;
            }
            Ev::Suspended { reason } => {
                sqlx::query("UPDATE organizations SET status = 'suspended', suspended_reason = $2 WHERE id = $1")
                    .bind(id)
                    .bind(reason)
                    .execute(&mut *conn)
                    .await?;
            }
            Ev::Reinstated { .. } => {
                sqlx::query(
                    "UPDATE organizations SET suspended_reason = NULL,
                            status = CASE WHEN verified_at IS NULL THEN 'pending' ELSE 'verified' END
                      WHERE id = $1",
                )
                .bind(id)
                .execute(&mut *conn)
                .await?;
            }
            Ev::MemberAdded {
                user_id,
                username,
                display_name,
                role,
            } => {
                sqlx::query(
                    "INSERT INTO organization_members (organization_id, user_id, username, display_name, role, added_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(user_id)
                .bind(username)
                .bind(display_name.as_str())
                .bind(role.as_str())
                .bind(at)
                .execute(&mut *conn)
                .await?;
            }
            Ev::MemberRoleChanged { user_id, role } => {
                sqlx::query("UPDATE organization_members SET role = $3 WHERE organization_id = $1 AND user_id = $2")
                    .bind(id)
                    .bind(user_id)
                    .bind(role.as_str())
                    .execute(&mut *conn)
                    .await?;
            }
            Ev::MemberRemoved { user_id } => {
                sqlx::query(
                    "DELETE FROM organization_members WHERE organization_id = $1 AND user_id = $2",
                )
                .bind(id)
                .bind(user_id)
                .execute(&mut *conn)
                .await?;
            }
            Ev::ServiceOffered {
                category,
                governorates,
                monthly_capacity,
            }
            | Ev::ServiceUpdated {
                category,
                governorates,
                monthly_capacity,
            } => {
                sqlx::query(
                    "INSERT INTO organization_services (organization_id, category, governorates, monthly_capacity)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (organization_id, category)
                     DO UPDATE SET governorates = EXCLUDED.governorates, monthly_capacity = EXCLUDED.monthly_capacity",
                )
                .bind(id)
                .bind(category.as_str())
                .bind(govs(&governorates))
                .bind(monthly_capacity as i32)
                .execute(&mut *conn)
                .await?;
            }
            Ev::ServiceWithdrawn { category } => {
                sqlx::query("DELETE FROM organization_services WHERE organization_id = $1 AND category = $2")
                    .bind(id)
                    .bind(category.as_str())
                    .execute(&mut *conn)
                    .await?;
            }
        }
        sqlx::query(touch)
            .bind(id)
            .bind(at)
            .bind(version)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError> {
        sqlx::query("TRUNCATE organizations, organization_members, organization_services")
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}
