//! What the forms that name someone offer to choose from: the colleagues a case may be
//! assigned to and the providers it may be transferred to. Nothing is fetched for a
//! form the viewer will not be offered.

use serde::Deserialize;

use super::action::Action;
use crate::context::Ctx;
use crate::gql;
use crate::model::{capabilities_of, Connection, Member, OrgName, Referral, Side, Viewer};
use crate::state::AppState;

/// The members of the viewer's own organisation (for the case worker to assign).
const MEMBERS: &str =
    "query { viewer { organization { id members { userId username displayName role } } } }";

/// Verified organisations of one governorate and where they serve what (for the
/// provider to transfer to); the directory has no filter by service, so the page
/// keeps those that serve one of the referral's needs there.
const PROVIDERS: &str = "query($governorate: String, $first: Int, $after: String) {
  organizations(first: $first, after: $after, governorate: $governorate, status: VERIFIED) {
    nodes { id nameAr nameEn services { category governorates { code } } }
    pageInfo { hasNextPage endCursor }
  }
}";

/// Directory page size when listing providers, and how many pages at most.
pub const PROVIDER_PAGE_SIZE: i64 = 50;
const PROVIDER_PAGES: usize = 10;

#[derive(Deserialize)]
struct MembersData {
    viewer: Option<MembersViewer>,
}

#[derive(Deserialize)]
struct MembersViewer {
    organization: Option<MembersOrg>,
}

#[derive(Deserialize)]
struct MembersOrg {
    #[serde(default)]
    members: Vec<Member>,
}

#[derive(Deserialize)]
struct ProvidersData {
    organizations: Connection<ProviderNode>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProviderNode {
    id: String,
    name_ar: String,
    name_en: String,
    #[serde(default)]
    services: Vec<ProviderService>,
}

#[derive(Deserialize)]
struct ProviderService {
    category: String,
    #[serde(default)]
    governorates: Vec<Code>,
}

#[derive(Deserialize)]
struct Code {
    code: String,
}

/// A provider the referral may be transferred to, and which of its needs it serves.
pub struct ProviderChoice {
    pub id: String,
    pub name_ar: String,
    pub name_en: String,
    pub serves: Vec<String>,
}

/// What the forms that name someone offer to choose from.
#[derive(Default)]
pub struct Choices {
    /// Colleagues the viewer may assign as case worker; `None` when the viewer
    /// assigns nobody here (or the members could not be read): no form then.
    pub colleagues: Option<Vec<Member>>,
    /// Providers to transfer to; `None` when they could not be read.
    pub providers: Option<Vec<ProviderChoice>>,
}

/// Who may assign a case worker here, and on which side: an NRM supervisor of the
/// referral's office, or a provider coordinator of its holder (the API decides; this
/// only spares the others a form they could not use).
fn assign_side(viewer: &Viewer, r: &Referral) -> Option<Side> {
    let org = viewer.organization.as_ref()?;
    let is_own = |named: &Option<OrgName>| named.as_ref().is_some_and(|o| o.id == org.id);
    let can = viewer.capabilities();
    if can.assign_nrm_caseworkers && is_own(&r.office) {
        Some(Side::Nrm)
    } else if can.assign_provider_staff && is_own(&r.holder) {
        Some(Side::Provider)
    } else {
        None
    }
}

pub fn is_held(status: &str) -> bool {
    matches!(status, "CLAIMED" | "ACCEPTED" | "IN_SERVICE")
}

pub fn is_ended(status: &str) -> bool {
    matches!(status, "CLOSED" | "WITHDRAWN")
}

pub async fn load_choices(state: &AppState, ctx: &Ctx, viewer: &Viewer, r: &Referral) -> Choices {
    // Nothing is fetched for a form the viewer will not be offered.
    let colleagues = match assign_side(viewer, r) {
        Some(side) if !is_ended(&r.status) && r.allows(Action::Assign.allowed_by()) => {
            load_colleagues(state, ctx, side).await
        }
        _ => None,
    };
    let providers = if is_held(&r.status) && r.allows(Action::Transfer.allowed_by()) {
        load_providers(state, ctx, r).await
    } else {
        Some(Vec::new())
    };
    Choices {
        colleagues,
        providers,
    }
}

/// The members of the viewer's organisation on `side` (NRM case workers and
/// supervisors, or a provider's staff), or `None` when they cannot be read.
async fn load_colleagues(state: &AppState, ctx: &Ctx, side: Side) -> Option<Vec<Member>> {
    let d: MembersData =
        gql::optional_with(state, ctx, MEMBERS, serde_json::json!({}), "members").await?;
    let members = d.viewer?.organization?.members;
    Some(
        members
            .into_iter()
            .filter(|m| Side::of(capabilities_of(Some(&m.role))) == side)
            .collect(),
    )
}

/// Verified providers, other than the holder, that serve one of the referral's needs
/// in its governorate — or `None` when the directory cannot be read.
async fn load_providers(state: &AppState, ctx: &Ctx, r: &Referral) -> Option<Vec<ProviderChoice>> {
    let Some(governorate) = r.governorate.as_ref().map(|g| g.code.as_str()) else {
        return Some(Vec::new());
    };
    let mut nodes = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..PROVIDER_PAGES {
        let variables = serde_json::json!({
            "governorate": governorate,
            "first": PROVIDER_PAGE_SIZE,
            "after": after,
        });
        let outcome = gql::run(state, ctx, PROVIDERS, variables).await;
        let page = match outcome.into_data::<ProvidersData>() {
            Ok(data) => data.organizations,
            Err(error) => {
                tracing::warn!(message = %error.message, "web: providers could not be read");
                return None;
            }
        };
        nodes.extend(page.nodes);
        match page
            .page_info
            .end_cursor
            .filter(|_| page.page_info.has_next_page)
        {
            Some(cursor) => after = Some(cursor),
            None => break,
        }
    }
    Some(matching_providers(nodes, r, governorate))
}

fn matching_providers(
    nodes: Vec<ProviderNode>,
    r: &Referral,
    governorate: &str,
) -> Vec<ProviderChoice> {
    let holder = r.holder.as_ref().map(|h| h.id.as_str());
    nodes
        .into_iter()
        .filter(|node| Some(node.id.as_str()) != holder)
        .filter_map(|node| {
            let serves: Vec<String> = r
                .needs
                .iter()
                .map(|need| need.category.clone())
                .filter(|category| {
                    node.services.iter().any(|s| {
                        &s.category == category
                            && s.governorates.iter().any(|g| g.code == governorate)
                    })
                })
                .collect();
            (!serves.is_empty()).then_some(ProviderChoice {
                id: node.id,
                name_ar: node.name_ar,
                name_en: node.name_en,
                serves,
            })
        })
        .collect()
}
