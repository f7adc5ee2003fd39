//! Why a command did not append.

#[derive(Debug, thiserror::Error)]
pub enum StoreError<E: std::error::Error> {
    /// The domain refused the command; nothing was appended.
    #[error(transparent)]
    Domain(E),
    /// The database could not be reached or failed; the client may try again.
    #[error("the event store is unavailable: {0}")]
    Unavailable(String),
    /// Concurrent writers kept winning the race for this aggregate.
    #[error("the record changed while the command ran {0} times; try again")]
    Contention(u32),
    /// The idempotency key is too long.
    #[error("commandId may have at most {0} characters")]
    CommandIdTooLong(usize),
    /// Stored events could not be read back: a bug or a tampered log.
    #[error("stored events could not be read: {0}")]
    Corrupt(String),
}
