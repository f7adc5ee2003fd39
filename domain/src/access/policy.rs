//! The access policy: one function, one table of rules, no I/O.

use uuid::Uuid;

use super::{Actor, Operation, OrganizationStanding};
use crate::values::{OrganizationKind, Role};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{label} may not {operation}: {reason}")]
pub struct AccessDenied {
    pub label: String,
    /// The operation's name, e.g. `VerifyOrganization`.
    pub operation: String,
    pub reason: &'static str,
}

/// Decides whether `actor` may perform `operation` on the organisation `target`
/// (id and kind), when the operation has one.
pub fn authorize(
    actor: &Actor,
    operation: Operation,
    target: Option<(Uuid, OrganizationKind)>,
) -> Result<(), AccessDenied> {
    let deny = |reason| AccessDenied {
        label: actor.label.clone(),
        operation: format!("{operation:?}"),
        reason,
    };
    if actor.is_system() {
        return Ok(());
    }
    let Some(role) = actor.role else {
        return Err(deny("no role"));
    };
    if actor.standing == OrganizationStanding::Suspended {
        return Err(deny("the actor's organisation is suspended"));
    }
    let own = target.is_some_and(|(id, _)| actor.belongs_to(id));
    use Operation as O;
    use Role as R;
    let allowed = match (role, operation) {
        (R::SecretariatAdmin, _) => true,
        (R::SecretariatAuditor, O::ViewDirectory | O::ViewMembers)
        | (R::SecretariatAuditor, O::ViewOrganizationHistory | O::VerifyEventChain)
        | (R::SecretariatAuditor, O::ViewSignInAlerts) => true,
        (R::SecretariatAuditor, _) => false,
        (_, O::ViewDirectory) => true,
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
