//! How far each read model has read the log, for the API's `readModels`.

use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};

#[derive(Debug, Clone)]
pub struct ModelStatus {
    pub name: String,
    /// Global position of the last event applied.
    pub position: i64,
    pub updated_at: DateTime<Utc>,
}

/// Every read model's checkpoint, by name.
pub async fn statuses(pool: &PgPool) -> Result<Vec<ModelStatus>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT name, tx_id, position, updated_at FROM projection_checkpoints ORDER BY name",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ModelStatus {
                name: r.try_get("name")?,
                position: r.try_get("position")?,
                updated_at: r.try_get("updated_at")?,
            })
        })
        .collect()
}
