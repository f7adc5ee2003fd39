//! `GET /`: the signed-in viewer's home page (greeting, role, organisation, links) and,
//! for case workers and providers' staff, what waits for them (`actionNeeded`: drafts,
//! overdue referrals, claims to accept, follow-ups due). Without a session it sends the
//! browser to `/login`.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::gql;
use crate::i18n::Locale;
use crate::kit;
use crate::labels;
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::Governorate;
use crate::state::AppState;
use crate::url;

const QUEUE: &str = "query { actionNeeded { reason referral { id caseNumber status governorate { code nameAr nameEn } } } }";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct QueueData {
    action_needed: Vec<ActionItem>,
}

#[derive(Deserialize)]
struct ActionItem {
    reason: String,
    referral: QueuedReferral,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct QueuedReferral {
    id: String,
    case_number: String,
    status: String,
    governorate: Governorate,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Response {
    let result = render(&state, &ctx).await;
    respond(&ctx, result)
}

async fn render(state: &AppState, ctx: &Ctx) -> Result<Response, Failure> {
    let viewer = kit::viewer::signed_in(state, ctx).await?;
    // Only the roles with a queue ask for it: the API answers the others with an
    // empty list.
    let queue = if viewer.capabilities().has_a_queue() {
        load_queue(state, ctx).await
    } else {
        None
    };
    let l = ctx.locale;
    let body = html! {
        h1 { (t(l, Msg::Welcome)) (layout::comma(l)) bdi { (viewer.display_name) } }
        p.lead { (t(l, Msg::HomeIntro)) }
        div.card {
            dl.facts {
                dt { (t(l, Msg::Username)) }
                dd { bdi dir="ltr" { (viewer.username) } }
                dt { (t(l, Msg::YourRole)) }
                dd {
                    @match &viewer.role {
                        Some(role) => (labels::role(l, role)),
                        None => span.muted { (t(l, Msg::NoRole)) },
                    }
                }
                dt { (t(l, Msg::YourOrganization)) }
                dd {
                    @match &viewer.organization {
                        Some(org) => {
                            a href=(url::organization(&org.id)) {
                                (layout::org_name(l, &org.name_ar, &org.name_en))
                            }
                            " — " span.muted { (labels::organization_kind(l, &org.kind)) }
                        },
                        None => span.muted { (t(l, Msg::NoOrganization)) },
                    }
                }
            }
        }
        @if let Some(queue) = &queue {
            (queue_box(l, queue))
        }
        ul {
            li { a href="/organizations" { (t(l, Msg::HomeDirectoryLink)) } }
            @if let Some(org) = &viewer.organization {
                li { a href=(url::organization(&org.id)) { (t(l, Msg::HomeOwnOrganizationLink)) } }
            }
        }
    };
    Ok(layout::page(ctx, Some(&viewer), t(l, Msg::NavHome), body).into_response())
}

/// What waits for the viewer, or `None` when it cannot be shown (a suspended
/// organisation's members may not see it; the rest of the page still works).
async fn load_queue(state: &AppState, ctx: &Ctx) -> Option<Vec<ActionItem>> {
    gql::optional::<QueueData>(state, ctx, QUEUE, "the action queue")
        .await
        .map(|data| data.action_needed)
}

fn reason(l: Locale, reason: &str) -> &'static str {
    match reason {
        "AWAITING_ACCEPTANCE" => t(l, Msg::ReasonAwaitingAcceptance),
        "ESCALATED" => t(l, Msg::Escalated),
        "DRAFT_NOT_OPENED" => t(l, Msg::ReasonDraftNotOpened),
        "NO_PROVIDER_AVAILABLE" => t(l, Msg::ReasonNoProviderAvailable),
        _ => t(l, Msg::ReasonFollowUpDue),
    }
}

fn queue_box(l: Locale, queue: &[ActionItem]) -> Markup {
    html! {
        section.card aria-labelledby="queue-heading" {
            h2 #queue-heading { (t(l, Msg::ActionNeededTitle)) }
            @if queue.is_empty() {
                p.muted { (t(l, Msg::ActionNeededEmpty)) }
            } @else {
                ul.queue {
                    @for item in queue {
                        li {
                            a href=(url::referral(&item.referral.id)) {
                                bdi dir="ltr" { (item.referral.case_number) }
                            }
                            " — " (reason(l, &item.reason))
                            " · " span.muted {
                                (labels::referral_status(l, &item.referral.status))
                                (layout::comma(l))
                                (layout::governorates(l, std::slice::from_ref(&item.referral.governorate)))
                            }
                        }
                    }
                }
            }
        }
    }
}
