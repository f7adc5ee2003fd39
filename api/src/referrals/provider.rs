//! A provider as the directory shows it, for the referral's claim and transfer rules.

use std::sync::LazyLock;

use std::collections::HashMap;

use domain::referral::ProviderOffer;
use domain::values::ServiceCategory;
use sqlx::{PgPool, Row};
use store::batch::Lookup;
use store::HeldConnection;
use uuid::Uuid;

use crate::errors::ApiResult;

/// Whether the organisation `org` is verified and what it offers in the governorate `gov`
/// (both SQL expressions): one round trip. Built once, in the statics below.
fn offer_sql(org: &str, gov: &str) -> String {
    format!(
        "(SELECT status = 'verified' FROM organizations WHERE id = {org}) AS verified,
         ARRAY(SELECT category FROM organization_services
                WHERE organization_id = {org} AND {gov} = ANY(governorates)
                ORDER BY category) AS categories"
    )
}

static OFFER_IN: LazyLock<String> = LazyLock::new(|| format!("SELECT {}", offer_sql("$1", "$2")));

/// Per (provider, referral) pair: the provider's offer where the referral is. Each pair
/// looks up its referral by primary key (the `OFFSET 0` keeps the planner from turning the
/// per-pair lookup into a join it could hash over the whole table), so one generic plan
/// suits any number of pairs and any size of table
/// ([`store::HeldConnection::with_generic_plans`]).
static OFFERS_FOR: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT k.org, k.referral, o.verified, o.categories
           FROM UNNEST($1::uuid[], $2::uuid[]) AS k(org, referral)
          CROSS JOIN LATERAL (
                SELECT {} FROM referrals r WHERE r.id = k.referral OFFSET 0
          ) o",
        offer_sql("k.org", "r.governorate")
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
        // Capacity changes with every claim: never looked up (or cached) here, but by
        // `referrals::capacity` right before the claim is decided.
        full_here: Default::default(),
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

/// What a provider offers where a referral is, batched across concurrent requests
/// (`store::batch`): every claim and transfer asks, keyed by (provider, referral). A
/// missing answer means there is no such referral.
pub struct OfferLookup {
    /// Opened with generic plans.
    pub conn: HeldConnection,
}

impl Lookup for OfferLookup {
    type Key = (Uuid, Uuid);
    type Value = ProviderOffer;

    async fn fetch(
        &self,
        keys: Vec<(Uuid, Uuid)>,
    ) -> Result<HashMap<(Uuid, Uuid), ProviderOffer>, sqlx::Error> {
        let (orgs, referrals): (Vec<Uuid>, Vec<Uuid>) = keys.into_iter().unzip();
        let mut conn = self.conn.get().await?;
        let fetched = sqlx::query(&OFFERS_FOR)
            .bind(&orgs)
            .bind(&referrals)
            .fetch_all(&mut *conn)
            .await;
        let rows = conn.settle(fetched)?;
        rows.iter()
            .map(|row| {
                let org: Uuid = row.try_get("org")?;
                let referral: Uuid = row.try_get("referral")?;
                let offer = offer(org, row)
                    .map_err(|e| sqlx::Error::Protocol(format!("unreadable offer: {e:?}")))?;
                Ok(((org, referral), offer))
            })
            .collect()
    }
}
