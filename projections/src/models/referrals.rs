//! The referral read model: anonymised facts, status, who holds it, who is assigned.
//! Table `referrals`. Sealed personal data never reaches it.

use domain::referral::{ReferralEvent as Ev, Side, AGGREGATE_TYPE};
use serde_json::json;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::{Projection, ProjectionError, StoredEvent};

pub struct Referrals;

fn priority_rank(p: domain::referral::Priority) -> i32 {
    match p {
        domain::referral::Priority::High => 1,
        domain::referral::Priority::Medium => 2,
        domain::referral::Priority::Low => 3,
    }
}

async fn status(
    conn: &mut PgConnection,
    id: Uuid,
    status: &str,
    extra: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE referrals SET status = $2{extra} WHERE id = $1"
    ))
    .bind(id)
    .bind(status)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[async_trait::async_trait]
impl Projection for Referrals {
    fn name(&self) -> &'static str {
        "referrals"
    }

    async fn apply(&self, conn: &mut PgConnection, e: &StoredEvent) -> Result<(), ProjectionError> {
        if e.aggregate_type != AGGREGATE_TYPE {
            return Ok(());
        }
        let unreadable = |reason: String| ProjectionError::Unreadable {
            at: e.at.to_string(),
            reason,
        };
        let event: Ev =
            serde_json::from_value(e.payload.clone()).map_err(|x| unreadable(x.to_string()))?;
        let id: Uuid = e
            .aggregate_id
            .parse()
            .map_err(|_| unreadable("referral id is not a UUID".into()))?;
        let at = e.occurred_at();
        match event {
            Ev::Created {
                case_number,
                office_id,
                created_by,
                facts,
                needs,
                consent,
                ..
            } => {
                let needs_json: Vec<_> = needs
                    .iter()
                    .map(|n| json!({"category": n.category.as_str(), "priority": n.priority.as_str(), "delivered": false}))
                    .collect();
                let categories: Vec<&str> = needs.iter().map(|n| n.category.as_str()).collect();
                let top = needs
                    .iter()
                    .map(|n| priority_rank(n.priority))
                    .min()
                    .unwrap_or(3);
                let vulns: Vec<&str> = facts.vulnerabilities.iter().map(|v| v.as_str()).collect();
                sqlx::query(
                    "INSERT INTO referrals (id, case_number, office_id, created_by, status, beneficiary_type, return_country,
                        governorate, district, sex, age_band, household_size, vulnerabilities, need_categories, needs,
                        top_priority, consent, nrm_caseworkers, created_at, updated_at, version)
                     VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, ARRAY[$4]::uuid[], $17, $17, $18)",
                )
                .bind(id)
                .bind(case_number)
                .bind(office_id)
                .bind(created_by)
                .bind(facts.beneficiary_type.as_str())
                .bind(facts.return_country)
                .bind(facts.governorate.code())
                .bind(facts.district)
                .bind(facts.sex.as_str())
                .bind(facts.age_band.as_str())
                .bind(facts.household_size as i32)
                .bind(vulns)
                .bind(categories)
                .bind(serde_json::Value::Array(needs_json))
                .bind(top)
                .bind(serde_json::to_value(&consent).map_err(|x| unreadable(x.to_string()))?)
                .bind(at)
                .bind(e.sequence)
                .execute(&mut *conn)
                .await?;
                return Ok(());
            }
            Ev::Opened | Ev::Reopened => {
                sqlx::query(
                    "UPDATE referrals SET status = 'open', opened_at = $2, escalated = false, closed_at = NULL,
                            provider_staff = '{}', holder_id = NULL,
                            former_holders = CASE WHEN holder_id IS NULL THEN former_holders
                                                  ELSE array_append(former_holders, holder_id) END
                      WHERE id = $1",
                )
                .bind(id)
                .bind(at)
                .execute(&mut *conn)
                .await?;
            }
            Ev::Claimed { provider_id } => {
                sqlx::query("UPDATE referrals SET status = 'claimed', holder_id = $2, claimed_at = $3, provider_staff = '{}' WHERE id = $1")
                    .bind(id)
                    .bind(provider_id)
                    .bind(at)
                    .execute(&mut *conn)
                    .await?;
            }
            Ev::Accepted { .. } => status(conn, id, "accepted", "").await?,
            Ev::Declined { provider_id, .. } => {
                sqlx::query(
                    "UPDATE referrals SET status = 'open', holder_id = NULL, provider_staff = '{}',
                            former_holders = array_append(former_holders, $2) WHERE id = $1",
                )
                .bind(id)
                .bind(provider_id)
                .execute(&mut *conn)
                .await?;
            }
            Ev::ServiceStarted => status(conn, id, "in_service", "").await?,
            Ev::ServiceDelivered { category, .. } => {
                sqlx::query(
                    "UPDATE referrals SET needs = (
                        SELECT jsonb_agg(CASE WHEN n->>'category' = $2 THEN jsonb_set(n, '{delivered}', 'true') ELSE n END)
                          FROM jsonb_array_elements(needs) n) WHERE id = $1",
                )
                .bind(id)
                .bind(category.as_str())
                .execute(&mut *conn)
                .await?;
            }
            Ev::Closed { results } => {
                sqlx::query("UPDATE referrals SET status = 'closed', closed_at = $2, results = $3 WHERE id = $1")
                    .bind(id)
                    .bind(at)
                    .bind(serde_json::to_value(&results).map_err(|x| unreadable(x.to_string()))?)
                    .execute(&mut *conn)
                    .await?;
            }
            Ev::Transferred {
                from_provider,
                to_provider,
                ..
            } => {
                sqlx::query(
                    "UPDATE referrals SET status = 'claimed', holder_id = $3, claimed_at = $4, provider_staff = '{}',
                            former_holders = array_append(former_holders, $2) WHERE id = $1",
                )
                .bind(id)
                .bind(from_provider)
                .bind(to_provider)
                .bind(at)
                .execute(&mut *conn)
                .await?;
            }
            Ev::Withdrawn {
                consent_withdrawn, ..
            } => {
                sqlx::query(
                    "UPDATE referrals SET status = 'withdrawn', closed_at = $2,
                            consent = CASE WHEN $3 THEN jsonb_set(consent, '{share_with_providers}', 'false') ELSE consent END
                      WHERE id = $1",
                )
                .bind(id)
                .bind(at)
                .bind(consent_withdrawn)
                .execute(&mut *conn)
                .await?;
            }
            Ev::FollowUpAdded { due_on, .. } => {
                sqlx::query(
                    "UPDATE referrals SET next_follow_up = LEAST(COALESCE(next_follow_up, $2), $2) WHERE id = $1",
                )
                .bind(id)
                .bind(due_on)
                .execute(&mut *conn)
                .await?;
            }
            Ev::CaseworkerAssigned { user_id, side } => {
                let column = match side {
                    Side::Nrm => "nrm_caseworkers",
                    Side::Provider => "provider_staff",
                };
                sqlx::query(&format!(
                    "UPDATE referrals SET {column} = array_append({column}, $2) WHERE id = $1 AND NOT ($2 = ANY({column}))"
                ))
                .bind(id)
                .bind(user_id)
                .execute(&mut *conn)
                .await?;
            }
            Ev::ConsentUpdated { consent } => {
                sqlx::query("UPDATE referrals SET consent = $2 WHERE id = $1")
                    .bind(id)
                    .bind(serde_json::to_value(&consent).map_err(|x| unreadable(x.to_string()))?)
                    .execute(&mut *conn)
                    .await?;
            }
            Ev::Escalated { .. } => {
                sqlx::query("UPDATE referrals SET escalated = true WHERE id = $1")
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            Ev::PersonalDataViewed { .. } => {}
            Ev::BeneficiaryErased => {
                sqlx::query("UPDATE referrals SET erased = true WHERE id = $1")
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        sqlx::query("UPDATE referrals SET updated_at = $2, version = $3 WHERE id = $1")
            .bind(id)
            .bind(at)
            .bind(e.sequence)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError> {
        sqlx::query("TRUNCATE referrals")
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}
