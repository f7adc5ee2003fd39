//! Test support: a fresh PostgreSQL database per test, the real router on a real port,
//! and small helpers to speak GraphQL to it.
//!
//! The server comes from `SANAD_TEST_PG` (a superuser URL; `scripts/test` sets it) or
//! `postgres://postgres@127.0.0.1:5432/postgres`.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use api::config::Config;
use api::state::AppState;
use projections::{ProjectionWatch, Projector, ProjectorConfig};
use serde_json::{json, Value};
use sqlx::PgPool;

pub const DEMO_PASSWORD: &str = api::seed::DEMO_PASSWORD;

pub fn admin_url() -> String {
    std::env::var("SANAD_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_database(url: &str, db: &str) -> String {
    match url.rfind('/') {
        Some(i) if !url[..i].ends_with('/') => {
            let (base, rest) = url.split_at(i);
            let query = rest.find('?').map(|q| &rest[q..]).unwrap_or("");
            format!("{base}/{db}{query}")
        }
        _ => format!("{}/{db}", url.trim_end_matches('/')),
    }
}

/// A database of its own, dropped when the test ends.
pub struct TestDb {
    pub name: String,
    pub url: String,
}

impl TestDb {
    /// An empty database, for the tests that migrate it themselves (the `sanad` binary
    /// does on start) or check the migrations.
    pub async fn create() -> TestDb {
        Self::create_from(None).await
    }

    /// A copy of the migrated template ([`template`]): the schema without running the
    /// migrations again.
    pub async fn migrated() -> TestDb {
        Self::create_from(Some(template::name().await)).await
    }

    async fn create_from(template: Option<&str>) -> TestDb {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "sanad_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            uuid::Uuid::new_v4()
                .simple()
                .to_string()
                .get(..8)
                .unwrap_or("x")
        );
        let admin = PgPool::connect(&admin_url())
            .await
            .expect("test PostgreSQL reachable (SANAD_TEST_PG)");
        let from = template
            .map(|t| format!(" TEMPLATE {t}"))
            .unwrap_or_default();
        sqlx::query(&format!("CREATE DATABASE {name}{from}"))
            .execute(&admin)
            .await
            .expect("create test database");
        admin.close().await;
        let url = with_database(&admin_url(), &name);
        TestDb { name, url }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop needs async work: do it on a thread of its own so no runtime is required.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                if let Ok(admin) = PgPool::connect(&admin_url()).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&admin)
                        .await;
                }
            });
        })
        .join();
    }
}

/// The real application on 127.0.0.1 with its projector, on a fresh database.
pub struct TestApp {
    pub db: TestDb,
    pub pool: PgPool,
    pub state: AppState,
    pub base: String,
    pub http: reqwest::Client,
    server: tokio::task::JoinHandle<()>,
    projector: Option<tokio::task::JoinHandle<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        if let Some(p) = &self.projector {
            p.abort();
        }
    }
}

pub struct Options {
    pub projector: bool,
    pub configure: fn(&mut Config),
}

impl Default for Options {
    fn default() -> Self {
        Self {
            projector: true,
            configure: |_| {},
        }
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(Options::default()).await
    }

