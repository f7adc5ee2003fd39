//! What the referrals' commands and reads share across requests.

use std::sync::Arc;

use domain::referral::ProviderOffer;
use projections::models::{CommittedReferrals, ReferralRow};
use projections::{AtCheckpoint, ProjectionWatch};
use sqlx::{FromRow, PgPool};
use store::batch::Batched;
use store::{HeldConnection, HeldConnections};
use uuid::Uuid;

use super::capacity::CapacityGauge;
use super::offer_cache::OfferCache;
use super::provider::OfferLookup;
use crate::by_id::ById;
use crate::errors::{ApiError, ApiResult, Code};
use projections::models::referrals::queries::statistics::ReferralCell;

/// Creates of different offices number at once; those of one office take turns anyway
/// (its counter row is locked until each commits).
const NUMBERING_CONNECTIONS: usize = 2;

/// The columns of `referrals` a [`ReferralRow`] reads (the read model owns them).
use projections::models::REFERRAL_COLUMNS;

#[derive(Clone)]
pub struct ReferralServices {
    /// Referrals read back after a command, batched across concurrent requests.
    pub by_id: Batched<ById<ReferralRow>>,
    /// Providers' offers where a referral is (claims, transfers), batched likewise.
    pub offers: Batched<OfferLookup>,
    /// Providers' offers per governorate, kept while the directory does not change.
    pub offer_cache: Arc<OfferCache>,
    /// Providers' monthly capacity at claim time (`referrals::capacity`).
    pub capacity: Arc<CapacityGauge>,
    /// Case numbers and data keys of new referrals: a statement per create, on held
    /// connections (a pooled one costs a round trip more).
    pub numbering: Arc<HeldConnections>,
    /// The referral rows this process's projector committed: a referral mutation answers
    /// from them when they show its events, and reads the table otherwise.
    pub committed: Option<CommittedReferrals>,
    /// The indicators, computed once per read-model checkpoint.
    pub indicators: Arc<AtCheckpoint<Vec<ReferralCell>>>,
}

impl ReferralServices {
    pub fn new(pool: &PgPool, watch: Option<&ProjectionWatch>) -> Self {
        Self {
            by_id: Batched::new(ById::new(
                pool.clone(),
                "referrals",
                REFERRAL_COLUMNS,
                |row| Ok(ReferralRow::from_row(row)?),
                |r| r.id,
            )),
            offers: Batched::new(OfferLookup {
                conn: HeldConnection::with_generic_plans(pool.clone()),
            }),
            offer_cache: Arc::new(OfferCache::new(
                watch.map(|w| (w.access().clone(), w.offers().clone())),
            )),
            capacity: Default::default(),
            numbering: Arc::new(HeldConnections::new(pool.clone(), NUMBERING_CONNECTIONS)),
            committed: None,
            indicators: Default::default(),
        }
    }
}

impl ReferralServices {
    /// What `org` offers where the referral `referral` is. NOT_FOUND when there is no such
    /// referral.
    ///
    /// A referral's governorate never changes: when this process's projector has written the
    /// referral, its row says where it is, and the offer there may be cached
    /// ([`OfferCache`]).
    pub async fn offer_for(&self, org: Uuid, referral: Uuid) -> ApiResult<ProviderOffer> {
        let projected = self
            .committed
            .as_ref()
            .and_then(|rows| rows.get(referral, Default::default()));
        let Some(row) = projected else {
            return self.looked_up(org, referral).await;
        };
        match self.offer_cache.get(org, &row.governorate) {
            Ok(offer) => Ok(offer),
            Err(miss) => {
                let offer = self.looked_up(org, referral).await?;
                self.offer_cache.put(miss, &row.governorate, &offer);
                Ok(offer)
            }
        }
    }

    /// The offer as the directory has it now, batched with concurrent requests.
    async fn looked_up(&self, org: Uuid, referral: Uuid) -> ApiResult<ProviderOffer> {
        self.offers
            .get((org, referral))
            .await?
            .ok_or_else(|| ApiError::new(Code::NotFound, "referral.not_found").field("id"))
    }
}
