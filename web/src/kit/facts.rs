//! A record's facts as a definition list (`dl.facts`): each a label and its value, a
//! fact the record does not have left out.

use maud::{html, Markup, Render};

use crate::i18n::Locale;
use crate::layout;
use crate::messages::{t, Msg};

/// One fact: its label, then its value.
pub fn fact(l: Locale, label: Msg, value: impl Render) -> Markup {
    html! {
        dt { (t(l, label)) }
        dd { (value) }
    }
}

/// A moment, when the record has one.
pub fn time(l: Locale, label: Msg, at: Option<&str>) -> Markup {
    html! {
        @if let Some(at) = at {
            (fact(l, label, layout::datetime(l, at)))
        }
    }
}
