//! What every area's schema uses: the request context, ids, cursors and pagination,
//! projected reads, documents and nesting limits, and the one way to run a command.

pub mod command;
pub mod context;
pub mod cursor;
pub mod documents;
pub mod ids;
pub mod limits;
pub mod mirror;
pub mod null_propagation;
pub mod projected;
pub mod read_models;
pub mod total_count;
