//! The shapes of the GraphQL data the pages read (camelCase, as the schema names
//! them), and the selection sets that fetch them.

use domain::access::Capabilities;
use domain::values::Role;
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

    /// What the viewer's role lets them reach, as the domain computes it from the
    /// role the API names (`NRM_CASEWORKER`, ...); nothing for no role or an unknown one.
    pub fn capabilities(&self) -> Capabilities {
        capabilities_of(self.role.as_deref())
    }

    /// Which side of the referral work the viewer's role is on.
    pub fn side(&self) -> Side {
        Side::of(self.capabilities())
    }
}

/// The domain's capabilities for a role as the API spells it (`PROVIDER_STAFF`).
pub fn capabilities_of(role: Option<&str>) -> Capabilities {
    Capabilities::of(role.and_then(|r| Role::parse(&r.to_ascii_lowercase())))
}

/// The side of the referral work a role belongs to; it decides the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// NRM case workers and supervisors: make referrals and follow them.
    Nrm,
    /// Service providers and MRC counsellors: claim referrals and serve them.
    Provider,
    /// The General Secretariat: sees every referral and the statistics.
    Secretariat,
    /// Employers, or no role: no referral work.
    None,
}

impl Side {
    /// The side whose work these capabilities allow.
    pub fn of(capabilities: Capabilities) -> Side {
        if capabilities.refer_people {
            Side::Nrm
        } else if capabilities.claim_referrals {
            Side::Provider
        } else if capabilities.see_every_referral {
            Side::Secretariat
        } else {
            Side::None
        }
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
    /// What the viewer's role and membership allow (the API's `viewerActions`, decided
    /// by the domain's policy); empty when not asked for.
    #[serde(default)]
    pub viewer_actions: Vec<String>,
    /// The roles its members may hold (the API's `memberRoles`, by its kind).
    #[serde(default)]
    pub member_roles: Vec<String>,
}

impl Organization {
    /// Whether the API lets the viewer do `action` (`OFFER_SERVICE`, ...).
    pub fn allows(&self, action: &str) -> bool {
        self.viewer_actions.iter().any(|a| a == action)
    }
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

/// One event of a record's history: an organisation's audit trail or a referral's
/// timeline (the API's `AuditEvent`, and `ReferralTimelineEvent`, which adds the step).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEvent {
    pub position: i64,
    pub event_type: String,
    pub occurred_at: String,
    pub actor_user: String,
    /// The actor's username as it was then; `None` for the system's tasks.
    #[serde(default)]
    pub actor_label: Option<String>,
    #[serde(default)]
    pub actor_role: Option<String>,
    /// The actor's name in the directory (a referral's timeline asks for it).
    #[serde(default)]
    pub actor_name: Option<String>,
    /// What a referral's step recorded (empty in other records' histories).
    #[serde(flatten)]
    pub step: Step,
}

/// What a step of a referral's timeline recorded: the needs, the outcomes, the
/// provider, who was assigned and the note (its text only for those who may read it).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Step {
    pub needs: Vec<String>,
    pub results: Vec<NeedResult>,
    pub provider: Option<OrgName>,
    pub has_assignee: bool,
    pub assignee_name: Option<String>,
    pub note: Option<String>,
    pub has_note: bool,
}

/// One page of a list (organisations, referrals, a record's history): its nodes, where
/// the next page starts, and the API's total when the page asked for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection<T> {
    pub nodes: Vec<T>,
    pub page_info: PageInfo,
    #[serde(default)]
    pub total_count: Option<i64>,
}

/// An organisation named on a referral (its office, its holder).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgName {
    pub id: String,
    pub name_ar: String,
    pub name_en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Need {
    pub category: String,
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub delivered: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    pub given_by: String,
    pub given_on: String,
    pub share_with_providers: bool,
    pub may_contact: bool,
    #[serde(default)]
    pub expires_on: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NeedResult {
    pub category: String,
    pub outcome: String,
    #[serde(default)]
    pub reason: Option<String>,
    /// The note's text, for those who may read the case's notes.
    #[serde(default)]
    pub note: Option<String>,
    /// Whether a note was written, whoever reads it.
    #[serde(default)]
    pub has_note: bool,
}

/// A referral as far as a page asked for it: no personal data ever travels in it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Referral {
    pub id: String,
    pub case_number: String,
    pub status: String,
    /// What the viewer's role and relation allow (the API's `viewerActions`, decided by
    /// the domain's policy); `None` when not asked for.
    #[serde(default)]
    pub viewer_actions: Option<Vec<String>>,
    #[serde(default)]
    pub beneficiary_type: Option<String>,
    #[serde(default)]
    pub return_country: Option<String>,
    #[serde(default)]
    pub governorate: Option<Governorate>,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub sex: Option<String>,
    #[serde(default)]
    pub age_band: Option<String>,
    #[serde(default)]
    pub household_size: Option<i64>,
    #[serde(default)]
    pub vulnerabilities: Vec<String>,
    #[serde(default)]
    pub needs: Vec<Need>,
    #[serde(default)]
    pub consent: Option<Consent>,
    #[serde(default)]
    pub results: Vec<NeedResult>,
    #[serde(default)]
    pub next_follow_up: Option<String>,
    #[serde(default)]
    pub escalated: bool,
    #[serde(default)]
    pub erased: bool,
    /// Open and no provider can take it (capacity used up, or none offers its needs
    /// there); told to its office and the Secretariat only.
    #[serde(default)]
    pub no_provider_available: bool,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub opened_at: Option<String>,
    #[serde(default)]
    pub claimed_at: Option<String>,
    #[serde(default)]
    pub closed_at: Option<String>,
    #[serde(default)]
    pub waiting_hours: Option<i64>,
    #[serde(default)]
    pub office: Option<OrgName>,
    #[serde(default)]
    pub holder: Option<OrgName>,
}

impl Referral {
    /// Whether `viewerActions` grants one of `actions`; true when it was not asked for
    /// (the status alone then decides what is offered, and the server the rest).
    pub fn allows(&self, actions: &[&str]) -> bool {
        self.viewer_actions
            .as_ref()
            .is_none_or(|granted| actions.iter().any(|a| granted.iter().any(|g| g == a)))
    }
}

/// How much of this month's capacity of one service is used.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CapacityUse {
    pub category: String,
    pub monthly_capacity: i64,
    pub used_this_month: i64,
    #[serde(default)]
    pub full: bool,
}

/// One cell of the anonymised statistics.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferralCount {
    pub status: String,
    pub governorate: Governorate,
    pub need: String,
    #[serde(default)]
    pub count: Option<i64>,
    #[serde(default)]
    pub suppressed: bool,
}

/// The person's personal data, shown once on the answer to a recorded reading.
/// Deliberately not `Debug`, so it cannot end up in a log line by accident.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonalData {
    pub full_name: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub date_of_birth: Option<String>,
    #[serde(default)]
    pub id_document_type: Option<String>,
    #[serde(default)]
    pub id_document_number: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}
