//! `GET /referrals/board/events`: the board's changes as server-sent events, so that an
//! open board (its script, `assets/board.js`) shows a new referral without a reload.
//!
//! The events come from the schema's `referralBoard` subscription, run for the page's
//! session: the same policy decides whose board it is (a provider's, its organisation's
//! referrals only), the projector's progress wakes it (no reading per client on a timer),
//! and it ends when the session ends or changes hands. Events name no referral: `ready`
//! when the stream opens (the page then checks once for what changed before), then
//! `board` with `arrived` (a referral joined the board) or `updated` (one left it).
//!
//! Bounded: a few streams per session (a person's tabs) and a few hundred per process,
//! refused beyond with 429; each ends after [`LIFETIME`] (the browser opens a new one);
//! a comment every [`KEEP_ALIVE`] keeps proxies from closing a quiet one. A client that
//! does not read stops its stream where it is: nothing is queued for it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use serde::Deserialize;

use crate::context::Ctx;
use crate::gql::{ErrorCode, Outcome};
use crate::state::AppState;
use crate::Responses;

pub const PATH: &str = "/referrals/board/events";

const SUBSCRIPTION: &str = "subscription { referralBoard { referralIds } }";

/// Streams one session may hold open at once.
pub const PER_SESSION: usize = 4;
/// Streams one process holds open at once.
pub const PER_PROCESS: usize = 256;
/// How long one stream lasts; the browser then opens another (after [`RETRY`]), which
/// frees the places of clients that vanished without closing.
const LIFETIME: Duration = Duration::from_secs(600);
/// How long the browser waits before it opens the stream again.
const RETRY: Duration = Duration::from_secs(5);
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How long the subscription may take to give its first answer.
const FIRST_ANSWER: Duration = Duration::from_secs(10);

/// The streams open in this process, by session (a hash of its token: the token itself
/// is not kept).
#[derive(Default)]
pub struct Streams {
    hasher: RandomState,
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    total: usize,
    by_session: HashMap<u64, usize>,
}

/// A stream's place, given back when the stream is dropped (ended, or its client gone).
pub struct Slot {
    streams: Arc<Streams>,
    session: u64,
}

impl Streams {
    /// A place for one more stream of `session`, if the limits leave one.
    pub fn admit(self: &Arc<Self>, session: &str) -> Option<Slot> {
        let key = self.hasher.hash_one(session);
        let mut open = self.open.lock().ok()?;
        let mine = open.by_session.get(&key).copied().unwrap_or(0);
        if open.total >= PER_PROCESS || mine >= PER_SESSION {
            return None;
        }
        open.total += 1;
        open.by_session.insert(key, mine + 1);
        Some(Slot {
            streams: self.clone(),
            session: key,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.streams.open.lock() {
            open.total = open.total.saturating_sub(1);
            if let Some(n) = open.by_session.get_mut(&self.session) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    open.by_session.remove(&self.session);
                }
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Data {
    referral_board: Board,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Board {
    referral_ids: Vec<String>,
}

/// The referrals on the board in one answer of the subscription, or the code it was
/// refused with.
fn board_of(response: async_graphql::Response) -> Result<HashSet<String>, ErrorCode> {
    Outcome::from_response(response)
        .into_data::<Data>()
        .map(|data| data.referral_board.referral_ids.into_iter().collect())
        .map_err(|error| error.code)
}

pub async fn events(State(state): State<AppState>, ctx: Ctx) -> Response {
    let Some(session) = ctx.session.clone() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Some(slot) = state.board_streams.admit(&session) else {
        return refused(StatusCode::TOO_MANY_REQUESTS);
    };
    let request = async_graphql::Request::new(SUBSCRIPTION);
    let mut answers = state
        .executor
        .subscribe(session, ctx.locale.code(), request)
        .await;
    let first = match tokio::time::timeout(FIRST_ANSWER, answers.next()).await {
        Ok(Some(first)) => board_of(first),
        Ok(None) | Err(_) => Err(ErrorCode::Unavailable),
    };
    let seen = match first {
        Ok(seen) => seen,
        Err(ErrorCode::Unauthenticated) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(ErrorCode::Forbidden) => return StatusCode::FORBIDDEN.into_response(),
        Err(_) => return refused(StatusCode::SERVICE_UNAVAILABLE),
    };
    let ready = Event::default().event("ready").data("ready").retry(RETRY);
    let changes = futures::stream::unfold(
        Watching {
            answers,
            seen,
            _slot: slot,
        },
        next_change,
    );
    let stream = futures::stream::once(async move { Ok(ready) })
        .chain(changes.map(Ok::<Event, std::convert::Infallible>))
        .take_until(tokio::time::sleep(LIFETIME));
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}

/// A refusal the browser may try again later.
fn refused(status: StatusCode) -> Response {
    (status, [(header::RETRY_AFTER, "30")]).into_response()
}

/// One open stream: the subscription, the board as last seen, and the stream's place.
struct Watching {
    answers: Responses,
    seen: HashSet<String>,
    _slot: Slot,
}

/// The next change of the board as an event; the stream ends with the subscription
/// (the session ended) or at its first error.
async fn next_change(mut watching: Watching) -> Option<(Event, Watching)> {
    let answer = watching.answers.next().await?;
    let board = board_of(answer).ok()?;
    let news = if board.iter().any(|id| !watching.seen.contains(id)) {
        "arrived"
    } else {
        "updated"
    };
    watching.seen = board;
    Some((Event::default().event("board").data(news), watching))
}
