//! The referral's state and its rules.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::facts::{BeneficiaryFacts, Consent, Need, NeedOutcome, Side};
use super::{
    ProviderOffer, ReferralCommand as C, ReferralError as E, ReferralEvent as Ev, MAX_HOUSEHOLD,
    MAX_NOTE_CHARS,
};
use crate::access::{
    authorize_referral, Actor, ReferralOperation as Op, ReferralParties, ReferralRelation,
};
use crate::values::ServiceCategory;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    #[default]
    Draft,
    Open,
    Claimed,
    Accepted,
    InService,
    Closed,
    Withdrawn,
}

impl ReferralStatus {
    pub const ALL: [ReferralStatus; 7] = [
        Self::Draft,
        Self::Open,
        Self::Claimed,
        Self::Accepted,
        Self::InService,
        Self::Closed,
        Self::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Claimed => "claimed",
            Self::Accepted => "accepted",
            Self::InService => "in_service",
            Self::Closed => "closed",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    fn held(self) -> bool {
        matches!(self, Self::Claimed | Self::Accepted | Self::InService)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Referral {
    pub id: Option<Uuid>,
    pub case_number: String,
    pub office_id: Option<Uuid>,
    pub facts: Option<BeneficiaryFacts>,
    pub needs: Vec<Need>,
    pub consent: Option<Consent>,
    pub status: ReferralStatus,
    pub holder: Option<Uuid>,
    pub former_holders: BTreeSet<Uuid>,
    pub nrm_caseworkers: BTreeSet<Uuid>,
    pub provider_staff: BTreeSet<Uuid>,
    pub delivered: BTreeSet<ServiceCategory>,
    pub escalated: bool,
    pub erased: bool,
}

fn reason(text: &str) -> Result<String, E> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > MAX_NOTE_CHARS {
        return Err(E::ReasonRequired {
            max: MAX_NOTE_CHARS,
        });
    }
    Ok(t.to_string())
}

fn note(text: Option<String>) -> Result<Option<String>, E> {
    match text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) {
        Some(t) if t.chars().count() > MAX_NOTE_CHARS => Err(E::ReasonRequired {
            max: MAX_NOTE_CHARS,
        }),
        other => Ok(other),
    }
}

fn check_consent(c: &Consent) -> Result<(), E> {
    if c.expires_on.is_some_and(|e| e < c.given_on) {
        return Err(E::ConsentExpiryBeforeGiven);
    }
    Ok(())
}

impl Referral {
    /// The actor's relation to this referral, for the access policy.
    pub fn relation(&self, actor: &Actor) -> ReferralRelation {
        ReferralRelation::of(
            actor,
            ReferralParties {
                office: self.office_id,
                holder: self.holder,
                former_holders: &|o| self.former_holders.contains(&o),
                nrm_caseworkers: &|u| self.nrm_caseworkers.contains(&u),
                provider_staff: &|u| self.provider_staff.contains(&u),
            },
        )
    }

    fn allow(&self, actor: &Actor, op: Op) -> Result<(), E> {
        if self.id.is_none() {
            return Err(E::NotFound);
        }
        authorize_referral(actor, op, self.relation(actor)).map_err(E::Forbidden)
    }

    /// Refuses a command that only a referral in `status` takes.
    fn require(&self, status: ReferralStatus) -> Result<(), E> {
        if self.status == status {
            Ok(())
        } else {
            Err(self.wrong())
        }
    }

    fn wrong(&self) -> E {
        E::WrongStatus {
            status: self.status.as_str(),
        }
    }

    fn need_categories(&self) -> BTreeSet<ServiceCategory> {
        self.needs.iter().map(|n| n.category).collect()
    }

    fn check_provider(&self, p: &ProviderOffer) -> Result<(), E> {
        if !p.verified {
            return Err(E::ProviderNotVerified);
        }
        if p.categories_here.is_disjoint(&self.need_categories()) {
            return Err(E::NoMatchingService);
        }
        Ok(())
    }

