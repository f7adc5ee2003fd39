//! The commands on a referral a page can post: for each, its form's slug and anchor,
//! the API's `viewerActions` that allow it, its mutation and the variables built from
//! the form. The show page draws the forms from it; the actions handler runs them.

use crate::form::{self, Fields};
use crate::labels::{CLOSURE_REASONS, CONSENT_GIVERS, NEED_OUTCOMES, SERVICE_CATEGORIES};
use crate::messages::Msg;
use crate::state::AppState;

/// A command on a referral, with its form and its mutation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Open,
    Claim,
    Accept,
    Decline,
    Start,
    Deliver,
    Close,
    Transfer,
    Assign,
    Withdraw,
    Reopen,
    FollowUp,
    Consent,
    Personal,
    Erase,
}

impl Action {
    /// The API's `ReferralAction`s that allow this form (either one, for assigning).
    pub fn allowed_by(self) -> &'static [&'static str] {
        match self {
            Action::Open => &["OPEN"],
            Action::Claim => &["CLAIM"],
            Action::Accept => &["ACCEPT"],
            Action::Decline => &["DECLINE"],
            Action::Start => &["START_SERVICE"],
            Action::Deliver => &["RECORD_DELIVERY"],
            Action::Close => &["CLOSE"],
            Action::Transfer => &["TRANSFER"],
            Action::Assign => &["ASSIGN_NRM_CASEWORKER", "ASSIGN_PROVIDER_STAFF"],
            Action::Withdraw => &["WITHDRAW"],
            Action::Reopen => &["REOPEN"],
            Action::FollowUp => &["ADD_FOLLOW_UP"],
            Action::Consent => &["UPDATE_CONSENT"],
            Action::Personal => &["VIEW_PERSONAL_DATA"],
            Action::Erase => &["ERASE"],
        }
    }

    pub const ALL: [Action; 15] = [
        Action::Open,
        Action::Claim,
        Action::Accept,
        Action::Decline,
        Action::Start,
        Action::Deliver,
        Action::Close,
        Action::Transfer,
        Action::Assign,
        Action::Withdraw,
        Action::Reopen,
        Action::FollowUp,
        Action::Consent,
        Action::Personal,
        Action::Erase,
    ];

    /// The last segment of the form's address.
    pub fn slug(self) -> &'static str {
        match self {
            Action::Open => "open",
            Action::Claim => "claim",
            Action::Accept => "accept",
            Action::Decline => "decline",
            Action::Start => "start",
            Action::Deliver => "deliver",
            Action::Close => "close",
            Action::Transfer => "transfer",
            Action::Assign => "assign",
            Action::Withdraw => "withdraw",
            Action::Reopen => "reopen",
            Action::FollowUp => "follow-up",
            Action::Consent => "consent",
            Action::Personal => "personal",
            Action::Erase => "erase",
        }
    }

    /// The action whose `done=` value (its slug) this is.
    pub fn from_done(done: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .find(|a| a.slug() == done && *a != Action::Personal)
    }

    pub fn title(self) -> Msg {
        match self {
            Action::Open => Msg::ActOpen,
            Action::Claim => Msg::ActClaim,
            Action::Accept => Msg::ActAccept,
            Action::Decline => Msg::ActDecline,
            Action::Start => Msg::ActStart,
            Action::Deliver => Msg::ActDeliver,
            Action::Close => Msg::ActClose,
            Action::Transfer => Msg::ActTransfer,
            Action::Assign => Msg::ActAssign,
            Action::Withdraw => Msg::ActWithdraw,
            Action::Reopen => Msg::ActReopen,
            Action::FollowUp => Msg::ActFollowUp,
            Action::Consent => Msg::ActConsent,
            Action::Personal => Msg::ActViewPersonal,
            Action::Erase => Msg::ActErase,
        }
    }

    pub fn done_msg(self) -> Msg {
        match self {
            Action::Open => Msg::DoneOpened,
            Action::Claim => Msg::DoneClaimed,
            Action::Accept => Msg::DoneAccepted,
            Action::Decline => Msg::DoneDeclined,
            Action::Start => Msg::DoneStarted,
            Action::Deliver => Msg::DoneDelivered,
            Action::Close => Msg::DoneClosed,
            Action::Transfer => Msg::DoneTransferred,
            Action::Assign => Msg::DoneAssigned,
            Action::Withdraw => Msg::DoneWithdrawn,
            Action::Reopen => Msg::DoneReopened,
            Action::FollowUp => Msg::DoneFollowUp,
            Action::Consent => Msg::DoneConsent,
            Action::Personal => Msg::ActViewPersonal,
            Action::Erase => Msg::DoneErased,
        }
    }

    /// Actions that cannot be undone get a red button.
    pub fn is_dangerous(self) -> bool {
        matches!(self, Action::Erase | Action::Withdraw | Action::Decline)
    }

    /// The `id` of the action's form.
    pub fn anchor(self) -> String {
        format!("act-{}", self.slug())
    }

    /// The `id` of one of the action's forms, told apart by `key` (a need).
    pub fn anchor_for(self, key: Option<&str>) -> String {
        match key {
            Some(key) => format!("act-{}-{key}", self.slug()),
            None => self.anchor(),
        }
    }

    /// What tells this action's forms apart in a submitted form.
    pub fn key_of(self, draft: &Fields) -> Option<&str> {
        (self == Action::Deliver).then(|| draft.get("category"))
    }

    pub fn mutation(self) -> &'static str {
        match self {
            Action::Open => "mutation($id: ID!, $commandId: String) { openReferral(id: $id, commandId: $commandId) { id status } }",
            Action::Claim => "mutation($id: ID!, $commandId: String) { claimReferral(id: $id, commandId: $commandId) { id status } }",
            Action::Accept => "mutation($id: ID!, $commandId: String) { acceptReferral(id: $id, commandId: $commandId) { id status } }",
            Action::Decline => "mutation($id: ID!, $reason: String!, $commandId: String) { declineReferral(id: $id, reason: $reason, commandId: $commandId) { id status } }",
            Action::Start => "mutation($id: ID!, $commandId: String) { startService(id: $id, commandId: $commandId) { id status } }",
            Action::Deliver => "mutation($id: ID!, $category: ServiceCategory!, $note: String, $commandId: String) { recordServiceDelivery(id: $id, category: $category, note: $note, commandId: $commandId) { id status } }",
            Action::Close => "mutation($id: ID!, $results: [NeedResultInput!]!, $commandId: String) { closeReferral(id: $id, results: $results, commandId: $commandId) { id status } }",
            Action::Transfer => "mutation($id: ID!, $providerId: ID!, $reason: String!, $commandId: String) { transferReferral(id: $id, providerId: $providerId, reason: $reason, commandId: $commandId) { id status } }",
            Action::Assign => "mutation($id: ID!, $userId: ID!, $commandId: String) { assignCaseworker(id: $id, userId: $userId, commandId: $commandId) { id status } }",
            Action::Withdraw => "mutation($id: ID!, $consentWithdrawn: Boolean!, $note: String, $commandId: String) { withdrawReferral(id: $id, consentWithdrawn: $consentWithdrawn, note: $note, commandId: $commandId) { id status } }",
            Action::Reopen => "mutation($id: ID!, $commandId: String) { reopenReferral(id: $id, commandId: $commandId) { id status } }",
            Action::FollowUp => "mutation($id: ID!, $dueOn: NaiveDate!, $note: String, $commandId: String) { addFollowUp(id: $id, dueOn: $dueOn, note: $note, commandId: $commandId) { id status } }",
            Action::Consent => "mutation($id: ID!, $consent: ConsentInput!, $commandId: String) { updateConsent(id: $id, consent: $consent, commandId: $commandId) { id status } }",
            Action::Personal => "mutation($id: ID!, $purpose: String!) { viewPersonalData(id: $id, purpose: $purpose) { fullName phone dateOfBirth idDocumentType idDocumentNumber address notes } }",
            Action::Erase => "mutation($id: ID!, $commandId: String) { eraseBeneficiary(id: $id, commandId: $commandId) { id status } }",
        }
    }

    /// The variables of the mutation, or the message for a form that cannot even be
    /// sent (no confirmation, a date the schema could not parse...).
    pub fn variables(
        self,
        state: &AppState,
        id: &str,
        fields: &Fields,
    ) -> Result<serde_json::Value, Msg> {
        let command_id = fields.command_id(state);
        let base = serde_json::json!({ "id": id, "commandId": command_id });
        let extra = match self {
            Action::Open | Action::Claim | Action::Accept | Action::Start | Action::Reopen => {
                serde_json::json!({})
            }
            Action::Decline => serde_json::json!({ "reason": fields.trimmed("reason") }),
            Action::Deliver => {
                let category = form::one_of(fields.trimmed("category"), &SERVICE_CATEGORIES)
                    .ok_or(Msg::ChooseValue)?;
                serde_json::json!({ "category": category, "note": fields.optional("note") })
            }
            Action::Close => serde_json::json!({ "results": close_results(fields)? }),
            Action::Transfer => {
                let provider = fields.optional("providerId").ok_or(Msg::Required)?;
                serde_json::json!({ "providerId": provider, "reason": fields.trimmed("reason") })
            }
            Action::Assign => {
                let user = fields.optional("userId").ok_or(Msg::Required)?;
                serde_json::json!({ "userId": user })
            }
            Action::Withdraw => serde_json::json!({
                "consentWithdrawn": fields.checked("consentWithdrawn"),
                "note": fields.optional("note"),
            }),
            Action::FollowUp => {
                let due = fields.trimmed("dueOn");
                if !form::is_date(due) {
                    return Err(Msg::BadDate);
                }
                serde_json::json!({ "dueOn": due, "note": fields.optional("note") })
            }
            Action::Consent => {
                let given_by = form::one_of(fields.trimmed("givenBy"), &CONSENT_GIVERS)
                    .ok_or(Msg::ChooseValue)?;
                let given_on = fields.trimmed("givenOn");
                let expires_on = fields.optional("expiresOn");
                if !form::is_date(given_on)
                    || expires_on.as_deref().is_some_and(|d| !form::is_date(d))
                {
                    return Err(Msg::BadDate);
                }
                serde_json::json!({ "consent": {
                    "givenBy": given_by,
                    "givenOn": given_on,
                    "shareWithProviders": fields.checked("shareWithProviders"),
                    "mayContact": fields.checked("mayContact"),
                    "expiresOn": expires_on,
                } })
            }
            Action::Personal => {
                return Ok(serde_json::json!({ "id": id, "purpose": fields.trimmed("purpose") }))
            }
            Action::Erase => {
                if fields.get("confirm") != "yes" {
                    return Err(Msg::EraseNotConfirmed);
                }
                serde_json::json!({})
            }
        };
        let mut variables = base;
        if let (Some(into), serde_json::Value::Object(from)) = (variables.as_object_mut(), extra) {
            into.extend(from);
        }
        Ok(variables)
    }
}

