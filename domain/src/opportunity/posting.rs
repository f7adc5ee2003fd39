//! What an employer writes when posting: the raw form (`Posting`, as typed) and the checked
//! details (`Details`, what events carry). Checking here, not in the API, lets every
//! interface get the same coded error for the same mistake.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::OpportunityError as E;
use crate::values::{
    BoundedText, ContractType, EducationLevel, Governorate, IsicSection, LanguageCode, Name,
    OpportunityKind, Pay, PayError, Positions, Skills, SkillsError, TextError,
};

pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_DESCRIPTION_CHARS: usize = 4_000;
pub const MAX_LANGUAGES: usize = 10;
/// Iraq's Labour Law (No. 37 of 2015) sets 15 as the minimum age of work.
pub const MIN_WORKING_AGE: u8 = 15;
pub const MAX_MINIMUM_AGE: u8 = 64;

/// The form as typed: amounts and counts may be zero or negative here, the rules say so.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Posting {
    pub kind: Option<OpportunityKind>,
    pub title_ar: Option<String>,
    pub title_en: Option<String>,
    pub description_ar: Option<String>,
    pub description_en: Option<String>,
    pub sector: Option<IsicSection>,
    pub governorate: Option<Governorate>,
    pub district: Option<String>,
    pub positions: i64,
    pub skills: Vec<String>,
    pub education: Option<EducationLevel>,
    pub languages: Vec<String>,
    pub minimum_age: Option<i64>,
    /// Monthly pay range for work and training.
    pub pay_min: Option<i64>,
    pub pay_max: Option<i64>,
    /// The amount of a grant or loan.
    pub grant_amount: Option<i64>,
    pub contract: Option<ContractType>,
    pub deadline: Option<NaiveDate>,
    pub contact_name: String,
}

/// What a nominee should bring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirements {
    pub skills: Skills,
    pub education: Option<EducationLevel>,
    pub languages: Vec<LanguageCode>,
    pub minimum_age: Option<u8>,
}

/// A checked posting, as the events record it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Details {
    pub kind: OpportunityKind,
    pub title_ar: Option<BoundedText>,
    pub title_en: Option<BoundedText>,
    pub description_ar: Option<BoundedText>,
    pub description_en: Option<BoundedText>,
    pub sector: IsicSection,
    pub governorate: Governorate,
    pub district: Option<Name>,
    pub positions: Positions,
    pub requirements: Requirements,
    pub pay: Pay,
    pub contract: ContractType,
    pub deadline: NaiveDate,
    /// The employer's contact person (a business contact, not a returnee's data).
    pub contact_name: Name,
}

/// What of a published opportunity changed in a way nominees' case workers must hear of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MaterialChange {
    Pay,
    Positions,
    Requirements,
}

impl Details {
    /// The material differences from `before`, in a fixed order.
    pub fn material_changes(&self, before: &Details) -> Vec<MaterialChange> {
        let mut changes = Vec::new();
        if self.pay != before.pay {
            changes.push(MaterialChange::Pay);
        }
        if self.positions != before.positions {
            changes.push(MaterialChange::Positions);
        }
        if self.requirements != before.requirements {
            changes.push(MaterialChange::Requirements);
        }
        changes
    }
}

fn title(raw: Option<&str>) -> Result<Option<BoundedText>, E> {
    BoundedText::optional(raw, MAX_TITLE_CHARS).map_err(|e| match e {
        TextError::TooLong { max } => E::TitleTooLong { max },
        TextError::Empty | TextError::ControlCharacters => E::BadText { field: "title" },
    })
}

fn description(raw: Option<&str>) -> Result<Option<BoundedText>, E> {
    BoundedText::optional(raw, MAX_DESCRIPTION_CHARS).map_err(|e| match e {
        TextError::TooLong { max } => E::DescriptionTooLong { max },
        TextError::Empty | TextError::ControlCharacters => E::BadText {
            field: "description",
        },
    })
}

fn pay(kind: OpportunityKind, p: &Posting) -> Result<Pay, E> {
    let checked = match (kind.is_grant(), p.grant_amount, p.pay_min, p.pay_max) {
        (true, Some(amount), None, None) => Pay::grant(amount),
        (false, None, Some(min), Some(max)) => Pay::monthly(min, max),
        _ => return Err(E::PayDoesNotFitKind),
    };
    checked.map_err(|e| match e {
        PayError::NotPositive => E::PayNotPositive,
        PayError::TooLarge => E::PayTooLarge,
        PayError::MinAboveMax => E::MinPayAboveMax,
    })
}

impl Posting {
    /// Checks the form; `today` (the command's date, in Baghdad) bounds the deadline.
    pub fn check(&self, today: NaiveDate) -> Result<Details, E> {
        let kind = self.kind.ok_or(E::Required { field: "kind" })?;
        let (title_ar, title_en) = (
            title(self.title_ar.as_deref())?,
            title(self.title_en.as_deref())?,
        );
        if title_ar.is_none() && title_en.is_none() {
            return Err(E::Required { field: "title" });
        }
        let positions = Positions::new(self.positions).map_err(|_| E::PositionsOutOfRange {
            max: crate::values::MAX_POSITIONS,
        })?;
        let deadline = self.deadline.ok_or(E::Required { field: "deadline" })?;
        // Applications close on the deadline, so a deadline of today is already over.
        if deadline <= today {
            return Err(E::DeadlineInPast);
        }
        let skills = Skills::new(&self.skills).map_err(|e| match e {
            SkillsError::TooMany => E::TooManySkills {
                max: crate::values::MAX_SKILLS,
            },
            SkillsError::TooLong | SkillsError::ControlCharacters => E::BadSkill {
                max: crate::values::MAX_SKILL_CHARS,
            },
        })?;
        if self.languages.len() > MAX_LANGUAGES {
            return Err(E::TooManyLanguages { max: MAX_LANGUAGES });
        }
        let mut languages = Vec::new();
        for raw in &self.languages {
            let code = LanguageCode::new(raw).map_err(|_| E::BadLanguage)?;
            if !languages.contains(&code) {
                languages.push(code);
            }
        }
        let minimum_age = match self.minimum_age {
            None => None,
            Some(age) => Some(
                u8::try_from(age)
                    .ok()
                    .filter(|a| (MIN_WORKING_AGE..=MAX_MINIMUM_AGE).contains(a))
                    .ok_or(E::MinimumAgeOutOfRange {
                        min: MIN_WORKING_AGE,
                        max: MAX_MINIMUM_AGE,
                    })?,
            ),
        };
        let district = match self.district.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(Name::new(d).map_err(|_| E::BadText { field: "district" })?),
        };
        Ok(Details {
            kind,
            title_ar,
            title_en,
            description_ar: description(self.description_ar.as_deref())?,
            description_en: description(self.description_en.as_deref())?,
            sector: self.sector.ok_or(E::Required { field: "sector" })?,
            governorate: self.governorate.clone().ok_or(E::Required {
                field: "governorate",
            })?,
            district,
            positions,
            requirements: Requirements {
                skills,
                education: self.education,
                languages,
                minimum_age,
            },
            pay: pay(kind, self)?,
            contract: self.contract.ok_or(E::Required { field: "contract" })?,
            deadline,
            contact_name: Name::new(&self.contact_name).map_err(|_| E::Required {
                field: "contact_name",
            })?,
        })
    }
}