    /// A claim takes a place in each of the referral's needs the provider offers here; it
    /// is refused when every one of them is full (one place left in any is enough).
    fn check_capacity(&self, p: &ProviderOffer) -> Result<(), E> {
        let needs = self.need_categories();
        let mut offered = p.categories_here.intersection(&needs);
        if offered.all(|c| p.full_here.contains(c)) {
            return Err(E::NoCapacity);
        }
        Ok(())
    }

    fn sharing_allowed(&self) -> bool {
        self.consent
            .as_ref()
            .is_some_and(|c| c.share_with_providers)
    }

    fn decide(&self, command: C) -> Result<Vec<Ev>, E> {
        match command {
            C::Create {
                actor,
                id,
                case_number,
                facts,
                needs,
                consent,
                personal,
                open,
            } => {
                authorize_referral(&actor, Op::Create, ReferralRelation::default())
                    .map_err(E::Forbidden)?;
                let (Some(office_id), Some(created_by)) = (actor.org_id, actor.user_id) else {
                    return Err(E::Forbidden(crate::access::AccessDenied::new(
                        &actor,
                        "CreateReferral",
                        "only a member of an NRM office refers",
                    )));
                };
                if self.id.is_some() {
                    return Err(E::AlreadyExists);
                }
                if needs.is_empty() {
                    return Err(E::NoNeeds);
                }
                let distinct: BTreeSet<ServiceCategory> =
                    needs.iter().map(|n| n.category).collect();
                if distinct.len() != needs.len() {
                    return Err(E::DuplicateNeed);
                }
                if facts.household_size == 0 || facts.household_size > MAX_HOUSEHOLD {
                    return Err(E::HouseholdOutOfRange { max: MAX_HOUSEHOLD });
                }
                if let Some(c) = &facts.return_country {
                    if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_uppercase()) {
                        return Err(E::BadCountry);
                    }
                }
                check_consent(&consent)?;
                if open && !consent.share_with_providers {
                    return Err(E::ConsentRequired);
                }
                let mut events = vec![Ev::Created {
                    id,
                    case_number,
                    office_id,
                    created_by,
                    facts,
                    needs,
                    consent,
                    personal,
                }];
                if open {
                    events.push(Ev::Opened);
                }
                Ok(events)
            }
            C::Open { actor } => {
                self.allow(&actor, Op::Open)?;
                self.require(ReferralStatus::Draft)?;
                if !self.sharing_allowed() {
                    return Err(E::ConsentRequired);
                }
                Ok(vec![Ev::Opened])
            }
            C::Claim { actor, provider } => {
                self.allow(&actor, Op::Claim)?;
                if self.status.held() {
                    return Err(E::AlreadyClaimed);
                }
                self.require(ReferralStatus::Open)?;
                if actor.org_id != Some(provider.org_id) {
                    return Err(E::NoMatchingService);
                }
                self.check_provider(&provider)?;
                self.check_capacity(&provider)?;
                let mut events = vec![Ev::Claimed {
                    provider_id: provider.org_id,
                }];
                if let Some(user_id) = actor.user_id {
                    events.push(Ev::CaseworkerAssigned {
                        user_id,
                        side: Side::Provider,
                    });
                }
                Ok(events)
            }
            C::Accept { actor } => {
                self.allow(&actor, Op::Accept)?;
                self.require(ReferralStatus::Claimed)?;
                let provider_id = self.holder.ok_or(E::NotFound)?;
                let mut events = vec![Ev::Accepted { provider_id }];
                if let Some(user_id) = actor.user_id.filter(|u| !self.provider_staff.contains(u)) {
                    events.push(Ev::CaseworkerAssigned {
                        user_id,
                        side: Side::Provider,
                    });
                }
                Ok(events)
            }
            C::Decline { actor, reason: why } => {
                self.allow(&actor, Op::Decline)?;
                self.require(ReferralStatus::Claimed)?;
                let provider_id = self.holder.ok_or(E::NotFound)?;
                Ok(vec![Ev::Declined {
                    provider_id,
                    reason: reason(&why)?,
                }])
            }
            C::StartService { actor } => {
                self.allow(&actor, Op::StartService)?;
                self.require(ReferralStatus::Accepted)?;
                Ok(vec![Ev::ServiceStarted])
            }
            C::RecordDelivery {
                actor,
                category,
                note: text,
            } => {
                self.allow(&actor, Op::RecordDelivery)?;
                self.require(ReferralStatus::InService)?;
                if !self.need_categories().contains(&category) {
                    return Err(E::NeedNotInReferral {
                        category: category.as_str(),
                    });
                }
                Ok(vec![Ev::ServiceDelivered {
                    category,
                    note: note(text)?,
                }])
            }
            C::Close { actor, results } => {
                self.allow(&actor, Op::Close)?;
                if !matches!(
                    self.status,
                    ReferralStatus::Accepted | ReferralStatus::InService
                ) {
                    return Err(self.wrong());
                }
                let needs = self.need_categories();
                let mut seen = BTreeSet::new();
                let mut cleaned = Vec::with_capacity(results.len());
                for mut r in results {
                    if !needs.contains(&r.category) {
                        return Err(E::NeedNotInReferral {
                            category: r.category.as_str(),
                        });
                    }
                    if !seen.insert(r.category) {
                        return Err(E::DuplicateNeed);
                    }
                    if r.outcome != NeedOutcome::Resolved && r.reason.is_none() {
                        return Err(E::ReasonCodeRequired {
                            category: r.category.as_str(),
                        });
                    }
                    r.note = note(r.note)?;
                    cleaned.push(r);
                }
                if let Some(missing) = needs.iter().find(|c| !seen.contains(c)) {
                    return Err(E::NeedWithoutOutcome {
                        category: missing.as_str(),
                    });
                }
                Ok(vec![Ev::Closed { results: cleaned }])
            }
            C::Transfer {
                actor,
                to,
                reason: why,
            } => {
                self.allow(&actor, Op::Transfer)?;
                if !self.status.held() {
                    return Err(self.wrong());
                }
                let from = self.holder.ok_or(E::NotFound)?;
                if to.org_id == from {
                    return Err(E::SameProvider);
                }
                self.check_provider(&to)?;
                // The provider it goes to takes a place as a claim would.
                self.check_capacity(&to)?;
                Ok(vec![Ev::Transferred {
                    from_provider: from,
                    to_provider: to.org_id,
                    reason: reason(&why)?,
                }])
            }
            C::Withdraw {
                actor,
                consent_withdrawn,
                note: text,
            } => {
                self.allow(&actor, Op::Withdraw)?;
                if matches!(
                    self.status,
                    ReferralStatus::Closed | ReferralStatus::Withdrawn
                ) {
                    return Err(self.wrong());
                }
                Ok(vec![Ev::Withdrawn {
                    consent_withdrawn,
                    note: note(text)?,
                }])
            }
            C::Reopen { actor } => {
                self.allow(&actor, Op::Reopen)?;
                if !matches!(
                    self.status,
                    ReferralStatus::Closed | ReferralStatus::Withdrawn
                ) {
                    return Err(self.wrong());
                }
                if !self.sharing_allowed() {
                    return Err(E::ConsentRequired);
                }
                Ok(vec![Ev::Reopened])
            }
            C::AddFollowUp {
                actor,
                due_on,
                note: sealed,
            } => {
                self.allow(&actor, Op::AddFollowUp)?;
                if self.erased {
                    return Err(E::Erased);
                }
                Ok(vec![Ev::FollowUpAdded {
                    due_on,
                    note: sealed,
                }])
            }
            C::AssignCaseworker {
                actor,
                user_id,
                member_of,
                side,
            } => {
                let (op, org) = match side {
                    Side::Nrm => (Op::AssignNrmCaseworker, self.office_id),
                    Side::Provider => (Op::AssignProviderStaff, self.holder),
                };
                self.allow(&actor, op)?;
                if org != Some(member_of) {
                    return Err(E::NotOnThatSide);
                }
                let already = match side {
                    Side::Nrm => self.nrm_caseworkers.contains(&user_id),
                    Side::Provider => self.provider_staff.contains(&user_id),
                };
                if already {
                    return Ok(vec![]);
                }
                Ok(vec![Ev::CaseworkerAssigned { user_id, side }])
            }
            C::UpdateConsent { actor, consent } => {
                self.allow(&actor, Op::UpdateConsent)?;
                check_consent(&consent)?;
                Ok(vec![Ev::ConsentUpdated { consent }])
            }
            C::Escalate {
                actor,
                waited_hours,
            } => {
                self.allow(&actor, Op::Escalate)?;
                if self.status != ReferralStatus::Open || self.escalated {
                    return Ok(vec![]);
                }
                Ok(vec![Ev::Escalated { waited_hours }])
            }
            C::ViewPersonalData {
                actor,
                purpose,
                today,
            } => {
                self.allow(&actor, Op::ViewPersonalData)?;
                if self.erased {
                    return Err(E::Erased);
                }
                let rel = self.relation(&actor);
                if rel.holder
                    && !rel.office
                    && !self
                        .consent
                        .as_ref()
                        .is_some_and(|c| c.allows_sharing_on(today))
                {
                    return Err(E::ConsentNotActive);
                }
                let by = actor.user_id.ok_or(E::NotFound)?;
                Ok(vec![Ev::PersonalDataViewed {
                    by,
                    purpose: reason(&purpose)?,
                }])
            }
            C::Erase { actor } => {
                self.allow(&actor, Op::Erase)?;
                if self.erased {
                    return Err(E::Erased);
                }
                Ok(vec![Ev::BeneficiaryErased])
            }
        }
    }
}

