//! The history of a record (an organisation's audit trail, a referral's timeline): a
//! table of its events, a page at a time, with links back to the start and on to the
//! next page. Both read the same fields of an event; they differ in their heading and
//! in the order of their columns.

use maud::{html, Markup};

use super::table;
use crate::i18n::Locale;
use crate::labels;
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{HistoryConnection, HistoryEvent};
use crate::url;

/// A column of the history table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The event's position in the record's stream (`#`).
    Position,
    Time,
    Actor,
    Event,
}

/// How one record's page draws its history.
pub struct History<'a> {
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
    /// The section: heading, the events (or that there are none) and the pager;
    /// `paged` when this is not the first page.
    pub fn section(&self, l: Locale, paged: bool, history: &HistoryConnection) -> Markup {
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
            Column::Time => td { (layout::datetime(&event.occurred_at)) },
            Column::Actor => td {
                bdi dir="ltr" { (event.actor_label.as_deref().unwrap_or(&event.actor_user)) }
                @if let Some(role) = &event.actor_role {
                    " — " span.muted { (labels::role(l, role)) }
                }
            },
            Column::Event => td { span title=(event.event_type) { (labels::event_type(l, &event.event_type)) } },
        }
    }
}
