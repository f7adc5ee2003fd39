//! Every label of a code (a status, a need, an outcome, an event type, ...) reads as a
//! word of the page's language: on an Arabic or Kurdish page it is neither the code nor
//! the English text, and has no Latin letter at all.

use fluent_syntax::ast;
use fluent_syntax::parser;

use crate::catalogue::SOURCES;
use crate::{label, Locale};

/// Every `(kind, VALUE)` of the catalogues' `<kind>-<VALUE>` labels: ids whose last part
/// starts with a capital letter (`referral-status-IN_SERVICE`, `event-ReferralClaimed`).
fn labels() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (_, texts) in SOURCES {
        let Ok(resource) = parser::parse(texts[Locale::Ar.index()]) else {
            panic!("the Arabic catalogue parses")
        };
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let id = message.id.name;
                if let Some((kind, value)) = id.rsplit_once('-') {
                    if value.starts_with(|c: char| c.is_ascii_uppercase()) {
                        found.push((kind.to_string(), value.to_string()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn labels_on_arabic_and_kurdish_pages_are_neither_codes_nor_english() {
    let all = labels();
    for kind in [
        "referral-status",
        "service-category",
        "need-outcome",
        "event",
        "closure-reason",
        "organization-status",
    ] {
        assert!(all.iter().any(|(k, _)| k == kind), "no {kind} labels found");
    }
    let mut wrong = Vec::new();
    for (kind, value) in &all {
        let english = label(Locale::En, kind, value);
        if english == *value {
            wrong.push(format!("{kind}-{value} has no English label"));
        }
        for locale in [Locale::Ar, Locale::Ckb] {
            let text = label(locale, kind, value);
            if text == *value || text == english || text.chars().any(|c| c.is_ascii_alphabetic()) {
                wrong.push(format!("{kind}-{value} reads {text:?} in {locale:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
