//! `GET /`: the signed-in viewer's home page (greeting, role, organisation, links).
//! Without a session it sends the browser to `/login`.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Deserialize;

use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::gql;
use crate::labels;
use crate::layout;
use crate::messages::{t, Msg};
use crate::model::{Viewer, VIEWER_FIELDS};
use crate::state::AppState;
use crate::url;

#[derive(Deserialize)]
struct Data {
    viewer: Option<Viewer>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Response {
    let result = render(&state, &ctx).await;
    respond(&ctx, result)
}

async fn render(state: &AppState, ctx: &Ctx) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let query = format!("query {{ {VIEWER_FIELDS} }}");
    let data: Data = gql::run(state, ctx, &query, serde_json::json!({}))
        .await
        .into_data()?;
    let viewer = data.viewer.ok_or(Failure::SignIn)?;
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
        ul {
            li { a href="/organizations" { (t(l, Msg::HomeDirectoryLink)) } }
            @if let Some(org) = &viewer.organization {
                li { a href=(url::organization(&org.id)) { (t(l, Msg::HomeOwnOrganizationLink)) } }
            }
        }
    };
    Ok(layout::page(ctx, Some(&viewer), t(l, Msg::NavHome), body).into_response())
}
