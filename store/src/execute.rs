//! Running one command against one aggregate and appending what it decided.

use cqrs_es::event_sink::EventSink;
use cqrs_es::persist::{PersistedEventRepository, PersistenceError, SerializedEvent};
use cqrs_es::{Aggregate, DomainEvent};
use domain::Command;
use postgres_es::PostgresEventRepository;
use serde_json::Value;
use sqlx::{PgPool, Row};

use crate::append::{self, AppendError, Appends};
use crate::batch::Batcher;
use crate::cache::{self, AggregateCache, Cached};
use crate::chain::{EventBody, GENESIS_HASH};
use crate::context::MAX_COMMAND_ID_CHARS;
use crate::{CommandContext, LogPosition, LogSignal, StoreError};

/// How often a command that lost a race is re-run on fresh state before giving up.
const MAX_ATTEMPTS: u32 = 8;

pub struct EventStore {
    pool: PgPool,
    repo: PostgresEventRepository,
    signal: LogSignal,
    cache: AggregateCache,
    appends: Batcher<Appends>,
}

/// What an executed command did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// How many events the command appended (or had appended, when replayed).
    pub events: usize,
    /// The command id had been seen on this aggregate: nothing new was appended.
    pub replayed: bool,
    /// Where its last event stands in the global log, to wait for the projector.
    pub last_position: Option<LogPosition>,
}

/// What handling a command on a given state came to.
enum Decided<E> {
    Appended(Outcome),
    /// The command decided no event.
    Nothing(Outcome),
    Refused(E),
    /// Another command appended after that state first.
    Raced,
}

impl EventStore {
    pub fn new(pool: PgPool) -> Self {
        Self {
            repo: PostgresEventRepository::new(pool.clone()),
            signal: LogSignal::default(),
            cache: AggregateCache::new(cache::CAPACITY),
            appends: append::appender(pool.clone()),
            pool,
        }
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// What wakes the projectors after an append; give it to this process's projector.
    pub fn signal(&self) -> &LogSignal {
        &self.signal
    }

    /// Loads the aggregate, handles `command`, appends the resulting events.
    pub async fn execute<A>(
        &self,
        aggregate_id: &str,
        context: &CommandContext,
        command: A::Command,
        services: &A::Services,
    ) -> Result<Outcome, StoreError<A::Error>>
    where
        A: Aggregate + 'static,
        A::Command: Clone + Command,
    {
        if context.command_id.chars().count() > MAX_COMMAND_ID_CHARS {
            return Err(StoreError::CommandIdTooLong(MAX_COMMAND_ID_CHARS));
        }
        if let Some(outcome) = self
            .execute_cached::<A>(aggregate_id, context, &command, services)
            .await?
        {
            return Ok(outcome);
        }
        for attempt in 1..=MAX_ATTEMPTS {
            let stored = self
                .repo
                .get_events::<A>(aggregate_id)
                .await
                .map_err(persistence)?;
            if let Some(outcome) = self.replay::<A>(aggregate_id, context, &stored).await? {
                metrics::counter!("sanad_commands_replayed_total").increment(1);
                return Ok(outcome);
            }
            let mut state = Cached::<A>::empty();
            for event in stored {
                state.last_sequence = event.sequence as i64;
                state.prev_hash = link_hash(Some(&event));
                if let Some(c) = event.metadata.get("command_id").and_then(Value::as_str) {
                    state.command_ids.insert(c.to_string());
                }
                let payload: A::Event = serde_json::from_value(event.payload)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                state.aggregate.apply(payload);
            }
            match self
                .decide_and_append(aggregate_id, context, command.clone(), services, state)
                .await?
            {
                Decided::Appended(outcome) | Decided::Nothing(outcome) => return Ok(outcome),
                Decided::Refused(e) => return Err(StoreError::Domain(e)),
                Decided::Raced => {
                    metrics::counter!("sanad_command_retries_total").increment(1);
                    tracing::debug!(aggregate_id, attempt, "lost an append race; re-running");
                }
            }
        }
        Err(StoreError::Contention(MAX_ATTEMPTS))
    }

    /// Decides on the cached state when this process has it, or on the empty aggregate
    /// for a command that creates it; `None` when the answer must come from the log (see
    /// `cache`).
    async fn execute_cached<A>(
        &self,
        aggregate_id: &str,
        context: &CommandContext,
        command: &A::Command,
        services: &A::Services,
    ) -> Result<Option<Outcome>, StoreError<A::Error>>
    where
        A: Aggregate + 'static,
        A::Command: Clone + Command,
    {
        let presumed = self
            .cache
            .take::<A>(aggregate_id)
            .or_else(|| command.creates().then(Cached::empty));
        let Some(state) = presumed else {
            return Ok(None);
        };
        if state.command_ids.contains(&context.command_id) {
            return Ok(None);
        }
        match self
            .decide_and_append(aggregate_id, context, command.clone(), services, state)
            .await?
        {
            Decided::Appended(outcome) => {
                metrics::counter!("sanad_commands_from_cache_total").increment(1);
                Ok(Some(outcome))
            }
            Decided::Nothing(_) | Decided::Refused(_) | Decided::Raced => Ok(None),
        }
    }

    /// Handles the command on `state`, appends what it decided after `state`'s last event,
    /// and keeps the new state in the cache.
    async fn decide_and_append<A>(
        &self,
        aggregate_id: &str,
        context: &CommandContext,
        command: A::Command,
        services: &A::Services,
        mut state: Cached<A>,
    ) -> Result<Decided<A::Error>, StoreError<A::Error>>
    where
        A: Aggregate + 'static,
    {
        let sink = EventSink::<A>::default();
        if let Err(e) = state.aggregate.handle(command, services, &sink).await {
            self.cache.put(aggregate_id, state);
            return Ok(Decided::Refused(e));
        }
        let decided = sink.collect().await;
        if decided.is_empty() {
            self.cache.put(aggregate_id, state);
            return Ok(Decided::Nothing(Outcome {
                events: 0,
                replayed: false,
                last_position: None,
            }));
        }
        let rows = linked_rows::<A>(
            aggregate_id,
            context,
            &decided,
            state.last_sequence,
            state.prev_hash.clone(),
        )
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let count = rows.len();
        let last_sequence = state.last_sequence + count as i64;
        let last_hash = link_hash(rows.last());
        let appended = self
            .appends
            .call(rows)
            .await
            .unwrap_or(Err(AppendError::Database(sqlx::Error::PoolClosed)));
        match appended {
            Ok(last_position) => {
                self.signal.appended(&self.pool);
                metrics::counter!("sanad_events_appended_total").increment(count as u64);
                state.last_sequence = last_sequence;
                state.prev_hash = last_hash;
                state.command_ids.insert(context.command_id.clone());
                for event in decided {
                    state.aggregate.apply(event);
                }
                self.cache.put(aggregate_id, state);
                Ok(Decided::Appended(Outcome {
                    events: count,
                    replayed: false,
                    last_position: Some(last_position),
                }))
            }
            Err(AppendError::Raced) => {
                self.cache.forget::<A>(aggregate_id);
                Ok(Decided::Raced)
            }
            Err(AppendError::Database(e)) => {
                self.cache.forget::<A>(aggregate_id);
                Err(StoreError::Unavailable(e.to_string()))
            }
        }
    }

    /// When this command id already appended to this aggregate, the first result.
    async fn replay<A: Aggregate>(
        &self,
        aggregate_id: &str,
        context: &CommandContext,
        stored: &[SerializedEvent],
    ) -> Result<Option<Outcome>, StoreError<A::Error>> {
        let same: Vec<&SerializedEvent> = stored
            .iter()
            .filter(|e| {
                e.metadata.get("command_id").and_then(Value::as_str) == Some(&context.command_id)
            })
            .collect();
        let Some(last) = same.last() else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT tx_id::text::bigint AS tx, global_position FROM events
              WHERE aggregate_type = $1 AND aggregate_id = $2 AND sequence = $3",
        )
        .bind(A::TYPE)
        .bind(aggregate_id)
        .bind(last.sequence as i64)
        .fetch_one(&self.pool)
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        Ok(Some(Outcome {
            events: same.len(),
            replayed: true,
            last_position: Some(LogPosition {
                tx_id: row
                    .try_get("tx")
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                position: row
                    .try_get("global_position")
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            }),
        }))
    }
}

