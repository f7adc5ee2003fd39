//! Configuration, from environment variables and flags.

use std::time::Duration;

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// PostgreSQL connection URL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/sanad"
    )]
    pub database_url: String,

    /// Address and port to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// Log format: `text` or `json`.
    #[arg(long, env = "LOG_FORMAT", default_value = "text")]
    pub log_format: String,

    /// Maximum database connections of this process.
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = 16)]
    pub pool_size: u32,

    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: i64,

    /// Hours after which a session ends however active it is.
    #[arg(long, env = "SESSION_MAX_HOURS", default_value_t = 12)]
    pub session_max_hours: i64,

    /// Longest a mutation waits for the read models to show its own events.
    #[arg(long, env = "READ_YOUR_WRITES_MS", default_value_t = 2000)]
    pub read_your_writes_ms: u64,

    /// Largest request body accepted, in bytes.
    #[arg(long, env = "MAX_BODY_BYTES", default_value_t = 256 * 1024)]
    pub max_body_bytes: usize,

    /// Serve GraphiQL on GET /graphql.
    #[arg(long, env = "GRAPHIQL", default_value_t = true, action = clap::ArgAction::Set)]
    pub graphiql: bool,

    /// The master key (64 hex characters) that wraps every person's data key.
    /// Without it a fixed development key is used, with a warning: never in production.
    #[arg(long, env = "SANAD_MASTER_KEY", hide_env_values = true)]
    pub master_key: Option<String>,

    /// Hours an open referral may wait unclaimed before it is escalated to the office supervisor.
    #[arg(long, env = "REFERRAL_SLA_HOURS", default_value_t = 72)]
    pub referral_sla_hours: u32,

    /// Run the projector in this process (several processes may; one leads at a time).
    #[arg(long, env = "PROJECTOR", default_value_t = true, action = clap::ArgAction::Set)]
    pub projector: bool,

    /// Reverse proxies (comma-separated addresses or CIDR networks) whose
    /// `X-Forwarded-For` and `X-Forwarded-Proto` are believed; empty believes nobody.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "", value_parser = crate::ops::client::TrustedProxies::parse)]
    pub trusted_proxies: crate::ops::client::TrustedProxies,
}

impl Config {
    /// Defaults for a given database, as used by tests and tools.
    pub fn for_database(database_url: &str) -> Self {
        Self {
            database_url: database_url.to_string(),
            bind: "127.0.0.1:0".into(),
            log_format: "text".into(),
            pool_size: 16,
            session_idle_minutes: 30,
            session_max_hours: 12,
            read_your_writes_ms: 2000,
            max_body_bytes: 256 * 1024,
            graphiql: true,
            master_key: None,
            referral_sla_hours: 72,
            projector: true,
            trusted_proxies: Default::default(),
        }
    }

    pub fn read_your_writes(&self) -> Duration {
        Duration::from_millis(self.read_your_writes_ms)
    }
}
