//! What a read model implements to be fed by the projector.

use sqlx::PgConnection;

use crate::{BatchChanges, Checkpoint, Staged, StoredEvent};

#[derive(Debug, thiserror::Error)]
pub enum ProjectionError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// An event in the log does not deserialise into its aggregate's event type.
    #[error("event at {at} cannot be read: {reason}")]
    Unreadable { at: String, reason: String },
    /// A read model implements neither `stage` nor `apply`.
    #[error("the read model {0} implements neither stage nor apply")]
    Unimplemented(&'static str),
}

/// What a read model does with a batch (see [`Projection::stage`]).
pub enum Stage {
    /// The batch changes nothing it keeps.
    Nothing,
    /// Its writes, as the parts of one statement.
    Statement(Staged),
    /// It writes itself, in [`Projection::apply`], inside a transaction the projector
    /// opens.
    InTransaction,
}

impl ProjectionError {
    /// The batch's closing statement found a checkpoint moved since the batch read it
    /// (`projection_batch_commit`, migration 000014), and kept nothing.
    pub fn is_checkpoint_moved(&self) -> bool {
        matches!(self, Self::Database(sqlx::Error::Database(d)) if d.code().as_deref() == Some("40001"))
    }
}

#[async_trait::async_trait]
pub trait Projection: Send + Sync {
    /// The checkpoint name; also what `sanad rebuild <name>` takes.
    fn name(&self) -> &'static str;

    /// What a read model's batch writes: nothing, one statement's parts for the projector
    /// to run, or writes it makes itself in [`Projection::apply`].
    ///
    /// A read model implements [`Projection::stage`] (then `apply` runs what it staged) or
    /// [`Projection::apply`] (then `stage` answers [`Stage::InTransaction`]), not neither.
    ///
    /// Stages a batch of events, in log order. It may read on `conn`, which is in no
    /// transaction, and must write nothing there: the projector runs the staged parts with
    /// the checkpoints' advance, all or nothing. Events of aggregates the read model does
    /// not follow are passed too and must be ignored. A batch is whole: read models load
    /// the rows it touches once, change them in memory and write each back once, so the
    /// cost per event stays small whether the batch is one live command or ten thousand
    /// events of a rebuild.
    async fn stage(
        &self,
        _conn: &mut PgConnection,
        _events: &[&StoredEvent],
    ) -> Result<Stage, ProjectionError> {
        Ok(Stage::InTransaction)
    }

    /// Applies a batch of events inside the projector's transaction.
    async fn apply(
        &self,
        conn: &mut PgConnection,
        events: &[&StoredEvent],
    ) -> Result<(), ProjectionError> {
        match self.stage(conn, events).await? {
            Stage::Nothing => Ok(()),
            Stage::Statement(staged) => Ok(staged.run(conn).await?),
            Stage::InTransaction => Err(ProjectionError::Unimplemented(self.name())),
        }
    }

    /// The projector starts a batch after `from`, this read model's checkpoint. A read
    /// model that keeps rows in memory keeps them only if they are the table's state there.
    fn batch_begins(&self, _from: Checkpoint) {}

    /// The batch committed; the read model's tables are as of `at`.
    fn batch_committed(&self, _at: Checkpoint) {}

    /// What the batch just committed changed that processes keep in memory (who may act,
    /// what providers offer where); nothing, for most read models.
    fn batch_changes(&self) -> BatchChanges {
        BatchChanges::default()
    }

    /// Empties the read model's tables before a rebuild.
    async fn reset(&self, conn: &mut PgConnection) -> Result<(), ProjectionError>;
}
