//! What the event store may know of a command before it reads the aggregate's history.

pub trait Command {
    /// The command brings its aggregate into being, under an id derived from the command
    /// itself. The store may decide it on the empty aggregate without reading the log
    /// first: only an append at sequence 1 makes that decision stand, and it fails if the
    /// aggregate exists after all (a repeated command, another process), whereupon the
    /// command is decided again on the history.
    fn creates(&self) -> bool {
        false
    }
}
