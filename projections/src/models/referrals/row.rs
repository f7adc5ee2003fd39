//! A row of the `referrals` read model, as the projector writes it and the API reads it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// The columns of `referrals` a [`ReferralRow`] reads.
pub const REFERRAL_COLUMNS: &str = "id, case_number, office_id, created_by, status, beneficiary_type, return_country, governorate,
    district, sex, age_band, household_size, vulnerabilities, need_categories, needs, top_priority, consent, holder_id,
    former_holders, nrm_caseworkers, provider_staff, results, next_follow_up, escalated, erased, created_at, opened_at,
    claimed_at, closed_at, updated_at, version";

/// One element of the `needs` column, which the board and the detail page read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NeedRow {
    pub category: String,
    pub priority: String,
    pub delivered: bool,
}

/// A row of `referrals`, as the projector writes it and the API reads it.
#[derive(Debug, Clone, Serialize, Deserialize, sqlx::FromRow)]
pub struct ReferralRow {
    pub id: Uuid,
    pub case_number: String,
    pub office_id: Uuid,
    pub created_by: Uuid,
    pub status: String,
    pub beneficiary_type: String,
    pub return_country: Option<String>,
    pub governorate: String,
    pub district: Option<String>,
    pub sex: String,
    pub age_band: String,
    pub household_size: i32,
    pub vulnerabilities: Vec<String>,
    pub need_categories: Vec<String>,
    #[sqlx(json)]
    pub needs: Vec<NeedRow>,
    /// 1 high, 2 medium, 3 low: the board orders by it.
    pub top_priority: i32,
    pub consent: Value,
    pub holder_id: Option<Uuid>,
    pub former_holders: Vec<Uuid>,
    pub nrm_caseworkers: Vec<Uuid>,
    pub provider_staff: Vec<Uuid>,
    pub results: Option<Value>,
    pub next_follow_up: Option<NaiveDate>,
    pub escalated: bool,
    pub erased: bool,
    pub created_at: DateTime<Utc>,
    pub opened_at: Option<DateTime<Utc>>,
    pub claimed_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}
