//! Who may record a sign-in lock-out: only the platform's own throttle, nobody over the
//! API, not even the Secretariat's administrator.

use crate::access::actor::Actor;
use crate::access::denied::AccessDenied;
use crate::access::gate::{admit, Admitted};

/// Decides `RecordSignInThrottled`.
pub fn authorize_sign_in_record(actor: &Actor) -> Result<(), AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, "RecordSignInThrottled", reason);
    match admit(actor).map_err(deny)? {
        Admitted::System => Ok(()),
        Admitted::Member(_) => Err(deny("only the platform records lock-outs")),
    }
}
