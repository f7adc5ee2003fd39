//! The digits numbers are written with. Latin digits (0–9) are the default everywhere;
//! a reader of an Arabic or Kurdish page may choose Arabic-Indic digits (٠–٩) instead.
//!
//! Kurdish (Sorani) gets the same Arabic-Indic digits as Arabic, not the Eastern
//! (Persian) ones (۰–۹): they are what Iraqi Kurdish schoolbooks and the Kurdistan
//! Region's offices write, and CLDR's default numbering system for `ckb` is `arab`, the
//! same as Arabic's. The two sets also differ in the shapes of 4, 5 and 6, so mixing
//! them on one page would read as a typo. English pages always keep Latin digits.

use crate::locale::Locale;

/// A set of digits a reader can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Digits {
    /// 0123456789, the default.
    #[default]
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩ (U+0660–U+0669).
    ArabicIndic,
}

impl Digits {
    /// Every choice, in the order the switch shows them.
    pub const ALL: [Digits; 2] = [Digits::Latin, Digits::ArabicIndic];

    /// The choice's code, CLDR's name of the numbering system (`latn`, `arab`): what the
    /// switch's links and the cookie carry.
    pub fn code(self) -> &'static str {
        match self {
            Digits::Latin => "latn",
            Digits::ArabicIndic => "arab",
        }
    }

    /// Parses [`Digits::code`]; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Digits> {
        Digits::ALL
            .into_iter()
            .find(|d| d.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The digits a page in `locale` is written with when its reader chose `self`:
    /// Arabic-Indic digits only in the languages that write them.
    pub fn on(self, locale: Locale) -> Digits {
        match locale {
            Locale::Ar | Locale::Ckb => self,
            Locale::En => Digits::Latin,
        }
    }

    /// `text` with its Latin digits written in these digits; everything else is kept.
    pub fn shape(self, text: &str) -> String {
        match self {
            Digits::Latin => text.to_string(),
            Digits::ArabicIndic => text
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_u32(0x0660 + d).unwrap_or(c),
                    _ => c,
                })
                .collect(),
        }
    }

    /// What the switch shows for this choice: a number written in these digits.
    pub fn sample(self) -> String {
        self.shape("123")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_indic_digits_replace_latin_ones_and_nothing_else() {
        assert_eq!(
            Digits::ArabicIndic.shape("12 أيار 2026، 09:45"),
            "١٢ أيار ٢٠٢٦، ٠٩:٤٥"
        );
        assert_eq!(Digits::ArabicIndic.shape("0123456789"), "٠١٢٣٤٥٦٧٨٩");
        assert_eq!(Digits::Latin.shape("12 إحالة"), "12 إحالة");
        assert_eq!(Digits::ArabicIndic.sample(), "١٢٣");
    }

    #[test]
    fn english_pages_keep_latin_digits_whatever_was_chosen() {
        assert_eq!(Digits::ArabicIndic.on(Locale::En), Digits::Latin);
        assert_eq!(Digits::ArabicIndic.on(Locale::Ckb), Digits::ArabicIndic);
        assert_eq!(Digits::ArabicIndic.on(Locale::Ar), Digits::ArabicIndic);
        assert_eq!(Digits::Latin.on(Locale::Ar), Digits::Latin);
    }

    #[test]
    fn choices_are_read_from_their_codes() {
        for digits in Digits::ALL {
            assert_eq!(Digits::from_code(digits.code()), Some(digits));
        }
        assert_eq!(Digits::from_code(" ARAB "), Some(Digits::ArabicIndic));
        assert_eq!(Digits::from_code("arabext"), None);
    }
}
