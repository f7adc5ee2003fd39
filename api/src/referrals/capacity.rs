//! Monthly capacity at claim time: which of a provider's services are full, decided so that
//! two claims racing for the last place never both win.
//!
//! "Used this month" is what `myCapacity` shows: referrals the provider holds (or held to
//! their end) that include the need and were claimed since the start of the month
//! ([`USED`](projections::models::referrals::queries::capacity::USED)). A decline or a transfer away gives the place back; a raised capacity adds
//! places; a new month starts from nothing.
//!
//! The read model lags the log, so a count from it alone lets two claims that count at
//! the same moment both take the last place. Why a per-organisation advisory lock with
//! holds rather than a ledger updated in the append's transaction: the append is shared
//! by concurrent commands (group commit, `store::append`), and a ledger row refusing one
//! command would fail the whole shared statement and send every command of the batch to
//! be appended alone; the lock and the holds touch nothing on the write side and cost only
//! the claims near the limit. Near the limit ([`SLACK`] places or fewer left in a service
//! offered where the referral is) a claim, in one short transaction, takes the provider's
//! lock (`pg_advisory_xact_lock`), counts the places used from the read model plus the
//! referrals of the provider's claims in flight (the holds in `capacity_holds`, any
//! process's, and this process's lock-free claims; each referral once, by its own needs,
//! whether the read model shows it held yet or not), and leaves a hold of its own; the
//! hold is deleted once the claim is refused or its events are projected. So no
//! connection waits through the append, and two claims never count without seeing each
//! other. Far from the limit a claim neither locks nor counts: a reading of the provider's
//! headroom, at most [`FRESH`] old, grants a quarter of the places beyond the slack to
//! lock-free claims in this process ([`FAST_SHARE`]); the slack absorbs other processes'
//! lock-free claims in flight while this one reads. A reading never says "full": a claim
//! that might be refused always counts afresh, so a capacity raised or a place freed is
//! seen at once.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use domain::referral::ProviderOffer;
use domain::values::ServiceCategory;
use sqlx::Row;
use uuid::Uuid;

use crate::errors::ApiResult;

/// Places left per service of the organisation `$1`, counting as used the referrals of
/// its claims in flight (`$2`, this process's lock-free ones, and the holds) that the read
/// model does not show held yet: each referral once, by its own needs.
///
/// Two counts rather than one with `OR`: an `OR` across the two sets is a scan of the whole
/// table, these are an index-only range scan (`referrals_holder_claimed`) and a few lookups
/// by primary key.
const HEADROOM: &str = "SELECT s.category, s.monthly_capacity
        - (SELECT count(*) FROM referrals h
            WHERE h.holder_id = s.organization_id AND h.holder_id IS NOT NULL
              AND h.claimed_at >= date_trunc('month', now())
              AND s.category = ANY(h.need_categories))
        - (SELECT count(*) FROM referrals h
            WHERE h.id = ANY($2::uuid[] || ARRAY(
                      SELECT c.referral_id FROM capacity_holds c
                       WHERE c.organization_id = $1
                         AND c.taken_at > now() - interval '1 minute'))
              AND s.category = ANY(h.need_categories)
              AND NOT (h.holder_id IS NOT DISTINCT FROM s.organization_id
                       AND h.claimed_at >= date_trunc('month', now()))) AS headroom
   FROM organization_services s WHERE s.organization_id = $1";

/// With this many places left or fewer, a provider's claims take turns and count afresh.
pub const SLACK: i64 = 16;
/// How long a reading of a provider's headroom may grant lock-free claims.
const FRESH: Duration = Duration::from_secs(1);
/// A reading grants lock-free claims to this process for 1/FAST_SHARE of the places
/// beyond the slack: other processes may be granting from their own readings.
const FAST_SHARE: i64 = 4;

/// One reading of a provider's services: per category, how many lock-free claims it still
/// grants.
struct Reading {
    at: Instant,
    grants: HashMap<ServiceCategory, i64>,
}

