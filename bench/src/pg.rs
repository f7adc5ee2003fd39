//! The database server: fresh databases for each part of the run, and what the server is.

use serde::Serialize;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, PgPool};

/// A database of its own on the benchmark's server, dropped by [`Server::drop_all`].
#[derive(Debug, Clone)]
pub struct Database {
    pub name: String,
    pub url: String,
}

pub struct Server {
    admin_url: String,
    tag: String,
    created: std::sync::Mutex<Vec<String>>,
    /// Leave the databases for inspection (`--keep-databases`).
    keep: bool,
}

/// `url` with its database name replaced by `db` (keeps any `?query`).
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.find('?') {
        Some(q) => (&url[..q], &url[q..]),
        None => (url, ""),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    format!("{host_part}/{db}{query}")
}

impl Server {
    pub fn new(admin_url: &str, keep: bool) -> Self {
        let tag = format!(
            "{}_{}",
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..6]
        );
        Self {
            admin_url: admin_url.to_string(),
            keep,
            tag,
            created: Default::default(),
        }
    }

    async fn admin(&self) -> Result<PgConnection, String> {
        PgConnection::connect(&self.admin_url)
            .await
            .map_err(|e| format!("cannot reach PostgreSQL at the admin URL: {e}"))
    }

    /// A new empty database `sanad_bench_<purpose>_<pid>_<random>`.
    pub async fn create(&self, purpose: &str) -> Result<Database, String> {
        let name = format!("sanad_bench_{purpose}_{}", self.tag);
        let mut admin = self.admin().await?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .map_err(|e| format!("create database {name}: {e}"))?;
        let _ = admin.close().await;
        if let Ok(mut c) = self.created.lock() {
            c.push(name.clone());
        }
        Ok(Database {
            url: with_database(&self.admin_url, &name),
            name,
        })
    }

    pub async fn drop_database(&self, db: &Database) {
        if self.keep {
            eprintln!("sanad-bench: kept database {}", db.name);
            return;
        }
        if let Ok(mut admin) = self.admin().await {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", db.name))
                .execute(&mut admin)
                .await;
            let _ = admin.close().await;
        }
        if let Ok(mut c) = self.created.lock() {
            c.retain(|n| n != &db.name);
        }
    }

    /// Drops every database this run created and has not dropped yet.
    pub async fn drop_all(&self) {
        let names: Vec<String> = self.created.lock().map(|c| c.clone()).unwrap_or_default();
        for name in names {
            self.drop_database(&Database {
                url: String::new(),
                name,
            })
            .await;
        }
    }

    pub async fn info(&self) -> Result<ServerInfo, String> {
        let mut c = self.admin().await?;
        let mut out = ServerInfo {
            version: sqlx::query_scalar("SELECT version()")
                .fetch_one(&mut c)
                .await
                .map_err(|e| e.to_string())?,
            ..Default::default()
        };
        for (name, slot) in [
            ("server_version", &mut out.server_version),
            ("shared_buffers", &mut out.shared_buffers),
            ("synchronous_commit", &mut out.synchronous_commit),
            ("fsync", &mut out.fsync),
            ("max_connections", &mut out.max_connections),
            ("wal_level", &mut out.wal_level),
        ] {
            *slot = sqlx::query_scalar("SELECT current_setting($1)")
                .bind(name)
                .fetch_one(&mut c)
                .await
                .unwrap_or_default();
        }
        let _ = c.close().await;
        Ok(out)
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ServerInfo {
    pub version: String,
    pub server_version: String,
    pub shared_buffers: String,
    pub synchronous_commit: String,
    pub fsync: String,
    pub max_connections: String,
    pub wal_level: String,
}

pub async fn pool(url: &str, size: u32) -> Result<PgPool, String> {
    let options: PgConnectOptions = url.parse().map_err(|e| format!("{e}"))?;
    PgPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(std::time::Duration::from_secs(30))
        // As `sanad serve` does (api/src/db.rs), so raw postgres-es is measured with the
        // same pool settings.
        .test_before_acquire(false)
        .connect_with(options.application_name("sanad-bench"))
        .await
        .map_err(|e| format!("connect {url}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u:p@h:1/postgres?sslmode=disable", "x"),
            "postgres://u:p@h:1/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h:1", "x"), "postgres://h:1/x");
    }
}
