//! A language an opportunity asks for or a nominee speaks, by ISO 639 code (`ar`, `ckb`,
//! `kmr`, `en`, `tr`, `syr`): codes, not names, so matching does not depend on spelling.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an ISO 639 language code (two or three letters, such as ar or ckb)")]
pub struct BadLanguageCode(pub String);

impl LanguageCode {
    pub fn new(raw: &str) -> Result<Self, BadLanguageCode> {
        let code = raw.trim().to_ascii_lowercase();
        if (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase()) {
            Ok(Self(code))
        } else {
            Err(BadLanguageCode(raw.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = BadLanguageCode;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        LanguageCode::new(&s)
    }
}

impl From<LanguageCode> for String {
    fn from(l: LanguageCode) -> String {
        l.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_two_or_three_letters() {
        assert_eq!(LanguageCode::new(" CKB ").unwrap().as_str(), "ckb");
        assert!(LanguageCode::new("a").is_err());
        assert!(LanguageCode::new("arab").is_err());
        assert!(LanguageCode::new("عر").is_err());
    }
}
