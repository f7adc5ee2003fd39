//! The skills an opportunity asks for or a nominee has: a short list of short phrases
//! ("welding", "خياطة"), trimmed and without repeats, so they fit a card and match by word.

use serde::{Deserialize, Serialize};

pub const MAX_SKILLS: usize = 20;
pub const MAX_SKILL_CHARS: usize = 60;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct Skills(Vec<String>);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SkillsError {
    #[error("at most {MAX_SKILLS} skills")]
    TooMany,
    #[error("a skill may have at most {MAX_SKILL_CHARS} characters")]
    TooLong,
    #[error("a skill may not contain control characters")]
    ControlCharacters,
}

impl Skills {
    /// Blank entries are dropped (an empty row of a form) and repeats kept once.
    pub fn new<S: AsRef<str>>(raw: &[S]) -> Result<Self, SkillsError> {
        let mut skills: Vec<String> = Vec::new();
        for skill in raw {
            let folded = skill
                .as_ref()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if folded.is_empty() || skills.contains(&folded) {
                continue;
            }
            if folded.chars().count() > MAX_SKILL_CHARS {
                return Err(SkillsError::TooLong);
            }
            if folded.chars().any(char::is_control) {
                return Err(SkillsError::ControlCharacters);
            }
            skills.push(folded);
        }
        if skills.len() > MAX_SKILLS {
            return Err(SkillsError::TooMany);
        }
        Ok(Self(skills))
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

impl TryFrom<Vec<String>> for Skills {
    type Error = SkillsError;
    fn try_from(v: Vec<String>) -> Result<Self, Self::Error> {
        Skills::new(&v)
    }
}

impl From<Skills> for Vec<String> {
    fn from(s: Skills) -> Vec<String> {
        s.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_are_trimmed_unique_and_bounded() {
        let s = Skills::new(&[" لحام ", "", "لحام", "Arc  welding"]).unwrap();
        assert_eq!(s.as_slice(), ["لحام", "Arc welding"]);
        assert_eq!(Skills::new(&["x".repeat(61)]), Err(SkillsError::TooLong));
        let many: Vec<String> = (0..21).map(|i| format!("s{i}")).collect();
        assert_eq!(Skills::new(&many), Err(SkillsError::TooMany));
    }
}
