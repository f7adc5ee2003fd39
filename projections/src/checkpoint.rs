//! How far a read model has read the log: `(tx_id, position)` of its last applied event.

use sqlx::{PgConnection, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Checkpoint {
    pub tx_id: i64,
    pub position: i64,
}

/// Where a command's last event stands in the log is the checkpoint a read model must
/// reach to show it.
impl From<store::LogPosition> for Checkpoint {
    fn from(at: store::LogPosition) -> Self {
        Self {
            tx_id: at.tx_id,
            position: at.position,
        }
    }
}

impl From<Checkpoint> for store::LogPosition {
    fn from(at: Checkpoint) -> Self {
        Self {
            tx_id: at.tx_id,
            position: at.position,
        }
    }
}

/// Written and read as the log position it stands for (`tx_id:position`, the payload of
/// `sanad_projected`).
impl std::fmt::Display for Checkpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        store::LogPosition::from(*self).fmt(f)
    }
}

impl std::str::FromStr for Checkpoint {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        s.parse::<store::LogPosition>().map(Self::from)
    }
}

/// Reads (creating when missing) and locks the checkpoints of `names` for this transaction,
/// so a rebuild and the live projector never write the same read model at once.
pub(crate) async fn lock(
    conn: &mut PgConnection,
    names: &[&str],
) -> Result<Vec<Checkpoint>, sqlx::Error> {
    let owned: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let select = "SELECT name, tx_id, position FROM projection_checkpoints WHERE name = ANY($1) ORDER BY name FOR UPDATE";
    let mut rows = sqlx::query(select)
        .bind(&owned)
        .fetch_all(&mut *conn)
        .await?;
    if rows.len() < names.len() {
        // Only the first batch of a new read model gets here.
        sqlx::query("INSERT INTO projection_checkpoints (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING")
            .bind(&owned)
            .execute(&mut *conn)
            .await?;
        rows = sqlx::query(select)
            .bind(&owned)
            .fetch_all(&mut *conn)
            .await?;
    }
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let cp = rows
            .iter()
            .find(|r| r.try_get::<String, _>("name").ok().as_deref() == Some(*name))
            .map(|r| -> Result<Checkpoint, sqlx::Error> {
                Ok(Checkpoint {
                    tx_id: r.try_get("tx_id")?,
                    position: r.try_get("position")?,
                })
            })
            .transpose()?
            .unwrap_or_default();
        out.push(cp);
    }
    Ok(out)
}

pub(crate) async fn save(
    conn: &mut PgConnection,
    name: &str,
    at: Checkpoint,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE projection_checkpoints SET tx_id = $2, position = $3, updated_at = now() WHERE name = $1",
    )
    .bind(name)
    .bind(at.tx_id)
    .bind(at.position)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The lowest checkpoint over all read models: what every read model has seen.
pub(crate) async fn lowest(
    conn: &mut PgConnection,
    names: &[&str],
) -> Result<Checkpoint, sqlx::Error> {
    let owned: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let rows =
        sqlx::query("SELECT tx_id, position FROM projection_checkpoints WHERE name = ANY($1)")
            .bind(&owned)
            .fetch_all(&mut *conn)
            .await?;
    if rows.len() < names.len() {
        return Ok(Checkpoint::default());
    }
    let mut low: Option<Checkpoint> = None;
    for r in rows {
        let cp = Checkpoint {
            tx_id: r.try_get("tx_id")?,
            position: r.try_get("position")?,
        };
        low = Some(low.map_or(cp, |l| l.min(cp)));
    }
    Ok(low.unwrap_or_default())
}
