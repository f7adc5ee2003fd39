//! The open referrals left unclaimed too long, which the service-level scheduler escalates
//! to their office's supervisor.

use sqlx::PgPool;
use uuid::Uuid;

/// Up to 500 referrals on the board, not escalated yet, opened more than `hours` ago,
/// longest waiting first, each with the whole hours it has waited.
pub async fn unclaimed_longer_than(
    pool: &PgPool,
    hours: i32,
) -> Result<Vec<(Uuid, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, (extract(epoch FROM now() - opened_at) / 3600)::bigint FROM referrals
          WHERE on_board AND NOT escalated AND opened_at < now() - make_interval(hours => $1)
          ORDER BY opened_at LIMIT 500",
    )
    .bind(hours)
    .fetch_all(pool)
    .await
}
