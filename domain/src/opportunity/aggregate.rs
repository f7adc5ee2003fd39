//! The opportunity's state and its rules.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::nomination::{Nomination, ReferralFacts, Stage, MAX_MOTIVATION_CHARS};
use super::posting::Details;
use super::{OpportunityCommand as C, OpportunityError as E, OpportunityEvent as Ev};
use crate::access::{
    authorize_opportunity, Actor, OpportunityOperation as Op, OpportunityRelation,
};

/// Reasons for returning a posting: enough for a paragraph, bounded like a referral's note.
pub const MAX_REASONS_CHARS: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    /// No event yet.
    #[default]
    New,
    Draft,
    Submitted,
    Returned,
    Published,
    Filled,
    Closed,
    Withdrawn,
    Expired,
}

impl OpportunityStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Returned => "returned",
            Self::Published => "published",
            Self::Filled => "filled",
            Self::Closed => "closed",
            Self::Withdrawn => "withdrawn",
            Self::Expired => "expired",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Opportunity {
    pub id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub status: OpportunityStatus,
    pub details: Option<Details>,
    pub nominations: BTreeMap<Uuid, Nomination>,
    /// Hires made, kept apart from the nominations: a hired nominee who later withdraws
    /// consent leaves the pipeline, but the position stays taken.
    pub hires: u32,
}

fn wrong(status: OpportunityStatus) -> E {
    E::WrongStatus {
        status: status.as_str(),
    }
}

impl Opportunity {
    fn own(&self, actor: &Actor) -> bool {
        self.organization_id.is_some_and(|o| actor.belongs_to(o))
    }

    fn check(&self, actor: &Actor, op: Op, rel: OpportunityRelation) -> Result<(), E> {
        authorize_opportunity(actor, op, rel).map_err(E::Forbidden)
    }

    /// The employer's own opportunity.
    fn as_owner(&self, actor: &Actor, op: Op) -> Result<(), E> {
        let rel = OpportunityRelation {
            own: self.own(actor),
            ..Default::default()
        };
        self.check(actor, op, rel)
    }

    fn existing(&self) -> Result<&Details, E> {
        self.details.as_ref().ok_or(E::NotFound)
    }

    fn positions(&self) -> u32 {
        self.details.as_ref().map_or(0, |d| d.positions.count())
    }

    /// Offers and hires go on after the deadline (it closes applications, not the
    /// employer's choosing), but not once the employer closed or withdrew the posting.
    fn hiring(&self) -> bool {
        matches!(
            self.status,
            OpportunityStatus::Published | OpportunityStatus::Expired
        )
    }

    fn nomination(&self, id: Uuid) -> Result<&Nomination, E> {
        self.nominations.get(&id).ok_or(E::NominationNotFound)
    }

    /// A step of the employer's on a nomination in one of `from`, to `to`.
    fn step(&self, actor: &Actor, op: Op, id: Uuid, from: &[Stage]) -> Result<(), E> {
        self.existing()?;
        self.as_owner(actor, op)?;
        let stage = self.nomination(id)?.stage;
        if from.contains(&stage) {
            Ok(())
        } else {
            Err(E::WrongStage {
                stage: stage.as_str(),
            })
        }
    }

    /// A step of the nominating office's on its own nomination.
    fn for_nominee(&self, actor: &Actor, op: Op, id: Uuid) -> Result<&Nomination, E> {
        self.existing()?;
        let nomination = self.nomination(id)?;
        let rel = OpportunityRelation {
            nominating_office: actor.belongs_to(nomination.office_id),
            ..Default::default()
        };
        self.check(actor, op, rel)?;
        Ok(nomination)
    }

