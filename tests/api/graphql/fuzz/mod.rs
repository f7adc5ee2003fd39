//! GraphQL fuzzing against the real `sanad serve` binary (a child process, so a crash of
//! the server is a clean failure of the test, never the death of this test binary) on a
//! database holding the demo data, as every demo role and anonymously.
//!
//! - `generated_documents_as_every_role_...`: documents generated from `schema.graphql`
//!   (valid, near-valid, and hostile: deep, wide, aliased, fragment-heavy, odd whitespace
//!   and comments, huge strings, control characters), each checked for no crash, no 5xx,
//!   no INTERNAL error, an answer within [`REQUEST_LIMIT`], and, for a refused mutation, an
//!   unchanged number of events. `SANAD_FUZZ_CASES` (default 300) documents, at most
//!   `SANAD_FUZZ_SECONDS` (default 60) seconds.
//! - one named test per known attack (deep list after a `\r`-ended comment, exponential
//!   fragment spreads, NUL bytes in strings, huge alias counts, an oversized body, ...);
//! - hostile requests in a loop while `/healthz` and ordinary commands must keep answering;
//! - the malformed-body fuzzing that used to live in `store/faults.rs`, with its memory bound.
//!
//! The seed is printed first (`fuzz seed: …`); `SANAD_FUZZ_SEED=<seed>` replays a run, and
//! every failure names the seed, the case, the role, the document and what came back.

/// Documents generated from the schema, as every role.
mod generated;

/// One named test per known attack; hostile load.
mod attacks;

/// Malformed request bodies, many at once, with a bound on memory.
mod malformed;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_graphql::parser::types::{BaseType, Type, TypeKind, TypeSystemDefinition};
use futures::StreamExt;
use sanad_tests::*;
use serde_json::{json, Value};
use sqlx::PgPool;

/// Every request must be answered within this (the client gives up then: a stall fails).
const REQUEST_LIMIT: Duration = Duration::from_secs(5);
/// `/healthz` must answer within this, hostile traffic or not.
const HEALTH_LIMIT: Duration = Duration::from_secs(1);

/// The demo accounts (`api::seed`, password [`DEMO_PASSWORD`]); "anonymous" is no token.
const ROLES: &[&str] = &[
    "admin",
    "auditor",
    "nrm-ni-caseworker",
    "nrm-ni-supervisor",
    "ngo-amal-coordinator",
    "ngo-amal-staff",
    "employer-tigris",
    "mrc-bg-counsellor",
];

// ---------------------------------------------------------------------------------------
// Seed, randomness, the binary.

/// `SANAD_FUZZ_SEED`, or one from the clock; printed so that a failure can be replayed.
fn fuzz_seed(test: &str) -> u64 {
    let seed = match std::env::var("SANAD_FUZZ_SEED") {
        Ok(s) => s
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("SANAD_FUZZ_SEED must be an unsigned integer: {s:?}")),
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x5A4E_AD00_F022),
    };
    eprintln!("fuzz seed: {seed} ({test}; replay with SANAD_FUZZ_SEED={seed})");
    seed
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// xorshift64*: reproducible without a dependency (the seed is printed).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Spread the seed's bits (a zero state would stay zero).
        Rng((seed ^ 0x9E37_79B9_7F4A_7C15).wrapping_mul(0xBF58_476D_1CE4_E5B9) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// True once in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The `sanad` binary, built once, under a name of this process's own: other worktrees
/// build into the same target directory, and the tests must run this tree's server (and
/// its migrations) throughout, not whichever was built last.
fn fuzz_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let built = sanad_bin();
        let dir = built.parent().expect("target directory").to_path_buf();
        // Copies left by earlier runs whose process is gone.
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if let Some(pid) = name.strip_prefix("sanad-fuzz-") {
                    if !Path::new(&format!("/proc/{pid}")).exists() {
                        let _ = std::fs::remove_file(e.path());
                    }
                }
            }
        }
        let own = dir.join(format!("sanad-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_file(&own);
        std::fs::hard_link(&built, &own)
            .or_else(|_| std::fs::copy(&built, &own).map(|_| ()))
            .expect("a private copy of sanad");
        own
    })
    .clone()
}

/// `s` for a failure message: at most `max` characters (escaped, so `\r`, NUL and the
/// like are visible), and its length when cut.
fn show(s: &str, max: usize) -> String {
    let escaped = format!("{s:?}");
    if escaped.chars().count() <= max {
        escaped
    } else {
        let head: String = escaped.chars().take(max).collect();
        format!("{head}… ({} chars in all)", s.chars().count())
    }
}

// ---------------------------------------------------------------------------------------
// The server under test.

/// The ids the generated documents aim at, so that deeper resolvers and commands run.
#[derive(Default)]
struct Ids {
    organizations: Vec<String>,
    referrals: Vec<String>,
    users: Vec<String>,
    case_numbers: Vec<String>,
}

impl Ids {
    async fn load(pool: &PgPool) -> Ids {
        let texts = |sql: &'static str| async move {
            sqlx::query_scalar::<_, String>(sql)
                .fetch_all(pool)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"))
        };
        Ids {
            organizations: texts("SELECT id::text FROM organizations ORDER BY id").await,
            referrals: texts("SELECT id::text FROM referrals ORDER BY id").await,
            users: texts("SELECT user_id::text FROM accounts ORDER BY user_id").await,
            case_numbers: texts("SELECT case_number FROM referrals ORDER BY case_number").await,
        }
    }
}

/// What came back for one request.
struct Answer {
    status: u16,
    body: Value,
    took: Duration,
}

