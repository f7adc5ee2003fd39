//! The history of a record (an organisation's audit trail, a referral's timeline): a
//! table of its events, a page at a time, with links back to the start and on to the
//! next page. Both read the same fields of an event; they differ in their heading and
//! in their columns, and a referral's adds what each step recorded (the needs, their
//! outcomes, the provider, who was assigned, the note) and who acted by name.

use maud::{html, Markup};

use super::table;
use crate::context::Ctx;
use crate::gql;
use crate::i18n::Locale;
use crate::labels;
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{Connection, HistoryEvent};
use crate::state::AppState;
use crate::url;

/// Events per page.
pub const PAGE_SIZE: i64 = 50;

/// A column of the history table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The event's position in the record's stream (`#`).
    Position,
    Time,
    Actor,
    Event,
    /// What a referral's step recorded: the needs, outcomes, provider, the colleague
    /// assigned and the note. Only a referral's timeline has these fields.
    Step,
}

/// The fields of a referral timeline's event that [`Column::Step`] shows.
const STEP_FIELDS: &str = "actorName needs hasAssignee assigneeName note hasNote \
    results { category outcome reason note hasNote } provider { id nameAr nameEn }";

/// Where one kind of record keeps its history, and how its page draws it.
pub struct History<'a> {
    /// The query's root field for one record (`organization`).
    pub record: &'a str,
    /// The record's history field (`history`, `timeline`); it also names the history
    /// in the log.
    pub field: &'a str,
    /// The record's page: the pager's links go back to it.
    pub base: String,
    /// The heading's id, also the links' anchor (`history-heading`).
    pub anchor: &'a str,
    pub title: Msg,
    pub intro: Msg,
    pub columns: &'a [Column],
    /// Whether each row carries its position as `data-position`.
    pub row_positions: bool,
}

impl History<'_> {
    /// The query of one page of the history.
    fn query(&self) -> String {
        let step = if self.columns.contains(&Column::Step) {
            STEP_FIELDS
        } else {
            ""
        };
        format!(
            "query($id: ID!, $first: Int, $after: String) {{\n  {}(id: $id) {{\n    id\n    {}(first: $first, after: $after) {{\n      nodes {{ position eventType occurredAt actorUser actorLabel actorRole {step} }}\n      pageInfo {{ hasNextPage endCursor }}\n    }}\n  }}\n}}",
            self.record, self.field
        )
    }

    /// The page of record `id`'s history after `after`, or `None` when it cannot be
    /// shown (the viewer may not see it, or it could not be read): the section is then
    /// left out.
    pub async fn load(
        &self,
        state: &AppState,
        ctx: &Ctx,
        id: &str,
        after: Option<&str>,
    ) -> Option<Connection<HistoryEvent>> {
        let variables = serde_json::json!({ "id": id, "first": PAGE_SIZE, "after": after });
        let data: serde_json::Value =
            gql::optional_with(state, ctx, &self.query(), variables, self.field).await?;
        let page = data.get(self.record)?.get(self.field)?;
        match serde_json::from_value(page.clone()) {
            Ok(page) => Some(page),
            Err(error) => {
                tracing::warn!(%error, "web: {} could not be read", self.field);
                None
            }
        }
    }

    /// The section: heading, the events (or that there are none) and the pager;
    /// `paged` when this is not the first page.
    pub fn section(&self, l: Locale, paged: bool, history: &Connection<HistoryEvent>) -> Markup {
        let start = format!("{}#{}", self.base, self.anchor);
        html! {
            section aria-labelledby=(self.anchor) {
                h2 id=(self.anchor) { (t(l, self.title)) }
                p.lead { (t(l, self.intro)) }
                @if history.nodes.is_empty() {
                    p.muted { (t(l, Msg::NoHistory)) }
                } @else {
                    (table::framed(None, self.head(l), self.rows(l, &history.nodes)))
                }
                nav.pager aria-label=(t(l, Msg::Pagination)) {
                    @if paged {
                        a.button.secondary href=(start) { (t(l, Msg::HistoryFromStart)) }
                    }
                    @if history.page_info.has_next_page {
                        @if let Some(cursor) = &history.page_info.end_cursor {
                            a.button href={ (url::with_query(&self.base, &[("after", Some(cursor))])) "#" (self.anchor) } rel="next" {
                                (t(l, Msg::MoreHistory))
                            }
                        }
                    }
                }
            }
        }
    }

    fn head(&self, l: Locale) -> Markup {
        html! {
            @for column in self.columns {
                @match column {
                    Column::Position => th scope="col" { "#" },
                    Column::Time => th scope="col" { (t(l, Msg::Time)) },
                    Column::Actor => th scope="col" { (t(l, Msg::Actor)) },
                    Column::Event => th scope="col" { (t(l, Msg::Event)) },
                    Column::Step => th scope="col" { (t(l, Msg::Details)) },
                }
            }
        }
    }

    fn rows(&self, l: Locale, events: &[HistoryEvent]) -> Markup {
        html! {
            @for event in events {
                tr data-position=[self.row_positions.then_some(event.position)] {
                    @for column in self.columns {
                        (cell(l, *column, event))
                    }
                }
            }
        }
    }
}

