//! A display name typed by a person: trimmed, not empty, bounded.

use serde::{Deserialize, Serialize};

pub const MAX_NAME_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Name(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("a name is required")]
    Empty,
    #[error("a name may have at most {MAX_NAME_CHARS} characters")]
    TooLong,
    #[error("a name may not contain control characters")]
    ControlCharacters,
}

impl Name {
    pub fn new(raw: &str) -> Result<Self, NameError> {
        // Collapse runs of white space so that "  Mercy   Corps " and "Mercy Corps" are one name.
        let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if folded.is_empty() {
            return Err(NameError::Empty);
        }
        if folded.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        if folded.chars().any(char::is_control) {
            return Err(NameError::ControlCharacters);
        }
        Ok(Self(folded))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Name {
    type Error = NameError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Name::new(&s)
    }
}

impl From<Name> for String {
    fn from(n: Name) -> String {
        n.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(Name::new("  منظمة   الأمل ").unwrap().as_str(), "منظمة الأمل");
        assert_eq!(Name::new("   "), Err(NameError::Empty));
        assert_eq!(Name::new(&"x".repeat(201)), Err(NameError::TooLong));
        assert!(Name::new(&"ع".repeat(200)).is_ok());
    }
}
