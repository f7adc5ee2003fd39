//! Records by primary key, batched across concurrent requests (`store::batch`): a referral
//! mutation's answer, a board page's offices and providers, an organisation mutation's
//! answer. One lookup per id in a subquery the planner keeps (`OFFSET 0`), so that one
//! generic plan suits every batch at any size of table
//! ([`store::HeldConnection::with_generic_plans`]); as `id = ANY($1)`, a generic plan made
//! while the table was small scanned all of it later (880 µs instead of 40 at 5,000
//! referrals).

use std::collections::HashMap;

use sqlx::postgres::PgRow;
use sqlx::PgPool;
use store::batch::Lookup;
use store::HeldConnection;
use uuid::Uuid;

use crate::errors::ApiResult;

pub struct ById<T> {
    conn: HeldConnection,
    sql: String,
    read: fn(&PgRow) -> ApiResult<T>,
    id: fn(&T) -> Uuid,
}

impl<T> ById<T> {
    /// `columns` of `table`, read by `read`; `id` tells a record's key.
    pub fn new(
        pool: PgPool,
        table: &str,
        columns: &str,
        read: fn(&PgRow) -> ApiResult<T>,
        id: fn(&T) -> Uuid,
    ) -> Self {
        Self {
            conn: HeldConnection::with_generic_plans(pool),
            sql: format!(
                "SELECT r.* FROM UNNEST($1::uuid[]) AS k(id)
                  CROSS JOIN LATERAL (SELECT {columns} FROM {table} WHERE id = k.id OFFSET 0) r"
            ),
            read,
            id,
        }
    }
}

impl<T: Clone + Send + Sync + 'static> Lookup for ById<T> {
    type Key = Uuid;
    type Value = T;

    async fn fetch(&self, keys: Vec<Uuid>) -> Result<HashMap<Uuid, T>, sqlx::Error> {
        let mut conn = self.conn.get().await?;
        let fetched = sqlx::query(&self.sql)
            .bind(&keys)
            .fetch_all(&mut *conn)
            .await;
        let rows = conn.settle(fetched)?;
        rows.iter()
            .map(|row| {
                let record = (self.read)(row)
                    .map_err(|e| sqlx::Error::Protocol(format!("unreadable row: {e:?}")))?;
                Ok(((self.id)(&record), record))
            })
            .collect()
    }
}
