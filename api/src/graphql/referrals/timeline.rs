//! A referral's timeline: each event as the audit trail shows it, and what the step
//! recorded — the needs, the outcomes, the provider, who acted and who was assigned, by
//! name, and the note written with it for those who may read the case's notes.

use std::collections::HashMap;

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{ComplexObject, Context, SimpleObject};
use uuid::Uuid;

use super::types::NeedResultGql;
use crate::audit::history;
use crate::errors::ApiResult;
use crate::graphql::audit::types::AuditEvent;
use crate::graphql::common::context::{state, OrGql};
use crate::graphql::common::cursor;
use crate::graphql::directory::enums::ServiceCategoryGql;
use crate::graphql::directory::types::{load_organization, OrganizationNode};
use crate::referrals::timeline::{self, Step};
use crate::state::AppState;

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "ReferralTimelineEvent", complex)]
pub struct TimelineEventGql {
    #[graphql(flatten)]
    pub event: AuditEvent,
    /// The actor's name as their organisation lists them now; null for the system's
    /// tasks and for someone no longer in an organisation.
    pub actor_name: Option<String>,
    /// The needs the step concerns: those referred, the one delivered, those closed.
    pub needs: Vec<ServiceCategoryGql>,
    /// Once closed: the outcome for each need.
    pub results: Vec<NeedResultGql>,
    /// The colleague assigned to the case, by name (null when no longer listed).
    pub assignee_name: Option<String>,
    /// Whether the step assigned a colleague (true even when their name is no longer listed).
    pub has_assignee: bool,
    /// The note written with the step, for those who may read the case's notes (the
    /// referring office and its providers); null for others, and when none was written.
    /// For others the `payload` reads `[note withheld]` where the note was.
    pub note: Option<String>,
    /// Whether a note was written with the step, whoever reads it. A follow-up's note
    /// is the person's sealed data: it counts here and shows nowhere in the history.
    pub has_note: bool,
    #[graphql(skip)]
    pub provider_id: Option<Uuid>,
}

#[ComplexObject]
impl TimelineEventGql {
    /// The provider that claimed, accepted or declined it, or received it on a transfer.
    async fn provider(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<OrganizationNode>> {
        match self.provider_id {
            Some(id) => load_organization(state(ctx)?, id).await.or_gql(ctx),
            None => Ok(None),
        }
    }
}

pub type TimelinePage = Connection<String, TimelineEventGql, EmptyFields, EmptyFields>;

/// One page of the referral `id`'s timeline, oldest first, up to sequence `until` when
/// given; notes' text only when `reads_notes`.
pub async fn timeline_page(
    st: &AppState,
    id: Uuid,
    first: Option<i32>,
    after: Option<String>,
    until: Option<i64>,
    reads_notes: bool,
) -> ApiResult<TimelinePage> {
    let limit = cursor::page_size(first)?;
    let after_seq: i64 = cursor::after(after.as_deref())?.unwrap_or(0);
    let events = history::record_events(
        &st.pool,
        domain::referral::AGGREGATE_TYPE,
        &id.to_string(),
        after_seq,
        limit + 1,
        until,
    )
    .await?;
    let steps: Vec<Step> = events.iter().map(|e| Step::of(&e.payload)).collect();
    let mut people: Vec<Uuid> = events
        .iter()
        .filter_map(|e| actor_of(&e.metadata))
        .chain(steps.iter().filter_map(|s| s.assignee))
        .collect();
    people.sort_unstable();
    people.dedup();
    let names = timeline::display_names(&st.pool, &people).await?;
    let rows = events.into_iter().zip(steps);
    cursor::page(
        rows.collect(),
        limit,
        after.is_some(),
        EmptyFields,
        |_, (mut e, step)| {
            if !reads_notes {
                timeline::withhold_notes(&mut e.payload);
            }
            let actor_name = actor_of(&e.metadata).and_then(|u| names.get(&u).cloned());
            let event =
                AuditEvent::from_row(e.position, e.sequence, e.event_type, e.payload, &e.metadata);
            let node = node(event, step, actor_name, &names, reads_notes);
            Ok(Some((cursor::encode(&node.event.sequence), node)))
        },
    )
}

fn node(
    event: AuditEvent,
    step: Step,
    actor_name: Option<String>,
    names: &HashMap<Uuid, String>,
    reads_notes: bool,
) -> TimelineEventGql {
    let has_note = step.note.is_some() || step.sealed_note;
    TimelineEventGql {
        event,
        actor_name,
        needs: step.needs.into_iter().map(Into::into).collect(),
        results: step
            .results
            .into_iter()
            .map(|r| NeedResultGql::shown(r, reads_notes))
            .collect(),
        assignee_name: step.assignee.and_then(|u| names.get(&u).cloned()),
        has_assignee: step.assignee.is_some(),
        note: step.note.filter(|_| reads_notes),
        has_note,
        provider_id: step.provider,
    }
}

/// The user who acted, when a person did (not `system:<task>`).
fn actor_of(metadata: &serde_json::Value) -> Option<Uuid> {
    metadata
        .get("actor_user")
        .and_then(serde_json::Value::as_str)
        .and_then(|u| Uuid::parse_str(u).ok())
}
