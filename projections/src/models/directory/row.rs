//! An organisation as the directory read model keeps it, as its readers get it.

use chrono::{DateTime, Utc};
use domain::organization::OrganizationStatus;
use domain::values::OrganizationKind;
use sqlx::postgres::PgRow;
use sqlx::Row;
use uuid::Uuid;

/// The columns [`OrganizationRecord::from_row`] reads.
pub const ORGANIZATION_COLUMNS: &str =
    "id, kind, name_ar, name_en, governorates, status, suspended_reason, registered_at, verified_at, updated_at, version";

#[derive(Clone, Debug)]
pub struct OrganizationRecord {
    pub id: Uuid,
    pub kind: OrganizationKind,
    pub name_ar: String,
    pub name_en: String,
    pub governorates: Vec<String>,
    pub status: OrganizationStatus,
    pub suspended_reason: Option<String>,
    pub registered_at: DateTime<Utc>,
    pub verified_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

impl OrganizationRecord {
    pub fn from_row(row: &PgRow) -> Result<Self, sqlx::Error> {
        let id: Uuid = row.try_get("id")?;
        let kind: String = row.try_get("kind")?;
        let kind = OrganizationKind::parse(&kind).ok_or_else(|| {
            sqlx::Error::Decode(format!("unknown kind {kind} in read model").into())
        })?;
        let status = match row.try_get::<String, _>("status")?.as_str() {
            "verified" => OrganizationStatus::Verified,
            "suspended" => OrganizationStatus::Suspended,
            _ => OrganizationStatus::Pending,
        };
        Ok(Self {
            id,
            kind,
            name_ar: row.try_get("name_ar")?,
            name_en: row.try_get("name_en")?,
            governorates: row.try_get("governorates")?,
            status,
            suspended_reason: row.try_get("suspended_reason")?,
            registered_at: row.try_get("registered_at")?,
            verified_at: row.try_get("verified_at")?,
            updated_at: row.try_get("updated_at")?,
            version: row.try_get("version")?,
        })
    }
}