    fn nominate(
        &self,
        actor: &Actor,
        nomination_id: Uuid,
        referral: ReferralFacts,
        today: NaiveDate,
    ) -> Result<Vec<Ev>, E> {
        let details = self.existing()?;
        let rel = OpportunityRelation {
            nominating_office: actor.belongs_to(referral.office_id),
            ..Default::default()
        };
        self.check(actor, Op::Nominate, rel)?;
        if self.status != OpportunityStatus::Published {
            return Err(wrong(self.status));
        }
        if today >= details.deadline {
            return Err(E::NominationsClosed);
        }
        if self.nominations.contains_key(&nomination_id) {
            return Err(E::NominationExists);
        }
        // The same person, from this referral or another office's, is put forward once:
        // the second nominator is told who came first, so the two offices can talk.
        if let Some((first, n)) = self.nominations.iter().find(|(_, n)| {
            n.referral_id == referral.referral_id || n.beneficiary_key == referral.beneficiary_key
        }) {
            return Err(E::AlreadyNominated {
                office: n.office_id,
                nomination: *first,
            });
        }
        if !referral.has_work_need {
            return Err(E::NoMatchingNeed);
        }
        if !referral.consent_to_employer {
            return Err(E::ConsentRequired);
        }
        if referral
            .profile
            .motivation
            .as_ref()
            .is_some_and(|m| m.as_str().chars().count() > MAX_MOTIVATION_CHARS)
        {
            return Err(E::MotivationTooLong {
                max: MAX_MOTIVATION_CHARS,
            });
        }
        Ok(vec![Ev::Nominated {
            nomination_id,
            referral_id: referral.referral_id,
            beneficiary_key: referral.beneficiary_key,
            office_id: referral.office_id,
            nominated_by: actor.user_id,
            contact_consent: referral.consent_covers_contact,
            profile: referral.profile,
        }])
    }

