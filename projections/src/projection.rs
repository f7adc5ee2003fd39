//! What a read model implements to be fed by the projector.

use sqlx::PgConnection;

use crate::{Checkpoint, StoredEvent};

#[derive(Debug, thiserror::Error)]
pub enum ProjectionError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// An event in the log does not deserialise into its aggregate's event type.
    #[error("event at {at} cannot be read: {reason}")]
    Unreadable { at: String, reason: String },
}

#[async_trait::async_trait]
pub trait Projection: Send + Sync {
    /// The checkpoint name; also what `sanad rebuild <name>` takes.
    fn name(&self) -> &'static str;

    /// Applies a batch of events, in log order, inside the projector's transaction.
    /// Events of aggregates the read model does not follow are passed too and must be
    /// ignored. A batch is whole: read models load the rows it touches once, change them
    /// in memory and write each back once, so the cost per event stays small whether the
    /// batch is one live command or ten thousand events of a rebuild.
    async fn apply(
        &self,
        conn: &mut PgConnection,
        events: &[&StoredEvent],
    ) -> Result<(), ProjectionError>;

    /// The projector starts a batch after `from`, this read model's checkpoint. A read
    /// model that keeps rows in memory keeps them only if they are the table's state there.
    fn batch_begins(&self, _from: Checkpoint) {}

    /// The batch committed; the read model's tables are as of `at`.
    fn batch_committed(&self, _at: Checkpoint) {}

    /// Whether the batch just committed changed who may act (memberships, an
    /// organisation's standing): this process's cached actors are then stale.
    fn batch_changed_access(&self) -> bool {
        false
    }

    /// Whether the batch just committed changed what a provider offers where: this
    /// process's cached offers are then stale.
    fn batch_changed_offers(&self) -> bool {
        false
    }

    /// Empties the read model's tables before a rebuild.
    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError>;
}
