//! Counts read as a person would say them, in every language: Arabic's six plural forms
//! (0 → the zero form, 1 → one, 2 → the dual, 3–10 → a plural noun, 11–99 → a singular
//! noun in the accusative, 100 → a singular noun), English and Kurdish one and other.

use fluent_syntax::ast;
use fluent_syntax::parser;

use crate::catalogue::SOURCES;
use crate::{count, error_message, Count, Locale};

/// The numbers every count is read at: one of each Arabic plural category.
const NUMBERS: [u64; 6] = [0, 1, 2, 3, 11, 100];

/// What `message` reads for each of [`NUMBERS`], in Arabic, English and Kurdish.
fn expected(message: Count) -> [[&'static str; 6]; 3] {
    match message {
        Count::Referrals => [
            [
                "لا توجد إحالات",
                "إحالة واحدة",
                "إحالتان",
                "3 إحالات",
                "11 إحالة",
                "100 إحالة",
            ],
            [
                "0 referrals",
                "1 referral",
                "2 referrals",
                "3 referrals",
                "11 referrals",
                "100 referrals",
            ],
            [
                "0 ئاڕاستەکردن",
                "1 ئاڕاستەکردن",
                "2 ئاڕاستەکردن",
                "3 ئاڕاستەکردن",
                "11 ئاڕاستەکردن",
                "100 ئاڕاستەکردن",
            ],
        ],
        Count::Organizations => [
            [
                "لا توجد مؤسسات",
                "مؤسسة واحدة",
                "مؤسستان",
                "3 مؤسسات",
                "11 مؤسسة",
                "100 مؤسسة",
            ],
            [
                "0 organisations",
                "1 organisation",
                "2 organisations",
                "3 organisations",
                "11 organisations",
                "100 organisations",
            ],
            [
                "0 ڕێکخراو",
                "1 ڕێکخراو",
                "2 ڕێکخراو",
                "3 ڕێکخراو",
                "11 ڕێکخراو",
                "100 ڕێکخراو",
            ],
        ],
        Count::Sessions => [
            [
                "لا توجد جلسات",
                "جلسة واحدة",
                "جلستان",
                "3 جلسات",
                "11 جلسة",
                "100 جلسة",
            ],
            [
                "0 sessions",
                "1 session",
                "2 sessions",
                "3 sessions",
                "11 sessions",
                "100 sessions",
            ],
            [
                "0 دانیشتن",
                "1 دانیشتن",
                "2 دانیشتن",
                "3 دانیشتن",
                "11 دانیشتن",
                "100 دانیشتن",
            ],
        ],
        Count::Hours => [
            [
                "أقل من ساعة",
                "ساعة واحدة",
                "ساعتان",
                "3 ساعات",
                "11 ساعة",
                "100 ساعة",
            ],
            [
                "less than an hour",
                "1 hour",
                "2 hours",
                "3 hours",
                "11 hours",
                "100 hours",
            ],
            [
                "کەمتر لە کاتژمێرێک",
                "1 کاتژمێر",
                "2 کاتژمێر",
                "3 کاتژمێر",
                "11 کاتژمێر",
                "100 کاتژمێر",
            ],
        ],
        Count::ExportTruncated => [
            [
                "يضم الملف أول 0 صف فقط. ضيّق التصفية لتنزيل الباقي.",
                "يضم الملف أول صف واحد فقط. ضيّق التصفية لتنزيل الباقي.",
                "يضم الملف أول صفّين فقط. ضيّق التصفية لتنزيل الباقي.",
                "يضم الملف أول 3 صفوف فقط. ضيّق التصفية لتنزيل الباقي.",
                "يضم الملف أول 11 صفاً فقط. ضيّق التصفية لتنزيل الباقي.",
                "يضم الملف أول 100 صف فقط. ضيّق التصفية لتنزيل الباقي.",
            ],
            [
                "The file holds only the first 0 rows. Narrow the filters to download the rest.",
                "The file holds only the first row. Narrow the filters to download the rest.",
                "The file holds only the first 2 rows. Narrow the filters to download the rest.",
                "The file holds only the first 3 rows. Narrow the filters to download the rest.",
                "The file holds only the first 11 rows. Narrow the filters to download the rest.",
                "The file holds only the first 100 rows. Narrow the filters to download the rest.",
            ],
            [
                "فایلەکە تەنها یەکەم 0 ڕیز لەخۆدەگرێت. فلتەرەکان تەسک بکەرەوە بۆ داگرتنی ئەوانی تر.",
                "فایلەکە تەنها یەکەم ڕیز لەخۆدەگرێت. فلتەرەکان تەسک بکەرەوە بۆ داگرتنی ئەوانی تر.",
                "فایلەکە تەنها یەکەم 2 ڕیز لەخۆدەگرێت. فلتەرەکان تەسک بکەرەوە بۆ داگرتنی ئەوانی تر.",
                "فایلەکە تەنها یەکەم 3 ڕیز لەخۆدەگرێت. فلتەرەکان تەسک بکەرەوە بۆ داگرتنی ئەوانی تر.",
                "فایلەکە تەنها یەکەم 11 ڕیز لەخۆدەگرێت. فلتەرەکان تەسک بکەرەوە بۆ داگرتنی ئەوانی تر.",
                "فایلەکە تەنها یەکەم 100 ڕیز لەخۆدەگرێت. فلتەرەکان تەسک بکەرەوە بۆ داگرتنی ئەوانی تر.",
            ],
        ],
    }
}

#[test]
fn every_count_reads_right_at_each_plural_form_in_every_language() {
    let mut wrong = Vec::new();
    for message in Count::ALL {
        let expected = expected(*message);
        for locale in Locale::ALL {
            for (n, want) in NUMBERS.iter().zip(expected[locale.index()]) {
                let got = count(locale, *message, *n);
                if got != want {
                    wrong.push(format!(
                        "{message:?} {n} in {locale:?}: {got:?}, not {want:?}"
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn arabic_error_messages_count_with_the_dual_and_the_plural_forms() {
    let read = |n: u64| error_message("login.throttled", Locale::Ar, &[("seconds", n.to_string())]);
    let ends = [
        (1, "بعد ثانية واحدة."),
        (2, "بعد ثانيتين."),
        (3, "بعد 3 ثوانٍ."),
        (11, "بعد 11 ثانية."),
        (100, "بعد 100 ثانية."),
    ];
    for (n, end) in ends {
        let text = read(n);
        assert!(text.ends_with(end), "{n}: {text}");
    }
    let limit =
        |n: u64| error_message("input.name_too_long", Locale::Ar, &[("max", n.to_string())]);
    assert_eq!(limit(2), "الاسم طويل جداً (الحد حرفان).");
    assert_eq!(limit(10), "الاسم طويل جداً (الحد 10 أحرف).");
    assert_eq!(limit(99), "الاسم طويل جداً (الحد 99 حرفاً).");
    assert_eq!(limit(200), "الاسم طويل جداً (الحد 200 حرف).");
}

/// The variant keys of every select expression of one locale's catalogue, by message.
fn selects(locale: Locale) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    for (_, texts) in SOURCES {
        let Ok(resource) = parser::parse(texts[locale.index()]) else {
            panic!("the catalogue of {locale:?} parses")
        };
        for entry in resource.body {
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let Some(value) = &message.value else {
                continue;
            };
            for element in &value.elements {
                if let ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. },
                } = element
                {
                    let keys = variants
                        .iter()
                        .map(|v| match &v.key {
                            ast::VariantKey::Identifier { name } => name.to_string(),
                            ast::VariantKey::NumberLiteral { value } => value.to_string(),
                        })
                        .collect();
                    found.push((message.id.name.to_string(), keys));
                }
            }
        }
    }
    found
}

/// A plural message missing a form falls back to `other` without a word of warning;
/// in Arabic that reads "2 ساعة" for the dual.
#[test]
fn every_arabic_plural_has_the_one_two_few_many_and_other_forms() {
    let mut wrong = Vec::new();
    let arabic = selects(Locale::Ar);
    assert!(arabic.len() >= 10, "{arabic:?}");
    for (id, keys) in arabic {
        for form in ["one", "two", "few", "many", "other"] {
            if !keys.iter().any(|k| k == form) {
                wrong.push(format!("{id} has no [{form}]"));
            }
        }
        let counts_things = Count::ALL
            .iter()
            .any(|c| c.id() == id && *c != Count::ExportTruncated);
        if counts_things && !keys.iter().any(|k| k == "zero") {
            wrong.push(format!("{id} has no [zero]"));
        }
    }
    for locale in [Locale::En, Locale::Ckb] {
        for (id, keys) in selects(locale) {
            for form in ["one", "other"] {
                if !keys.iter().any(|k| k == form) {
                    wrong.push(format!("{id} has no [{form}] in {locale:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
