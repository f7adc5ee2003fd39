//! The directory's list of organisations: filtered, sorted by Arabic name, by pages.

use sqlx::PgPool;
use uuid::Uuid;

use crate::models::directory::row::{OrganizationRecord, ORGANIZATION_COLUMNS};

/// The list's filters, as stored values (`None`: any).
#[derive(Debug, Clone, Default)]
pub struct OrganizationFilters {
    pub kind: Option<&'static str>,
    pub governorate: Option<String>,
    pub status: Option<&'static str>,
    /// A `LIKE` pattern over both names, matched as `sanad_fold` sees them (Arabic and
    /// Kurdish spellings, diacritics and case aside).
    pub search: Option<String>,
}

const FILTERS: &str = "($1::text IS NULL OR kind = $1)
                   AND ($2::text IS NULL OR $2 = ANY(governorates))
                   AND ($3::text IS NULL OR status = $3)
                   AND ($4::text IS NULL OR sanad_fold(name_ar) LIKE sanad_fold($4)
                                        OR sanad_fold(name_en) LIKE sanad_fold($4))";

/// How many organisations match `f`, on all pages.
pub async fn count(pool: &PgPool, f: &OrganizationFilters) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT count(*) FROM organizations WHERE {FILTERS}"
    ))
    .bind(f.kind)
    .bind(&f.governorate)
    .bind(f.status)
    .bind(&f.search)
    .fetch_one(pool)
    .await
}

/// Up to `fetch` organisations matching `f` after `(name_ar, id)` `after`.
pub async fn page(
    pool: &PgPool,
    f: &OrganizationFilters,
    after: Option<&(String, Uuid)>,
    fetch: i64,
) -> Result<Vec<OrganizationRecord>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {} FROM organizations WHERE {FILTERS}
                AND ($5::text IS NULL OR (name_ar, id) > ($5, $6::uuid))
              ORDER BY name_ar, id LIMIT $7",
        ORGANIZATION_COLUMNS
    ))
    .bind(f.kind)
    .bind(&f.governorate)
    .bind(f.status)
    .bind(&f.search)
    .bind(after.map(|k| k.0.clone()))
    .bind(after.map(|k| k.1))
    .bind(fetch)
    .fetch_all(pool)
    .await?;
    rows.iter().map(OrganizationRecord::from_row).collect()
}
