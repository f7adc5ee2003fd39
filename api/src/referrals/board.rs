//! The provider's referral board: the open referrals it may claim, for the board query and
//! the board subscription.

use std::sync::LazyLock;

use uuid::Uuid;

use crate::errors::ApiResult;
use crate::state::AppState;

/// The services of the provider `$1` that have places left this month: a full service
/// drops out of the routing until a place frees up, the capacity is raised or the month
/// ends. Computed once per query (the statements start with it), not per referral.
pub static BOARD_SERVICES: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH board_services AS MATERIALIZED (
            SELECT s.category, s.governorates FROM organization_services s
             WHERE s.organization_id = $1 AND s.monthly_capacity > {})",
        crate::referrals::capacity::USED
    )
});

/// Open referrals with a need the provider `$1` serves and has places for, in a governorate
/// where it serves it (after [`BOARD_SERVICES`]).
pub const ON_BOARD: &str = "r.on_board
    AND EXISTS (SELECT 1 FROM board_services s
                 WHERE r.governorate = ANY(s.governorates)
                   AND s.category = ANY(r.need_categories))";

/// The board of `org`, longest waiting first.
pub async fn board_ids(st: &AppState, org: Uuid) -> ApiResult<Vec<Uuid>> {
    Ok(sqlx::query_scalar(&format!(
        "{} SELECT r.id FROM referrals r WHERE {ON_BOARD} ORDER BY r.opened_at, r.id LIMIT 500",
        *BOARD_SERVICES
    ))
    .bind(org)
    .fetch_all(&st.pool)
    .await?)
}
