//! The real `sanad` binary as a child process, and a small GraphQL client for it.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};

/// A request the server has not answered in this long failed.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub const ADMIN_USERNAME: &str = "bench.admin";
pub const ADMIN_PASSWORD: &str = "bench-password-2026";

/// `sanad serve` on a free port; killed when dropped.
pub struct SanadProcess {
    child: Child,
    pub base: String,
    pub log: PathBuf,
}

fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

/// Runs a `sanad` subcommand to completion; returns its stdout, or its output as the error.
pub async fn run_cli(bin: &Path, database_url: &str, args: &[&str]) -> Result<String, String> {
    let out = tokio::process::Command::new(bin)
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("SANAD_PASSWORD", ADMIN_PASSWORD)
        .env("RUST_LOG", "warn")
        .output()
        .await
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(format!(
            "sanad {} failed: {}{}",
            args.join(" "),
            stdout,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Applies the migrations and makes the Secretariat administrator the clients sign in as.
pub async fn prepare_database(bin: &Path, database_url: &str) -> Result<(), String> {
    run_cli(bin, database_url, &["migrate"]).await?;
    create_admin(bin, database_url).await
}

/// Creates the Secretariat administrator the clients sign in as.
pub async fn create_admin(bin: &Path, database_url: &str) -> Result<(), String> {
    create_user(
        bin,
        database_url,
        ADMIN_USERNAME,
        "Benchmark administrator",
        &[],
    )
    .await
}

/// Creates an account in an organisation with `sanad admin create-user`: the credentials
/// row and the organisation's `MemberAdded` event, through the real store.
pub async fn create_member(
    bin: &Path,
    database_url: &str,
    username: &str,
    role: &str,
    organization: &str,
) -> Result<(), String> {
    create_user(
        bin,
        database_url,
        username,
        "Benchmark reader",
        &["--role", role, "--organization", organization],
    )
    .await
}

/// `sanad admin create-user` with `more` options after the username and display name.
async fn create_user(
    bin: &Path,
    database_url: &str,
    username: &str,
    display_name: &str,
    more: &[&str],
) -> Result<(), String> {
    let mut args = vec![
        "admin",
        "create-user",
        "--username",
        username,
        "--display-name",
        display_name,
    ];
    args.extend_from_slice(more);
    run_cli(bin, database_url, &args).await.map(|_| ())
}

impl SanadProcess {
    pub async fn start(
        bin: &Path,
        database_url: &str,
        log_dir: &Path,
        name: &str,
    ) -> Result<Self, String> {
        let port = free_port()?;
        let log = log_dir.join(format!("{name}.log"));
        let file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let err = file.try_clone().map_err(|e| e.to_string())?;
        let child = Command::new(bin)
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND", format!("127.0.0.1:{port}"))
            .env("GRAPHIQL", "false")
            .stdin(Stdio::null())
            .stdout(Stdio::from(file))
            .stderr(Stdio::from(err))
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let mut p = Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
            log,
        };
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(r) = http.get(format!("{}/healthz", p.base)).send().await {
                if r.status().is_success() {
                    return Ok(p);
                }
            }
            if let Ok(Some(status)) = p.child.try_wait() {
                return Err(format!(
                    "sanad serve exited ({status}); see {}",
                    p.log.display()
                ));
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "sanad serve did not answer /healthz in 60 s; see {}",
                    p.log.display()
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The process's peak resident set (VmHWM) in KiB, from /proc.
    pub fn peak_rss_kib(&self) -> Option<u64> {
        proc_status_kib(self.pid(), "VmHWM:")
    }

    /// Stops the process with SIGTERM (graceful), then SIGKILL after 5 s.
    pub async fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for SanadProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A `VmXxx:` line of /proc/<pid>/status, in KiB.
pub fn proc_status_kib(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Speaks GraphQL to one Sanad process over a keep-alive HTTP/1.1 connection of its own:
/// each clone (each benchmark client) opens its own, as each person's browser does.
///
/// Written on hyper's connection directly: the load generator shares the machine with
/// the processes it measures, and a general client's connection pool, per-request timer
/// and URL handling were a third of its CPU.
pub struct Gql {
    addr: Arc<str>,
    conn: tokio::sync::Mutex<Option<SendRequest<Full<Bytes>>>>,
}

impl Clone for Gql {
    fn clone(&self) -> Self {
        Self {
            addr: self.addr.clone(),
            conn: tokio::sync::Mutex::new(None),
        }
    }
}

#[derive(serde::Serialize)]
struct GraphqlRequest<'a> {
    query: &'a str,
    variables: &'a Value,
}

impl Gql {
    pub fn new(base: &str) -> Result<Self, String> {
        let addr = base
            .strip_prefix("http://")
            .filter(|a| !a.is_empty() && !a.contains('/'))
            .ok_or_else(|| format!("the server's address {base}: expected http://host:port"))?;
        Ok(Self {
            addr: addr.into(),
            conn: tokio::sync::Mutex::new(None),
        })
    }

    async fn connect(&self) -> Result<SendRequest<Full<Bytes>>, String> {
        let stream = tokio::net::TcpStream::connect(&*self.addr)
            .await
            .map_err(|e| format!("cannot connect to {}: {e}", self.addr))?;
        let _ = stream.set_nodelay(true);
        let (send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("HTTP handshake with {}: {e}", self.addr))?;
        tokio::spawn(async move {
            // Ends when the server closes the connection or the client is dropped; the
            // next request sees the closed sender and connects again.
            let _ = conn.await;
        });
        Ok(send)
    }

    /// One request on this client's connection (opened, or opened again, as needed); the
    /// status and the body.
    async fn post(&self, token: Option<&str>, body: Vec<u8>) -> Result<(u16, Bytes), String> {
        let mut slot = self.conn.lock().await;
        let mut send = match slot.take() {
            Some(send) if !send.is_closed() => send,
            _ => self.connect().await?,
        };
        let mut req = hyper::Request::post("/graphql")
            .header(hyper::header::HOST, &*self.addr)
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .header(hyper::header::ACCEPT_LANGUAGE, "en");
        if let Some(t) = token {
            req = req.header(hyper::header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let req = req
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| format!("request: {e}"))?;
        send.ready()
            .await
            .map_err(|e| format!("request failed: {e}"))?;
        let resp = send
            .send_request(req)
            .await
            .map_err(|e| format!("request failed: {e}"))?;
        let status = resp.status().as_u16();
        let body = resp
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("HTTP {status}: body: {e}"))?
            .to_bytes();
        *slot = Some(send);
        Ok((status, body))
    }

    /// The operation's `data`, or an error naming the HTTP status or the first error's code.
    pub async fn call(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Result<Value, String> {
        let body = serde_json::to_vec(&GraphqlRequest {
            query,
            variables: &variables,
        })
        .map_err(|e| format!("request body: {e}"))?;
        let (status, body) = tokio::time::timeout(REQUEST_TIMEOUT, self.post(token, body))
            .await
            .map_err(|_| format!("no answer in {} s", REQUEST_TIMEOUT.as_secs()))??;
        let mut body: Value = serde_json::from_slice(&body)
            .map_err(|e| format!("HTTP {status}: unreadable body: {e}"))?;
        if let Some(e) = body.get("errors").and_then(|e| e.get(0)) {
            return Err(format!(
                "HTTP {status} {}: {}",
                e["extensions"]["code"].as_str().unwrap_or("?"),
                e["message"].as_str().unwrap_or("")
            ));
        }
        if !(200..300).contains(&status) {
            return Err(format!("HTTP {status}"));
        }
        Ok(body.get_mut("data").map(Value::take).unwrap_or(Value::Null))
    }

    /// A new session of the benchmark's administrator: each client has its own, as people do.
    pub async fn login(&self) -> Result<String, String> {
        self.login_as(ADMIN_USERNAME).await
    }

    /// A new session of one of the benchmark's accounts (they all share `ADMIN_PASSWORD`).
    pub async fn login_as(&self, username: &str) -> Result<String, String> {
        let data = self
            .call(
                None,
                "mutation($u:String!,$p:String!){ login(username:$u, password:$p){ sessionToken } }",
                json!({ "u": username, "p": ADMIN_PASSWORD }),
            )
            .await
            .map_err(|e| format!("login as {username}: {e}"))?;
        data["login"]["sessionToken"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("login as {username} answered no token: {data}"))
    }
}
