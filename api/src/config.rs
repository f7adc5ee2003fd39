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

    /// Development mode: personal data may be sealed with the repository's development key
    /// when no master key is given, and GraphiQL, introspection and /metrics are open by
    /// default. `scripts/run` and the tests ask for it (`true`); production says `false`.
    /// Unset, a server bound to a loopback address counts as a development one (nobody
    /// else can reach it) and any other as production.
    #[arg(long, env = "SANAD_DEV", action = clap::ArgAction::Set)]
    pub dev: Option<bool>,

    /// Serve GraphiQL on GET /graphql (default: on in development mode only).
    #[arg(long, env = "GRAPHIQL", action = clap::ArgAction::Set)]
    pub graphiql: Option<bool>,

    /// Answer introspection queries (`__schema`, `__type`; default: on in development mode
    /// only). `__typename` is always answered.
    #[arg(long, env = "INTROSPECTION", action = clap::ArgAction::Set)]
    pub introspection: Option<bool>,

    /// Who may read /metrics: `open`, `off`, or client addresses and networks separated by
    /// commas (default: `open` in development mode, else `127.0.0.1,::1`).
    #[arg(long, env = "METRICS_ALLOW")]
    pub metrics_allow: Option<String>,

    /// Longest a GraphQL request may run before it is stopped with `request.timeout`.
    #[arg(long, env = "REQUEST_TIMEOUT_SECONDS", default_value_t = 15)]
    pub request_timeout_seconds: u64,

    /// The master key (64 hex characters) that wraps every person's data key. Required
    /// unless development mode is asked for (`SANAD_DEV=true`), where a fixed development
    /// key is used instead.
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
            dev: Some(true),
            graphiql: None,
            introspection: None,
            metrics_allow: None,
            request_timeout_seconds: 15,
            master_key: None,
            referral_sla_hours: 72,
            projector: true,
            trusted_proxies: Default::default(),
        }
    }

    pub fn is_dev(&self) -> bool {
        self.dev.unwrap_or_else(|| {
            let host = self
                .bind
                .rsplit_once(':')
                .map_or(self.bind.as_str(), |(h, _)| h);
            let host = host.trim_start_matches('[').trim_end_matches(']');
            host == "localhost"
                || host
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        })
    }

    pub fn graphiql(&self) -> bool {
        self.graphiql.unwrap_or(self.is_dev())
    }

    pub fn introspection(&self) -> bool {
        self.introspection.unwrap_or(self.is_dev())
    }

    /// Who may read /metrics.
    pub fn metrics_access(&self) -> MetricsAccess {
        let rule = self.metrics_allow.clone().unwrap_or_else(|| {
            if self.is_dev() {
                "open"
            } else {
                "127.0.0.1,::1"
            }
            .to_string()
        });
        match rule.trim() {
            "open" => MetricsAccess::Open,
            "off" | "" => MetricsAccess::Off,
            list => MetricsAccess::From(
                list.split(',')
                    .filter_map(|a| Network::parse(a.trim()))
                    .collect(),
            ),
        }
    }

    /// Without a master key, start only in development mode.
    pub fn check_keys(&self) -> Result<(), String> {
        if self.master_key.is_none() && !self.is_dev() {
            return Err(
                "SANAD_MASTER_KEY is not set: personal data cannot be sealed. Give the \
                        master key (64 hex characters), or set SANAD_DEV=true to use the \
                        development key on a development machine."
                    .into(),
            );
        }
        Ok(())
    }

    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_seconds.max(1))
    }

    pub fn read_your_writes(&self) -> Duration {
        Duration::from_millis(self.read_your_writes_ms)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetricsAccess {
    Open,
    Off,
    From(Vec<Network>),
}

pub use crate::ops::client::Network;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_match_their_addresses_only() {
        let net = Network::parse("10.1.0.0/16").expect("parses");
        assert!(net.contains("10.1.200.3".parse().expect("ip")));
        assert!(!net.contains("10.2.0.1".parse().expect("ip")));
        let one = Network::parse("127.0.0.1").expect("parses");
        assert!(one.contains("127.0.0.1".parse().expect("ip")));
        assert!(one.contains("::ffff:127.0.0.1".parse().expect("ip")));
        assert!(!one.contains("127.0.0.2".parse().expect("ip")));
        assert!(Network::parse("::1")
            .expect("v6")
            .contains("::1".parse().expect("ip")));
        assert!(Network::parse("10.0.0.0/33").is_none());
        assert!(Network::parse("nonsense").is_none());
    }

    #[test]
    fn production_refuses_to_start_without_a_master_key() {
        let mut c = Config::for_database("postgres://x/y");
        c.dev = None;
        c.bind = "0.0.0.0:8080".into();
        assert!(!c.is_dev(), "a server others can reach is a production one");
        assert!(c.check_keys().is_err());
        c.bind = "[::1]:8080".into();
        assert!(c.is_dev());
        c.dev = Some(false);
        assert!(c.check_keys().is_err());
        assert!(!c.graphiql() && !c.introspection());
        assert_eq!(
            c.metrics_access(),
            MetricsAccess::From(vec![
                Network::parse("127.0.0.1").expect("v4"),
                Network::parse("::1").expect("v6")
            ])
        );
        c.master_key = Some("00".repeat(32));
        assert!(c.check_keys().is_ok());
        c.dev = Some(true);
        c.master_key = None;
        assert!(c.check_keys().is_ok());
        assert!(c.graphiql() && c.introspection());
        assert_eq!(c.metrics_access(), MetricsAccess::Open);
    }
}
