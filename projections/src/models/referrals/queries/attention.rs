//! What waits for an organisation, most urgent first: an office's escalations, drafts,
//! follow-ups due and referrals no provider can take; a provider's referrals to accept
//! and follow-ups due.

use sqlx::{FromRow, PgPool, Row};
use uuid::Uuid;

use super::capacity::USED;
use crate::models::referrals::row::{ReferralRow, REFERRAL_COLUMNS};

/// The referrals waiting for the office (`office`) or the provider `org`, each with why
/// (`escalated`, `draft`, `awaiting`, `no_provider`, `follow_up`).
pub async fn waiting(
    pool: &PgPool,
    org: Uuid,
    office: bool,
) -> Result<Vec<(String, ReferralRow)>, sqlx::Error> {
    let sql = if office {
        "SELECT CASE WHEN escalated AND status = 'open' THEN 'escalated'
                             WHEN status = 'draft' THEN 'draft'
                             ELSE 'follow_up' END AS why, {cols}
                   FROM referrals
                  WHERE office_id = $1 AND office_attention AND (
                        (escalated AND status = 'open') OR status = 'draft'
                     OR (next_follow_up <= current_date AND status NOT IN ('closed', 'withdrawn')))"
    } else {
        "SELECT CASE WHEN status = 'claimed' THEN 'awaiting' ELSE 'follow_up' END AS why, {cols}
                   FROM referrals
                  WHERE holder_id = $1 AND holder_attention AND (status = 'claimed'
                     OR (next_follow_up <= current_date AND status NOT IN ('closed', 'withdrawn')))"
    };
    let rows = sqlx::query(&format!(
        "{} ORDER BY top_priority, created_at LIMIT 200",
        sql.replace("{cols}", REFERRAL_COLUMNS)
    ))
    .bind(org)
    .fetch_all(pool)
    .await?;
    let mut rows = rows;
    if office {
        // The office's open referrals that no provider can take (those already listed
        // for another reason are listed once).
        static NONE_CAN_TAKE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
            format!(
                "SELECT 'no_provider' AS why, {REFERRAL_COLUMNS} FROM referrals r
                      WHERE r.office_id = $1 AND r.active AND r.status = 'open'
                        AND NOT EXISTS (
                            SELECT 1 FROM organization_services s
                              JOIN organizations o ON o.id = s.organization_id
                                                  AND o.status = 'verified'
                             WHERE r.governorate = ANY(s.governorates)
                               AND s.category = ANY(r.need_categories)
                               AND s.monthly_capacity > {})
                      ORDER BY r.top_priority, r.created_at LIMIT 200",
                USED
            )
        });
        let none = sqlx::query(&NONE_CAN_TAKE)
            .bind(org)
            .fetch_all(pool)
            .await?;
        let listed: std::collections::HashSet<Uuid> = rows
            .iter()
            .filter_map(|r| r.try_get::<Uuid, _>("id").ok())
            .collect();
        rows.extend(none.into_iter().filter(|r| {
            r.try_get::<Uuid, _>("id")
                .is_ok_and(|id| !listed.contains(&id))
        }));
    }
    rows.iter()
        .map(|row| -> Result<(String, ReferralRow), sqlx::Error> {
            Ok((row.try_get("why")?, ReferralRow::from_row(row)?))
        })
        .collect()
}

/// Whether no verified provider offering one of `needs` in `governorate` has places left
/// this month (or none offers one).
pub async fn none_can_take(
    pool: &PgPool,
    governorate: &str,
    needs: &[&str],
) -> Result<bool, sqlx::Error> {
    static NONE_CAN_TAKE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "SELECT NOT EXISTS (
                    SELECT 1 FROM organization_services s
                      JOIN organizations o ON o.id = s.organization_id AND o.status = 'verified'
                     WHERE $1 = ANY(s.governorates) AND s.category = ANY($2::text[])
                       AND s.monthly_capacity > {})",
            USED
        )
    });
    sqlx::query_scalar::<_, bool>(&NONE_CAN_TAKE)
        .bind(governorate)
        .bind(needs)
        .fetch_one(pool)
        .await
}
