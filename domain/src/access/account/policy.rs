//! The accounts' policy. Credentials are one's own: only the holder changes their password
//! (knowing the current one), sees and ends their sessions and makes tokens. A manager who
//! may add and remove members may also give one of them a new password (a forgotten
//! password is a manager's errand, not the Secretariat's); the Secretariat's administrator
//! may do it for anyone, and revoke anyone's token to cut off a leak. Reading an account's
//! history follows who may manage it, and the auditor reads every one.

use uuid::Uuid;

use super::operation::{AccountOperation as Op, AccountRelation as Rel};
use crate::access::actor::Actor;
use crate::access::denied::AccessDenied;
use crate::access::gate::{admit, Admitted};
use crate::values::Role;

/// How `actor` stands to the account of `holder` (in organisation `holder_org`).
pub fn account_relation(actor: &Actor, holder: Uuid, holder_org: Option<Uuid>) -> Rel {
    if actor.user_id == Some(holder) {
        Rel::Own
    } else if holder_org.is_some() && actor.org_id == holder_org {
        Rel::Colleague
    } else {
        Rel::Other
    }
}

fn allowed(role: Role, op: Op, rel: Rel) -> Result<(), &'static str> {
    let admin = role == Role::SecretariatAdmin;
    let manager = admin || role.manages_own_organization();
    let fine = match (op, rel) {
        (Op::ChangeOwnPassword | Op::EndSessions | Op::ViewSessions | Op::CreateApiToken, r) => {
            r == Rel::Own
        }
        (Op::ResetPassword, Rel::Own) => false,
        (Op::ResetPassword, Rel::Colleague) => manager,
        (Op::ResetPassword, Rel::Other) => admin,
        (Op::RevokeApiToken, Rel::Own) => true,
        (Op::RevokeApiToken, _) => admin,
        (Op::ViewAccountHistory, Rel::Own) => true,
        (Op::ViewAccountHistory, Rel::Colleague) => manager || role == Role::SecretariatAuditor,
        (Op::ViewAccountHistory, Rel::Other) => admin || role == Role::SecretariatAuditor,
    };
    if fine {
        Ok(())
    } else if rel == Rel::Own {
        Err("not on one's own account")
    } else {
        Err("not on this account")
    }
}

/// Decides `op` by `actor` on the account of `holder`, a member of `holder_org`.
pub fn authorize_account(
    actor: &Actor,
    op: Op,
    holder: Uuid,
    holder_org: Option<Uuid>,
) -> Result<(), AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, op.name(), reason);
    match admit(actor).map_err(deny)? {
        Admitted::System => Ok(()),
        Admitted::Member(role) => {
            allowed(role, op, account_relation(actor, holder, holder_org)).map_err(deny)
        }
    }
}
