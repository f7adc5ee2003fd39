//! How much of this month's capacity each of an organisation's services has used.

use sqlx::{PgPool, Row};
use uuid::Uuid;

use crate::errors::ApiResult;

/// `(category, monthly capacity, used this month)` per service of `org`, by category.
pub async fn usage(pool: &PgPool, org: Uuid) -> ApiResult<Vec<(String, i32, i64)>> {
    let rows = sqlx::query(&format!(
        "SELECT s.category, s.monthly_capacity, {} AS used
                   FROM organization_services s WHERE s.organization_id = $1 ORDER BY s.category",
        super::capacity::USED
    ))
    .bind(org)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| -> ApiResult<(String, i32, i64)> {
            Ok((
                r.try_get("category")?,
                r.try_get("monthly_capacity")?,
                r.try_get("used")?,
            ))
        })
        .collect()
}
