//! The SQL of the referral lists (`referrals`): each combination of filters is written out
//! with only the conditions it has, so that each is planned for itself. A generic plan of
//! `($2 IS NULL OR status = $2)` can use no index, and PostgreSQL switches a prepared
//! statement to its generic plan after a few runs.

use chrono::{DateTime, Utc};
use domain::access::ReferralScope;
use domain::referral::ReferralStatus;
use sqlx::postgres::PgRow;
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::models::referrals::row::REFERRAL_COLUMNS;

/// A list's filters, as the viewer gave them.
#[derive(Debug, Clone)]
pub struct ListFilters {
    pub scope: ReferralScope,
    pub status: Option<ReferralStatus>,
    /// ISO 3166-2 code.
    pub governorate: Option<String>,
    /// A `LIKE` pattern, already escaped.
    pub case_number: Option<String>,
}

/// A provider's referrals come from two places, read apart and put together: the ones it
/// holds (its holder index, newest first, so a page reads a page of rows) and the ones it
/// handed on and does not hold again (the small index of referrals ever handed on). Read
/// as one `OR`, a page fetched and sorted every row of the provider's caseload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ProviderPart {
    Holds,
    HandedOn,
}

impl ListFilters {
    /// ` WHERE …` over `referrals`; `part` says which of a provider's referrals (it is
    /// ignored for the other scopes).
    fn push_where(&self, q: &mut QueryBuilder<'_, Postgres>, part: ProviderPart) {
        q.push(" WHERE ");
        match self.scope {
            ReferralScope::Everyone => {
                q.push("TRUE");
            }
            ReferralScope::Office(office) => {
                q.push("office_id = ").push_bind(office);
            }
            ReferralScope::Provider(provider) => match part {
                ProviderPart::Holds => {
                    q.push("holder_id = ").push_bind(provider);
                }
                // Handed on and taken back counts once, as held.
                ProviderPart::HandedOn => {
                    q.push("former_holders <> '{}' AND former_holders @> ARRAY[")
                        .push_bind(provider)
                        .push("] AND holder_id IS DISTINCT FROM ")
                        .push_bind(provider);
                }
            },
        }
        self.push_status_and_governorate(q);
        if let Some(status) = self.status {
            // Which side of the generated `active` column (migration 000011): the
            // referrals still in motion have small partial indexes of their own; the
            // settled ones are most of the table, found soon by walking it newest first.
            q.push(if settled(status) {
                " AND NOT active"
            } else {
                " AND active"
            });
        }
        if let Some(pattern) = &self.case_number {
            // Folded as names are (`sanad_fold`), so digits typed on an Arabic or a
            // Kurdish keyboard (٠١٢, ۰۱۲) find the Latin ones of the case number; the
            // number itself is compared as stored.
            q.push(" AND case_number LIKE upper(sanad_fold(")
                .push_bind(pattern.clone())
                .push("))");
        }
    }

    /// ` AND status = … AND governorate = …`, as given: columns of both `referrals` and
    /// `referral_totals`.
    fn push_status_and_governorate(&self, q: &mut QueryBuilder<'_, Postgres>) {
        if let Some(status) = self.status {
            q.push(" AND status = ").push_bind(status.as_str());
        }
        if let Some(governorate) = &self.governorate {
            q.push(" AND governorate = ").push_bind(governorate.clone());
        }
    }

    /// How many referrals the list has. A whole office's or everyone's total is a sum of
    /// the projected totals (`referral_totals`, written with the rows): counting 100,000
    /// rows a page took tens of milliseconds. A provider's referrals and a case-number
    /// search are few enough to count.
    pub async fn total(&self, pool: &PgPool) -> Result<i64, sqlx::Error> {
        let mut q = match (self.scope, &self.case_number) {
            (ReferralScope::Everyone | ReferralScope::Office(_), None) => {
                let mut q = QueryBuilder::new(
                    "SELECT coalesce(sum(n), 0)::bigint FROM referral_totals WHERE TRUE",
                );
                if let ReferralScope::Office(office) = self.scope {
                    q.push(" AND office_id = ").push_bind(office);
                }
                self.push_status_and_governorate(&mut q);
                q
            }
            (ReferralScope::Provider(_), _) => {
                let mut q = QueryBuilder::new("SELECT (SELECT count(*) FROM referrals");
                self.push_where(&mut q, ProviderPart::Holds);
                q.push(") + (SELECT count(*) FROM referrals");
                self.push_where(&mut q, ProviderPart::HandedOn);
                q.push(")");
                q
            }
            _ => {
                let mut q = QueryBuilder::new("SELECT count(*) FROM referrals");
                self.push_where(&mut q, ProviderPart::Holds);
                q
            }
        };
        q.build_query_scalar().fetch_one(pool).await
    }

    /// A page, newest first, after the (created_at, id) of the previous page's last.
    pub async fn page(
        &self,
        pool: &PgPool,
        after: Option<(DateTime<Utc>, Uuid)>,
        limit: i64,
    ) -> Result<Vec<PgRow>, sqlx::Error> {
        let mut q = QueryBuilder::new("");
        if let ReferralScope::Provider(_) = self.scope {
            // Each part's newest page, then the newest of both.
            q.push("SELECT * FROM ((");
            self.push_page(&mut q, ProviderPart::Holds, after, limit);
            q.push(") UNION ALL (");
            self.push_page(&mut q, ProviderPart::HandedOn, after, limit);
            q.push(")) AS r ORDER BY created_at DESC, id DESC LIMIT ")
                .push_bind(limit);
        } else {
            self.push_page(&mut q, ProviderPart::Holds, after, limit);
        }
        q.build().fetch_all(pool).await
    }

    fn push_page(
        &self,
        q: &mut QueryBuilder<'_, Postgres>,
        part: ProviderPart,
        after: Option<(DateTime<Utc>, Uuid)>,
        limit: i64,
    ) {
        q.push(format_args!("SELECT {REFERRAL_COLUMNS} FROM referrals"));
        self.push_where(q, part);
        if let Some((at, id)) = after {
            q.push(" AND (created_at, id) < (")
                .push_bind(at)
                .push(", ")
                .push_bind(id)
                .push(")");
        }
        q.push(" ORDER BY created_at DESC, id DESC LIMIT ")
            .push_bind(limit);
    }
}

/// Closed and withdrawn referrals change no more.
fn settled(status: ReferralStatus) -> bool {
    matches!(status, ReferralStatus::Closed | ReferralStatus::Withdrawn)
}