#[derive(Default)]
pub struct CapacityGauge {
    readings: Mutex<HashMap<Uuid, Reading>>,
    /// Per provider, the turn of this process's claims near the limit: they queue here
    /// rather than each on a connection of the pool waiting for the database's lock.
    turns: Mutex<HashMap<Uuid, Arc<tokio::sync::Mutex<()>>>>,
    /// Claims admitted here and not yet answered: per provider, the referrals claimed.
    in_flight: Mutex<HashMap<Uuid, HashMap<Uuid, usize>>>,
}

/// A claim admitted: counts as in flight in this process until dropped, and near the
/// limit as a hold in the database until released once the claim is refused or its events
/// are projected. (A permit dropped unreleased, its request gone, leaves its hold to
/// expire: for a minute at most the place counts as taken.)
pub struct Permit<'a> {
    gauge: &'a CapacityGauge,
    org: Uuid,
    referral: Uuid,
    /// Counted in `in_flight`.
    counted: bool,
    /// The hold left for it, deleted when it is answered.
    hold: Option<Uuid>,
}

impl Permit<'_> {
    /// The claim is answered. `projected`: refused, or its events are in the read models
    /// (a hold whose claim's events are not yet shown there is left to expire).
    pub async fn release(mut self, pool: &sqlx::PgPool, projected: bool) {
        let Some(hold) = self.hold.take() else { return };
        if !projected {
            return;
        }
        let deleted = sqlx::query("DELETE FROM capacity_holds WHERE id = $1")
            .bind(hold)
            .execute(pool)
            .await;
        if let Err(e) = deleted {
            tracing::warn!(error = %e, "deleting a capacity hold");
        }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if self.counted {
            self.gauge.settle(self.org, self.referral, false);
        }
    }
}

impl CapacityGauge {
    /// Counts the claim of `referral` by `org` in flight (`start`) or answered; gives the
    /// referrals in flight for `org`.
    fn settle(&self, org: Uuid, referral: Uuid, start: bool) -> Vec<Uuid> {
        let Ok(mut in_flight) = self.in_flight.lock() else {
            return Vec::new();
        };
        let claims = in_flight.entry(org).or_default();
        if start {
            *claims.entry(referral).or_default() += 1;
        } else if let Some(n) = claims.get_mut(&referral) {
            *n -= 1;
            if *n == 0 {
                claims.remove(&referral);
            }
        }
        let now = claims.keys().copied().collect();
        if claims.is_empty() {
            in_flight.remove(&org);
        }
        now
    }

    /// A lock-free grant for a claim using `categories`, if a fresh reading has one left.
    fn grant(&self, org: Uuid, categories: &BTreeSet<ServiceCategory>) -> bool {
        let Ok(mut readings) = self.readings.lock() else {
            return false;
        };
        let Some(reading) = readings.get_mut(&org) else {
            return false;
        };
        if reading.at.elapsed() > FRESH {
            readings.remove(&org);
            return false;
        }
        let granted = categories
            .iter()
            .all(|c| reading.grants.get(c).is_some_and(|g| *g > 0));
        if granted {
            for c in categories {
                if let Some(g) = reading.grants.get_mut(c) {
                    *g -= 1;
                }
            }
        }
        granted
    }

