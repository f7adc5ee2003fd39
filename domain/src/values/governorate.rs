//! Iraq's eighteen governorates, identified by ISO 3166-2 code (`IQ-NI` is Ninewa).

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

const TABLE: &str = include_str!("../../data/governorates.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    Federal,
    Kurdistan,
}

/// A validated governorate code. Only codes in the reference table can be built, so an
/// event can never name a governorate that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Governorate(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernorateRow {
    pub code: &'static str,
    pub name_en: &'static str,
    pub name_ar: &'static str,
    pub region: Region,
}

/// The reference table, parsed once: codes are looked up for every event, row and
/// response that names a governorate.
static ROWS: LazyLock<Vec<GovernorateRow>> = LazyLock::new(|| {
    TABLE
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split(',');
            let code = cols.next()?.trim();
            let name_en = cols.next()?.trim();
            let name_ar = cols.next()?.trim();
            let region = match cols.next()?.trim() {
                "kurdistan" => Region::Kurdistan,
                _ => Region::Federal,
            };
            Some(GovernorateRow {
                code,
                name_en,
                name_ar,
                region,
            })
        })
        .collect()
});

fn rows() -> impl Iterator<Item = &'static GovernorateRow> {
    ROWS.iter()
}

impl Governorate {
    /// Every governorate, in the reference table's order.
    pub fn all() -> Vec<Governorate> {
        rows().map(|r| Governorate(r.code.to_string())).collect()
    }

    /// The focus governorates of the national reintegration effort (CARE 2).
    pub fn focus() -> Vec<Governorate> {
        [
            "IQ-NI", "IQ-AR", "IQ-BG", "IQ-AN", "IQ-SD", "IQ-BA", "IQ-KI",
        ]
        .iter()
        .map(|c| Governorate(c.to_string()))
        .collect()
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    fn row(&self) -> Option<&'static GovernorateRow> {
        rows().find(|r| r.code == self.0)
    }

    pub fn name_en(&self) -> &'static str {
        self.row().map(|r| r.name_en).unwrap_or("")
    }

    pub fn name_ar(&self) -> &'static str {
        self.row().map(|r| r.name_ar).unwrap_or("")
    }

    pub fn region(&self) -> Region {
        self.row().map(|r| r.region).unwrap_or(Region::Federal)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown governorate {0:?}: use an ISO 3166-2 code such as IQ-NI")]
pub struct UnknownGovernorate(pub String);

impl FromStr for Governorate {
    type Err = UnknownGovernorate;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_uppercase();
        rows()
            .find(|r| r.code == wanted)
            .map(|r| Governorate(r.code.to_string()))
            .ok_or_else(|| UnknownGovernorate(s.to_string()))
    }
}

impl TryFrom<String> for Governorate {
    type Error = UnknownGovernorate;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Governorate> for String {
    fn from(g: Governorate) -> String {
        g.0
    }
}

impl fmt::Display for Governorate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_eighteen_governorates_with_arabic_names() {
        let all = Governorate::all();
        assert_eq!(all.len(), 18);
        assert!(all.iter().all(|g| !g.name_ar().is_empty()));
        assert_eq!("IQ-NI".parse::<Governorate>().unwrap().name_ar(), "نينوى");
    }

    #[test]
    fn codes_are_case_insensitive_but_unknown_ones_are_refused() {
        assert_eq!("iq-ba".parse::<Governorate>().unwrap().code(), "IQ-BA");
        assert!("IQ-XX".parse::<Governorate>().is_err());
        assert!(serde_json::from_str::<Governorate>("\"Mosul\"").is_err());
    }

    #[test]
    fn erbil_is_in_the_kurdistan_region() {
        assert_eq!(
            "IQ-AR".parse::<Governorate>().unwrap().region(),
            Region::Kurdistan
        );
        assert_eq!(Governorate::focus().len(), 7);
    }
}