/// The hash the next event links to: `event`'s own, or the genesis hash before the first.
fn link_hash(event: Option<&SerializedEvent>) -> String {
    event
        .and_then(|e| e.metadata.get("hash"))
        .and_then(Value::as_str)
        .unwrap_or(GENESIS_HASH)
        .to_string()
}

/// Serialises the decided events with their metadata and hash links.
fn linked_rows<A: Aggregate>(
    aggregate_id: &str,
    context: &CommandContext,
    decided: &[A::Event],
    last_sequence: i64,
    mut prev_hash: String,
) -> Result<Vec<SerializedEvent>, serde_json::Error> {
    let base = context.metadata();
    let mut rows = Vec::with_capacity(decided.len());
    for (i, event) in decided.iter().enumerate() {
        let sequence = last_sequence + 1 + i as i64;
        let payload = serde_json::to_value(event)?;
        let event_type = event.event_type();
        let event_version = event.event_version();
        let mut metadata = base.clone();
        if let Some(m) = metadata.as_object_mut() {
            m.insert("prev_hash".into(), Value::String(prev_hash.clone()));
        }
        let hash = EventBody {
            aggregate_type: A::TYPE,
            aggregate_id,
            sequence,
            event_type: &event_type,
            event_version: &event_version,
            payload: &payload,
            metadata: &metadata,
        }
        .hash(&prev_hash)?;
        if let Some(m) = metadata.as_object_mut() {
            m.insert("hash".into(), Value::String(hash.clone()));
        }
        prev_hash = hash;
        rows.push(SerializedEvent::new(
            aggregate_id.to_string(),
            sequence as usize,
            A::TYPE.to_string(),
            event_type,
            event_version,
            payload,
            metadata,
        ));
    }
    Ok(rows)
}

fn persistence<E: std::error::Error>(e: PersistenceError) -> StoreError<E> {
    match e {
        PersistenceError::DeserializationError(e) => StoreError::Corrupt(e.to_string()),
        other => StoreError::Unavailable(other.to_string()),
    }
}
