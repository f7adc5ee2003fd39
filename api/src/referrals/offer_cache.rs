//! What providers offer where, kept for the next claims and transfers: every claim asked
//! the database (a batched round trip, about a fifteenth of PostgreSQL's work per referral
//! command under load) for an answer that changes only when the directory does.
//!
//! An entry is good while neither an organisation's standing ([`HeardChanges`] on
//! `sanad_access`) nor any service (on `sanad_offers`) has changed since it was read; the
//! database notifies both at commit, whoever makes the change, and this process's
//! projector counts them before the requests waiting for its batch go on. While changes
//! could go unheard, nothing is cached.

use std::collections::HashMap;
use std::sync::Mutex;

use domain::referral::ProviderOffer;
use projections::HeardChanges;
use uuid::Uuid;

/// Offers of more organisations than this and the cache starts again.
const CAPACITY: usize = 5_000;

/// The counts an entry was read at.
type Counts = (u64, u64);

/// One organisation's offers by governorate, each with the counts it was read at.
type ByGovernorate = HashMap<String, (Counts, ProviderOffer)>;

pub struct OfferCache {
    changes: Option<(HeardChanges, HeardChanges)>,
    /// Per organisation, per governorate (looked up without making a key).
    entries: Mutex<HashMap<Uuid, ByGovernorate>>,
}

/// A miss, with what an entry made from the lookup needs (taken before the database is
/// read, so a change heard meanwhile voids the entry).
pub struct Miss {
    counts: Option<Counts>,
}

impl OfferCache {
    /// `access` and `offers` as the projection watch hears them; without them nothing is
    /// cached.
    pub fn new(changes: Option<(HeardChanges, HeardChanges)>) -> Self {
        Self {
            changes,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn counts(&self) -> Option<Counts> {
        let (access, offers) = self.changes.as_ref()?;
        Some((access.current()?, offers.current()?))
    }

    /// What `org` offers in `governorate`, if an entry is still good.
    pub fn get(&self, org: Uuid, governorate: &str) -> Result<ProviderOffer, Miss> {
        let counts = self.counts();
        let Some(now) = counts else {
            return Err(Miss { counts });
        };
        let Ok(entries) = self.entries.lock() else {
            return Err(Miss { counts: None });
        };
        match entries.get(&org).and_then(|by_gov| by_gov.get(governorate)) {
            Some((at, offer)) if *at == now => Ok(offer.clone()),
            _ => Err(Miss { counts }),
        }
    }

    /// Keeps an offer read from the database after `miss`.
    pub fn put(&self, miss: Miss, governorate: &str, offer: &ProviderOffer) {
        let Some(counts) = miss.counts else { return };
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries
            .entry(offer.org_id)
            .or_default()
            .insert(governorate.to_string(), (counts, offer.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::values::ServiceCategory;

    fn offer(org: Uuid, verified: bool) -> ProviderOffer {
        ProviderOffer {
            org_id: org,
            verified,
            categories_here: [ServiceCategory::Livelihoods].into_iter().collect(),
            full_here: Default::default(),
        }
    }

    fn heard() -> (HeardChanges, HeardChanges) {
        let (access, offers) = (HeardChanges::default(), HeardChanges::default());
        access.heard(true);
        offers.heard(true);
        (access, offers)
    }

    #[test]
    fn an_offer_is_kept_until_a_service_or_a_standing_changes() {
        let (access, offers) = heard();
        let cache = OfferCache::new(Some((access.clone(), offers.clone())));
        let org = Uuid::new_v4();
        let miss = cache.get(org, "IQ-NI").expect_err("empty");
        cache.put(miss, "IQ-NI", &offer(org, true));
        assert_eq!(cache.get(org, "IQ-NI").ok(), Some(offer(org, true)));
        assert!(cache.get(org, "IQ-BG").is_err(), "per governorate");

        offers.changed();
        let miss = cache.get(org, "IQ-NI").expect_err("a service changed");
        cache.put(miss, "IQ-NI", &offer(org, true));
        assert!(cache.get(org, "IQ-NI").is_ok());

        access.changed();
        assert!(cache.get(org, "IQ-NI").is_err(), "a standing changed");
    }

    #[test]
    fn an_offer_read_while_a_change_was_heard_is_not_kept() {
        let (access, offers) = heard();
        let cache = OfferCache::new(Some((access, offers.clone())));
        let org = Uuid::new_v4();
        let miss = cache.get(org, "IQ-NI").expect_err("empty");
        // The database is read, and meanwhile a service changes.
        offers.changed();
        cache.put(miss, "IQ-NI", &offer(org, true));
        assert!(cache.get(org, "IQ-NI").is_err());
    }

    #[test]
    fn nothing_is_kept_while_changes_could_go_unheard() {
        let (access, offers) = heard();
        offers.heard(false);
        let cache = OfferCache::new(Some((access, offers)));
        let org = Uuid::new_v4();
        let miss = cache.get(org, "IQ-NI").expect_err("empty");
        cache.put(miss, "IQ-NI", &offer(org, true));
        assert!(cache.get(org, "IQ-NI").is_err());
        let cache = OfferCache::new(None);
        let miss = cache.get(org, "IQ-NI").expect_err("empty");
        cache.put(miss, "IQ-NI", &offer(org, true));
        assert!(cache.get(org, "IQ-NI").is_err());
    }
}
