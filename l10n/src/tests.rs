//! The catalogues agree with each other and with the typed ids.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fluent_syntax::parser;

use crate::catalogue::{format, has_message, SOURCES};
use crate::{count, error_message, label, negotiate, t, Count, Locale, Msg};

/// Message id → the variables it uses, for one locale, over every area file.
type Variables = BTreeMap<String, BTreeSet<String>>;

fn variables_of_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

fn variables_of_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for variant in variants {
                variables_of_pattern(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => variables_of_inline(inline, out),
    }
}

fn variables_of_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

/// Parses every file of `locale` out of `sources`, failing on a syntax error or an
/// id defined twice.
fn catalogue(sources: &[(&str, [&str; 3])], locale: Locale) -> Variables {
    let mut messages = Variables::new();
    for (area, texts) in sources {
        let resource = parser::parse(texts[locale.index()])
            .unwrap_or_else(|(_, errors)| panic!("{area}.ftl ({locale:?}): {errors:?}"));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let mut variables = BTreeSet::new();
                    if let Some(value) = &message.value {
                        variables_of_pattern(value, &mut variables);
                    }
                    let id = message.id.name.to_string();
                    assert!(
                        messages.insert(id.clone(), variables).is_none(),
                        "{id} is defined twice in {locale:?}"
                    );
                }
                ast::Entry::Junk { content } => {
                    panic!("junk in {area}.ftl ({locale:?}): {content}")
                }
                _ => {}
            }
        }
    }
    messages
}

/// Every difference between the locales' catalogues: a message one lacks, or one
/// whose variables differ from Arabic's.
fn parity_problems(sources: &[(&str, [&str; 3])]) -> Vec<String> {
    let arabic = catalogue(sources, Locale::Ar);
    let mut problems = Vec::new();
    for locale in [Locale::En, Locale::Ckb] {
        let other = catalogue(sources, locale);
        for (id, variables) in &arabic {
            match other.get(id) {
                None => problems.push(format!("{id} is missing in {locale:?}")),
                Some(theirs) if theirs != variables => problems.push(format!(
                    "{id} uses {theirs:?} in {locale:?} but {variables:?} in Arabic"
                )),
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !arabic.contains_key(*id)) {
            problems.push(format!("{id} is in {locale:?} but not in Arabic"));
        }
    }
    problems
}

#[test]
fn every_message_exists_in_every_locale_with_the_same_variables() {
    let problems = parity_problems(&SOURCES);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_parity_check_notices_a_missing_message_and_a_changed_variable() {
    let mut sources = SOURCES.map(|(_, texts)| texts.map(str::to_string));
    let common = SOURCES.iter().position(|(a, _)| *a == "common").unwrap();
    let kurdish = Locale::Ckb.index();
    sources[common][kurdish] = sources[common][kurdish]
        .lines()
        .filter(|line| !line.starts_with("app-name ="))
        .collect::<Vec<_>>()
        .join("\n");
    let english = Locale::En.index();
    sources[common][english] = sources[common][english].replace("{ $max } rows", "{ $rows } rows");
    let borrowed: Vec<(&str, [&str; 3])> = SOURCES
        .iter()
        .zip(&sources)
        .map(|((area, _), texts)| {
            (
                *area,
                [texts[0].as_str(), texts[1].as_str(), texts[2].as_str()],
            )
        })
        .collect();
    let problems = parity_problems(&borrowed);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("app-name is missing in Ckb")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("export-truncated uses")),
        "{problems:#?}"
    );
}

#[test]
fn every_typed_id_has_a_message_in_every_locale() {
    for locale in Locale::ALL {
        for msg in Msg::ALL {
            assert!(has_message(locale, msg.id()), "{} in {locale:?}", msg.id());
            assert_ne!(t(locale, *msg), msg.id());
        }
        for message in Count::ALL {
            assert!(
                has_message(locale, message.id()),
                "{} in {locale:?}",
                message.id()
            );
        }
    }
}

#[test]
fn arabic_counts_use_the_six_plural_categories() {
    let read = |n| count(Locale::Ar, Count::Referrals, n);
    assert_eq!(read(0), "لا توجد إحالات");
    assert_eq!(read(1), "إحالة واحدة");
    assert_eq!(read(2), "إحالتان");
    assert_eq!(read(3), "3 إحالات");
    assert_eq!(read(11), "11 إحالة");
    assert_eq!(read(100), "100 إحالة");
}

#[test]
fn english_and_kurdish_counts_have_one_and_other() {
    assert_eq!(count(Locale::En, Count::Referrals, 1), "1 referral");
    assert_eq!(count(Locale::En, Count::Referrals, 12), "12 referrals");
    assert_eq!(count(Locale::Ckb, Count::Hours, 1), "1 کاتژمێر");
}

