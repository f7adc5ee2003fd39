//! The web pages' way into the schema: the same GraphQL, run in-process for a session.

use async_graphql::Request;
use futures::StreamExt;

use crate::graphql::context::{request_ctx, Credentials, RequestCtx};
use crate::graphql::ws;
use crate::graphql::SanadSchema;
use crate::i18n::Locale;
use crate::state::AppState;

pub struct WebBridge {
    pub state: AppState,
    pub schema: SanadSchema,
}

#[async_trait::async_trait]
impl web::GraphqlExecutor for WebBridge {
    async fn execute(
        &self,
        session_token: Option<String>,
        locale: &str,
        request: Request,
    ) -> async_graphql::Response {
        let locale = Locale::from_code(locale).unwrap_or_default();
        let request_id = uuid::Uuid::new_v4().to_string();
        // What people type into the pages' forms passes the same text checks as the API's.
        if let Err(refused) = crate::graphql::limits::admit_variables(&request.variables) {
            return refused.to_api_error().to_response(locale, &request_id);
        }
        // The pages check their forms' CSRF field themselves before they run a mutation.
        let creds = Credentials {
            secret: session_token.as_deref(),
            via_cookie: false,
            csrf_header: None,
        };
        // The page's own client (set by `ops::request::track`), so a sign-in through the
        // form is throttled per browser, not all browsers as one.
        let address = crate::ops::client::current()
            .map(|c| c.address)
            .unwrap_or_else(|| "web".into());
        match request_ctx(&self.state, creds, locale, request_id.clone(), address).await {
            Ok(rc) => self.schema.execute(request.data(rc)).await,
            Err(e) => e.to_response(locale, &request_id),
        }
    }

    /// The subscription runs as the session was when it began, and ends once the session
    /// no longer stands for the same person, organisation, role and standing (checked
    /// every [`ws::RECHECK`], as a socket's login is): a sign-out or a suspension stops
    /// the board's events too.
    async fn subscribe(
        &self,
        session_token: String,
        locale: &str,
        request: Request,
    ) -> web::Responses {
        let locale = Locale::from_code(locale).unwrap_or_default();
        let request_id = uuid::Uuid::new_v4().to_string();
        let creds = Credentials {
            secret: Some(&session_token),
            via_cookie: false,
            csrf_header: None,
        };
        let address = crate::ops::client::current()
            .map(|c| c.address)
            .unwrap_or_else(|| "web".into());
        let who = match request_ctx(&self.state, creds, locale, request_id.clone(), address).await {
            Ok(rc) => rc,
            Err(e) => {
                let refusal = e.to_response(locale, &request_id);
                return futures::stream::once(async move { refusal }).boxed();
            }
        };
        let live = Live {
            results: self.schema.execute_stream(request.data(who.clone())),
            recheck: tokio::time::interval_at(
                tokio::time::Instant::now() + ws::RECHECK,
                ws::RECHECK,
            ),
            state: self.state.clone(),
            secret: session_token,
            who,
        };
        futures::stream::unfold(live, |mut live| async move {
            loop {
                tokio::select! {
                    next = live.results.next() => return next.map(|r| (r, live)),
                    _ = live.recheck.tick() => {
                        if !ws::login_holds(&live.state, &live.secret, &live.who).await {
                            return None;
                        }
                    }
                }
            }
        })
        .boxed()
    }
}

/// A subscription under way for a page, with the login it must keep.
struct Live {
    results: futures::stream::BoxStream<'static, async_graphql::Response>,
    recheck: tokio::time::Interval,
    state: AppState,
    secret: String,
    who: RequestCtx,
}
