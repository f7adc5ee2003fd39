//! One way to run a command from a mutation: the caller (who must have passed the CSRF
//! check), the aggregate's id as the client sent it, the command built with the caller's
//! actor, the store's `execute` with its read-your-writes wait, and the answer read back.
//!
//! [`run`] is the whole of it for a command on one aggregate; flows that need more
//! (a second id, a capacity permit, an application service) use a [`Sender`]'s steps in
//! the same order: caller, ids, command, execute, answer.

use async_graphql::{Context, ID};
use domain::Actor;
use store::{CommandContext, Outcome};
use uuid::Uuid;

use super::context::{command_context, mutator, state, OrGql};
use super::ids::parse_id;
use crate::accounts::Principal;
use crate::errors::ApiResult;
use crate::state::{AppState, Executable};

pub type GqlResult<T> = async_graphql::Result<T>;

/// The caller of one mutation, and the state it runs against.
pub struct Sender<'a, 'c> {
    ctx: &'a Context<'c>,
    principal: &'c Principal,
    pub state: &'c AppState,
}

impl<'a, 'c> Sender<'a, 'c> {
    /// Who calls comes before what they sent: an anonymous caller learns nothing of ids.
    pub fn new(ctx: &'a Context<'c>) -> GqlResult<Self> {
        let principal = mutator(ctx)?;
        let state = state(ctx)?;
        Ok(Sender {
            ctx,
            principal,
            state,
        })
    }

    pub fn actor(&self) -> Actor {
        self.principal.actor.clone()
    }

    /// Who calls, with how they signed in (for the flows on their own account).
    pub fn principal(&self) -> &'c Principal {
        self.principal
    }

    /// An id the client sent, as a validation error on `field` when it is not one.
    pub fn id(&self, raw: &ID, field: &str) -> GqlResult<Uuid> {
        self.ok(parse_id(raw, field))
    }

    /// The command's context: the actor, the client's `commandId`, the request's id.
    pub fn context(&self, command_id: Option<String>) -> CommandContext {
        command_context(self.ctx, self.principal, command_id)
    }

    /// An API result as this caller's GraphQL error.
    pub fn ok<T>(&self, result: ApiResult<T>) -> GqlResult<T> {
        result.or_gql(self.ctx)
    }

    /// Runs `command` on the aggregate `id` in the context `cc` and waits (bounded) until
    /// the read models show its events. The refusal, if any, stays an
    /// [`crate::errors::ApiError`] for flows that must see it before they answer (a
    /// capacity permit's release).
    pub async fn try_execute<A: Executable>(
        &self,
        id: Uuid,
        cc: &CommandContext,
        command: A::Command,
    ) -> ApiResult<Outcome> {
        self.state.execute::<A>(&id.to_string(), cc, command).await
    }

    /// Runs `command` on the aggregate `id` under the client's `commandId`, its refusal as
    /// this caller's GraphQL error.
    pub async fn execute<A: Executable>(
        &self,
        id: Uuid,
        command_id: Option<String>,
        command: A::Command,
    ) -> GqlResult<Outcome> {
        let cc = self.context(command_id);
        let outcome = self.try_execute::<A>(id, &cc, command).await;
        self.ok(outcome)
    }
}

/// A command on the aggregate whose id the client sent as `id`: `make` builds it from the
/// caller's actor, `answer` reads the result back once the read models show it.
pub async fn run<A: Executable, T>(
    ctx: &Context<'_>,
    id: &ID,
    command_id: Option<String>,
    make: impl AsyncFnOnce(&AppState, Uuid, Actor) -> ApiResult<A::Command>,
    answer: impl AsyncFnOnce(&AppState, Uuid, Outcome) -> ApiResult<T>,
) -> GqlResult<T> {
    let sender = Sender::new(ctx)?;
    let id = sender.id(id, "id")?;
    let command = sender.ok(make(sender.state, id, sender.actor()).await)?;
    let outcome = sender.execute::<A>(id, command_id, command).await?;
    sender.ok(answer(sender.state, id, outcome).await)
}

/// A command on the aggregate whose id the client sent as `id`, run by an application
/// service (`flow`: the area's function for a command that needs more than the aggregate);
/// `answer` reads the result back.
pub async fn run_with<R, T>(
    ctx: &Context<'_>,
    id: &ID,
    command_id: Option<String>,
    flow: impl AsyncFnOnce(&AppState, &CommandContext, Uuid) -> ApiResult<R>,
    answer: impl AsyncFnOnce(&AppState, Uuid, R) -> ApiResult<T>,
) -> GqlResult<T> {
    let sender = Sender::new(ctx)?;
    let id = sender.id(id, "id")?;
    let cc = sender.context(command_id);
    let done = sender.ok(flow(sender.state, &cc, id).await)?;
    sender.ok(answer(sender.state, id, done).await)
}
