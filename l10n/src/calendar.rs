//! Days and times as people in Iraq read them: the Gregorian calendar with the month
//! names used in Iraq and the Levant (كانون الثاني … كانون الأول, from the Syriac
//! calendar, which Sorani names the same way), day before month before year, the time on
//! the 24-hour clock. The names and the order are the catalogues' (`month-1`…`month-12`,
//! `date-long`, `date-time`), so a language brings its own.

use fluent_bundle::FluentValue;

use crate::catalogue::{format, Args};
use crate::locale::Locale;

/// The messages naming the months, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

/// A day of the calendar in `locale`'s words, `2 أيار 2024`. A month outside 1–12 (never
/// made by a valid date) is written as numbers, `2024-13-02`, rather than hidden.
pub fn date(locale: Locale, year: i32, month: u32, day: u32) -> String {
    let name = month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .and_then(|id| format(locale, id, None));
    let Some(name) = name else {
        return format!("{year}-{month:02}-{day:02}");
    };
    let mut args = Args::new();
    // Strings, not numbers: Fluent would otherwise be free to group a year's digits.
    args.set("day", FluentValue::from(day.to_string()));
    args.set("month", FluentValue::from(name));
    args.set("year", FluentValue::from(year.to_string()));
    format(locale, "date-long", Some(&args))
        .unwrap_or_else(|| format!("{year}-{month:02}-{day:02}"))
}

/// A day and a time of day, `2 أيار 2024، 01:22`.
pub fn date_time(
    locale: Locale,
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
) -> String {
    let time = format!("{hour:02}:{minute:02}");
    let mut args = Args::new();
    args.set("date", FluentValue::from(date(locale, year, month, day)));
    args.set("time", FluentValue::from(time.clone()));
    format(locale, "date-time", Some(&args)).unwrap_or(time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::has_message;

    #[test]
    fn arabic_and_kurdish_name_the_months_as_iraq_does() {
        let arabic: Vec<String> = (1..=12).map(|m| date(Locale::Ar, 2026, m, 1)).collect();
        assert_eq!(
            arabic,
            [
                "1 كانون الثاني 2026",
                "1 شباط 2026",
                "1 آذار 2026",
                "1 نيسان 2026",
                "1 أيار 2026",
                "1 حزيران 2026",
                "1 تموز 2026",
                "1 آب 2026",
                "1 أيلول 2026",
                "1 تشرين الأول 2026",
                "1 تشرين الثاني 2026",
                "1 كانون الأول 2026",
            ]
        );
        let kurdish: Vec<String> = (1..=12).map(|m| date(Locale::Ckb, 2026, m, 1)).collect();
        assert_eq!(
            kurdish,
            [
                "1ی کانوونی دووەمی 2026",
                "1ی شوباتی 2026",
                "1ی ئازاری 2026",
                "1ی نیسانی 2026",
                "1ی ئایاری 2026",
                "1ی حوزەیرانی 2026",
                "1ی تەممووزی 2026",
                "1ی ئابی 2026",
                "1ی ئەیلوولی 2026",
                "1ی تشرینی یەکەمی 2026",
                "1ی تشرینی دووەمی 2026",
                "1ی کانوونی یەکەمی 2026",
            ]
        );
        assert_eq!(date(Locale::En, 2024, 5, 2), "2 May 2024");
    }

    #[test]
    fn a_time_follows_its_day_on_the_24_hour_clock() {
        assert_eq!(
            date_time(Locale::Ar, 2024, 5, 2, 1, 22),
            "2 أيار 2024، 01:22"
        );
        assert_eq!(
            date_time(Locale::En, 2024, 12, 31, 23, 5),
            "31 December 2024, 23:05"
        );
        assert_eq!(
            date_time(Locale::Ckb, 2024, 3, 21, 9, 0),
            "21ی ئازاری 2024، 09:00"
        );
    }

    #[test]
    fn a_month_out_of_range_is_written_as_numbers() {
        assert_eq!(date(Locale::Ar, 2024, 13, 2), "2024-13-02");
        assert_eq!(date(Locale::Ar, 2024, 0, 2), "2024-00-02");
    }

    #[test]
    fn every_month_is_named_in_every_language() {
        for locale in Locale::ALL {
            for id in MONTHS.iter().chain(&["date-long", "date-time"]) {
                assert!(has_message(locale, id), "{id} in {locale:?}");
            }
        }
    }
}
