//! The one locale type shared by the API and the pages.

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// Arabic, the default.
    #[default]
    Ar,
    /// English.
    En,
    /// Kurdish (Sorani), written right to left.
    Ckb,
}

impl Locale {
    /// Every locale, in the order the language switch shows them.
    pub const ALL: [Locale; 3] = [Locale::Ar, Locale::En, Locale::Ckb];

    /// Parses `ar`, `en` or `ckb` (case-insensitive); `ku` is read as Sorani, the
    /// only Kurdish the catalogues have. Anything else is `None`.
    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" => Some(Locale::Ar),
            "en" => Some(Locale::En),
            "ckb" | "ku" => Some(Locale::Ckb),
            _ => None,
        }
    }

    /// Picks the first supported language of an `Accept-Language` header; Arabic otherwise.
    pub fn from_accept_language(header: &str) -> Locale {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| Self::from_code(tag.split('-').next().unwrap_or(tag)))
            .next()
            .unwrap_or_default()
    }

    /// The code sent to the API and written in `lang=""`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::En => "en",
            Locale::Ckb => "ckb",
        }
    }

    /// Writing direction: `rtl` for Arabic and Kurdish, `ltr` for English.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar | Locale::Ckb => "rtl",
            Locale::En => "ltr",
        }
    }

    /// Whether Arabic-script names (an organisation's `nameAr`, a governorate's
    /// `nameAr`) are the natural ones to show first.
    pub fn prefers_arabic_names(self) -> bool {
        !matches!(self, Locale::En)
    }

    /// Position in [`Locale::ALL`], for tables indexed by locale.
    pub(crate) fn index(self) -> usize {
        match self {
            Locale::Ar => 0,
            Locale::En => 1,
            Locale::Ckb => 2,
        }
    }
}