    fn decide(&self, command: C) -> Result<Vec<Ev>, E> {
        use OpportunityStatus as S;
        match command {
            C::Draft {
                actor,
                opportunity_id,
                organization_id,
                posting,
                today,
            } => {
                let rel = OpportunityRelation {
                    own: actor.belongs_to(organization_id),
                    ..Default::default()
                };
                self.check(&actor, Op::Draft, rel)?;
                if self.status != S::New {
                    return Err(E::AlreadyExists);
                }
                Ok(vec![Ev::Drafted {
                    id: opportunity_id,
                    organization_id,
                    details: posting.check(today)?,
                }])
            }
            C::Edit {
                actor,
                posting,
                today,
            } => {
                let before = self.existing()?;
                self.as_owner(&actor, Op::Edit)?;
                let details = posting.check(today)?;
                match self.status {
                    S::Draft | S::Returned | S::Submitted => Ok(vec![Ev::Edited { details }]),
                    S::Published => {
                        if details.deadline != before.deadline {
                            return Err(E::DeadlineChangedByEdit);
                        }
                        if details.positions.count() < self.hires {
                            return Err(E::PositionsBelowHires { hires: self.hires });
                        }
                        // Cutting the positions down to the hires already made fills it.
                        let fills = self.hires > 0 && details.positions.count() == self.hires;
                        let changes = details.material_changes(before);
                        let mut events = if changes.is_empty() {
                            vec![Ev::Edited { details }]
                        } else {
                            vec![Ev::MaterialChanged { details, changes }]
                        };
                        if fills {
                            events.push(Ev::Filled);
                        }
                        Ok(events)
                    }
                    other => Err(wrong(other)),
                }
            }
            C::Submit {
                actor,
                trusted,
                today,
            } => {
                let details = self.existing()?;
                self.as_owner(&actor, Op::Submit)?;
                if !matches!(self.status, S::Draft | S::Returned) {
                    return Err(wrong(self.status));
                }
                if details.deadline <= today {
                    return Err(E::DeadlineInPast);
                }
                let mut events = vec![Ev::Submitted];
                if trusted {
                    events.push(Ev::Published { directly: true });
                }
                Ok(events)
            }
            C::Publish { actor, today } => {
                let details = self.existing()?;
                self.check(&actor, Op::Publish, OpportunityRelation::default())?;
                if self.status != S::Submitted {
                    return Err(wrong(self.status));
                }
                // Moderation that comes after the deadline would publish a dead posting.
                if details.deadline <= today {
                    return Err(E::DeadlineInPast);
                }
                Ok(vec![Ev::Published { directly: false }])
            }
            C::Return { actor, reasons } => {
                self.existing()?;
                self.check(&actor, Op::Return, OpportunityRelation::default())?;
                if self.status != S::Submitted {
                    return Err(wrong(self.status));
                }
                let reasons = reasons.trim();
                if reasons.is_empty() || reasons.chars().count() > MAX_REASONS_CHARS {
                    return Err(E::ReasonRequired {
                        max: MAX_REASONS_CHARS,
                    });
                }
                Ok(vec![Ev::Returned {
                    reasons: reasons.to_string(),
                }])
            }
            C::ExtendDeadline {
                actor,
                deadline,
                today,
            } => {
                let details = self.existing()?;
                self.as_owner(&actor, Op::ExtendDeadline)?;
                if !matches!(
                    self.status,
                    S::Draft | S::Submitted | S::Returned | S::Published
                ) {
                    return Err(wrong(self.status));
                }
                if deadline <= today {
                    return Err(E::DeadlineInPast);
                }
                if deadline <= details.deadline {
                    return Err(E::DeadlineNotLater);
                }
                Ok(vec![Ev::DeadlineExtended {
                    from: details.deadline,
                    to: deadline,
                }])
            }
            C::Close { actor } => {
                self.existing()?;
                self.as_owner(&actor, Op::Close)?;
                if self.status != S::Published {
                    return Err(wrong(self.status));
                }
                Ok(vec![Ev::Closed])
            }
            C::Withdraw { actor } => {
                self.existing()?;
                self.as_owner(&actor, Op::Withdraw)?;
                if !matches!(
                    self.status,
                    S::Draft | S::Submitted | S::Returned | S::Published
                ) {
                    return Err(wrong(self.status));
                }
                Ok(vec![Ev::Withdrawn])
            }
            C::Expire { actor, today } => {
                let details = self.existing()?;
                self.check(&actor, Op::Expire, OpportunityRelation::default())?;
                // A draft nobody submitted expires too: it can no longer be published.
                if !matches!(
                    self.status,
                    S::Draft | S::Submitted | S::Returned | S::Published
                ) {
                    return Err(wrong(self.status));
                }
                if today < details.deadline {
                    return Err(E::DeadlineNotReached);
                }
                Ok(vec![Ev::Expired { on: today }])
            }
            C::Nominate {
                actor,
                nomination_id,
                referral,
                today,
            } => self.nominate(&actor, nomination_id, referral, today),
            C::Shortlist {
                actor,
                nomination_id,
            } => {
                self.step(&actor, Op::Shortlist, nomination_id, &[Stage::Nominated])?;
                Ok(vec![Ev::Shortlisted { nomination_id }])
            }
            C::Reject {
                actor,
                nomination_id,
                reason,
            } => {
                self.step(
                    &actor,
                    Op::Reject,
                    nomination_id,
                    &[
                        Stage::Nominated,
                        Stage::Shortlisted,
                        Stage::InterviewPlanned,
                    ],
                )?;
                Ok(vec![Ev::Rejected {
                    nomination_id,
                    reason,
                }])
            }
            C::PlanInterview {
                actor,
                nomination_id,
                on,
                today,
            } => {
                self.step(
                    &actor,
                    Op::PlanInterview,
                    nomination_id,
                    &[Stage::Shortlisted, Stage::InterviewPlanned],
                )?;
                if on < today {
                    return Err(E::InterviewInPast);
                }
                Ok(vec![Ev::InterviewPlanned { nomination_id, on }])
            }
            C::Offer {
                actor,
                nomination_id,
            } => {
                self.step(
                    &actor,
                    Op::Offer,
                    nomination_id,
                    &[Stage::Shortlisted, Stage::InterviewPlanned],
                )?;
                if !self.hiring() {
                    return Err(wrong(self.status));
                }
                Ok(vec![Ev::Offered { nomination_id }])
            }
            C::Hire {
                actor,
                nomination_id,
                placement,
            } => {
                self.existing()?;
                self.as_owner(&actor, Op::Hire)?;
                let nomination = self.nomination(nomination_id)?;
                match nomination.stage {
                    Stage::Offered => {}
                    Stage::Rejected => return Err(E::NomineeRejected),
                    other => {
                        return Err(E::WrongStage {
                            stage: other.as_str(),
                        })
                    }
                }
                // The check and the append are one decision on one version of the log:
                // a concurrent hire that appends first makes this one re-decided, and refused.
                if self.status == S::Filled || self.hires >= self.positions() {
                    return Err(E::PositionsFilled);
                }
                if !self.hiring() {
                    return Err(wrong(self.status));
                }
                let mut events = vec![Ev::Hired {
                    nomination_id,
                    referral_id: nomination.referral_id,
                    placement,
                }];
                if self.hires + 1 == self.positions() {
                    events.push(Ev::Filled);
                }
                Ok(events)
            }
            C::DeclineOffer {
                actor,
                nomination_id,
            } => {
                let nomination = self.for_nominee(&actor, Op::DeclineOffer, nomination_id)?;
                if nomination.stage != Stage::Offered {
                    return Err(E::WrongStage {
                        stage: nomination.stage.as_str(),
                    });
                }
                Ok(vec![Ev::OfferDeclined { nomination_id }])
            }
            C::RecordNoShow {
                actor,
                nomination_id,
            } => {
                self.step(
                    &actor,
                    Op::RecordNoShow,
                    nomination_id,
                    &[Stage::InterviewPlanned, Stage::Offered],
                )?;
                Ok(vec![Ev::NoShow { nomination_id }])
            }
            C::EndPlacement {
                actor,
                nomination_id,
                reason,
            } => {
                self.step(&actor, Op::EndPlacement, nomination_id, &[Stage::Hired])?;
                Ok(vec![Ev::PlacementEnded {
                    nomination_id,
                    reason,
                }])
            }
            C::WithdrawConsent {
                actor,
                nomination_id,
            } => {
                // Consent is the person's to withdraw at any stage; the office only records it.
                self.for_nominee(&actor, Op::WithdrawConsent, nomination_id)?;
                Ok(vec![Ev::ConsentWithdrawn { nomination_id }])
            }
            C::ReadContact {
                actor,
                nomination_id,
            } => {
                self.existing()?;
                let nomination = self.nomination(nomination_id)?;
                let own = self.own(&actor);
                let disclosed = nomination.stage.is_shortlisted() && nomination.contact_consent;
                self.check(
                    &actor,
                    Op::ViewContact,
                    OpportunityRelation {
                        own,
                        contact_disclosed: disclosed,
                        ..Default::default()
                    },
                )?;
                // The system passes the policy; the facts still decide.
                if !disclosed {
                    return Err(E::ContactNotDisclosed);
                }
                Ok(vec![Ev::ContactRead { nomination_id }])
            }
        }
    }

