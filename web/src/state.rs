//! What every handler shares: the GraphQL executor, the command-id generator and the
//! count of the board's open event streams.

use std::sync::Arc;

use crate::command_id::CommandIds;
use crate::pages::referrals::board_stream::Streams;
use crate::GraphqlExecutor;

/// Router state.
#[derive(Clone)]
pub struct AppState {
    pub executor: Arc<dyn GraphqlExecutor>,
    pub command_ids: Arc<CommandIds>,
    pub board_streams: Arc<Streams>,
}

impl AppState {
    pub fn new(executor: Arc<dyn GraphqlExecutor>) -> AppState {
        AppState {
            executor,
            command_ids: Arc::new(CommandIds::default()),
            board_streams: Arc::new(Streams::default()),
        }
    }
}