    /// Admits a claim by `offer`'s provider: fills `offer.full_here` (empty when the
    /// claim is granted lock-free) and gives the permit to hold until the claim is
    /// answered.
    pub async fn admit<'a>(
        &'a self,
        pool: &sqlx::PgPool,
        offer: &mut ProviderOffer,
        referral: Uuid,
    ) -> ApiResult<Permit<'a>> {
        let org = offer.org_id;
        offer.full_here.clear();
        let mut permit = Permit {
            gauge: self,
            org,
            referral,
            counted: false,
            hold: None,
        };
        // Refused for other reasons whatever the capacity: nothing to count.
        if !offer.verified || offer.categories_here.is_empty() {
            return Ok(permit);
        }
        if self.grant(org, &offer.categories_here) {
            self.settle(org, referral, true);
            permit.counted = true;
            metrics::counter!("sanad_capacity_claims_total", "path" => "lock_free").increment(1);
            return Ok(permit);
        }
        // This process's claims of the provider take turns here rather than each on a
        // connection of the pool waiting for the database's lock.
        let turn = self
            .turns
            .lock()
            .map(|mut turns| turns.entry(org).or_default().clone())
            .unwrap_or_default();
        let _turn = turn.lock().await;
        // The claim before may have left a reading that grants this one.
        if self.grant(org, &offer.categories_here) {
            self.settle(org, referral, true);
            permit.counted = true;
            metrics::counter!("sanad_capacity_claims_total", "path" => "lock_free").increment(1);
            return Ok(permit);
        }
        metrics::counter!("sanad_capacity_claims_total", "path" => "counted").increment(1);
        let in_flight = self.settle(org, referral, true);
        permit.counted = true;
        let hold = Uuid::new_v4();
        let mut tx = pool.begin().await?;
        // The hold need not wait for the disk: the claim's own commit flushes it.
        sqlx::query("SET LOCAL synchronous_commit = off")
            .execute(&mut *tx)
            .await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext('sanad.capacity'), hashtext($1::text))")
            .bind(org.to_string())
            .execute(&mut *tx)
            .await?;
        // A statement of its own, after the lock: its snapshot shows the holds of the
        // claims that counted before.
        let rows = sqlx::query(HEADROOM)
            .bind(org)
            .bind(&in_flight)
            .fetch_all(&mut *tx)
            .await?;
        // Holds a process that died left behind go with the next hold of their provider.
        sqlx::query(
            "WITH expired AS (DELETE FROM capacity_holds
                               WHERE organization_id = $2 AND taken_at <= now() - interval '1 minute')
             INSERT INTO capacity_holds (id, organization_id, referral_id) VALUES ($1, $2, $3)",
        )
        .bind(hold)
        .bind(org)
        .bind(referral)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        permit.hold = Some(hold);
        let mut grants = HashMap::new();
        for row in &rows {
            let category: String = row.try_get("category")?;
            let headroom: i64 = row.try_get("headroom")?;
            let Some(category) = ServiceCategory::parse(&category) else {
                continue;
            };
            // This claim's referral is among those counted: with it, one place may be left.
            let left = headroom + 1;
            if left <= 0 && offer.categories_here.contains(&category) {
                offer.full_here.insert(category);
            }
            grants.insert(category, ((left - 1 - SLACK) / FAST_SHARE).max(0));
        }
        if let Ok(mut readings) = self.readings.lock() {
            readings.insert(
                org,
                Reading {
                    at: Instant::now(),
                    grants,
                },
            );
        }
        Ok(permit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(grants: &[(ServiceCategory, i64)], age: Duration) -> Reading {
        Reading {
            at: Instant::now() - age,
            grants: grants.iter().copied().collect(),
        }
    }

    #[test]
    fn a_fresh_reading_grants_its_places_and_no_more() {
        let gauge = CapacityGauge::default();
        let org = Uuid::new_v4();
        let here: BTreeSet<_> = [ServiceCategory::Medical].into();
        assert!(!gauge.grant(org, &here), "nothing read yet");
        gauge.readings.lock().unwrap().insert(
            org,
            reading(&[(ServiceCategory::Medical, 2)], Duration::ZERO),
        );
        assert!(gauge.grant(org, &here));
        assert!(gauge.grant(org, &here));
        assert!(!gauge.grant(org, &here), "the reading's grants are used up");
    }

    #[test]
    fn every_service_offered_here_must_have_a_grant() {
        let gauge = CapacityGauge::default();
        let org = Uuid::new_v4();
        gauge.readings.lock().unwrap().insert(
            org,
            reading(
                &[(ServiceCategory::Medical, 5), (ServiceCategory::Legal, 0)],
                Duration::ZERO,
            ),
        );
        let both: BTreeSet<_> = [ServiceCategory::Medical, ServiceCategory::Legal].into();
        assert!(!gauge.grant(org, &both));
        let medical: BTreeSet<_> = [ServiceCategory::Medical].into();
        assert!(gauge.grant(org, &medical));
    }

    #[test]
    fn an_old_reading_grants_nothing() {
        let gauge = CapacityGauge::default();
        let org = Uuid::new_v4();
        gauge
            .readings
            .lock()
            .unwrap()
            .insert(org, reading(&[(ServiceCategory::Medical, 50)], FRESH * 2));
        assert!(!gauge.grant(org, &[ServiceCategory::Medical].into()));
    }
}
