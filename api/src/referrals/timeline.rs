//! What a step of a referral's history says beyond its kind, read from the event as
//! stored: the needs it concerns, the outcome of each, the provider, the colleague
//! assigned and the note written with it. A case worker reading the history must learn
//! what the provider recorded, not only that something was recorded.

use std::collections::HashMap;

use domain::referral::{Need, NeedResult};
use domain::values::ServiceCategory;
use projections::models::directory::queries::members;
use serde::Deserialize;
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

use crate::errors::ApiResult;

/// What a reader who may not read the case's notes finds in a payload instead of a note.
pub const NOTE_WITHHELD: &str = "[note withheld]";

/// The details of one step.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step {
    /// The needs referred (created), delivered or closed.
    pub needs: Vec<ServiceCategory>,
    /// The outcome for each need, once closed.
    pub results: Vec<NeedResult>,
    /// The provider that claimed, accepted or declined it, or received it on a transfer.
    pub provider: Option<Uuid>,
    /// The colleague assigned to the case.
    pub assignee: Option<Uuid>,
    /// The note written with the step (a delivery's, a withdrawal's), as written.
    pub note: Option<String>,
    /// A note was written that is the person's sealed data (a follow-up's): it is there,
    /// and no history shows it.
    pub sealed_note: bool,
}

// The events' fields a step reads; serde skips the others (sealed values, reasons) and
// an event of another kind does not parse, which leaves its step empty.
#[derive(Deserialize)]
enum Stored {
    Created {
        needs: Vec<Need>,
    },
    Claimed {
        provider_id: Uuid,
    },
    Accepted {
        provider_id: Uuid,
    },
    Declined {
        provider_id: Uuid,
    },
    ServiceDelivered {
        category: ServiceCategory,
        note: Option<String>,
    },
    Closed {
        results: Vec<NeedResult>,
    },
    Transferred {
        to_provider: Uuid,
    },
    Withdrawn {
        note: Option<String>,
    },
    FollowUpAdded {
        note: Option<Value>,
    },
    CaseworkerAssigned {
        user_id: Uuid,
    },
}

impl Step {
    /// The step an event's `payload` (as stored, sealed values redacted or not) records.
    pub fn of(payload: &Value) -> Step {
        let Ok(stored) = Stored::deserialize(payload) else {
            return Step::default();
        };
        match stored {
            Stored::Created { needs } => Step {
                needs: needs.iter().map(|n| n.category).collect(),
                ..Step::default()
            },
            Stored::Claimed { provider_id }
            | Stored::Accepted { provider_id }
            | Stored::Declined { provider_id } => Step {
                provider: Some(provider_id),
                ..Step::default()
            },
            Stored::ServiceDelivered { category, note } => Step {
                needs: vec![category],
                note: note.filter(|n| !n.trim().is_empty()),
                ..Step::default()
            },
            Stored::Closed { results } => Step {
                needs: results.iter().map(|r| r.category).collect(),
                results,
                ..Step::default()
            },
            Stored::Transferred { to_provider } => Step {
                provider: Some(to_provider),
                ..Step::default()
            },
            Stored::Withdrawn { note } => Step {
                note: note.filter(|n| !n.trim().is_empty()),
                ..Step::default()
            },
            Stored::FollowUpAdded { note } => Step {
                sealed_note: note.is_some_and(|n| !n.is_null()),
                ..Step::default()
            },
            Stored::CaseworkerAssigned { user_id } => Step {
                assignee: Some(user_id),
                ..Step::default()
            },
        }
    }
}

/// `payload` as a reader who may not read the case's notes sees it: each note that was
/// written reads [`NOTE_WITHHELD`].
pub fn withhold_notes(payload: &mut Value) {
    let Value::Object(variants) = payload else {
        return;
    };
    for (variant, fields) in variants.iter_mut() {
        match variant.as_str() {
            "ServiceDelivered" | "Withdrawn" => withhold(fields.get_mut("note")),
            "Closed" => {
                if let Some(Value::Array(results)) = fields.get_mut("results") {
                    for result in results {
                        withhold(result.get_mut("note"));
                    }
                }
            }
            _ => {}
        }
    }
}

fn withhold(note: Option<&mut Value>) {
    if let Some(note) = note.filter(|n| !n.is_null()) {
        *note = Value::String(NOTE_WITHHELD.to_string());
    }
}

/// The names the directory lists `users` under now (people who left an organisation
/// are not in it any more).
pub async fn display_names(pool: &PgPool, users: &[Uuid]) -> ApiResult<HashMap<Uuid, String>> {
    if users.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(members::display_names(pool, users).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_delivery_names_its_need_and_keeps_its_note() {
        let step = Step::of(
            &json!({"ServiceDelivered": {"category": "psychosocial", "note": "met twice"}}),
        );
        assert_eq!(step.needs, vec![ServiceCategory::Psychosocial]);
        assert_eq!(step.note.as_deref(), Some("met twice"));
    }

    #[test]
    fn a_follow_up_note_is_sealed_and_an_unknown_event_says_nothing() {
        let step = Step::of(
            &json!({"FollowUpAdded": {"due_on": "2026-12-01", "note": "[sealed personal data]"}}),
        );
        assert!(step.sealed_note);
        assert_eq!(Step::of(&json!("Opened")), Step::default());
    }

    #[test]
    fn withheld_notes_say_they_were_written() {
        let mut delivered = json!({"ServiceDelivered": {"category": "legal", "note": "at home"}});
        withhold_notes(&mut delivered);
        assert_eq!(delivered["ServiceDelivered"]["note"], NOTE_WITHHELD);
        let mut closed = json!({"Closed": {"results": [
            {"category": "legal", "outcome": "resolved", "reason": null, "note": "x"},
            {"category": "housing", "outcome": "resolved", "reason": null, "note": null}]}});
        withhold_notes(&mut closed);
        assert_eq!(closed["Closed"]["results"][0]["note"], NOTE_WITHHELD);
        assert!(closed["Closed"]["results"][1]["note"].is_null());
    }
}
