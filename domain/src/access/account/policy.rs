//! What may be done to an account that is not one's own. Everyone may revoke their own API
//! tokens; revoking anyone's is the Secretariat administrator's way to cut off a leaked
//! token.

use crate::access::actor::Actor;
use crate::access::denied::AccessDenied;
use crate::access::gate::{admit, Admitted};
use crate::values::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountOperation {
    /// Revoke an API token whoever owns it (`revokeApiToken` on someone else's token).
    RevokeAnyApiToken,
}

impl AccountOperation {
    pub const ALL: [AccountOperation; 1] = [AccountOperation::RevokeAnyApiToken];

    pub fn name(self) -> &'static str {
        match self {
            AccountOperation::RevokeAnyApiToken => "RevokeAnyApiToken",
        }
    }
}

/// Decides an operation on accounts other than the actor's own.
pub fn authorize_account(actor: &Actor, operation: AccountOperation) -> Result<(), AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, operation.name(), reason);
    match admit(actor).map_err(deny)? {
        Admitted::System => Ok(()),
        Admitted::Member(Role::SecretariatAdmin) => Ok(()),
        Admitted::Member(_) => Err(deny("only the Secretariat's administrator")),
    }
}