crate::decide::aggregate!(Referral, super::AGGREGATE_TYPE, C, Ev, E);

impl Referral {
    /// The state after `event`: cqrs-es's `apply`.
    fn evolve(&mut self, event: Ev) {
        match event {
            Ev::Created {
                id,
                case_number,
                office_id,
                created_by,
                facts,
                needs,
                consent,
                ..
            } => {
                self.id = Some(id);
                self.case_number = case_number;
                self.office_id = Some(office_id);
                self.nrm_caseworkers.insert(created_by);
                self.facts = Some(facts);
                self.needs = needs;
                self.consent = Some(consent);
                self.status = ReferralStatus::Draft;
            }
            Ev::Opened | Ev::Reopened => {
                if let Some(h) = self.holder.take() {
                    self.former_holders.insert(h);
                }
                self.provider_staff.clear();
                self.status = ReferralStatus::Open;
                self.escalated = false;
            }
            Ev::Claimed { provider_id } => {
                self.holder = Some(provider_id);
                self.provider_staff.clear();
                self.status = ReferralStatus::Claimed;
            }
            Ev::Accepted { .. } => self.status = ReferralStatus::Accepted,
            Ev::Declined { provider_id, .. } => {
                self.former_holders.insert(provider_id);
                self.holder = None;
                self.provider_staff.clear();
                self.status = ReferralStatus::Open;
            }
            Ev::ServiceStarted => self.status = ReferralStatus::InService,
            Ev::ServiceDelivered { category, .. } => {
                self.delivered.insert(category);
            }
            Ev::Closed { .. } => self.status = ReferralStatus::Closed,
            Ev::Transferred {
                from_provider,
                to_provider,
                ..
            } => {
                self.former_holders.insert(from_provider);
                self.holder = Some(to_provider);
                self.provider_staff.clear();
                self.status = ReferralStatus::Claimed;
            }
            Ev::Withdrawn {
                consent_withdrawn, ..
            } => {
                self.status = ReferralStatus::Withdrawn;
                if consent_withdrawn {
                    if let Some(c) = &mut self.consent {
                        c.share_with_providers = false;
                    }
                }
            }
            Ev::FollowUpAdded { .. } | Ev::PersonalDataViewed { .. } => {}
            Ev::CaseworkerAssigned { user_id, side } => {
                match side {
                    Side::Nrm => self.nrm_caseworkers.insert(user_id),
                    Side::Provider => self.provider_staff.insert(user_id),
                };
            }
            Ev::ConsentUpdated { consent } => self.consent = Some(consent),
            Ev::Escalated { .. } => self.escalated = true,
            Ev::BeneficiaryErased => self.erased = true,
        }
    }
}