/// `results` of `closeReferral`: one per need whose outcome was chosen (a need left
/// without one is the API's to point out).
fn close_results(fields: &Fields) -> Result<Vec<serde_json::Value>, Msg> {
    let mut results = Vec::new();
    for category in SERVICE_CATEGORIES {
        let outcome = fields.trimmed(&format!("outcome.{category}"));
        if outcome.is_empty() {
            continue;
        }
        let outcome = form::one_of(outcome, &NEED_OUTCOMES).ok_or(Msg::ChooseValue)?;
        let reason = match fields.trimmed(&format!("reason.{category}")) {
            "" => None,
            given => Some(form::one_of(given, &CLOSURE_REASONS).ok_or(Msg::ChooseValue)?),
        };
        results.push(serde_json::json!({
            "category": category,
            "outcome": outcome,
            "reason": reason,
            "note": fields.optional(&format!("note.{category}")),
        }));
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_distinct_and_done_values_round_trip() {
        for action in Action::ALL {
            assert_eq!(
                Action::ALL
                    .iter()
                    .filter(|a| a.slug() == action.slug())
                    .count(),
                1
            );
            if action != Action::Personal {
                assert_eq!(Action::from_done(action.slug()), Some(action));
            }
        }
        assert_eq!(Action::from_done("personal"), None);
    }

    #[test]
    fn close_results_keep_the_chosen_outcomes_only() {
        let fields = Fields::from_pairs(&[
            ("outcome.LEGAL", "NOT_RESOLVED"),
            ("reason.LEGAL", "NO_CAPACITY"),
            ("note.LEGAL", " "),
            ("outcome.HOUSING", ""),
        ]);
        let results = close_results(&fields).unwrap();
        assert_eq!(results.len(), 1);
        assert_eq!(results[0]["category"], "LEGAL");
        assert_eq!(results[0]["reason"], "NO_CAPACITY");
        assert!(results[0]["note"].is_null());
        let bad = Fields::from_pairs(&[("outcome.LEGAL", "SOLVED")]);
        assert_eq!(close_results(&bad), Err(Msg::ChooseValue));
    }
}
