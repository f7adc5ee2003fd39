//! Raw postgres-es: a minimal cqrs-es aggregate with no Sanad features (no HTTP, no
//! GraphQL, no sign-in, no metadata, no hash links, no projector), through
//! `cqrs_es::CqrsFramework` and `postgres_es::PostgresEventRepository`, on the standard
//! postgres-es `events` table in a database of its own.

use std::sync::Arc;

use cqrs_es::event_sink::EventSink;
use cqrs_es::persist::PersistedEventStore;
use cqrs_es::{Aggregate, CqrsFramework, DomainEvent};
use postgres_es::PostgresEventRepository;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use crate::stats::Client;
use crate::workload::COMMANDS_PER_AGGREGATE;

/// postgres-es's own `db/init.sql` (events and snapshots tables).
pub const INIT_SQL: &[&str] = &[
    "CREATE TABLE events
     (
         aggregate_type text                         NOT NULL,
         aggregate_id   text                         NOT NULL,
         sequence       bigint CHECK (sequence >= 0) NOT NULL,
         event_type     text                         NOT NULL,
         event_version  text                         NOT NULL,
         payload        json                         NOT NULL,
         metadata       json                         NOT NULL,
         PRIMARY KEY (aggregate_type, aggregate_id, sequence)
     )",
    "CREATE TABLE snapshots
     (
         aggregate_type   text                                 NOT NULL,
         aggregate_id     text                                 NOT NULL,
         last_sequence    bigint CHECK (last_sequence >= 0)    NOT NULL,
         current_snapshot bigint CHECK (current_snapshot >= 0) NOT NULL,
         payload          json                                 NOT NULL,
         PRIMARY KEY (aggregate_type, aggregate_id, last_sequence)
     )",
];

/// A service with a capacity: opened once, then its capacity set.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Capacity {
    opened: bool,
    capacity: u32,
}

#[derive(Debug, Clone)]
pub enum CapacityCommand {
    Open { name: String },
    Set { capacity: u32 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CapacityEvent {
    Opened { name: String },
    CapacitySet { capacity: u32 },
}

impl DomainEvent for CapacityEvent {
    fn event_type(&self) -> String {
        match self {
            Self::Opened { .. } => "Opened".into(),
            Self::CapacitySet { .. } => "CapacitySet".into(),
        }
    }
    fn event_version(&self) -> String {
        "1".into()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CapacityError {
    #[error("already opened")]
    AlreadyOpened,
    #[error("not opened")]
    NotOpened,
}

impl Aggregate for Capacity {
    const TYPE: &'static str = "Capacity";
    type Command = CapacityCommand;
    type Event = CapacityEvent;
    type Error = CapacityError;
    type Services = ();

    async fn handle(
        &mut self,
        command: Self::Command,
        _: &Self::Services,
        sink: &EventSink<Self>,
    ) -> Result<(), Self::Error> {
        match command {
            CapacityCommand::Open { name } => {
                if self.opened {
                    return Err(CapacityError::AlreadyOpened);
                }
                sink.write(CapacityEvent::Opened { name }, self).await;
            }
            CapacityCommand::Set { capacity } => {
                if !self.opened {
                    return Err(CapacityError::NotOpened);
                }
                sink.write(CapacityEvent::CapacitySet { capacity }, self)
                    .await;
            }
        }
        Ok(())
    }

    fn apply(&mut self, event: Self::Event) {
        match event {
            CapacityEvent::Opened { .. } => self.opened = true,
            CapacityEvent::CapacitySet { capacity } => self.capacity = capacity,
        }
    }
}

pub type Framework =
    CqrsFramework<Capacity, PersistedEventStore<PostgresEventRepository, Capacity>>;

pub async fn init(pool: &PgPool) -> Result<(), String> {
    for sql in INIT_SQL {
        sqlx::query(sql)
            .execute(pool)
            .await
            .map_err(|e| format!("postgres-es schema: {e}"))?;
    }
    Ok(())
}

pub fn framework(pool: PgPool) -> Arc<Framework> {
    Arc::new(postgres_es::postgres_cqrs(pool, vec![], ()))
}

/// Same shape as the Sanad workload: open an aggregate, then nine more commands on it.
pub struct RawClient {
    cqrs: Arc<Framework>,
    tag: String,
    n: u64,
}

impl RawClient {
    pub fn new(cqrs: Arc<Framework>, tag: String) -> Self {
        Self { cqrs, tag, n: 0 }
    }
}

#[async_trait::async_trait]
impl Client for RawClient {
    async fn step(&mut self) -> Result<(), String> {
        let n = self.n;
        self.n += 1;
        let aggregate = format!("{}-{}", self.tag, n / COMMANDS_PER_AGGREGATE);
        let command = if n.is_multiple_of(COMMANDS_PER_AGGREGATE) {
            CapacityCommand::Open {
                name: format!("service {aggregate}"),
            }
        } else {
            CapacityCommand::Set {
                capacity: (n % 5000) as u32 + 1,
            }
        };
        self.cqrs
            .execute(&aggregate, command)
            .await
            .map_err(|e| e.to_string())
    }
}
