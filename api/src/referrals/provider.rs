//! A provider as the directory shows it, for the referral's claim and transfer rules.

use std::sync::LazyLock;

use domain::referral::ProviderOffer;
use domain::values::ServiceCategory;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use crate::errors::{ApiError, ApiResult, Code};

/// Whether `$1` is verified and what it offers in the governorate `gov` (an SQL
/// expression): one round trip. Built once, in the statics below.
fn offer_sql(gov: &str) -> String {
    format!(
        "(SELECT status = 'verified' FROM organizations WHERE id = $1) AS verified,
         ARRAY(SELECT category FROM organization_services
                WHERE organization_id = $1 AND {gov} = ANY(governorates)
                ORDER BY category) AS categories"
    )
}

static OFFER_IN: LazyLock<String> = LazyLock::new(|| format!("SELECT {}", offer_sql("$2")));

static OFFER_FOR: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {} FROM referrals r WHERE r.id = $2",
        offer_sql("r.governorate")
    )
});

fn offer(org: Uuid, row: &sqlx::postgres::PgRow) -> ApiResult<ProviderOffer> {
    let verified: Option<bool> = row.try_get("verified")?;
    let categories: Vec<String> = row.try_get("categories")?;
    Ok(ProviderOffer {
        org_id: org,
        verified: verified.unwrap_or(false),
        categories_here: categories
            .iter()
            .filter_map(|c| ServiceCategory::parse(c))
            .collect(),
    })
}

/// What `org` offers in `governorate` (ISO code), and whether it is verified.
pub async fn offer_in(pool: &PgPool, org: Uuid, governorate: &str) -> ApiResult<ProviderOffer> {
    let row = sqlx::query(&OFFER_IN)
        .bind(org)
        .bind(governorate)
        .fetch_one(pool)
        .await?;
    offer(org, &row)
}

/// What `org` offers where the referral `referral` is, in the same round trip as
/// finding the referral. NOT_FOUND when there is no such referral.
pub async fn offer_for(pool: &PgPool, org: Uuid, referral: Uuid) -> ApiResult<ProviderOffer> {
    let row = sqlx::query(&OFFER_FOR)
        .bind(org)
        .bind(referral)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| ApiError::new(Code::NotFound, "referral.not_found").field("id"))?;
    offer(org, &row)
}
