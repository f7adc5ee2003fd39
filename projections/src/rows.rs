//! Loading and writing read-model rows in bulk, as JSON: `row_to_json` reads a row into a
//! serde struct whose fields are the table's columns, `jsonb_populate_recordset` writes
//! many back in one statement. One round trip per batch, whatever its size.

use serde::de::DeserializeOwned;
use sqlx::types::Json;
use sqlx::PgConnection;
use uuid::Uuid;

/// A read-model table: its name, its columns (the struct's fields) and its key.
pub(crate) struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
    pub key: &'static [&'static str],
}

impl Table {
    /// The rows whose `column` is one of `ids`.
    pub async fn load<T: DeserializeOwned + Send + Unpin + 'static>(
        &self,
        conn: &mut PgConnection,
        column: &str,
        ids: &[Uuid],
    ) -> Result<Vec<T>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Only the struct's columns: the ones the database derives (generated columns for
        // indexes) would be JSON to build and skip.
        let sql = format!(
            "SELECT row_to_json(t) FROM (SELECT {} FROM {} WHERE {column} = ANY($1)) t",
            self.columns.join(", "),
            self.name
        );
        // Planned afresh each time: the projector's connection lives long, and a generic
        // plan made while the table was small would scan it whole once it is large.
        let rows: Vec<Json<T>> = sqlx::query_scalar(&sql)
            .persistent(false)
            .bind(ids)
            .fetch_all(&mut *conn)
            .await?;
        Ok(rows.into_iter().map(|Json(r)| r).collect())
    }

    /// An upsert of the table's rows (inserted, or replacing the row with the same key),
    /// taking them as JSON in parameter `$n`: read models write their rows and whatever
    /// else a batch changes in one statement.
    pub fn upsert_sql(&self, n: usize) -> String {
        let columns = self.columns.join(", ");
        let rest: Vec<&str> = self
            .columns
            .iter()
            .copied()
            .filter(|c| !self.key.contains(c))
            .collect();
        let set = format!(
            "({}) = ROW({})",
            rest.join(", "),
            rest.iter()
                .map(|c| format!("EXCLUDED.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        format!(
            "INSERT INTO {table} ({columns})
             SELECT {columns} FROM jsonb_populate_recordset(NULL::{table}, ${n})
             ON CONFLICT ({key}) DO UPDATE SET {set}",
            table = self.name,
            key = self.key.join(", "),
        )
    }
}