#[test]
fn numbers_keep_latin_digits_without_grouping_or_isolation_marks() {
    let text = count(Locale::Ar, Count::ExportTruncated, 10_000);
    assert_eq!(
        text,
        "يضم الملف أول 10000 صف فقط. ضيّق التصفية لتنزيل الباقي."
    );
    let english = count(Locale::En, Count::ExportTruncated, 10_000);
    assert_eq!(
        english,
        "The file holds only the first 10000 rows. Narrow the filters to download the rest."
    );
    let message = error_message("request.invalid", Locale::Ar, &[("detail", "x".into())]);
    assert_eq!(message, "الطلب غير صالح: x");
    assert!(!message.contains('\u{2068}') && !message.contains('\u{2069}'));
}

#[test]
fn error_arguments_print_exactly_as_given() {
    let m = error_message(
        "input.first_out_of_range",
        Locale::En,
        &[("max", "100".into())],
    );
    assert_eq!(m, "first must be between 1 and 100.");
    let m = error_message("input.bad_id", Locale::En, &[("value", "007".into())]);
    assert_eq!(m, "\"007\" is not a valid id.");
    let m = error_message(
        "input.variable_missing",
        Locale::En,
        &[("name", "id".into())],
    );
    assert_eq!(m, "The variable $id is required but was not given.");
    assert_eq!(error_message("no.such.key", Locale::En, &[]), "no.such.key");
}

#[test]
fn labels_fall_back_to_the_value() {
    assert_eq!(
        label(Locale::En, "organization-kind", "NGO"),
        "Non-governmental organisation"
    );
    assert_eq!(label(Locale::Ar, "event", "SomethingNew"), "SomethingNew");
    assert_eq!(label(Locale::Ar, "event", "a b{"), "a b{");
    assert_eq!(label(Locale::Ar, "event", ""), "");
}

#[test]
fn negotiation_prefers_the_link_then_the_cookie_then_the_browser() {
    assert_eq!(
        negotiate(Some("lang=en"), Some("ckb"), Some("ar")),
        Locale::En
    );
    assert_eq!(negotiate(Some("a=1&lang=ckb"), None, None), Locale::Ckb);
    assert_eq!(negotiate(Some("lang=fr"), Some("en"), None), Locale::En);
    assert_eq!(
        negotiate(None, Some("xx"), Some("ku-IQ,en;q=0.5")),
        Locale::Ckb
    );
    assert_eq!(negotiate(None, None, Some("fr, en;q=0.5")), Locale::En);
    assert_eq!(negotiate(None, None, None), Locale::Ar);
    assert_eq!(Locale::from_accept_language(""), Locale::Ar);
}

#[test]
fn the_language_switch_names_each_language_in_itself() {
    assert_eq!(Locale::En.native_name(), "English");
    assert_eq!(
        format(Locale::Ar, "language-name", None).as_deref(),
        Some(Locale::Ar.native_name())
    );
    assert_ne!(Locale::Ar.native_name(), Locale::Ckb.native_name());
}

#[test]
fn error_messages_count_in_arabic_too() {
    let wait = |seconds: &str| {
        error_message(
            "login.throttled",
            Locale::Ar,
            &[("seconds", seconds.into())],
        )
    };
    assert_eq!(
        wait("30"),
        "محاولات دخول خاطئة كثيرة من هذا العنوان. حاول مرة أخرى بعد 30 ثانية."
    );
    assert!(wait("3").ends_with("بعد 3 ثوانٍ."));
    assert!(wait("2").ends_with("بعد ثانيتين."));
    let english = error_message("request.timeout", Locale::En, &[("seconds", "1".into())]);
    assert_eq!(
        english,
        "The request took longer than 1 second and was stopped. Try a smaller one."
    );
}

#[test]
fn codes_in_error_messages_are_shown_as_their_labels() {
    let ar = error_message(
        "referral.need_without_outcome",
        Locale::Ar,
        &[("category", "psychosocial".to_string())],
    );
    assert!(ar.contains("الدعم النفسي والاجتماعي"), "{ar}");
    assert!(!ar.contains("psychosocial"), "{ar}");
    let en = error_message(
        "referral.wrong_status",
        Locale::En,
        &[("status", "in_service".to_string())],
    );
    assert!(!en.contains("in_service"), "{en}");
    let ckb = error_message(
        "referral.wrong_status",
        Locale::Ckb,
        &[("status", "closed".to_string())],
    );
    assert!(
        ckb.contains(&label(Locale::Ckb, "referral-status", "CLOSED")),
        "{ckb}"
    );
    assert!(!ckb.contains("closed"), "{ckb}");
}
