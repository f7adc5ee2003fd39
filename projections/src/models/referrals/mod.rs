//! The referral read model: anonymised facts, status, who holds it, who is assigned.
//! Tables `referrals`, `referral_counts` (the indicators: referrals per status ×
//! governorate × need) and `referral_totals` (the lists' totals: referrals per office ×
//! status × governorate, each once). Sealed personal data never reaches them.
//!
//! A batch loads the referrals it touches, applies the events in memory and writes each
//! touched referral back once.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use domain::referral::{ReferralEvent as Ev, Side, AGGREGATE_TYPE};
use serde::Serialize;
use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

mod columns;
mod row;

pub mod queries;

pub use row::{NeedRow, ReferralRow, REFERRAL_COLUMNS};

use crate::row_cache::RowCache;
use crate::rows::Table;
use crate::{log, staged, Checkpoint, Projection, ProjectionError, Stage, Staged, StoredEvent};
use columns::{Columns, COLUMN_NAMES, PARAMETERS, UPSERT};

pub struct Referrals {
    /// The rows this process's batches wrote last (see `row_cache`).
    cache: Arc<RowCache<ReferralRow>>,
}

/// The referral rows this process's projector committed, for the API to answer a command
/// with its record without reading it back (see `row_cache`).
#[derive(Clone)]
pub struct CommittedReferrals {
    cache: Arc<RowCache<ReferralRow>>,
}

impl CommittedReferrals {
    /// The referral's row as the read model had it at `at_least` or later; `None` when
    /// this process's projector has not committed such a row (the table then has it).
    pub fn get(&self, id: Uuid, at_least: Checkpoint) -> Option<Arc<ReferralRow>> {
        self.cache.published(&id, at_least)
    }
}

impl Referrals {
    pub fn committed(&self) -> CommittedReferrals {
        CommittedReferrals {
            cache: self.cache.clone(),
        }
    }
}

/// Referrals kept in memory: the ones in motion under live load are few; a row is about a
/// kilobyte.
const CACHED_ROWS: usize = 4096;

impl Default for Referrals {
    fn default() -> Self {
        Self {
            cache: Arc::new(RowCache::new(CACHED_ROWS)),
        }
    }
}

const REFERRALS: Table = Table {
    name: "referrals",
    columns: &COLUMN_NAMES,
    key: &["id"],
};

/// A cell of `referral_counts`.
type Cell = (String, String, String);

/// A cell of `referral_totals`.
type Total = (Uuid, String, String);

/// How a batch moves the counts: what the touched referrals counted as before it is
/// taken away, what they count as after it is added.
#[derive(Default)]
struct Moves {
    cells: HashMap<Cell, i64>,
    totals: HashMap<Total, i64>,
}

impl Moves {
    /// Counts `row` `by` times: once per need in the indicators, once in the totals.
    fn count(&mut self, row: &ReferralRow, by: i64) {
        for need in &row.need_categories {
            let cell = (row.status.clone(), row.governorate.clone(), need.clone());
            *self.cells.entry(cell).or_default() += by;
        }
        let total = (row.office_id, row.status.clone(), row.governorate.clone());
        *self.totals.entry(total).or_default() += by;
    }
}

/// The batch's rows written and the indicators' cells and the lists' totals moved, as one
/// statement's parts (a round trip per batch is most of a live batch's cost); `None` when
/// the batch changes nothing.
fn write(rows: &[ReferralRow], moves: Moves) -> Result<Option<Staged>, sqlx::Error> {
    static PARTS: LazyLock<String> = LazyLock::new(|| {
        let [a, b, c, d, e, f, g, h] = staged::following(PARAMETERS);
        format!(
            "referrals_written AS ({upsert}), referrals_counted AS (
                 INSERT INTO referral_counts (status, governorate, need, n)
                 SELECT * FROM UNNEST(${a}::text[], ${b}::text[], ${c}::text[], ${d}::bigint[])
                 ON CONFLICT (status, governorate, need) DO UPDATE SET n = referral_counts.n + EXCLUDED.n
             ), referrals_totalled AS (
                 INSERT INTO referral_totals (office_id, status, governorate, n)
                 SELECT * FROM UNNEST(${e}::uuid[], ${f}::text[], ${g}::text[], ${h}::bigint[])
                 ON CONFLICT (office_id, status, governorate) DO UPDATE SET n = referral_totals.n + EXCLUDED.n
             )",
            upsert = *UPSERT,
        )
    });
    let (status, governorate, need, n) = unzip_moves(moves.cells);
    let (t_office, t_status, t_governorate, t_n) = unzip_moves(moves.totals);
    if rows.is_empty() && n.is_empty() && t_n.is_empty() {
        return Ok(None);
    }
    Columns::of(rows)
        .bind(Staged::new(PARTS.as_str()))?
        .bind(status)?
        .bind(governorate)?
        .bind(need)?
        .bind(n)?
        .bind(t_office)?
        .bind(t_status)?
        .bind(t_governorate)?
        .bind(t_n)
        .map(Some)
}

