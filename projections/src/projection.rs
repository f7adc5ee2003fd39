//! What a read model implements to be fed by the projector.

use sqlx::PgConnection;

use crate::StoredEvent;

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

    /// Applies one event inside the projector's transaction. Events of aggregates the
    /// read model does not follow are passed too and must be ignored.
    async fn apply(
        &self,
        conn: &mut PgConnection,
        event: &StoredEvent,
    ) -> Result<(), ProjectionError>;

    /// Empties the read model's tables before a rebuild.
    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError>;
}
