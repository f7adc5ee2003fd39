//! The web pages' way into the schema: the same GraphQL, run in-process for a session.

use async_graphql::Request;

use crate::graphql::context::{request_ctx, Credentials};
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
}
