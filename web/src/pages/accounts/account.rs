//! `GET /account`: the signed-in person's own account — change the password, see where
//! they are signed in and end any of those sessions, their API tokens (make one, revoke
//! one), and the account's history. The forms post to `account_forms`; a refused form
//! comes back here with the message beside the field and what was typed (never a
//! password).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup};
use serde::Deserialize;

use super::browser_name::browser_name;
use crate::context::Ctx;
use crate::failure::{respond, Failure};
use crate::form;
use crate::gql;
use crate::i18n::Locale;
use crate::kit::problems::Problems;
use crate::kit::table;
use crate::labels;
use crate::layout;
use crate::messages::{count, t, Count, Msg};
use crate::model::{Viewer, VIEWER_FIELDS};
use crate::state::AppState;

const DATA: &str = "query {
  VIEWER
  account: viewer {
    sessions { id createdAt lastSeenAt address userAgent current }
    apiTokens { id name createdAt lastUsedAt revokedAt }
    history(first: 100) { nodes { position eventType occurredAt actorLabel actorRole payload } }
  }
}";

#[derive(Deserialize)]
struct Data {
    viewer: Option<Viewer>,
    account: Option<AccountData>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AccountData {
    sessions: Vec<Session>,
    api_tokens: Vec<Token>,
    history: HistoryPage,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Session {
    id: String,
    created_at: String,
    last_seen_at: String,
    address: Option<String>,
    user_agent: Option<String>,
    current: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Token {
    id: String,
    name: String,
    created_at: String,
    last_used_at: Option<String>,
    revoked_at: Option<String>,
}

#[derive(Deserialize)]
struct HistoryPage {
    nodes: Vec<AccountEvent>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AccountEvent {
    position: i64,
    event_type: String,
    occurred_at: String,
    actor_label: Option<String>,
    actor_role: Option<String>,
    payload: serde_json::Value,
}

/// The query string: which form just succeeded.
#[derive(Debug, Default, Deserialize)]
pub struct AccountQuery {
    pub done: Option<String>,
}

/// A message above the page.
#[derive(Debug, Default)]
pub enum Notice {
    #[default]
    None,
    Done(Msg),
    /// A new API token: its secret, shown this once.
    NewToken {
        name: String,
        secret: String,
    },
    /// A form was refused: what is wrong, beside its controls and in the summary.
    Refused {
        problems: Problems,
        status: StatusCode,
    },
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    query: Result<Query<AccountQuery>, QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let notice = match query.done.as_deref() {
        Some("password-changed") => Notice::Done(Msg::DonePasswordChanged),
        Some("session-ended") => Notice::Done(Msg::DoneSessionEnded),
        Some("other-sessions-ended") => Notice::Done(Msg::DoneOtherSessionsEnded),
        Some("token-revoked") => Notice::Done(Msg::DoneTokenRevoked),
        _ => Notice::None,
    };
    respond(&ctx, render(&state, &ctx, notice).await)
}

/// The page with `notice` above it.
pub async fn render(state: &AppState, ctx: &Ctx, notice: Notice) -> Result<Response, Failure> {
    if ctx.session.is_none() {
        return Err(Failure::SignIn);
    }
    let data: Data = gql::run(
        state,
        ctx,
        &DATA.replace("VIEWER", VIEWER_FIELDS),
        serde_json::json!({}),
    )
    .await
    .into_data()?;
    let (Some(viewer), Some(account)) = (data.viewer, data.account) else {
        return Err(Failure::SignIn);
    };
    let l = ctx.locale;
    let none = Problems::default();
    let (status, problems) = match &notice {
        Notice::Refused { problems, status } => (*status, problems),
        _ => (StatusCode::OK, &none),
    };
    let title = t(l, Msg::MyAccount);
    let body = html! {
        h1 { (title) }
        p.muted { (t(l, Msg::AccountIntro)) }
        (problems.summary(l, Msg::ActionFailed))
        (notice_markup(l, &notice))
        (password_section(state, l, &viewer, problems))
        (sessions_section(state, l, &viewer, &account.sessions))
        (tokens_section(state, l, &viewer, &account.api_tokens))
        (history_section(l, &account))
    };
    Ok((status, layout::page(ctx, Some(&viewer), title, body)).into_response())
}

fn notice_markup(l: Locale, notice: &Notice) -> Markup {
    html! {
        @match notice {
            Notice::Done(msg) => div.notice role="status" { (t(l, *msg)) },
            Notice::NewToken { name, secret } => div.notice role="status" {
                p { (t(l, Msg::DoneTokenCreated)) " " bdi { (name) } }
                p { (t(l, Msg::NewTokenShownOnce)) }
                p { code #new-token dir="ltr" { (secret) } }
            },
            Notice::Refused { .. } | Notice::None => {},
        }
    }
}

fn password_section(state: &AppState, l: Locale, viewer: &Viewer, problems: &Problems) -> Markup {
    let field = |id: &str, name: &str, label: Msg, current: bool, autocomplete: &str| {
        let mark = problems.mark(id);
        html! {
            div.field {
                label for=(id) { (t(l, label)) }
                input id=(id) type="password" name=(name) required
                    autocomplete=(autocomplete)
                    minlength=[(!current).then_some("10")]
                    aria-invalid=[mark.invalid()]
                    aria-describedby=[mark.described_by(None)];
                (mark.message())
            }
        }
    };
    html! {
        section aria-labelledby="password-heading" {
            h2 #password-heading { (t(l, Msg::ChangePasswordTitle)) }
            form.card #password-form method="post" action="/account/password" {
                (form::guard(state, viewer))
                (field("current-password", "currentPassword", Msg::CurrentPassword, true, "current-password"))
                (field("new-password", "newPassword", Msg::NewPassword, false, "new-password"))
                (field("repeat-password", "repeatPassword", Msg::RepeatPassword, false, "new-password"))
                div.field.check {
                    input #end-others type="checkbox" name="endOtherSessions" value="yes" checked;
                    label for="end-others" { (t(l, Msg::EndOtherSessionsOnChange)) }
                }
                button type="submit" { (t(l, Msg::ChangePassword)) }
            }
        }
    }
}

fn browser(l: Locale, agent: Option<&str>) -> Markup {
    let (browser, system) = agent.map(browser_name).unwrap_or((None, None));
    let known: Vec<&str> = browser.into_iter().chain(system).collect();
    html! {
        @if known.is_empty() {
            (t(l, Msg::UnknownBrowser))
        } @else {
            bdi dir="ltr" translate="no" { (known.join(" · ")) }
        }
    }
}

fn sessions_section(state: &AppState, l: Locale, viewer: &Viewer, sessions: &[Session]) -> Markup {
    let head = html! {
        (table::headers(l, &[Msg::SessionStarted, Msg::SessionLastSeen, Msg::SessionAddress, Msg::SessionBrowser]))
        th scope="col" { (t(l, Msg::Actions)) }
    };
    let rows = html! {
        @for s in sessions {
            tr data-session=(s.id) {
                td { (layout::datetime(l, &s.created_at)) }
                td { (layout::datetime(l, &s.last_seen_at)) }
                td { bdi dir="ltr" { (s.address.as_deref().unwrap_or("—")) } }
                td { (browser(l, s.user_agent.as_deref())) }
                td {
                    @if s.current {
                        strong { (t(l, Msg::ThisSession)) }
                    } @else {
                        form.inline method="post" action="/account/sessions/end" {
                            (form::guard(state, viewer))
                            input type="hidden" name="id" value=(s.id);
                            button.danger type="submit" aria-describedby={ "started-" (s.id) } {
                                (t(l, Msg::EndSession))
                            }
                            span.visually-hidden id={ "started-" (s.id) } {
                                (t(l, Msg::SessionStarted)) " " (layout::datetime(l, &s.created_at))
                            }
                        }
                    }
                }
            }
        }
    };
    let others = sessions.iter().filter(|s| !s.current).count();
    html! {
        section aria-labelledby="sessions-heading" {
            h2 #sessions-heading { (t(l, Msg::SessionsTitle)) }
            p.muted { (t(l, Msg::SessionsIntro)) }
            (table::framed(Some(html! { (count(l, Count::Sessions, sessions.len() as u64)) }), head, rows))
            @if others > 0 {
                form.inline method="post" action="/account/sessions/end-others" {
                    (form::guard(state, viewer))
                    button.danger type="submit" { (t(l, Msg::EndOtherSessions)) }
                }
            }
        }
    }
}

fn tokens_section(state: &AppState, l: Locale, viewer: &Viewer, tokens: &[Token]) -> Markup {
    let head = html! {
        (table::headers(l, &[Msg::TokenName, Msg::TokenMade, Msg::TokenLastUsed, Msg::Status]))
        th scope="col" { (t(l, Msg::Actions)) }
    };
    let rows = html! {
        @for token in tokens {
            tr data-token=(token.id) {
                td { bdi { (token.name) } }
                td { (layout::datetime(l, &token.created_at)) }
                td {
                    @match &token.last_used_at {
                        Some(at) => (layout::datetime(l, at)),
                        None => (t(l, Msg::NeverUsed)),
                    }
                }
                td {
                    @if token.revoked_at.is_some() { (t(l, Msg::TokenRevokedState)) }
                    @else { (t(l, Msg::TokenActive)) }
                }
                td {
                    @if token.revoked_at.is_none() {
                        form.inline method="post" action="/account/tokens/revoke" {
                            (form::guard(state, viewer))
                            input type="hidden" name="id" value=(token.id);
                            button.danger type="submit" aria-label={ (t(l, Msg::RevokeToken)) " — " (token.name) } {
                                (t(l, Msg::RevokeToken))
                            }
                        }
                    }
                }
            }
        }
    };
    html! {
        section aria-labelledby="tokens-heading" {
            h2 #tokens-heading { (t(l, Msg::TokensTitle)) }
            p.muted { (t(l, Msg::TokensIntro)) }
            @if tokens.is_empty() {
                p { (t(l, Msg::NoTokens)) }
            } @else {
                (table::framed(None, head, rows))
            }
            form.card.inline #token-form method="post" action="/account/tokens" {
                (form::guard(state, viewer))
                div.field {
                    label for="token-name" { (t(l, Msg::TokenName)) }
                    input #token-name type="text" name="name" required maxlength="100";
                }
                button type="submit" { (t(l, Msg::CreateToken)) }
            }
        }
    }
}

/// What an account event says beyond its type: how many sessions ended and why, or which
/// token.
fn detail(l: Locale, event: &AccountEvent, tokens: &[Token]) -> Markup {
    let body = event.payload.as_object().and_then(|o| o.values().next());
    let token_name = |id: Option<&str>| {
        id.and_then(|id| tokens.iter().find(|t| t.id == id))
            .map(|t| t.name.clone())
    };
    match event.event_type.as_str() {
        "SessionsEnded" => {
            let ended = body
                .and_then(|b| b.get("sessions"))
                .and_then(|s| s.as_array())
                .map_or(0, Vec::len);
            let because = body
                .and_then(|b| b.get("because"))
                .and_then(|b| b.as_str())
                .unwrap_or_default();
            html! { (count(l, Count::Sessions, ended as u64)) " (" (labels::sessions_ended_because(l, because)) ")" }
        }
        "ApiTokenCreated" => {
            let name = body.and_then(|b| b.get("name")).and_then(|n| n.as_str());
            html! { @if let Some(name) = name { bdi { (name) } } }
        }
        "ApiTokenRevoked" => {
            let id = body
                .and_then(|b| b.get("token_id"))
                .and_then(|n| n.as_str());
            html! { @if let Some(name) = token_name(id) { bdi { (name) } } }
        }
        _ => html! {},
    }
}

fn history_section(l: Locale, account: &AccountData) -> Markup {
    let events = &account.history.nodes;
    let head = table::headers(l, &[Msg::Time, Msg::Event, Msg::Actor, Msg::Detail]);
    let rows = html! {
        // Newest first: a person looks for what just happened.
        @for event in events.iter().rev() {
            tr data-position=(event.position) {
                td { (layout::datetime(l, &event.occurred_at)) }
                td { (labels::event_type(l, &event.event_type)) }
                td {
                    @match (&event.actor_label, &event.actor_role) {
                        (Some(who), Some(role)) => { bdi dir="ltr" { (who) } " (" (labels::role(l, role)) ")" },
                        // A task of the platform (an operator's reset on the server).
                        (Some(who), None) => bdi dir="ltr" translate="no" { (who) },
                        _ => "—",
                    }
                }
                td { (detail(l, event, &account.api_tokens)) }
            }
        }
    };
    html! {
        section aria-labelledby="account-history-heading" {
            h2 #account-history-heading { (t(l, Msg::AccountHistoryTitle)) }
            p.muted { (t(l, Msg::AccountHistoryIntro)) }
            @if events.is_empty() {
                p { (t(l, Msg::NoAccountHistory)) }
            } @else {
                (table::framed(None, head, rows))
            }
        }
    }
}
