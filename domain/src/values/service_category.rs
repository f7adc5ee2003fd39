//! The categories of service a provider offers and a referred person may need.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceCategory {
    Livelihoods,
    VocationalTraining,
    Housing,
    /// Housing, land and property dispute resolution.
    HlpDispute,
    Medical,
    Psychosocial,
    Legal,
    CivilDocumentation,
}

impl ServiceCategory {
    pub const ALL: [ServiceCategory; 8] = [
        Self::Livelihoods,
        Self::VocationalTraining,
        Self::Housing,
        Self::HlpDispute,
        Self::Medical,
        Self::Psychosocial,
        Self::Legal,
        Self::CivilDocumentation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Livelihoods => "livelihoods",
            Self::VocationalTraining => "vocational_training",
            Self::Housing => "housing",
            Self::HlpDispute => "hlp_dispute",
            Self::Medical => "medical",
            Self::Psychosocial => "psychosocial",
            Self::Legal => "legal",
            Self::CivilDocumentation => "civil_documentation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}