/// Counts moved by key as the columns `UNNEST` reads: the key's three parts and the
/// change, leaving out the keys whose moves cancelled out.
fn unzip_moves<A, B, C>(moves: HashMap<(A, B, C), i64>) -> (Vec<A>, Vec<B>, Vec<C>, Vec<i64>) {
    let mut out = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ((a, b, c), d) in moves.into_iter().filter(|(_, d)| *d != 0) {
        out.0.push(a);
        out.1.push(b);
        out.2.push(c);
        out.3.push(d);
    }
    out
}

fn priority_rank(p: domain::referral::Priority) -> i32 {
    match p {
        domain::referral::Priority::High => 1,
        domain::referral::Priority::Medium => 2,
        domain::referral::Priority::Low => 3,
    }
}

fn json<T: Serialize>(e: &StoredEvent, value: &T) -> Result<Value, ProjectionError> {
    serde_json::to_value(value).map_err(|x| e.unreadable(x.to_string()))
}

fn created(id: Uuid, e: &StoredEvent, event: Ev) -> Result<Option<ReferralRow>, ProjectionError> {
    let Ev::Created {
        case_number,
        office_id,
        created_by,
        facts,
        needs,
        consent,
        ..
    } = event
    else {
        return Ok(None);
    };
    let at = e.occurred_at();
    Ok(Some(ReferralRow {
        id,
        case_number,
        office_id,
        created_by,
        status: "draft".into(),
        beneficiary_type: facts.beneficiary_type.as_str().to_string(),
        return_country: facts.return_country,
        governorate: facts.governorate.code().to_string(),
        district: facts.district,
        sex: facts.sex.as_str().to_string(),
        age_band: facts.age_band.as_str().to_string(),
        household_size: facts.household_size as i32,
        vulnerabilities: facts
            .vulnerabilities
            .iter()
            .map(|v| v.as_str().to_string())
            .collect(),
        need_categories: needs
            .iter()
            .map(|n| n.category.as_str().to_string())
            .collect(),
        needs: needs
            .iter()
            .map(|n| NeedRow {
                category: n.category.as_str().to_string(),
                priority: n.priority.as_str().to_string(),
                delivered: false,
            })
            .collect(),
        top_priority: needs
            .iter()
            .map(|n| priority_rank(n.priority))
            .min()
            .unwrap_or(3),
        consent: json(e, &consent)?,
        holder_id: None,
        former_holders: Vec::new(),
        nrm_caseworkers: vec![created_by],
        provider_staff: Vec::new(),
        results: None,
        next_follow_up: None,
        escalated: false,
        erased: false,
        created_at: at,
        opened_at: None,
        claimed_at: None,
        closed_at: None,
        updated_at: at,
        version: e.sequence,
    }))
}

