//! The personal fields of a referred person: only ever stored sealed.

use serde::{Deserialize, Serialize};

use crate::errors::{ApiError, ApiResult};

pub const MAX_FIELD_CHARS: usize = 500;
pub const MAX_NOTES_CHARS: usize = 5_000;

#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    async_graphql::SimpleObject,
    async_graphql::InputObject,
)]
#[graphql(input_name = "PersonalDataInput")]
pub struct PersonalData {
    pub full_name: String,
    pub phone: Option<String>,
    /// YYYY-MM-DD, as told (may be approximate).
    pub date_of_birth: Option<String>,
    pub id_document_type: Option<String>,
    pub id_document_number: Option<String>,
    pub address: Option<String>,
    /// Free-text case notes.
    pub notes: Option<String>,
}

impl PersonalData {
    /// Trims, checks lengths. Errors never echo the values: they are personal.
    pub fn validated(mut self) -> ApiResult<Self> {
        self.full_name = self.full_name.trim().to_string();
        if self.full_name.is_empty() {
            return Err(ApiError::validation(
                "input.name_empty",
                "personal.fullName",
            ));
        }
        let fields: [(&str, &mut Option<String>, usize); 6] = [
            ("personal.phone", &mut self.phone, MAX_FIELD_CHARS),
            (
                "personal.dateOfBirth",
                &mut self.date_of_birth,
                MAX_FIELD_CHARS,
            ),
            (
                "personal.idDocumentType",
                &mut self.id_document_type,
                MAX_FIELD_CHARS,
            ),
            (
                "personal.idDocumentNumber",
                &mut self.id_document_number,
                MAX_FIELD_CHARS,
            ),
            ("personal.address", &mut self.address, MAX_FIELD_CHARS),
            ("personal.notes", &mut self.notes, MAX_NOTES_CHARS),
        ];
        for (name, value, max) in fields {
            *value = value
                .take()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty());
            if value.as_ref().is_some_and(|v| v.chars().count() > max) {
                return Err(ApiError::validation("input.too_long", name).arg("max", max));
            }
        }
        if self.full_name.chars().count() > MAX_FIELD_CHARS {
            return Err(ApiError::validation("input.too_long", "personal.fullName")
                .arg("max", MAX_FIELD_CHARS));
        }
        Ok(self)
    }
}