    pub async fn spawn_with(options: Options) -> TestApp {
        let db = TestDb::migrated().await;
        let pool = api::db::connect(&db.url, 8)
            .await
            .expect("connect to test database");
        let mut config = Config::for_database(&db.url);
        (options.configure)(&mut config);
        // Without a projector nothing would ever satisfy a read-your-writes wait.
        let watch = options
            .projector
            .then(|| ProjectionWatch::start(pool.clone(), projections::models::names()));
        let mut state = AppState::new(pool.clone(), config, watch.clone());
        let referrals = projections::models::Referrals::default();
        if options.projector {
            state = state.with_committed_referrals(referrals.committed());
        }
        let projector = options.projector.then(|| {
            let mut p = Projector::new(
                pool.clone(),
                projections::models::with_referrals(referrals),
                ProjectorConfig::default(),
            )
            .with_signal(state.store.signal().clone());
            if let Some(watch) = watch {
                p = p.with_watch(watch);
            }
            tokio::spawn(p.run())
        });
        let router = api::router(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("address");
        let server = tokio::spawn(async move {
            let _ = axum::serve(
                listener,
                router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await;
        });
        TestApp {
            db,
            pool,
            state,
            base: format!("http://{addr}"),
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("http client"),
            server,
            projector,
        }
    }

    /// The demo organisations and accounts (all with `DEMO_PASSWORD`).
    pub async fn seed(&self) {
        api::seed::seed(&self.state).await.expect("seed");
    }

    /// A Secretariat administrator on an empty database; returns a session token.
    pub async fn admin(&self) -> String {
        api::seed::create_admin(&self.state, "admin", "Administrator", DEMO_PASSWORD)
            .await
            .expect("create admin");
        self.login("admin", DEMO_PASSWORD).await
    }

    pub async fn login(&self, username: &str, password: &str) -> String {
        let r = self
            .gql(
                None,
                "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken } }",
                json!({"u": username, "p": password}),
            )
            .await;
        r["data"]["login"]["sessionToken"]
            .as_str()
            .unwrap_or_else(|| panic!("login {username} failed: {r}"))
            .to_string()
    }

    /// Posts a GraphQL operation; returns the JSON body (whatever the status).
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let (_, body) = self.gql_status(token, query, variables).await;
        body
    }

    /// A page or download as a browser gets it, signed in with `token` when given:
    /// status and body.
    pub async fn page(&self, token: Option<&str>, path: &str) -> (u16, Vec<u8>) {
        let mut req = self.http.get(format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.header("cookie", format!("sanad_session={t}"));
        }
        let resp = req.send().await.expect("request sent");
        let status = resp.status().as_u16();
        (status, resp.bytes().await.unwrap_or_default().to_vec())
    }

    /// A browser's sign-in: the session token (its cookie) and the CSRF token its forms carry.
    pub async fn web_login(&self, username: &str) -> (String, String) {
        let body = ok(self
            .gql(
                None,
                "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken csrfToken } }",
                json!({"u": username, "p": DEMO_PASSWORD}),
            )
            .await);
        let token = |k: &str| body["login"][k].as_str().expect(k).to_string();
        (token("sessionToken"), token("csrfToken"))
    }

    /// A web form posted with the session cookie `session`, redirects followed: the final
    /// status and page.
    pub async fn post_form(
        &self,
        session: &str,
        path: &str,
        form: &[(&str, &str)],
    ) -> (u16, String) {
        let resp = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", format!("sanad_session={session}"))
            .form(form)
            .send()
            .await
            .expect("request sent");
        let status = resp.status().as_u16();
        (status, resp.text().await.unwrap_or_default())
    }

    pub async fn gql_status(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (u16, Value) {
        let mut req = self
            .http
            .post(format!("{}/graphql", self.base))
            .header("accept-language", "en")
            .json(&json!({"query": query, "variables": variables}));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.expect("request sent");
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// `token` (a coordinator or the Secretariat) adds a member to `org` with the demo
    /// password; returns the new member's user id.
    pub async fn create_member(
        &self,
        token: &str,
        org: &str,
        username: &str,
        role: &str,
    ) -> String {
        let body = ok(self
            .gql(
                Some(token),
                "mutation($o:ID!,$m:NewMemberInput!){ createMember(organizationId:$o, input:$m){ userId } }",
                json!({"o": org, "m": {"username": username, "displayName": username,
                       "password": DEMO_PASSWORD, "role": role}}),
            )
            .await);
        body["createMember"]["userId"]
            .as_str()
            .expect("a user id")
            .to_string()
    }

    /// `token` gives `user` in `org` another role.
    pub async fn change_member_role(&self, token: &str, org: &str, user: &str, role: &str) {
        ok(self
            .gql(
                Some(token),
                "mutation($o:ID!,$u:ID!,$r:Role!){ changeMemberRole(organizationId:$o, userId:$u, role:$r){ role } }",
                json!({"o": org, "u": user, "r": role}),
            )
            .await);
    }

    /// `token` removes `user` from `org`.
    pub async fn remove_member(&self, token: &str, org: &str, user: &str) {
        ok(self
            .gql(
                Some(token),
                "mutation($o:ID!,$u:ID!){ removeMember(organizationId:$o, userId:$u) }",
                json!({"o": org, "u": user}),
            )
            .await);
    }

    pub async fn event_count(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM events")
            .fetch_one(&self.pool)
            .await
            .expect("count events")
    }

    /// The id of a seeded organisation by its English name.
    pub async fn org_id(&self, name_en: &str) -> String {
        let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM organizations WHERE name_en = $1")
            .bind(name_en)
            .fetch_one(&self.pool)
            .await
            .unwrap_or_else(|e| panic!("organisation {name_en}: {e}"));
        id.to_string()
    }
}

/// The error code of the first GraphQL error, if any.
/// The first worksheet of a downloaded workbook, each cell as text, as a spreadsheet
/// program reads it.
pub fn xlsx_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("a workbook");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("a first worksheet");
    range
        .rows()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

pub fn code(body: &Value) -> Option<String> {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .map(str::to_string)
}

/// Fails the test with the whole body when the operation had errors.
pub fn ok(body: Value) -> Value {
    assert!(body.get("errors").is_none(), "unexpected errors: {body}");
    body["data"].clone()
}

/// Polls `check` until it holds or `seconds` pass.
pub async fn eventually<F, Fut>(seconds: u64, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = std::time::Instant::now() + Duration::from_secs(seconds);
    while std::time::Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    false
}

/// Path to the `sanad` binary, built once for the tests that run it as a process.
pub fn sanad_bin() -> std::path::PathBuf {
    static BIN: OnceLock<std::path::PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let status = std::process::Command::new(env!("CARGO"))
            .args(["build", "--quiet", "-p", "api", "--bin", "sanad"])
            .current_dir(&root)
            .status()
            .expect("cargo build runs");
        assert!(status.success(), "building sanad failed");
        let target = std::env::var("CARGO_TARGET_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|_| root.join("target"));
        target.join("debug").join("sanad")
    })
    .clone()
}

pub mod browser;
pub mod serve;
pub mod template;
pub mod ws;
pub use serve::{cli, cli_with, Serve, CLI_PASSWORD};
