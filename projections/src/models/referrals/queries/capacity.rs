//! How much of this month's capacity each of an organisation's services has used.

use sqlx::{PgPool, Row};
use uuid::Uuid;

/// The places of the service `s` (an `organization_services` row) used this month.
pub const USED: &str = "(SELECT count(*) FROM referrals h
      WHERE h.holder_id = s.organization_id AND h.holder_id IS NOT NULL
        AND h.claimed_at >= date_trunc('month', now())
        AND s.category = ANY(h.need_categories))";

/// `(category, monthly capacity, used this month)` per service of `org`, by category.
pub async fn usage(pool: &PgPool, org: Uuid) -> Result<Vec<(String, i32, i64)>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT s.category, s.monthly_capacity, {} AS used
                   FROM organization_services s WHERE s.organization_id = $1 ORDER BY s.category",
        USED
    ))
    .bind(org)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| -> Result<(String, i32, i64), sqlx::Error> {
            Ok((
                r.try_get("category")?,
                r.try_get("monthly_capacity")?,
                r.try_get("used")?,
            ))
        })
        .collect()
}
