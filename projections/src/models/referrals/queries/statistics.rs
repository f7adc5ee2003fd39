//! The Secretariat's anonymised indicators: referrals per status, governorate and need,
//! small cells suppressed.

use domain::referral::ReferralStatus;
use domain::values::{Governorate, ServiceCategory};
use sqlx::PgPool;

/// Cells with fewer referrals than this are suppressed in anonymised statistics.
pub const SUPPRESS_BELOW: i64 = 5;

/// One cell of the indicators.
#[derive(Clone, Debug)]
pub struct ReferralCell {
    pub status: ReferralStatus,
    pub governorate: Governorate,
    pub need: ServiceCategory,
    /// `None` when suppressed.
    pub count: Option<i64>,
    /// Fewer than [`SUPPRESS_BELOW`] referrals: the number is withheld so no person can be
    /// singled out.
    pub suppressed: bool,
}

/// The indicators' cells, from `referral_counts`.
pub async fn referral_counts(pool: &PgPool) -> Result<Vec<ReferralCell>, sqlx::Error> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT status, governorate, need, n FROM referral_counts
          WHERE n > 0 ORDER BY governorate, status, need",
    )
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (status, gov, need, n) in rows {
        let Ok(governorate) = gov.parse::<Governorate>() else {
            continue;
        };
        let (Some(status), Some(need)) = (
            ReferralStatus::parse(&status),
            ServiceCategory::parse(&need),
        ) else {
            continue;
        };
        let suppressed = n < SUPPRESS_BELOW;
        out.push(ReferralCell {
            status,
            governorate,
            need,
            count: (!suppressed).then_some(n),
            suppressed,
        });
    }
    Ok(out)
}
