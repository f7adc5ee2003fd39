//! Governorates as GraphQL objects, with their Arabic and English names.

use std::collections::BTreeSet;

use async_graphql::SimpleObject;
use domain::values::Governorate;

use crate::errors::{ApiError, ApiResult};

#[derive(SimpleObject, Clone, Debug)]
#[graphql(name = "Governorate")]
pub struct GovernorateGql {
    /// ISO 3166-2 code, e.g. IQ-NI.
    pub code: String,
    pub name_ar: String,
    pub name_en: String,
}

impl From<&Governorate> for GovernorateGql {
    fn from(g: &Governorate) -> Self {
        Self {
            code: g.code().to_string(),
            name_ar: g.name_ar().to_string(),
            name_en: g.name_en().to_string(),
        }
    }
}

impl crate::graphql::projected::Projected for GovernorateGql {
    const TYPE_NAME: &'static str = "Governorate";

    fn field(&self, name: &str, _: &crate::graphql::projected::Selection) -> async_graphql::Value {
        let text = match name {
            "code" => &self.code,
            "nameAr" => &self.name_ar,
            "nameEn" => &self.name_en,
            _ => return async_graphql::Value::Null,
        };
        async_graphql::Value::String(text.clone())
    }
}

/// A governorate as the state keeps it (the indicators' cells), answered as the schema's
/// `Governorate`.
impl crate::graphql::projected::Projected for Governorate {
    const TYPE_NAME: &'static str = "Governorate";

    fn field(&self, name: &str, _: &crate::graphql::projected::Selection) -> async_graphql::Value {
        let text = match name {
            "code" => self.code(),
            "nameAr" => self.name_ar(),
            "nameEn" => self.name_en(),
            _ => return async_graphql::Value::Null,
        };
        async_graphql::Value::String(text.to_string())
    }
}

impl GovernorateGql {
    /// From a stored code; codes in read models were validated when their event was written.
    pub fn from_code(code: &str) -> Option<Self> {
        code.parse::<Governorate>().ok().map(|g| Self::from(&g))
    }
}

pub fn parse_governorates(codes: &[String], field: &str) -> ApiResult<BTreeSet<Governorate>> {
    codes
        .iter()
        .map(|c| {
            c.parse::<Governorate>().map_err(|_| {
                ApiError::validation("input.unknown_governorate", field)
                    .arg("value", c.chars().take(40).collect::<String>())
            })
        })
        .collect()
}
