//! A provider as the directory shows it, for the referral's claim and transfer rules.

use domain::referral::ProviderOffer;
use domain::values::ServiceCategory;
use sqlx::PgPool;
use uuid::Uuid;

use crate::errors::ApiResult;

/// What `org` offers in `governorate` (ISO code), and whether it is verified.
pub async fn offer_in(pool: &PgPool, org: Uuid, governorate: &str) -> ApiResult<ProviderOffer> {
    let verified: Option<bool> =
        sqlx::query_scalar("SELECT status = 'verified' FROM organizations WHERE id = $1")
            .bind(org)
            .fetch_optional(pool)
            .await?;
    let categories: Vec<String> = sqlx::query_scalar(
        "SELECT category FROM organization_services WHERE organization_id = $1 AND $2 = ANY(governorates)",
    )
    .bind(org)
    .bind(governorate)
    .fetch_all(pool)
    .await?;
    Ok(ProviderOffer {
        org_id: org,
        verified: verified.unwrap_or(false),
        categories_here: categories
            .iter()
            .filter_map(|c| ServiceCategory::parse(c))
            .collect(),
    })
}
