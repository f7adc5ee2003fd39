//! The organisation policy: one function, one table of rules, no I/O. Commands and reads
//! alike are [`Operation`]s; the gate has ruled on system tasks, accounts with no role and
//! suspended organisations before the table is read.

use uuid::Uuid;

use super::operation::Operation;
use crate::access::actor::Actor;
use crate::access::denied::AccessDenied;
use crate::access::gate::{admit, Admitted};
use crate::values::{OrganizationKind, Role};

/// Decides whether `actor` may perform `operation` on the organisation `target`
/// (id and kind), when the operation has one.
pub fn authorize(
    actor: &Actor,
    operation: Operation,
    target: Option<(Uuid, OrganizationKind)>,
) -> Result<(), AccessDenied> {
    let deny = |reason| AccessDenied::new(actor, format!("{operation:?}"), reason);
    let role = match admit(actor).map_err(deny)? {
        Admitted::System => return Ok(()),
        Admitted::Member(role) => role,
    };
    let own = target.is_some_and(|(id, _)| actor.belongs_to(id));
    use Operation as O;
    use Role as R;
    let allowed = match (role, operation) {
        (R::SecretariatAdmin, _) => true,
        (R::SecretariatAuditor, O::ViewDirectory | O::ViewMembers | O::ViewReadModels)
        | (R::SecretariatAuditor, O::ViewOrganizationHistory | O::VerifyEventChain)
        | (R::SecretariatAuditor, O::ViewSignInAlerts) => true,
        (R::SecretariatAuditor, _) => false,
        (_, O::ViewDirectory | O::ViewReadModels) => true,
        (r, O::UpdateOrganizationProfile | O::ViewMembers | O::ViewOrganizationHistory) => {
            own && r.manages_own_organization()
        }
        (r, O::AddMember | O::ChangeMemberRole | O::RemoveMember) => {
            own && r.manages_own_organization()
        }
        (R::ProviderCoordinator, O::OfferService | O::UpdateService | O::WithdrawService) => {
            own && target.is_some_and(|(_, kind)| kind.offers_services())
        }
        _ => false,
    };
    if allowed {
        Ok(())
    } else if own || !operation.targets_an_organization() {
        Err(deny("the role does not allow it"))
    } else {
        Err(deny("not a member of that organisation"))
    }
}
