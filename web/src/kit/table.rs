//! A table as every page draws one: scrollable on a narrow screen, column headers with
//! their scope, and an optional caption that counts the rows.

use maud::{html, Markup};

use crate::i18n::Locale;
use crate::messages::{self, shown_total, t, Count, Msg};

/// The `<th>`s of a header row, one per label.
pub fn headers(l: Locale, labels: &[Msg]) -> Markup {
    html! {
        @for label in labels {
            th scope="col" { (t(l, *label)) }
        }
    }
}

/// A table in its scrolling frame: `head` is the header row's cells, `rows` the body's
/// rows.
pub fn framed(caption: Option<Markup>, head: Markup, rows: Markup) -> Markup {
    html! {
        div.table-wrap {
            table {
                @if let Some(caption) = caption {
                    caption { (caption) }
                }
                thead { tr { (head) } }
                tbody { (rows) }
            }
        }
    }
}

/// "`label`: n", with the API's total when it counted one, else the rows shown.
pub fn count(l: Locale, label: Msg, what: Count, total: Option<i64>, shown: usize) -> Markup {
    html! {
        (t(l, label)) ": " (messages::count(l, what, shown_total(total, shown)))
    }
}
