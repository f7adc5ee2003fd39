//! Free text a person types for others to read (a title, a description, a motivation):
//! trimmed, bounded in characters so Arabic and English count alike, and without control
//! characters that would break a page or an export.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BoundedText(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("the text is empty")]
    Empty,
    #[error("the text is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the text contains control characters")]
    ControlCharacters,
}

impl BoundedText {
    /// `raw` trimmed, at most `max` characters; line breaks are kept (a description has
    /// paragraphs), other control characters refused.
    pub fn new(raw: &str, max: usize) -> Result<Self, TextError> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(TextError::Empty);
        }
        if text.chars().count() > max {
            return Err(TextError::TooLong { max });
        }
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(TextError::ControlCharacters);
        }
        Ok(Self(text.to_string()))
    }

    /// Like [`new`](Self::new), but blank input is no text at all.
    pub fn optional(raw: Option<&str>, max: usize) -> Result<Option<Self>, TextError> {
        match raw.map(str::trim) {
            None | Some("") => Ok(None),
            Some(text) => Self::new(text, max).map(Some),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded_in_characters() {
        assert_eq!(BoundedText::new("  لحّام  ", 10).unwrap().as_str(), "لحّام");
        assert_eq!(BoundedText::new(" ", 10), Err(TextError::Empty));
        assert_eq!(
            BoundedText::new(&"ع".repeat(11), 10),
            Err(TextError::TooLong { max: 10 })
        );
        assert!(BoundedText::new("a\nb", 10).is_ok());
        assert_eq!(
            BoundedText::new("a\u{7}", 10),
            Err(TextError::ControlCharacters)
        );
        assert_eq!(BoundedText::optional(Some("  "), 10), Ok(None));
    }
}
