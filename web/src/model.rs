//! The shapes of the GraphQL data the pages read (camelCase, as the schema names
//! them), and the selection sets that fetch them.

use serde::Deserialize;

/// Selection set of [`Viewer`], used by every page (header, greeting, CSRF token).
pub const VIEWER_FIELDS: &str =
    "viewer { username displayName role csrfToken organization { id kind nameAr nameEn } }";

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Viewer {
    pub username: String,
    pub display_name: String,
    pub role: Option<String>,
    /// `None` for a viewer not signed in through a session (every POST then fails
    /// the CSRF check).
    #[serde(default)]
    pub csrf_token: Option<String>,
    pub organization: Option<OrganizationRef>,
}

impl Viewer {
    /// The token a form sends back in its `csrf` field (empty when there is none).
    pub fn csrf(&self) -> &str {
        self.csrf_token.as_deref().unwrap_or_default()
    }

    pub fn is_secretariat_admin(&self) -> bool {
        self.role.as_deref() == Some("SECRETARIAT_ADMIN")
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationRef {
    pub id: String,
    pub kind: String,
    pub name_ar: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Governorate {
    pub code: String,
    pub name_ar: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    #[serde(default)]
    pub has_next_page: bool,
    #[serde(default)]
    pub end_cursor: Option<String>,
}

/// An organisation as far as a page asked for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: String,
    pub kind: String,
    pub name_ar: String,
    pub name_en: String,
    pub status: String,
    #[serde(default)]
    pub governorates: Vec<Governorate>,
    #[serde(default)]
    pub registered_at: Option<String>,
    #[serde(default)]
    pub verified_at: Option<String>,
    #[serde(default)]
    pub suspended_reason: Option<String>,
    #[serde(default)]
    pub services: Vec<Service>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    pub category: String,
    #[serde(default)]
    pub governorates: Vec<Governorate>,
    #[serde(default)]
    pub monthly_capacity: Option<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEvent {
    pub position: i64,
    pub event_type: String,
    pub occurred_at: String,
    pub actor_user: String,
    #[serde(default)]
    pub actor_role: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEventConnection {
    pub nodes: Vec<AuditEvent>,
    pub page_info: PageInfo,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationConnection {
    pub nodes: Vec<Organization>,
    pub page_info: PageInfo,
    #[serde(default)]
    pub total_count: Option<i64>,
}
