//! The organisation's state and its rules.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    OrganizationCommand as C, OrganizationError as E, OrganizationEvent as Ev,
    MAX_MONTHLY_CAPACITY, MAX_REASON_CHARS,
};
use crate::access::{authorize, Actor, Operation, OrganizationStanding};
use crate::values::{Governorate, Name, OrganizationKind, Role, ServiceCategory};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationStatus {
    #[default]
    Pending,
    Verified,
    Suspended,
}

impl OrganizationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Verified => "verified",
            Self::Suspended => "suspended",
        }
    }

    pub fn standing(self) -> OrganizationStanding {
        match self {
            Self::Pending => OrganizationStanding::Pending,
            Self::Verified => OrganizationStanding::Verified,
            Self::Suspended => OrganizationStanding::Suspended,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub username: String,
    pub display_name: Name,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceOffer {
    pub governorates: BTreeSet<Governorate>,
    pub monthly_capacity: u32,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Organization {
    pub id: Option<Uuid>,
    pub kind: Option<OrganizationKind>,
    pub name_ar: Option<Name>,
    pub name_en: Option<Name>,
    pub governorates: BTreeSet<Governorate>,
    pub verified: bool,
    pub suspended: bool,
    pub members: BTreeMap<Uuid, Member>,
    pub services: BTreeMap<ServiceCategory, ServiceOffer>,
}

fn manages(role: Role) -> bool {
    role == Role::SecretariatAdmin || role.manages_own_organization()
}

impl Organization {
    pub fn status(&self) -> OrganizationStatus {
        if self.suspended {
            OrganizationStatus::Suspended
        } else if self.verified {
            OrganizationStatus::Verified
        } else {
            OrganizationStatus::Pending
        }
    }

    fn target(&self) -> Result<(Uuid, OrganizationKind), E> {
        match (self.id, self.kind) {
            (Some(id), Some(kind)) => Ok((id, kind)),
            _ => Err(E::NotFound),
        }
    }

    fn check(&self, actor: &Actor, op: Operation) -> Result<OrganizationKind, E> {
        let (id, kind) = self.target()?;
        authorize(actor, op, Some((id, kind))).map_err(E::Forbidden)?;
        Ok(kind)
    }

    fn managers_after(&self, user_id: Uuid, new_role: Option<Role>) -> usize {
        self.members
            .iter()
            .filter_map(|(id, m)| {
                if *id == user_id {
                    new_role
                } else {
                    Some(m.role)
                }
            })
            .filter(|r| manages(*r))
            .count()
    }

    /// Refuses a change that would leave an organisation that has a manager with none,
    /// and the Secretariat, which operates the platform, without an administrator
    /// (nobody could then register, verify or reinstate anyone; only the command line
    /// could).
    fn keep_a_manager(
        &self,
        actor: &Actor,
        user_id: Uuid,
        new_role: Option<Role>,
    ) -> Result<(), E> {
        let is_admin = |r: Role| r == Role::SecretariatAdmin;
        if !actor.is_system()
            && self.kind == Some(OrganizationKind::Secretariat)
            && self.members.get(&user_id).is_some_and(|m| is_admin(m.role))
            && !new_role.is_some_and(is_admin)
            && !self
                .members
                .iter()
                .any(|(id, m)| *id != user_id && is_admin(m.role))
        {
            return Err(E::LastAdministrator);
        }
        let before = self.members.values().filter(|m| manages(m.role)).count();
        if !actor.is_system() && before > 0 && self.managers_after(user_id, new_role) == 0 {
            return Err(E::LastManager);
        }
        Ok(())
    }

    fn check_terms(kind: OrganizationKind, terms: &super::ServiceTerms) -> Result<(), E> {
        if !kind.offers_services() {
            return Err(E::OffersNoServices {
                kind: kind.as_str(),
            });
        }
        if terms.governorates.is_empty() {
            return Err(E::ServiceWithoutGovernorates);
        }
        if terms.monthly_capacity == 0 || terms.monthly_capacity > MAX_MONTHLY_CAPACITY {
            return Err(E::CapacityOutOfRange {
                max: MAX_MONTHLY_CAPACITY,
            });
        }
        Ok(())
    }

    fn decide(&self, command: C) -> Result<Vec<Ev>, E> {
        match command {
            C::Register {
                actor,
                id,
                kind,
                profile,
            } => {
                authorize(&actor, Operation::RegisterOrganization, None).map_err(E::Forbidden)?;
                if self.id.is_some() {
                    return Err(E::AlreadyRegistered);
                }
                if profile.governorates.is_empty() {
                    return Err(E::NoGovernorates);
                }
                Ok(vec![Ev::Registered {
                    id,
                    kind,
                    name_ar: profile.name_ar,
                    name_en: profile.name_en,
                    governorates: profile.governorates,
                }])
            }
            C::UpdateProfile { actor, profile } => {
                self.check(&actor, Operation::UpdateOrganizationProfile)?;
                if profile.governorates.is_empty() {
                    return Err(E::NoGovernorates);
                }
                let unchanged = self.name_ar.as_ref() == Some(&profile.name_ar)
                    && self.name_en.as_ref() == Some(&profile.name_en)
                    && self.governorates == profile.governorates;
                if unchanged {
                    return Ok(vec![]);
                }
                Ok(vec![Ev::ProfileUpdated {
                    name_ar: profile.name_ar,
                    name_en: profile.name_en,
                    governorates: profile.governorates,
                }])
            }
            C::Verify { actor, note } => {
                self.check(&actor, Operation::VerifyOrganization)?;
                if self.suspended {
                    return Err(E::IsSuspended);
                }
                if self.verified {
                    return Err(E::AlreadyVerified);
                }
                Ok(vec![Ev::Verified {
                    note: clean_note(note),
                }])
            }
            C::Suspend { actor, reason } => {
                let kind = self.check(&actor, Operation::SuspendOrganization)?;
                // Suspended, its members could do nothing, reinstating it included.
                if kind == OrganizationKind::Secretariat {
                    return Err(E::OperatorCannotBeSuspended);
                }
                let reason = reason.trim().to_string();
                if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
                    return Err(E::ReasonRequired {
                        max: MAX_REASON_CHARS,
                    });
                }
                if self.suspended {
                    return Err(E::AlreadySuspended);
                }
                Ok(vec![Ev::Suspended { reason }])
            }
            C::Reinstate { actor, note } => {
                self.check(&actor, Operation::ReinstateOrganization)?;
                if !self.suspended {
                    return Err(E::NotSuspended);
                }
                Ok(vec![Ev::Reinstated {
                    note: clean_note(note),
                }])
            }
            C::AddMember {
                actor,
                user_id,
                username,
                display_name,
                role,
            } => {
                let kind = self.check(&actor, Operation::AddMember)?;
                if !role.allowed_in(kind) {
                    return Err(E::RoleNotAllowed {
                        role: role.as_str(),
                        kind: kind.as_str(),
                    });
                }
                if self.members.contains_key(&user_id) {
                    return Err(E::AlreadyMember);
                }
                Ok(vec![Ev::MemberAdded {
                    user_id,
                    username,
                    display_name,
                    role,
                }])
            }
            C::ChangeMemberRole {
                actor,
                user_id,
                role,
            } => {
                let kind = self.check(&actor, Operation::ChangeMemberRole)?;
                let Some(member) = self.members.get(&user_id) else {
                    return Err(E::NotAMember);
                };
                if !role.allowed_in(kind) {
                    return Err(E::RoleNotAllowed {
                        role: role.as_str(),
                        kind: kind.as_str(),
                    });
                }
                if member.role == role {
                    return Ok(vec![]);
                }
                self.keep_a_manager(&actor, user_id, Some(role))?;
                Ok(vec![Ev::MemberRoleChanged { user_id, role }])
            }
            C::RemoveMember { actor, user_id } => {
                self.check(&actor, Operation::RemoveMember)?;
                if !self.members.contains_key(&user_id) {
                    return Err(E::NotAMember);
                }
                self.keep_a_manager(&actor, user_id, None)?;
                Ok(vec![Ev::MemberRemoved { user_id }])
            }
            C::OfferService { actor, terms } => {
                let kind = self.check(&actor, Operation::OfferService)?;
                Self::check_terms(kind, &terms)?;
                if self.services.contains_key(&terms.category) {
                    return Err(E::ServiceAlreadyOffered);
                }
                Ok(vec![Ev::ServiceOffered {
                    category: terms.category,
                    governorates: terms.governorates,
                    monthly_capacity: terms.monthly_capacity,
                }])
            }
            C::UpdateService { actor, terms } => {
                let kind = self.check(&actor, Operation::UpdateService)?;
                Self::check_terms(kind, &terms)?;
                if !self.services.contains_key(&terms.category) {
                    return Err(E::ServiceNotOffered);
                }
                Ok(vec![Ev::ServiceUpdated {
                    category: terms.category,
                    governorates: terms.governorates,
                    monthly_capacity: terms.monthly_capacity,
                }])
            }
            C::WithdrawService { actor, category } => {
                self.check(&actor, Operation::WithdrawService)?;
                if !self.services.contains_key(&category) {
                    return Err(E::ServiceNotOffered);
                }
                Ok(vec![Ev::ServiceWithdrawn { category }])
            }
        }
    }
}

fn clean_note(note: Option<String>) -> Option<String> {
    note.map(|n| n.trim().chars().take(MAX_REASON_CHARS).collect::<String>())
        .filter(|n| !n.is_empty())
}

crate::decide::aggregate!(Organization, super::AGGREGATE_TYPE, C, Ev, E);

impl Organization {
    /// The state after `event`: cqrs-es's `apply`.
    fn evolve(&mut self, event: Ev) {
        match event {
            Ev::Registered {
                id,
                kind,
                name_ar,
                name_en,
                governorates,
            } => {
                self.id = Some(id);
                self.kind = Some(kind);
                self.name_ar = Some(name_ar);
                self.name_en = Some(name_en);
                self.governorates = governorates;
            }
            Ev::ProfileUpdated {
                name_ar,
                name_en,
                governorates,
            } => {
                self.name_ar = Some(name_ar);
                self.name_en = Some(name_en);
                self.governorates = governorates;
            }
            Ev::Verified { .. } => self.verified = true,
            Ev::Suspended { .. } => self.suspended = true,
            Ev::Reinstated { .. } => self.suspended = false,
            Ev::MemberAdded {
                user_id,
                username,
                display_name,
                role,
            } => {
                self.members.insert(
                    user_id,
                    Member {
                        username,
                        display_name,
                        role,
                    },
                );
            }
            Ev::MemberRoleChanged { user_id, role } => {
                if let Some(m) = self.members.get_mut(&user_id) {
                    m.role = role;
                }
            }
            Ev::MemberRemoved { user_id } => {
                self.members.remove(&user_id);
            }
            Ev::ServiceOffered {
                category,
                governorates,
                monthly_capacity,
            }
            | Ev::ServiceUpdated {
                category,
                governorates,
                monthly_capacity,
            } => {
                self.services.insert(
                    category,
                    ServiceOffer {
                        governorates,
                        monthly_capacity,
                    },
                );
            }
            Ev::ServiceWithdrawn { category } => {
                self.services.remove(&category);
            }
        }
    }
}
