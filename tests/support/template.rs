//! The migrated template every test database is copied from, so a test run migrates once
//! instead of once per test.
//!
//! Its name carries a digest of the embedded migrations: a worktree whose migrations differ
//! gets a template of its own, and test processes of any worktree with the same migrations
//! share one. The first process to need it builds it under an advisory lock, and marks it
//! complete with `IS_TEMPLATE` only after the migrations committed, so a process that died
//! half-way leaves a database the next one replaces, never a half-migrated template.

use sqlx::{Connection, PgConnection};
use tokio::sync::OnceCell;

use crate::{admin_url, with_database};

/// `sanad_tpl_<digest of the migrations>`, built (or found) once per process.
pub async fn name() -> &'static str {
    static NAME: OnceCell<String> = OnceCell::const_new();
    NAME.get_or_init(build).await
}

/// FNV-1a over each migration's version, kind and SHA-384 checksum (what sqlx compares to
/// decide that an applied migration is unchanged), so the name changes with any of them.
fn digest() -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for m in api::db::MIGRATOR.iter() {
        eat(&m.version.to_le_bytes());
        eat(m.migration_type.label().as_bytes());
        eat(&m.checksum);
    }
    hash
}

async fn build() -> String {
    let name = format!("sanad_tpl_{:016x}", digest());
    let mut admin = PgConnection::connect(&admin_url())
        .await
        .expect("test PostgreSQL reachable (SANAD_TEST_PG)");
    // Other test processes (other worktrees too) may be building the same template now.
    sqlx::query("SELECT pg_advisory_lock(hashtext($1))")
        .bind(&name)
        .execute(&mut admin)
        .await
        .expect("template lock");
    let complete: Option<bool> =
        sqlx::query_scalar("SELECT datistemplate FROM pg_database WHERE datname = $1")
            .bind(&name)
            .fetch_optional(&mut admin)
            .await
            .expect("look for the template");
    if complete != Some(true) {
        if complete == Some(false) {
            // Left by a process that died while migrating it.
            sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
                .execute(&mut admin)
                .await
                .expect("drop an unfinished template");
        }
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("create the template");
        let pool = api::db::connect(&with_database(&admin_url(), &name), 1)
            .await
            .expect("connect to the template");
        api::db::migrate(&pool).await.expect("migrations apply");
        // A database is copied only while nobody else is connected to it.
        pool.close().await;
        sqlx::query(&format!("ALTER DATABASE {name} IS_TEMPLATE true"))
            .execute(&mut admin)
            .await
            .expect("mark the template complete");
    }
    sqlx::query("SELECT pg_advisory_unlock(hashtext($1))")
        .bind(&name)
        .execute(&mut admin)
        .await
        .expect("template unlock");
    let _ = admin.close().await;
    name
}