impl Answer {
    /// The messages of the errors coded INTERNAL (a batch's answers included).
    fn internal_errors(&self) -> Vec<String> {
        let answers = match &self.body {
            Value::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        answers
            .into_iter()
            .filter_map(|a| a["errors"].as_array())
            .flatten()
            .filter(|e| e["extensions"]["code"] == "INTERNAL")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    fn is_graphql_response(&self) -> bool {
        let one = |v: &Value| v.get("data").is_some() || v["errors"].is_array();
        match &self.body {
            Value::Array(items) => !items.is_empty() && items.iter().all(one),
            v => one(v),
        }
    }

    fn has_errors(&self) -> bool {
        self.body["errors"]
            .as_array()
            .is_some_and(|errors| !errors.is_empty())
    }

    /// The mutation at `alias` was refused: errors, and no value for it.
    fn refused(&self, alias: &str) -> bool {
        self.has_errors() && self.body["data"][alias].is_null()
    }

    fn shown(&self) -> String {
        format!(
            "HTTP {} in {} ms: {}",
            self.status,
            self.took.as_millis(),
            show(&self.body.to_string(), 600)
        )
    }
}

/// A seeded database, `sanad serve` on it, a session for every demo account.
struct Target {
    _db: TestDb,
    url: String,
    pool: PgPool,
    serve: Serve,
    http: reqwest::Client,
    tokens: Vec<(&'static str, Option<String>)>,
    ids: Ids,
    restarts: usize,
}

fn fuzz_client() -> reqwest::Client {
    // A connection per request: a server that refuses a body early may close its
    // connection, and a pooled client could race to reuse it.
    reqwest::Client::builder()
        .timeout(REQUEST_LIMIT)
        .pool_max_idle_per_host(0)
        .build()
        .expect("http client")
}

impl Target {
    async fn start() -> Target {
        let bin = fuzz_bin();
        let started = Instant::now();
        let db = TestDb::create().await;
        cli_with(&bin, &db.url, &["seed"]).await;
        let seeded = started.elapsed();
        let serve = Serve::start_binary(&bin, &db.url).await;
        let pool = PgPool::connect(&db.url).await.expect("test database");
        let http = fuzz_client();
        let mut tokens = vec![("anonymous", None)];
        for role in ROLES {
            let token = login(&http, &serve.base, role)
                .await
                .unwrap_or_else(|e| panic!("demo login {role}: {e}"));
            tokens.push((*role, Some(token)));
        }
        let ids = Ids::load(&pool).await;
        eprintln!(
            "fuzz target: demo data in {} ms, serving with every role signed in after {} ms",
            seeded.as_millis(),
            started.elapsed().as_millis()
        );
        assert!(
            !ids.organizations.is_empty() && !ids.referrals.is_empty(),
            "the demo data has organisations and referrals"
        );
        Target {
            url: db.url.clone(),
            _db: db,
            pool,
            serve,
            http,
            tokens,
            ids,
            restarts: 0,
        }
    }

    fn token(&self, role: &str) -> Option<&str> {
        self.tokens
            .iter()
            .find(|(r, _)| *r == role)
            .and_then(|(_, t)| t.as_deref())
    }

    async fn events(&self) -> i64 {
        sqlx::query_scalar("SELECT count(*) FROM events")
            .fetch_one(&self.pool)
            .await
            .expect("count events")
    }

    /// Posts raw bytes to /graphql: `Err` when no answer came within [`REQUEST_LIMIT`].
    async fn post(
        &self,
        token: Option<&str>,
        body: Vec<u8>,
        content_type: &str,
    ) -> Result<Answer, String> {
        post_to(&self.http, &self.serve.base, token, body, content_type).await
    }

    async fn gql(&self, role: &str, query: &str, variables: Value) -> Result<Answer, String> {
        let body = serde_json::to_vec(&json!({"query": query, "variables": variables}))
            .expect("a JSON body");
        self.post(self.token(role), body, "application/json").await
    }

    /// `None` when the process lives and `/healthz` answers 200 within [`HEALTH_LIMIT`];
    /// otherwise what is wrong, with the end of the server's log.
    async fn down(&mut self) -> Option<String> {
        let unhealthy = match self.serve.alive() {
            true => health(&self.http, &self.serve.base).await.err()?,
            false => String::new(),
        };
        // A process that just crashed may not be reaped yet: give it a moment, and let
        // the log reader drain the last lines (the overflow message, say).
        tokio::time::sleep(Duration::from_millis(300)).await;
        if self.serve.alive() {
            return Some(unhealthy);
        }
        let status = self
            .serve
            .child
            .try_wait()
            .ok()
            .flatten()
            .map(|s| s.to_string())
            .unwrap_or_default();
        Some(format!(
            "THE SERVER DIED ({status}); its log ends:\n{}",
            log_tail(&self.serve.log_text(), 4)
        ))
    }

    /// A fresh `sanad serve` on the same database (the sessions stay valid).
    async fn restart(&mut self) {
        self.serve.kill9();
        self.serve = Serve::start_binary(&fuzz_bin(), &self.url).await;
        self.restarts += 1;
    }
}

fn log_tail(log: &str, lines: usize) -> String {
    let all: Vec<&str> = log.lines().collect();
    all[all.len().saturating_sub(lines)..]
        .iter()
        .map(|l| format!("    | {}", show(l, 300)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The server's log lines about the requests an answer's INTERNAL errors name ("logged
/// under request …"), so that a failure shows the cause.
fn logged_causes(log: &str, answer: &Answer) -> String {
    let ids: Vec<String> = answer
        .internal_errors()
        .iter()
        .filter_map(|m| m.split("under request ").nth(1))
        .map(|id| id.trim_end_matches('.').to_string())
        .collect();
    let lines: Vec<String> = log
        .lines()
        .filter(|l| ids.iter().any(|id| l.contains(id.as_str())))
        .filter(|l| !l.contains("answered status"))
        .map(|l| format!("    | {}", show(l, 400)))
        .take(4)
        .collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!("\n      server log:\n{}", lines.join("\n"))
    }
}

async fn post_to(
    http: &reqwest::Client,
    base: &str,
    token: Option<&str>,
    body: Vec<u8>,
    content_type: &str,
) -> Result<Answer, String> {
    let started = Instant::now();
    let mut req = http
        .post(format!("{base}/graphql"))
        .header("content-type", content_type)
        .header("accept-language", "en")
        .body(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let failed = |e: reqwest::Error| {
        if e.is_timeout() {
            format!(
                "no answer within {} s (after {} ms)",
                REQUEST_LIMIT.as_secs(),
                started.elapsed().as_millis()
            )
        } else {
            format!(
                "no answer (after {} ms): {e:?}",
                started.elapsed().as_millis()
            )
        }
    };
    let resp = req.send().await.map_err(failed)?;
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await.map_err(failed)?;
    let text = String::from_utf8_lossy(&bytes).to_string();
    Ok(Answer {
        status,
        body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
        took: started.elapsed(),
    })
}

/// `/healthz` answered 200 within [`HEALTH_LIMIT`], or what happened instead.
async fn health(http: &reqwest::Client, base: &str) -> Result<Duration, String> {
    let started = Instant::now();
    let answer =
        tokio::time::timeout(HEALTH_LIMIT, http.get(format!("{base}/healthz")).send()).await;
    let took = started.elapsed();
    match answer {
        Err(_) => Err(format!(
            "/healthz did not answer within {} ms",
            HEALTH_LIMIT.as_millis()
        )),
        Ok(Err(e)) => Err(format!("/healthz: no answer: {e}")),
        Ok(Ok(r)) if r.status().as_u16() != 200 => {
            Err(format!("/healthz answered HTTP {}", r.status()))
        }
        Ok(Ok(_)) => Ok(took),
    }
}

async fn login(http: &reqwest::Client, base: &str, username: &str) -> Result<String, String> {
    let body = serde_json::to_vec(&json!({
        "query": "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken } }",
        "variables": {"u": username, "p": DEMO_PASSWORD},
    }))
    .map_err(|e| e.to_string())?;
    let answer = post_to(http, base, None, body, "application/json").await?;
    answer.body["data"]["login"]["sessionToken"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| answer.shown())
}

// ---------------------------------------------------------------------------------------
// The schema, and documents generated from it.

#[derive(Clone, Debug)]
struct Ty {
    named: String,
    of: Option<Box<Ty>>,
    nullable: bool,
}

impl Ty {
    fn from(t: &Type) -> Ty {
        match &t.base {
            BaseType::Named(n) => Ty {
                named: n.to_string(),
                of: None,
                nullable: t.nullable,
            },
            BaseType::List(inner) => Ty {
                named: String::new(),
                of: Some(Box::new(Ty::from(inner))),
                nullable: t.nullable,
            },
        }
    }
    fn render(&self) -> String {
        let base = match &self.of {
            Some(inner) => format!("[{}]", inner.render()),
            None => self.named.clone(),
        };
        if self.nullable {
            base
        } else {
            base + "!"
        }
    }
    /// The named type under the lists.
    fn leaf(&self) -> &str {
        match &self.of {
            Some(inner) => inner.leaf(),
            None => &self.named,
        }
    }
}

#[derive(Clone, Debug)]
struct Arg {
    name: String,
    ty: Ty,
    has_default: bool,
}

impl Arg {
    fn required(&self) -> bool {
        !self.ty.nullable && !self.has_default
    }
}

#[derive(Clone, Debug)]
struct Field {
    name: String,
    args: Vec<Arg>,
    ty: Ty,
}

enum Kind {
    Object(Vec<Field>),
    Enum(Vec<String>),
    Input(Vec<Arg>),
    Scalar,
}

struct Schema {
    types: HashMap<String, Kind>,
}

impl Schema {
    /// `schema.graphql` (the SDL `sanad schema` prints, checked in).
    fn load() -> Schema {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../schema.graphql"))
                .expect("schema.graphql");
        let doc = async_graphql::parser::parse_schema(&text).expect("schema.graphql parses");
        let args = |list: &[async_graphql::Positioned<
            async_graphql::parser::types::InputValueDefinition,
        >]| {
            list.iter()
                .map(|a| Arg {
                    name: a.node.name.node.to_string(),
                    ty: Ty::from(&a.node.ty.node),
                    has_default: a.node.default_value.is_some(),
                })
                .collect::<Vec<_>>()
        };
        let mut types = HashMap::new();
        for def in &doc.definitions {
            let TypeSystemDefinition::Type(t) = def else {
                continue;
            };
            let kind = match &t.node.kind {
                TypeKind::Object(o) => Kind::Object(
                    o.fields
                        .iter()
                        .map(|f| Field {
                            name: f.node.name.node.to_string(),
                            args: args(&f.node.arguments),
                            ty: Ty::from(&f.node.ty.node),
                        })
                        .collect(),
                ),
                TypeKind::Enum(e) => Kind::Enum(
                    e.values
                        .iter()
                        .map(|v| v.node.value.node.to_string())
                        .collect(),
                ),
                TypeKind::InputObject(i) => Kind::Input(args(&i.fields)),
                _ => Kind::Scalar,
            };
            types.insert(t.node.name.node.to_string(), kind);
        }
        for builtin in ["String", "Int", "Float", "Boolean", "ID"] {
            types.entry(builtin.into()).or_insert(Kind::Scalar);
        }
        assert!(
            matches!(types.get("QueryRoot"), Some(Kind::Object(_)))
                && matches!(types.get("MutationRoot"), Some(Kind::Object(_))),
            "schema.graphql has QueryRoot and MutationRoot"
        );
        Schema { types }
    }

    fn fields(&self, type_name: &str) -> &[Field] {
        match self.types.get(type_name) {
            Some(Kind::Object(fields)) => fields,
            _ => &[],
        }
    }

    fn is_object(&self, type_name: &str) -> bool {
        matches!(self.types.get(type_name), Some(Kind::Object(_)))
    }
}

/// A value to put in a document: as a literal, or in the variables as JSON.
#[derive(Clone, Debug)]
enum G {
    Null,
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
    Enum(String),
    List(Vec<G>),
    Obj(Vec<(String, G)>),
}

/// `s` as a GraphQL string literal: control characters, quotes and backslashes escaped.
fn graphql_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl G {
    fn literal(&self) -> String {
        match self {
            G::Null => "null".into(),
            G::Int(i) => i.to_string(),
            G::Float(f) => format!("{f:?}"),
            G::Str(s) => graphql_string(s),
            G::Bool(b) => b.to_string(),
            G::Enum(e) => e.clone(),
            G::List(items) => format!(
                "[{}]",
                items.iter().map(G::literal).collect::<Vec<_>>().join(", ")
            ),
            G::Obj(fields) => format!(
                "{{{}}}",
                fields
                    .iter()
                    .map(|(k, v)| format!("{k}: {}", v.literal()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
    fn json(&self) -> Value {
        match self {
            G::Null => Value::Null,
            G::Int(i) => json!(i),
            G::Float(f) => json!(f),
            G::Str(s) | G::Enum(s) => json!(s),
            G::Bool(b) => json!(b),
            G::List(items) => Value::Array(items.iter().map(G::json).collect()),
            G::Obj(fields) => {
                Value::Object(fields.iter().map(|(k, v)| (k.clone(), v.json())).collect())
            }
        }
    }
}

/// Strings that have hurt servers: control characters (NUL first), odd Unicode, quoting.
const NASTY: &[&str] = &[
    "\u{0}",
    "a\u{0}b",
    "\u{0}\u{0}\u{0}",
    "\u{1}\u{2}\u{7}\u{8}\u{b}\u{c}\u{1b}[2J\u{7f}",
    "line\nbreak\r\nand\rcarriage",
    "\t",
    "\u{85}\u{2028}\u{2029}",
    "\u{202e}\u{200b}\u{feff}",
    "\u{fffd}\u{ffff}",
    "😀👩‍👩‍👧",
    "'; DROP TABLE events; --",
    "%_\\",
    "\"\\\"",
    "${x}{{x}}%s%n",
    " ",
    "",
];

/// Builds one document: the schema's fields with arguments of the right types (or, near
/// valid, with one thing wrong), random selections of bounded depth.
struct Gen<'a> {
    schema: &'a Schema,
    ids: &'a Ids,
    rng: &'a mut Rng,
    /// Mistakes still to make (near-valid documents make one).
    mistakes: usize,
    /// Every string a control-character or huge string (the string attacks).
    nasty_strings: bool,
    /// A huge string was used already (one a document, to stay under the body limit).
    huge_used: bool,
    /// The root field being filled in (what an `id` argument names).
    root: String,
    variables: Vec<(String, String, Value)>,
    fragments: Vec<String>,
    names: usize,
}

/// Selections nest at most this deep (the server refuses past 12).
const SELECTION_DEPTH: usize = 4;

/// A generated document and how to judge its answer.
struct Document {
    query: String,
    variables: Value,
    /// The response key of the one mutation field, when it is a mutation.
    mutation: Option<String>,
}

impl<'a> Gen<'a> {
    fn new(schema: &'a Schema, ids: &'a Ids, rng: &'a mut Rng) -> Gen<'a> {
        Gen {
            schema,
            ids,
            rng,
            mistakes: 0,
            nasty_strings: false,
            huge_used: false,
            root: String::new(),
            variables: Vec::new(),
            fragments: Vec::new(),
            names: 0,
        }
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.names += 1;
        format!("{prefix}{}", self.names)
    }

    /// A mistake here, if one is still to be made (one chance in `n`).
    fn mistake(&mut self, n: usize) -> bool {
        if self.mistakes > 0 && self.rng.one_in(n) {
            self.mistakes -= 1;
            true
        } else {
            false
        }
    }

    fn nasty(&mut self) -> String {
        let draw = self.rng.below(20);
        let huge = draw < 2 && !self.huge_used;
        self.huge_used |= huge;
        match draw {
            0 if huge => "ع".repeat(50_000),
            1 if huge => "x".repeat(100 * 1024),
            2 => format!("{}\u{0}", "n".repeat(self.rng.between(1, 4000))),
            3..=9 => self.rng.pick(&NASTY[..3]).to_string(),
            _ => {
                let a = self.rng.pick(NASTY).to_string();
                let b = self.rng.pick(NASTY).to_string();
                format!("{a}fuzz{b}")
            }
        }
    }

    fn string(&mut self, hint: &str) -> String {
        if self.nasty_strings || self.rng.one_in(8) {
            return self.nasty();
        }
        let hex = format!("{:016x}", self.rng.next());
        let options: Vec<String> = match hint {
            "governorate" | "governorates" => [
                "IQ-NI", "IQ-BG", "IQ-AN", "IQ-KR", "IQ-ZZ", "iq-ni", " IQ-NI",
            ]
            .map(String::from)
            .to_vec(),
            "returnCountry" => ["DE", "TR", "XX", "de", "DEU"].map(String::from).to_vec(),
            "caseNumber" => {
                let mut v = self.ids.case_numbers.clone();
                v.extend(["NRM-NI", "2026", "%", "_", "NRM-NI-2026-999999"].map(String::from));
                v
            }
            "search" => ["أمل", "Amal", "amal", "%", "_", "o", "الأمل للتنمية"]
                .map(String::from)
                .to_vec(),
            "username" => vec![
                format!("fuzz.{}", &hex[..6]),
                "ab".into(),
                "Fuzz User".into(),
                "a".repeat(70),
                "فاطمة".into(),
            ],
            "password" => ["wrong-password-1", "short", ""].map(String::from).to_vec(),
            "dateOfBirth" => ["1990-01-01", "1990-13-45", "yesterday"]
                .map(String::from)
                .to_vec(),
            "commandId" => vec![
                hex.clone(),
                format!("fuzz-{hex}"),
                "seed:amal:register".into(),
            ],
            "after" => ["zz", "", "00", "0123abcd", "ffffffffffffffff"]
                .map(String::from)
                .to_vec(),
            "phone" => ["+964 770 000 0000", "phone"].map(String::from).to_vec(),
            _ => vec![
                "fuzz".into(),
                format!("fuzz {hex}"),
                "منظمة الفحص".into(),
                "x".into(),
            ],
        };
        let s = self.rng.pick(&options).clone();
        // Never a demo account's name: wrong passwords would lock it (five in 15 minutes).
        if hint == "username" && ROLES.iter().any(|r| r.eq_ignore_ascii_case(s.trim())) {
            return "fuzz-nobody".into();
        }
        s
    }

    fn id(&mut self, hint: &str) -> String {
        match self.rng.below(12) {
            0 => return uuid::Uuid::new_v4().to_string(),
            1 => {
                return self
                    .rng
                    .pick(&["not-an-id", "", "0", "' OR 1=1"])
                    .to_string()
            }
            _ => {}
        }
        let organization_fields = [
            "organization",
            "updateOrganizationProfile",
            "verifyOrganization",
            "suspendOrganization",
            "reinstateOrganization",
        ];
        let pool = match hint {
            "organizationId" | "providerId" => &self.ids.organizations,
            "userId" => &self.ids.users,
            _ if organization_fields.contains(&self.root.as_str()) => &self.ids.organizations,
            _ if self.root == "revokeApiToken" => {
                return uuid::Uuid::new_v4().to_string();
            }
            _ => &self.ids.referrals,
        };
        self.rng.pick(pool).clone()
    }

    fn int(&mut self, hint: &str) -> i64 {
        let options: &[i64] = match hint {
            "first" => &[1, 1, 2, 3, 5, 10, 0, 20, 100, 101, -1],
            "monthlyCapacity" => &[1, 40, 100_000, 100_001, 0, -5],
            "householdSize" => &[1, 5, 12, 0, -1, 1000],
            _ => &[0, 1, -1, 42, 2_147_483_647, -2_147_483_648],
        };
        *self.rng.pick(options)
    }

    /// The wrong thing for `ty`: another type, a missing field, an unknown value.
    fn wrong(&mut self, ty: &Ty) -> G {
        let schema = self.schema;
        if let Some(Kind::Input(fields)) = schema.types.get(ty.leaf()) {
            if ty.of.is_none() && self.rng.one_in(2) {
                // A required field left out, or one the type does not have.
                let mut g = match self.value_of(ty, "", 0) {
                    G::Obj(fields) => fields,
                    _ => Vec::new(),
                };
                let required: Vec<String> = fields
                    .iter()
                    .filter(|a| a.required())
                    .map(|a| a.name.clone())
                    .collect();
                if !required.is_empty() && self.rng.one_in(2) {
                    let drop = self.rng.pick(&required).clone();
                    g.retain(|(k, _)| *k != drop);
                } else {
                    g.push(("notAField".into(), G::Int(1)));
                }
                return G::Obj(g);
            }
        }
        if let Some(Kind::Enum(values)) = schema.types.get(ty.leaf()) {
            let real = self.rng.pick(values).clone();
            return match self.rng.below(3) {
                0 => G::Enum("NOT_A_VALUE".into()),
                1 => G::Enum(real.to_lowercase()),
                _ => G::Str(real),
            };
        }
        match self.rng.below(8) {
            0 => G::Null,
            1 => G::Int(2_147_483_648),
            2 => G::Float(1.5),
            3 => G::Str("wrong".into()),
            4 => G::Bool(true),
            5 => G::List(vec![G::Null, G::Int(1)]),
            6 => G::Obj(vec![("nope".into(), G::Int(1))]),
            _ => G::Enum("NOT_A_VALUE".into()),
        }
    }

    fn value(&mut self, ty: &Ty, hint: &str, depth: usize) -> G {
        if self.mistake(6) {
            return self.wrong(ty);
        }
        if ty.nullable && self.rng.one_in(8) {
            return G::Null;
        }
        self.value_of(ty, hint, depth)
    }

    fn value_of(&mut self, ty: &Ty, hint: &str, depth: usize) -> G {
        if let Some(inner) = &ty.of {
            let n = if depth > 3 { 0 } else { self.rng.between(0, 3) };
            return G::List((0..n).map(|_| self.value(inner, hint, depth + 1)).collect());
        }
        let schema = self.schema;
        match schema.types.get(&ty.named) {
            Some(Kind::Enum(values)) => G::Enum(self.rng.pick(values).clone()),
            Some(Kind::Input(fields)) => {
                let mut out = Vec::new();
                for f in fields {
                    if f.required() || self.rng.one_in(2) {
                        out.push((f.name.clone(), self.value(&f.ty, &f.name, depth + 1)));
                    }
                }
                G::Obj(out)
            }
            _ => match ty.named.as_str() {
                "String" => G::Str(self.string(hint)),
                "ID" => G::Str(self.id(hint)),
                "Int" => G::Int(self.int(hint)),
                "Float" => G::Float(1.5),
                "Boolean" => G::Bool(self.rng.one_in(2)),
                "NaiveDate" => G::Str(
                    self.rng
                        .pick(&[
                            "2026-12-24",
                            "2026-11-01",
                            "2027-02-30",
                            "2020-01-01",
                            "soon",
                        ])
                        .to_string(),
                ),
                "DateTime" => G::Str("2026-12-04T10:00:00Z".into()),
                "JSON" => G::Obj(vec![("a".into(), G::List(vec![G::Int(1)]))]),
                _ => G::Str(self.string(hint)),
            },
        }
    }

    /// `(a: 1, b: $v2)`, or nothing.
    fn arguments(&mut self, field: &Field) -> String {
        let mut parts = Vec::new();
        for a in &field.args {
            let dropped = a.required() && self.mistake(8);
            let wanted = a.required()
                || self.rng.one_in(3)
                || (self.nasty_strings && a.ty.leaf() == "String");
            if dropped || !wanted {
                continue;
            }
            let g = self.value(&a.ty, &a.name, 0);
            if self.rng.one_in(2) {
                let var = self.fresh("v");
                let mut declared = a.ty.render();
                if self.mistake(6) {
                    declared = self
                        .rng
                        .pick(&["Int", "String!", "[ID!]!", "NoSuchType", "Boolean"])
                        .to_string();
                }
                let value = if self.mistake(6) {
                    self.wrong(&a.ty).json()
                } else {
                    g.json()
                };
                self.variables.push((var.clone(), declared, value));
                parts.push(format!("{}: ${var}", a.name));
            } else {
                parts.push(format!("{}: {}", a.name, g.literal()));
            }
        }
        if self.mistake(10) {
            parts.push("notAnArgument: 1".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("({})", parts.join(", "))
        }
    }

    fn field(&mut self, f: &Field, depth: usize) -> String {
        let alias = if self.rng.one_in(6) {
            format!("{}: ", self.fresh("a"))
        } else {
            String::new()
        };
        let args = self.arguments(f);
        let directive = match self.rng.below(16) {
            0 => " @skip(if: false)",
            1 => " @include(if: true)",
            2 => " @skip(if: true)",
            _ => "",
        };
        let sub = if self.schema.is_object(f.ty.leaf()) {
            if self.mistake(10) {
                String::new()
            } else {
                format!(" {}", self.selection(f.ty.leaf(), depth + 1))
            }
        } else if self.mistake(12) {
            " { id }".into()
        } else {
            String::new()
        };
        format!("{alias}{}{args}{directive}{sub}", f.name)
    }

    /// `{ … }` on an object type.
    fn selection(&mut self, type_name: &str, depth: usize) -> String {
        let fields = self.schema.fields(type_name).to_vec();
        let mut parts = Vec::new();
        for _ in 0..self.rng.between(1, 3) {
            let f = self.rng.pick(&fields).clone();
            if self.schema.is_object(f.ty.leaf()) && depth >= SELECTION_DEPTH {
                continue;
            }
            parts.push(self.field(&f, depth));
        }
        if parts.is_empty() || self.rng.one_in(6) {
            parts.push("__typename".into());
        }
        if self.mistake(10) {
            parts.push("notAField".into());
        }
        if self.rng.one_in(10) {
            let inner = parts.pop().unwrap_or_else(|| "__typename".into());
            parts.push(format!("... on {type_name} {{ {inner} }}"));
        }
        if self.rng.one_in(10) {
            let name = self.fresh("F");
            let inner = parts.pop().unwrap_or_else(|| "__typename".into());
            self.fragments
                .push(format!("fragment {name} on {type_name} {{ {inner} }}"));
            parts.push(format!("...{name}"));
        }
        format!("{{ {} }}", parts.join(" "))
    }

    /// A whole operation: a query of one to three root fields, or a mutation of one.
    fn document(&mut self) -> Document {
        let mutation = self.rng.below(5) < 2;
        let (root_type, keyword) = if mutation {
            ("MutationRoot", "mutation")
        } else {
            ("QueryRoot", "query")
        };
        // `logout` would end the role's session for the rest of the run.
        let roots: Vec<Field> = self
            .schema
            .fields(root_type)
            .iter()
            .filter(|f| f.name != "logout")
            .cloned()
            .collect();
        let mut parts = Vec::new();
        let mut key = None;
        for _ in 0..(if mutation { 1 } else { self.rng.between(1, 3) }) {
            let f = self.rng.pick(&roots).clone();
            self.root = f.name.clone();
            let text = self.field(&f, 1);
            key = Some(
                text.split_once(": ")
                    .filter(|(alias, _)| !alias.contains(['(', ' ', '{']))
                    .map(|(alias, _)| alias.to_string())
                    .unwrap_or_else(|| f.name.clone()),
            );
            parts.push(text);
        }
        let declarations = if self.variables.is_empty() {
            String::new()
        } else {
            format!(
                "({})",
                self.variables
                    .iter()
                    .map(|(name, ty, _)| format!("${name}: {ty}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let header = if declarations.is_empty() && !mutation && self.rng.one_in(2) {
            String::new()
        } else {
            format!("{keyword} Fuzz{declarations} ")
        };
        let mut query = format!("{header}{{ {} }}", parts.join(" "));
        for f in &self.fragments {
            query.push(' ');
            query.push_str(f);
        }
        let variables: serde_json::Map<String, Value> = self
            .variables
            .iter()
            .map(|(name, _, v)| (name.clone(), v.clone()))
            .collect();
        Document {
            query,
            variables: Value::Object(variables),
            mutation: if mutation { key } else { None },
        }
    }
}

/// Separators the grammar ignores (and a few it does not), for the spaces of a document.
const ODD_SPACE: &[&str] = &[
    "\t",
    "\n",
    "\r",
    "\r\n",
    ",",
    " ,, ",
    "\u{feff}",
    "# a comment\n",
    "# a comment ended by a carriage return\r",
    "#\r",
    "# {[( unbalanced in a comment\n",
    "\u{a0}",
    "\u{2028}",
    "\u{0}",
    "\u{b}",
];

/// `doc` with some of its spaces outside strings replaced by [`ODD_SPACE`].
fn odd_whitespace(rng: &mut Rng, doc: &str) -> String {
    let mut out = String::with_capacity(doc.len() * 2);
    if rng.one_in(3) {
        out.push('\u{feff}');
    }
    let (mut in_string, mut escaped) = (false, false);
    for c in doc.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            ' ' if rng.one_in(2) => out.push_str(rng.pick::<&str>(ODD_SPACE)),
            c => out.push(c),
        }
    }
    if rng.one_in(2) {
        out.push_str("\n# trailing comment");
    }
    out
}

// ---------------------------------------------------------------------------------------
// Hostile documents.

/// A list literal thousands deep behind a comment ended by `\r` (a line end to GraphQL,
/// not to a scanner that only knows `\n`).
fn cr_comment_deep_list(depth: usize) -> String {
    format!(
        "{{ organizations(search: # a comment ended by a carriage return\r{}\"x\"{}) {{ totalCount }} }}",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

fn deep_list(depth: usize) -> String {
    format!(
        "{{ organizations(search: {}\"x\"{}) {{ totalCount }} }}",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

/// Fragment i spreads fragment i+1 twice: 2^levels spreads once expanded.
fn exponential_fragments(levels: usize) -> String {
    let mut doc = String::from("query { ...F0 }");
    for i in 0..levels {
        doc.push_str(&format!(
            " fragment F{i} on QueryRoot {{ governorates {{ code }} ...F{n} ...F{n} }}",
            n = i + 1
        ));
    }
    doc.push_str(&format!(
        " fragment F{levels} on QueryRoot {{ viewer {{ id }} }}"
    ));
    doc
}

/// `n` fragments, each spreading the next: flat text, a chain as long as it is.
fn fragment_chain(n: usize) -> String {
    let mut doc = String::from("query { ...C0 }");
    for i in 0..n {
        doc.push_str(&format!(" fragment C{i} on QueryRoot {{ ...C{} }}", i + 1));
    }
    doc.push_str(&format!(" fragment C{n} on QueryRoot {{ __typename }}"));
    doc
}

/// A selection `n` deep built from fragments, each one level of `ofType` deeper: the text
/// is never nested more than three levels, the selection is.
fn nested_by_fragments(n: usize) -> String {
    let mut doc = String::from("query { __schema { types { ...T0 } } }");
    for i in 0..n {
        doc.push_str(&format!(
            " fragment T{i} on __Type {{ name ofType {{ ...T{} }} }}",
            i + 1
        ));
    }
    doc.push_str(&format!(" fragment T{n} on __Type {{ name }}"));
    doc
}

/// A selection `n` deep, written out.
fn deep_selection(n: usize) -> String {
    format!(
        "{{ __schema {{ types {{ {} name {} }} }} }}",
        "ofType { ".repeat(n),
        "}".repeat(n)
    )
}

fn many_aliases(n: usize, field: &str, distinct: bool) -> String {
    let parts: Vec<String> = (0..n)
        .map(|i| {
            if distinct {
                format!("a{i}: {field}")
            } else {
                format!("a: {field}")
            }
        })
        .collect();
    format!("{{ {} }}", parts.join(" "))
}

/// A JSON GraphQL request body.
fn request(query: &str, variables: &Value) -> Vec<u8> {
    serde_json::to_vec(&json!({"query": query, "variables": variables})).expect("a JSON body")
}

/// One request of a fuzzing run and how to judge its answer.
struct Case {
    kind: &'static str,
    /// Built to hurt: the server's health is checked after it.
    hostile: bool,
    /// The role it must be sent as, else the one drawn.
    role: Option<&'static str>,
    body: Vec<u8>,
    content_type: &'static str,
    /// A well-formed JSON request: its answer must be a GraphQL response.
    graphql: bool,
    /// The response key of its one mutation field.
    mutation: Option<String>,
    /// Sent first, unjudged: the same document with good variables, so that the server
    /// knows it (a document that passed the full validation once gets the fast one).
    first: Option<Vec<u8>>,
    shown: String,
}

impl Case {
    fn document(kind: &'static str, hostile: bool, doc: Document) -> Case {
        Case {
            kind,
            hostile,
            role: None,
            body: request(&doc.query, &doc.variables),
            content_type: "application/json",
            graphql: true,
            mutation: doc.mutation,
            first: None,
            shown: format!(
                "document {}\n      variables {}",
                show(&doc.query, 700),
                show(&doc.variables.to_string(), 400)
            ),
        }
    }

    fn hostile(kind: &'static str, query: String) -> Case {
        Case::document(
            kind,
            true,
            Document {
                query,
                variables: json!({}),
                mutation: None,
            },
        )
    }
}

/// The next case of the run: valid, near-valid and hostile documents in fixed shares.
fn next_case(rng: &mut Rng, schema: &Schema, ids: &Ids) -> Case {
    let share = rng.below(100);
    match share {
        0..=29 => {
            let doc = Gen::new(schema, ids, rng).document();
            Case::document("valid", false, doc)
        }
        30..=47 => {
            let mut g = Gen::new(schema, ids, rng);
            g.mistakes = 1;
            let doc = g.document();
            Case::document("near-valid", false, doc)
        }
        48..=54 => {
            let doc = Gen::new(schema, ids, rng).document();
            let good = request(&doc.query, &doc.variables);
            let mut wrong = doc.variables.as_object().cloned().unwrap_or_default();
            let names: Vec<String> = wrong.keys().cloned().collect();
            if names.is_empty() {
                wrong.insert("undeclared".into(), json!(1));
            } else {
                let name = rng.pick(&names).clone();
                match rng.below(3) {
                    0 => {
                        wrong.remove(&name);
                    }
                    1 => {
                        wrong.insert(name, json!(null));
                    }
                    _ => {
                        let noise = variable_noise(rng);
                        wrong.insert(name, noise);
                    }
                }
            }
            let mut case = Case::document(
                "known document, a variable missing or wrong",
                false,
                Document {
                    query: doc.query,
                    variables: Value::Object(wrong),
                    mutation: doc.mutation,
                },
            );
            case.first = Some(good);
            case
        }
        55..=62 => {
            let mut doc = Gen::new(schema, ids, rng).document();
            doc.query = odd_whitespace(rng, &doc.query);
            Case::document("odd whitespace and comments", false, doc)
        }
        63..=72 => {
            let mut g = Gen::new(schema, ids, rng);
            g.nasty_strings = true;
            let doc = g.document();
            Case::document("control characters and huge strings", true, doc)
        }
        73..=79 => {
            let n = rng.below(14);
            let (what, body, content_type) = legacy_case(rng, n);
            Case {
                kind: "malformed request (faults.rs corpus)",
                hostile: true,
                role: None,
                shown: format!(
                    "{what}: body {}",
                    show(&String::from_utf8_lossy(&body), 500)
                ),
                body,
                content_type,
                graphql: false,
                mutation: None,
                first: None,
            }
        }
        _ => match rng.below(10) {
            0 => Case::hostile(
                "deep list after a \\r-ended comment",
                cr_comment_deep_list(rng.between(2_000, 10_000)),
            ),
            1 => Case::hostile("deep list", deep_list(rng.between(100, 20_000))),
            2 => Case::hostile(
                "deep selection",
                deep_selection(*rng.pick(&[13, 20, 40, 60, 500, 5_000])),
            ),
            3 => Case::hostile(
                "exponential fragment spreads",
                exponential_fragments(rng.between(20, 30)),
            ),
            4 => Case::hostile(
                "long fragment chain",
                fragment_chain(*rng.pick(&[100, 1_000, 5_000])),
            ),
            5 => Case::hostile(
                "selection nested by fragments",
                nested_by_fragments(*rng.pick(&[13, 100, 1_000, 3_000])),
            ),
            6 => {
                let field = *rng.pick(&["__typename", "governorates { code }", "viewer { id }"]);
                let mut n = rng.between(1_000, 10_000);
                // Under the body limit: the alias count is what this case is about.
                while n * (field.len() + 8) > 200_000 {
                    n /= 2;
                }
                Case::hostile("thousands of aliases", many_aliases(n, field, true))
            }
            7 => Case::hostile(
                "one field repeated thousands of times",
                many_aliases(
                    rng.between(1_000, 5_000),
                    rng.pick::<&str>(&["__typename", "governorates { code }"]),
                    false,
                ),
            ),
            8 => {
                let s = "x".repeat(100 * 1024);
                let query = if rng.one_in(2) {
                    format!(
                        "{{ organizations(search: {}) {{ totalCount }} }}",
                        graphql_string(&s)
                    )
                } else {
                    format!("{{ organizations(search: \"\"\"{s}\"\"\") {{ totalCount }} }} # {s}")
                };
                Case::hostile("100 KB string literal", query)
            }
            _ => {
                let doc = Gen::new(schema, ids, rng).document();
                let n = rng.between(2, 200);
                let query = format!(
                    "{} {}",
                    doc.query,
                    (0..n)
                        .map(|i| format!("query Other{i} {{ __typename }}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
                Case::document(
                    "many operations, none named to run",
                    true,
                    Document {
                        query,
                        variables: doc.variables,
                        mutation: None,
                    },
                )
            }
        },
    }
}

/// What is wrong with `answer` to `case` (the events counted around it when a mutation).
fn problems(case: &Case, answer: &Answer, events: Option<(i64, i64)>) -> Vec<String> {
    let mut found = Vec::new();
    if answer.status >= 500 {
        found.push(format!("HTTP {} (a 5xx)", answer.status));
    }
    for message in answer.internal_errors() {
        found.push(format!("an INTERNAL error: {}", show(&message, 300)));
    }
    if answer.took > REQUEST_LIMIT {
        found.push(format!("answered after {} ms", answer.took.as_millis()));
    }
    if case.graphql && !answer.is_graphql_response() {
        found.push(format!(
            "HTTP {} that is no GraphQL response (no data, no errors)",
            answer.status
        ));
    }
    if let (Some(key), Some((before, after))) = (&case.mutation, events) {
        if answer.refused(key) && before != after {
            found.push(format!(
                "the mutation was refused, yet the events went from {before} to {after}"
            ));
        }
    }
    found
}

// ---------------------------------------------------------------------------------------
// Malformed requests: the corpus and mutations that used to live in faults.rs.

const CORPUS: &[&str] = &[
    "{ viewer { id username role organization { id nameAr } apiTokens { id name } } }",
    "{ governorates { code nameAr nameEn } }",
    "query($first:Int,$after:String,$kind:OrganizationKind,$g:String,$s:OrganizationStatus,$q:String){ organizations(first:$first, after:$after, kind:$kind, governorate:$g, status:$s, search:$q){ totalCount pageInfo{ hasNextPage endCursor } edges{ cursor node{ id nameAr services{ category monthlyCapacity } members{ username } } } } }",
    "query($id:ID!,$first:Int,$after:String){ organization(id:$id){ id status history(first:$first, after:$after){ nodes{ position eventType payload actorLabel } pageInfo{ endCursor } } } }",
    "{ readModels { name position updatedAt } }",
    "{ eventChain { checked intact firstBrokenPosition reason } }",
    "mutation($c:String,$i:RegisterOrganizationInput!){ registerOrganization(commandId:$c, input:$i){ id status version } }",
    "mutation($id:ID!,$n:String){ verifyOrganization(id:$id, note:$n){ status } }",
    "mutation($id:ID!,$r:String!){ suspendOrganization(id:$id, reason:$r){ status suspendedReason } }",
    "mutation($o:ID!,$s:ServiceInput!){ offerService(organizationId:$o, input:$s){ category monthlyCapacity } }",
    "mutation($o:ID!,$i:NewMemberInput!){ createMember(organizationId:$o, input:$i){ userId role } }",
    "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken } }",
    "mutation($n:String!){ createApiToken(name:$n){ id token } }",
    "{ __schema { types { name fields { name type { name kind ofType { name } } } } } }",
    "fragment O on Organization { id nameAr } query { organizations(first: 3) { nodes { ...O } } }",
];

const NOISE: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ":",
    "$",
    "!",
    "@",
    "...",
    "\"",
    "\\",
    "#",
    "\n",
    ",",
    "=",
    "query",
    "mutation",
    "subscription",
    "fragment",
    "on",
    "null",
    "true",
    "-1",
    "1e999",
    "\u{0}",
    "\u{202e}",
    "ع",
    "😀",
    "__typename",
    "@skip(if: true)",
    "@include(if: $x)",
];

fn variable_noise(rng: &mut Rng) -> Value {
    let values = [
        json!(null),
        json!("text"),
        json!(""),
        json!(-1),
        json!(0),
        json!(2147483648u64),
        json!(1e300),
        json!(true),
        json!([]),
        json!({}),
        json!([1, "a", null]),
        json!({"kind": "NOPE", "nameAr": 5, "governorates": "IQ-NI"}),
        json!({"category": "LIVELIHOODS", "governorates": ["IQ-XX"], "monthlyCapacity": -5}),
        json!("00000000-0000-0000-0000-000000000000"),
        json!("not-a-cursor!!"),
    ];
    rng.pick(&values).clone()
}

fn mutate(rng: &mut Rng, doc: &str) -> String {
    let mut chars: Vec<char> = doc.chars().collect();
    for _ in 0..=rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 => chars.truncate(at),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            2 => {
                let noise: Vec<char> = rng.pick(NOISE).chars().collect();
                chars.splice(at..at, noise);
            }
            3 => {
                let end = (at + rng.below(30)).min(chars.len());
                let piece: Vec<char> = chars[at..end].to_vec();
                chars.splice(at..at, piece);
            }
            _ => {
                let c = char::from_u32(rng.next() as u32 % 0x3000).unwrap_or('?');
                chars.insert(at.min(chars.len()), c);
            }
        }
    }
    chars.into_iter().collect()
}

/// How deep the legacy generator nests value literals (deeper ones are the named tests').
const SURVIVED_VALUE_NESTING: usize = 500;

/// One fuzz case: what it is, and the request body (raw bytes) with its content type.
fn legacy_case(rng: &mut Rng, n: usize) -> (String, Vec<u8>, &'static str) {
    let json_body = |q: String, v: Value| {
        serde_json::to_vec(&json!({"query": q, "variables": v})).unwrap_or_default()
    };
    let ct = "application/json";
    match n % 14 {
        0 => {
            let original = *rng.pick(CORPUS);
            let doc = mutate(rng, original);
            let v = json!({"first": variable_noise(rng), "id": variable_noise(rng), "i": variable_noise(rng)});
            ("mutated document".into(), json_body(doc, v), ct)
        }
        1 => {
            let doc = rng.pick(CORPUS).to_string();
            let mut v = serde_json::Map::new();
            for k in [
                "first", "after", "kind", "g", "s", "q", "id", "c", "i", "n", "r", "o", "u", "p",
            ] {
                if rng.below(2) == 0 {
                    v.insert(k.into(), variable_noise(rng));
                }
            }
            (
                "wrongly typed variables".into(),
                json_body(doc, Value::Object(v)),
                ct,
            )
        }
        2 => {
            let len = rng.below(400);
            let doc: String = (0..len).map(|_| rng.pick(NOISE).to_string()).collect();
            ("random tokens".into(), json_body(doc, json!({})), ct)
        }
        3 => {
            let bytes: Vec<u8> = (0..rng.below(2000)).map(|_| rng.next() as u8).collect();
            ("random bytes".into(), bytes, ct)
        }
        4 => {
            let s = "ع".repeat(100_000);
            let doc = CORPUS[6].to_string();
            let v = json!({"c": s.clone(), "i": {"kind": "NGO", "nameAr": s, "nameEn": "x", "governorates": ["IQ-NI"]}});
            ("huge strings".into(), json_body(doc, v), ct)
        }
        5 => {
            let v = json!({"i": {"kind": "NGO", "nameAr": "س", "nameEn": "x", "governorates": vec!["IQ-NI"; 20_000]}});
            ("huge list".into(), json_body(CORPUS[6].to_string(), v), ct)
        }
        6 => {
            let depth = 200 + rng.below(5000);
            let doc = format!("{}{}", "{ a ".repeat(depth), "}".repeat(depth));
            (
                "deep selection nesting".into(),
                json_body(doc, json!({})),
                ct,
            )
        }
        7 => {
            let depth = 50 + rng.below(SURVIVED_VALUE_NESTING - 50);
            let doc = format!(
                "{{ organizations(search: {}\"x\"{}) {{ totalCount }} }}",
                "[".repeat(depth),
                "]".repeat(depth)
            );
            ("deep list literal".into(), json_body(doc, json!({})), ct)
        }
        8 => {
            let depth = 50 + rng.below(SURVIVED_VALUE_NESTING - 50);
            let doc = format!(
                "mutation {{ registerOrganization(input: {}kind: NGO{}) {{ id }} }}",
                "{a: ".repeat(depth),
                "}".repeat(depth)
            );
            ("deep object literal".into(), json_body(doc, json!({})), ct)
        }
        9 => {
            let depth = 200 + rng.below(3000);
            let body = format!(
                "{{\"query\":\"query($q:String){{organizations(search:$q){{totalCount}}}}\",\"variables\":{{\"q\":{}1{}}}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            );
            ("deep JSON variables".into(), body.into_bytes(), ct)
        }
        10 => {
            let n = 500 + rng.below(3000);
            let doc = format!(
                "{{ {} }}",
                (0..n).map(|i| format!("a{i}: organizations(first: 100) {{ nodes {{ id members {{ username }} }} }}")).collect::<Vec<_>>().join(" ")
            );
            ("many aliases".into(), json_body(doc, json!({})), ct)
        }
        11 => {
            let doc = "fragment A on QueryRoot { ...B governorates { code } } fragment B on QueryRoot { ...A } { ...A }".to_string();
            ("fragment cycle".into(), json_body(doc, json!({})), ct)
        }
        12 => {
            let mut batch: Vec<Value> = Vec::with_capacity(50);
            for _ in 0..50 {
                let original = *rng.pick(CORPUS);
                let query = mutate(rng, original);
                batch.push(json!({"query": query, "variables": {"first": variable_noise(rng)}}));
            }
            (
                "batch of 50".into(),
                serde_json::to_vec(&batch).unwrap_or_default(),
                ct,
            )
        }
        _ => {
            let bodies: [(&str, Vec<u8>, &'static str); 6] = [
                ("empty body", vec![], ct),
                ("not JSON", b"query { viewer { id } }".to_vec(), ct),
                ("query not a string", br#"{"query": 42}"#.to_vec(), ct),
                (
                    "variables not an object",
                    br#"{"query": "{ viewer { id } }", "variables": [1]}"#.to_vec(),
                    ct,
                ),
                (
                    "form content type",
                    b"query=%7Bviewer%7Bid%7D%7D".to_vec(),
                    "application/x-www-form-urlencoded",
                ),
                (
                    "invalid UTF-8",
                    vec![b'{', b'"', b'q', 0xff, 0xfe, b'"', b'}'],
                    ct,
                ),
            ];
            let (what, body, ct) = rng.pick(&bodies).clone();
            (what.into(), body, ct)
        }
    }
}
