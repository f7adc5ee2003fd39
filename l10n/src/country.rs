//! The ISO 3166-1 countries, each named in every language of the interface (Unicode
//! CLDR's names, `cldr/README.md`; built into a table by `build.rs`): the list a form
//! offers, the name a page shows for a code, and the code a typed name stands for.

use std::sync::LazyLock;

use crate::locale::Locale;

/// A country: its ISO 3166-1 alpha-2 code and its names.
#[derive(Debug)]
pub struct Country {
    pub code: &'static str,
    ar: &'static str,
    en: &'static str,
    ckb: &'static str,
}

impl Country {
    /// Its name in `locale`.
    pub fn name(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Ar => self.ar,
            Locale::En => self.en,
            Locale::Ckb => self.ckb,
        }
    }
}

static COUNTRIES: &[Country] = include!(concat!(env!("OUT_DIR"), "/countries.rs"));

/// Each locale's list, in the order of its names.
static SORTED: LazyLock<[Vec<&'static Country>; 3]> = LazyLock::new(|| {
    Locale::ALL.map(|locale| {
        let mut all: Vec<&Country> = COUNTRIES.iter().collect();
        all.sort_by_cached_key(|c| fold(c.name(locale)));
        all
    })
});

/// Every country, ordered by its name in `locale`.
pub fn countries(locale: Locale) -> &'static [&'static Country] {
    &SORTED[locale.index()]
}

/// The name in `locale` of the country whose code is `code` (any case).
pub fn country_name(locale: Locale, code: &str) -> Option<&'static str> {
    let code = code.trim();
    COUNTRIES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
        .map(|c| c.name(locale))
}

/// The code of the country `typed` names: its name as the list offers it in
/// `locale` or in another language of the interface (typed by hand too: case, spaces,
/// vowel marks and the ways Arabic script writes a few letters aside), or its code.
pub fn country_code(locale: Locale, typed: &str) -> Option<&'static str> {
    let typed = typed.trim();
    if let Some(c) = COUNTRIES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(typed))
    {
        return Some(c.code);
    }
    let wanted = fold(typed);
    if wanted.is_empty() {
        return None;
    }
    // The page's own language first: a name could mean another country elsewhere.
    std::iter::once(locale)
        .chain(Locale::ALL.into_iter().filter(|l| *l != locale))
        .find_map(|l| COUNTRIES.iter().find(|c| fold(c.name(l)) == wanted))
        .map(|c| c.code)
}

/// A name as it is compared: lower case, one space between words, no vowel marks
/// or tatweel, alef with hamza or madda as bare alef, alef maqsura and Arabic yeh as
/// Persian yeh, Arabic kaf as keheh (Kurdish writes those), teh marbuta as heh.
fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            match c {
                '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' => {}
                'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
                'ى' | 'ي' => out.push('ی'),
                'ك' => out.push('ک'),
                'ة' => out.push('ه'),
                c => out.push(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_country_is_named_in_every_language() {
        assert_eq!(COUNTRIES.len(), 249);
        for locale in Locale::ALL {
            assert_eq!(countries(locale).len(), 249);
            for c in COUNTRIES {
                assert!(!c.name(locale).is_empty(), "{} in {locale:?}", c.code);
            }
        }
        assert_eq!(country_name(Locale::Ar, "DE"), Some("ألمانيا"));
        assert_eq!(country_name(Locale::En, "de"), Some("Germany"));
        assert_eq!(country_name(Locale::Ckb, "DE"), Some("ئەڵمانیا"));
        assert_eq!(country_name(Locale::Ar, "XK"), None);
        assert_eq!(country_name(Locale::Ar, "QQ"), None);
    }

    #[test]
    fn a_name_in_any_language_or_a_code_gives_the_code() {
        assert_eq!(country_code(Locale::Ar, "ألمانيا"), Some("DE"));
        assert_eq!(country_code(Locale::Ar, "  المانيا "), Some("DE"));
        assert_eq!(country_code(Locale::Ar, "germany"), Some("DE"));
        assert_eq!(country_code(Locale::Ckb, "ئەڵمانیا"), Some("DE"));
        assert_eq!(country_code(Locale::Ar, "tr"), Some("TR"));
        assert_eq!(
            country_code(Locale::Ar, "المملكه العربيه السعوديه"),
            Some("SA")
        );
        assert_eq!(country_code(Locale::Ar, "أرض الأحلام"), None);
        assert_eq!(country_code(Locale::Ar, "QQ"), None);
        assert_eq!(country_code(Locale::Ar, ""), None);
    }

    #[test]
    fn no_two_countries_share_a_name_in_one_language() {
        for locale in Locale::ALL {
            let mut names: Vec<String> = COUNTRIES.iter().map(|c| fold(c.name(locale))).collect();
            names.sort();
            let before = names.len();
            names.dedup();
            assert_eq!(names.len(), before, "{locale:?}");
            // Each name leads back to its own country.
            for c in COUNTRIES {
                assert_eq!(
                    country_code(locale, c.name(locale)),
                    Some(c.code),
                    "{locale:?}"
                );
            }
        }
    }
}
