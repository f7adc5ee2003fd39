//! What a viewer may see of the referrals, decided from the actor in this one place (so
//! that the domain's read policy can take over here alone): whose referrals they list,
//! which queue of the action-needed list is theirs, whether they see the statistics and
//! every office's referrals.

use domain::access::{Actor, OrganizationStanding};
use domain::values::Role;
use uuid::Uuid;

/// Whose referrals a viewer lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListScope {
    /// The Secretariat: every referral.
    Everyone,
    /// An NRM office's case workers and supervisors: the office's referrals.
    Office(Uuid),
    /// A provider's staff: the referrals it holds or once held.
    Provider(Uuid),
}

/// Which "action needed" queue is the viewer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attention {
    /// Not for them (no role, or a suspended organisation): refused.
    Refused,
    /// Nothing waits for them (the Secretariat, employers).
    Nothing,
    /// The office's drafts, escalations, follow-ups and referrals no provider can take.
    Office(Uuid),
    /// What the provider holds and must accept or follow up.
    Provider(Uuid),
}

/// What the viewer may read of the referrals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadScope {
    /// Whose referrals they list; `None`: refused.
    pub list: Option<ListScope>,
    pub attention: Attention,
    /// The anonymised statistics (the Secretariat, system tasks).
    pub statistics: bool,
    /// Facts shown to the referring office and the Secretariat about any office's referral
    /// (whether a provider can take it).
    pub every_office: bool,
}

pub fn scope(actor: &Actor) -> ReadScope {
    let secretariat = matches!(
        actor.role,
        Some(Role::SecretariatAdmin | Role::SecretariatAuditor)
    );
    let suspended = actor.standing == OrganizationStanding::Suspended;
    let org = actor.org_id.unwrap_or_default();
    let (list, attention) = match actor.role {
        _ if suspended => (None, Attention::Refused),
        None => (None, Attention::Refused),
        Some(Role::SecretariatAdmin | Role::SecretariatAuditor) => {
            (Some(ListScope::Everyone), Attention::Nothing)
        }
        Some(Role::NrmCaseworker | Role::NrmSupervisor) => {
            (Some(ListScope::Office(org)), Attention::Office(org))
        }
        Some(Role::ProviderCoordinator | Role::ProviderStaff | Role::MrcCounsellor) => {
            (Some(ListScope::Provider(org)), Attention::Provider(org))
        }
        Some(Role::Employer) => (None, Attention::Nothing),
    };
    ReadScope {
        list,
        attention,
        statistics: secretariat || actor.is_system(),
        every_office: secretariat || actor.is_system(),
    }
}