fn cell(l: Locale, column: Column, event: &HistoryEvent) -> Markup {
    html! {
        @match column {
            Column::Position => td { (event.position) },
            Column::Time => td { (layout::datetime(l, &event.occurred_at)) },
            Column::Actor => td {
                @match &event.actor_name {
                    // A person's name is in whatever script they wrote it.
                    Some(name) => bdi { (name) },
                    None => bdi dir="ltr" { (event.actor_label.as_deref().unwrap_or(&event.actor_user)) },
                }
                @if let Some(role) = &event.actor_role {
                    " — " span.muted { (labels::role(l, role)) }
                }
            },
            Column::Event => td { span title=(event.event_type) { (labels::event_type(l, &event.event_type)) } },
            Column::Step => td.step { (step(l, event)) },
        }
    }
}

/// What a referral's step recorded, each part on a line of its own.
fn step(l: Locale, event: &HistoryEvent) -> Markup {
    let step = &event.step;
    html! {
        @if step.results.is_empty() && !step.needs.is_empty() {
            div.needs {
                @for (i, need) in step.needs.iter().enumerate() {
                    @if i > 0 { (layout::comma(l)) }
                    (labels::service_category(l, need))
                }
            }
        }
        @if !step.results.is_empty() {
            ul.results {
                @for result in &step.results {
                    li {
                        (labels::service_category(l, &result.category)) ": "
                        strong { (labels::need_outcome(l, &result.outcome)) }
                        @if let Some(reason) = &result.reason {
                            " — " (labels::closure_reason(l, reason))
                        }
                        @if let Some(note) = &result.note {
                            " — " (written(note))
                        } @else if result.has_note {
                            " — " span.muted { (t(l, Msg::TimelineNoteWithheld)) }
                        }
                    }
                }
            }
        }
        @if let Some(provider) = &step.provider {
            div { (t(l, Msg::TimelineProvider)) " " (layout::org_link(l, provider)) }
        }
        @if step.has_assignee {
            div.assignee {
                (t(l, Msg::TimelineAssigned)) " "
                @match &step.assignee_name {
                    Some(name) => bdi { (name) },
                    None => span.muted { (t(l, Msg::TimelineUnlistedPerson)) },
                }
            }
        }
        @if let Some(note) = &step.note {
            div.note { (t(l, Msg::TimelineNote)) " " (written(note)) }
        } @else if step.has_note {
            // A follow-up's note is the person's sealed data; any other note is withheld
            // from this reader by the referral's policy.
            @if event.event_type == "FollowUpAdded" {
                div.muted { (t(l, Msg::TimelineNoteSealed)) }
            } @else {
                div.muted { (t(l, Msg::TimelineNoteWithheld)) }
            }
        }
    }
}

/// What a person wrote, as they wrote it: in a language the page cannot know (`lang=""`
/// says so to screen readers and translators) and a direction of its own.
pub fn written(text: &str) -> Markup {
    html! { bdi lang="" { (text) } }
}
