//! Connecting to PostgreSQL and applying the embedded migrations.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

pub async fn connect(database_url: &str, max_connections: u32) -> Result<PgPool, sqlx::Error> {
    let options: PgConnectOptions = database_url.parse()?;
    PgPoolOptions::new()
        .max_connections(max_connections)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        // No ping before each use: it doubles the round trips of every statement. A
        // connection that died (PostgreSQL restarted) fails its next statement, which
        // answers UNAVAILABLE "try again", and the pool replaces it.
        .test_before_acquire(false)
        .connect_with(options.application_name("sanad"))
        .await
}

/// Applies pending migrations; several processes may call this at once (sqlx takes a lock).
pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await
}
