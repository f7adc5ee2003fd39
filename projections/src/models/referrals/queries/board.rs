//! The provider's referral board: the open referrals it may claim, for the board query and
//! the board subscription.

use std::sync::LazyLock;

use sqlx::{FromRow, PgPool};
use uuid::Uuid;

use super::capacity::USED;
use crate::models::referrals::row::{ReferralRow, REFERRAL_COLUMNS};

/// The services of the provider `$1` that have places left this month: a full service
/// drops out of the routing until a place frees up, the capacity is raised or the month
/// ends. Computed once per query (the statements start with it), not per referral.
pub static BOARD_SERVICES: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH board_services AS MATERIALIZED (
            SELECT s.category, s.governorates FROM organization_services s
             WHERE s.organization_id = $1 AND s.monthly_capacity > {})",
        USED
    )
});

/// Open referrals with a need the provider `$1` serves and has places for, in a governorate
/// where it serves it (after [`BOARD_SERVICES`]).
pub const ON_BOARD: &str = "r.on_board
    AND EXISTS (SELECT 1 FROM board_services s
                 WHERE r.governorate = ANY(s.governorates)
                   AND s.category = ANY(r.need_categories))";

/// The board of `org`, longest waiting first.
pub async fn board_ids(pool: &PgPool, org: Uuid) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "{} SELECT r.id FROM referrals r WHERE {ON_BOARD} ORDER BY r.opened_at, r.id LIMIT 500",
        *BOARD_SERVICES
    ))
    .bind(org)
    .fetch_all(pool)
    .await
}

/// A board page's filters, as stored values (`None`: any).
#[derive(Debug, Clone, Default)]
pub struct BoardFilters {
    pub governorate: Option<String>,
    pub need: Option<&'static str>,
    pub age_band: Option<&'static str>,
    pub sex: Option<&'static str>,
}

fn filters() -> String {
    format!(
        "{ON_BOARD}
            AND ($2::text IS NULL OR r.governorate = $2)
            AND ($3::text IS NULL OR $3 = ANY(r.need_categories))
            AND ($4::text IS NULL OR r.age_band = $4)
            AND ($5::text IS NULL OR r.sex = $5)"
    )
}

/// How many referrals on the board of `org` match `f`.
pub async fn board_count(pool: &PgPool, org: Uuid, f: &BoardFilters) -> Result<i64, sqlx::Error> {
    let filters = filters();
    sqlx::query_scalar(&format!(
        "{} SELECT count(*) FROM referrals r WHERE {filters}",
        *BOARD_SERVICES
    ))
    .bind(org)
    .bind(&f.governorate)
    .bind(f.need)
    .bind(f.age_band)
    .bind(f.sex)
    .fetch_one(pool)
    .await
}

/// Up to `fetch` referrals on the board of `org` matching `f` from `offset`, longest
/// waiting first, or by priority first.
pub async fn board_page(
    pool: &PgPool,
    org: Uuid,
    f: &BoardFilters,
    by_priority: bool,
    fetch: i64,
    offset: i64,
) -> Result<Vec<ReferralRow>, sqlx::Error> {
    let filters = filters();
    let order_by = if by_priority {
        "r.top_priority, r.opened_at, r.id"
    } else {
        "r.opened_at, r.id"
    };
    let columns = REFERRAL_COLUMNS
        .split(',')
        .map(|c| format!("r.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = sqlx::query(&format!(
        "{} SELECT {columns} FROM referrals r WHERE {filters} ORDER BY {order_by} LIMIT $6 OFFSET $7",
        *BOARD_SERVICES
    ))
    .bind(org)
    .bind(&f.governorate)
    .bind(f.need)
    .bind(f.age_band)
    .bind(f.sex)
    .bind(fetch)
    .bind(offset)
    .fetch_all(pool)
    .await?;
    rows.iter().map(ReferralRow::from_row).collect()
}