    fn set_stage(&mut self, id: Uuid, stage: Stage) {
        if let Some(n) = self.nominations.get_mut(&id) {
            n.stage = stage;
        }
    }

    fn evolve(&mut self, event: Ev) {
        use OpportunityStatus as S;
        match event {
            Ev::Drafted {
                id,
                organization_id,
                details,
            } => {
                self.id = Some(id);
                self.organization_id = Some(organization_id);
                self.details = Some(details);
                self.status = S::Draft;
            }
            Ev::Edited { details } | Ev::MaterialChanged { details, .. } => {
                self.details = Some(details);
            }
            Ev::Submitted => self.status = S::Submitted,
            Ev::Published { .. } => self.status = S::Published,
            Ev::Returned { .. } => self.status = S::Returned,
            Ev::DeadlineExtended { to, .. } => {
                if let Some(d) = self.details.as_mut() {
                    d.deadline = to;
                }
            }
            Ev::Filled => self.status = S::Filled,
            Ev::Closed => self.status = S::Closed,
            Ev::Withdrawn => self.status = S::Withdrawn,
            Ev::Expired { .. } => self.status = S::Expired,
            Ev::Nominated {
                nomination_id,
                referral_id,
                beneficiary_key,
                office_id,
                nominated_by,
                contact_consent,
                ..
            } => {
                self.nominations.insert(
                    nomination_id,
                    Nomination {
                        referral_id,
                        beneficiary_key,
                        office_id,
                        nominated_by,
                        contact_consent,
                        stage: Stage::Nominated,
                    },
                );
            }
            Ev::Shortlisted { nomination_id } => self.set_stage(nomination_id, Stage::Shortlisted),
            Ev::Rejected { nomination_id, .. } => self.set_stage(nomination_id, Stage::Rejected),
            Ev::InterviewPlanned { nomination_id, .. } => {
                self.set_stage(nomination_id, Stage::InterviewPlanned)
            }
            Ev::Offered { nomination_id } => self.set_stage(nomination_id, Stage::Offered),
            Ev::Hired { nomination_id, .. } => {
                self.hires += 1;
                self.set_stage(nomination_id, Stage::Hired);
            }
            Ev::OfferDeclined { nomination_id } => {
                self.set_stage(nomination_id, Stage::OfferDeclined)
            }
            Ev::NoShow { nomination_id } => self.set_stage(nomination_id, Stage::NoShow),
            Ev::PlacementEnded { nomination_id, .. } => {
                self.set_stage(nomination_id, Stage::PlacementEnded)
            }
            Ev::ConsentWithdrawn { nomination_id } => {
                self.nominations.remove(&nomination_id);
            }
            Ev::ContactRead { .. } => {}
        }
    }
}

crate::decide::aggregate!(Opportunity, super::AGGREGATE_TYPE, C, Ev, E);
