//! What every policy checks first, whatever the aggregate: a task of the platform itself is
//! let through, an account with no role (no membership) is refused, and so is a member of a
//! suspended organisation. Only then does a policy look at the role, and at the actor's
//! relation to the record. A pending (not yet verified) organisation's members pass: what
//! they may do before verification is each policy's business.

use super::actor::{Actor, OrganizationStanding};
use crate::values::Role;

/// Who got past the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admitted {
    /// A task of the platform (seed, scheduler, command line). The command policies allow it
    /// everything; a policy may still refuse it what needs an organisation (a board).
    System,
    /// A member of an organisation in good standing, with the role the policy rules on.
    Member(Role),
}

/// Why the gate turned an actor away.
pub const NO_ROLE: &str = "no role";
/// Why the gate turned an actor away.
pub const SUSPENDED: &str = "the actor's organisation is suspended";

/// The gate. A refusal is its reason; the policy that asked names the operation in its
/// [`AccessDenied`](super::AccessDenied).
pub fn admit(actor: &Actor) -> Result<Admitted, &'static str> {
    if actor.is_system() {
        return Ok(Admitted::System);
    }
    let Some(role) = actor.role else {
        return Err(NO_ROLE);
    };
    if actor.standing == OrganizationStanding::Suspended {
        return Err(SUSPENDED);
    }
    Ok(Admitted::Member(role))
}
