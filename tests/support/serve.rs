//! `sanad serve` as a child process, for the tests that must see the real binary start,
//! die or be killed (faults, fuzzing): a crash of the server is then the child's death, a
//! clean test failure, never the test binary's.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::sanad_bin;

/// `sanad serve` on a port of its own; killed (SIGKILL) and reaped when dropped.
pub struct Serve {
    pub child: Child,
    pub base: String,
    pub log: Arc<Mutex<String>>,
    /// A line of its log said `panicked`.
    pub panicked: Arc<AtomicBool>,
}

impl Serve {
    /// Starts `sanad serve` on 127.0.0.1:0 and learns the port from its start-up line.
    pub async fn start(database_url: &str) -> Serve {
        Self::start_binary(&sanad_bin(), database_url).await
    }

    /// Starts `binary serve` (a copy of `sanad`, say) the same way.
    pub async fn start_binary(binary: &std::path::Path, database_url: &str) -> Serve {
        let mut child = Command::new(binary)
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND", "127.0.0.1:0")
            .env("RUST_LOG", "info,sqlx=warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sanad serve starts");
        let log: Arc<Mutex<String>> = Default::default();
        let panicked = Arc::new(AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let stderr = child.stderr.take().expect("stderr piped");
        {
            let (log, panicked) = (log.clone(), panicked.clone());
            // Drains stderr for the whole life of the process (a full pipe would block it).
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if line.contains("panicked") {
                        panicked.store(true, Ordering::SeqCst);
                    }
                    if let Some(i) = line.find("Sanad serves http://") {
                        let url = line[i + "Sanad serves ".len()..]
                            .split_whitespace()
                            .next()
                            .unwrap_or_default()
                            .to_string();
                        let _ = tx.send(url);
                    }
                    if let Ok(mut l) = log.lock() {
                        if l.len() > 1 << 20 {
                            let cut = l.len() - (1 << 19);
                            let cut = (cut..l.len()).find(|i| l.is_char_boundary(*i)).unwrap_or(0);
                            l.drain(..cut);
                        }
                        l.push_str(&line);
                        l.push('\n');
                    }
                }
            });
        }
        let mut serve = Serve {
            child,
            base: String::new(),
            log,
            panicked,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(url) = rx.try_recv() {
                serve.base = url;
                break;
            }
            if let Ok(Some(status)) = serve.child.try_wait() {
                panic!("sanad serve exited ({status}):\n{}", serve.log_text());
            }
            assert!(
                Instant::now() < deadline,
                "sanad serve did not start in 60 s:\n{}",
                serve.log_text()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        serve
    }

    pub fn log_text(&self) -> String {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// kill -9: no shutdown, no flushing, connections dropped mid-flight.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }

    pub async fn metrics(&self, http: &reqwest::Client) -> Option<String> {
        http.get(format!("{}/metrics", self.base))
            .send()
            .await
            .ok()?
            .text()
            .await
            .ok()
    }

    /// The `sanad_projector_leader` gauge: Some(true) when this process projects.
    pub async fn leads(&self, http: &reqwest::Client) -> Option<bool> {
        let text = self.metrics(http).await?;
        text.lines()
            .find(|l| l.starts_with("sanad_projector_leader "))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .map(|v| v == 1.0)
    }

    pub async fn pending(&self, http: &reqwest::Client) -> Option<i64> {
        let r: Value = http
            .get(format!("{}/readyz", self.base))
            .send()
            .await
            .ok()?
            .json()
            .await
            .ok()?;
        r["projector_pending_events"].as_i64()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        if self.alive() {
            self.kill9();
        }
    }
}

/// The password `sanad admin create-user` gives the accounts it makes (`SANAD_PASSWORD`).
pub const CLI_PASSWORD: &str = "a-long-password";

/// Runs a `sanad` subcommand to completion; panics with its output when it fails.
pub async fn cli(database_url: &str, args: &[&str]) -> String {
    cli_with(&sanad_bin(), database_url, args).await
}

/// [`cli`] with `binary` (a copy of `sanad`).
pub async fn cli_with(binary: &std::path::Path, database_url: &str, args: &[&str]) -> String {
    let out = tokio::process::Command::new(binary)
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("SANAD_PASSWORD", CLI_PASSWORD)
        .env("RUST_LOG", "warn")
        .output()
        .await
        .expect("sanad runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "sanad {args:?} failed: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}