/// Applies one event after `Created` to its referral's row.
fn apply(row: &mut ReferralRow, e: &StoredEvent, event: Ev) -> Result<(), ProjectionError> {
    let at = e.occurred_at();
    match event {
        Ev::Created { .. } | Ev::PersonalDataViewed { .. } => {}
        Ev::Opened | Ev::Reopened => {
            row.status = "open".into();
            row.opened_at = Some(at);
            row.escalated = false;
            row.closed_at = None;
            row.provider_staff.clear();
            if let Some(holder) = row.holder_id.take() {
                row.former_holders.push(holder);
            }
        }
        Ev::Claimed { provider_id } => {
            row.status = "claimed".into();
            row.holder_id = Some(provider_id);
            row.claimed_at = Some(at);
            row.provider_staff.clear();
        }
        Ev::Accepted { .. } => row.status = "accepted".into(),
        Ev::Declined { provider_id, .. } => {
            row.status = "open".into();
            row.holder_id = None;
            row.provider_staff.clear();
            row.former_holders.push(provider_id);
        }
        Ev::ServiceStarted => row.status = "in_service".into(),
        Ev::ServiceDelivered { category, .. } => {
            for need in row
                .needs
                .iter_mut()
                .filter(|n| n.category == category.as_str())
            {
                need.delivered = true;
            }
        }
        Ev::Closed { results } => {
            row.status = "closed".into();
            row.closed_at = Some(at);
            row.results = Some(json(e, &results)?);
        }
        Ev::Transferred {
            from_provider,
            to_provider,
            ..
        } => {
            row.status = "claimed".into();
            row.holder_id = Some(to_provider);
            row.claimed_at = Some(at);
            row.provider_staff.clear();
            row.former_holders.push(from_provider);
        }
        Ev::Withdrawn {
            consent_withdrawn, ..
        } => {
            row.status = "withdrawn".into();
            row.closed_at = Some(at);
            if consent_withdrawn {
                if let Some(consent) = row.consent.as_object_mut() {
                    consent.insert("share_with_providers".into(), Value::Bool(false));
                }
            }
        }
        Ev::FollowUpAdded { due_on, .. } => {
            row.next_follow_up = Some(row.next_follow_up.map_or(due_on, |d| d.min(due_on)));
        }
        Ev::CaseworkerAssigned { user_id, side } => {
            let list = match side {
                Side::Nrm => &mut row.nrm_caseworkers,
                Side::Provider => &mut row.provider_staff,
            };
            if !list.contains(&user_id) {
                list.push(user_id);
            }
        }
        Ev::ConsentUpdated { consent } => row.consent = json(e, &consent)?,
        Ev::Escalated { .. } => row.escalated = true,
        Ev::BeneficiaryErased => row.erased = true,
    }
    row.updated_at = at;
    row.version = e.sequence;
    Ok(())
}

#[async_trait::async_trait]
impl Projection for Referrals {
    fn name(&self) -> &'static str {
        "referrals"
    }

    async fn stage(
        &self,
        conn: &mut PgConnection,
        events: &[&StoredEvent],
    ) -> Result<Stage, ProjectionError> {
        let parsed = log::of_aggregate::<Ev>(events, AGGREGATE_TYPE)?;
        if parsed.is_empty() {
            return Ok(Stage::Nothing);
        }
        // Only referrals created before this batch need loading.
        let created_here: HashSet<Uuid> = parsed
            .iter()
            .filter(|(_, _, ev)| matches!(ev, Ev::Created { .. }))
            .map(|(_, id, _)| *id)
            .collect();
        let mut earlier: Vec<Uuid> = parsed
            .iter()
            .map(|(_, id, _)| *id)
            .filter(|id| !created_here.contains(id))
            .collect();
        earlier.sort_unstable();
        earlier.dedup();
        let (mut rows, missing) = self.cache.take(&earlier);
        rows.extend(
            REFERRALS
                .load::<ReferralRow>(conn, "id", &missing)
                .await?
                .into_iter()
                .map(|r| (r.id, r)),
        );
        // What each referral counted as before the batch, to move it in the counts.
        let mut moves = Moves::default();
        for row in rows.values() {
            moves.count(row, -1);
        }
        let mut changed: Vec<Uuid> = Vec::new();
        for (e, id, event) in parsed {
            if matches!(event, Ev::Created { .. }) {
                if let Some(row) = created(id, e, event)? {
                    rows.insert(id, row);
                }
            } else if let Some(row) = rows.get_mut(&id) {
                apply(row, e, event)?;
            } else {
                // Events of a referral the read model never saw created change nothing.
                continue;
            }
            changed.push(id);
        }
        changed.sort_unstable();
        changed.dedup();
        for row in rows.values() {
            moves.count(row, 1);
        }
        let out: Vec<ReferralRow> = changed.iter().filter_map(|id| rows.remove(id)).collect();
        let staged = write(&out, moves)?;
        // The rows count once the batch commits (see `row_cache`).
        self.cache.put(out.into_iter().map(|r| (r.id, r)));
        Ok(staged.map_or(Stage::Nothing, Stage::Statement))
    }

    fn batch_begins(&self, from: Checkpoint) {
        self.cache.begin(from);
    }

    fn batch_committed(&self, at: Checkpoint) {
        self.cache.committed(at);
    }

    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError> {
        self.cache.clear();
        sqlx::query("TRUNCATE referrals, referral_counts, referral_totals")
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}
