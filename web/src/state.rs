//! What every handler shares: the GraphQL executor and the command-id generator.

use std::sync::Arc;

use crate::command_id::CommandIds;
use crate::GraphqlExecutor;

/// Router state.
#[derive(Clone)]
pub struct AppState {
    pub executor: Arc<dyn GraphqlExecutor>,
    pub command_ids: Arc<CommandIds>,
}

impl AppState {
    pub fn new(executor: Arc<dyn GraphqlExecutor>) -> AppState {
        AppState {
            executor,
            command_ids: Arc::new(CommandIds::default()),
        }
    }
}
