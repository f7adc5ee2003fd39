//! The limit: PostgreSQL's own single-row INSERT commit rate, measured by `pgbench` with a
//! custom script into a table shaped like Sanad's `events` (same columns, types, keys and
//! indexes; without the triggers), on the same server with the same settings.

use std::path::Path;
use std::time::Duration;

use crate::pg::{self, Database, Server};
use crate::stats::{Latency, RunResult};

/// Sanad's `events` table (migrations/…_event_store.sql) without its triggers.
pub const EVENTS_LIKE: &[&str] = &[
    "CREATE TABLE events
     (
         aggregate_type  text                         NOT NULL,
         aggregate_id    text                         NOT NULL,
         sequence        bigint CHECK (sequence >= 0) NOT NULL,
         event_type      text                         NOT NULL,
         event_version   text                         NOT NULL,
         payload         jsonb                        NOT NULL,
         metadata        jsonb                        NOT NULL,
         global_position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
         tx_id           xid8 NOT NULL DEFAULT pg_current_xact_id(),
         PRIMARY KEY (aggregate_type, aggregate_id, sequence)
     )",
    "CREATE INDEX events_log_order ON events (tx_id, global_position)",
];

/// One insert per transaction, of an event the size of a real `ServiceUpdated`.
pub const SCRIPT: &str = r#"INSERT INTO events (aggregate_type, aggregate_id, sequence, event_type, event_version, payload, metadata) VALUES ('Organization', gen_random_uuid()::text, 1, 'ServiceUpdated', '1', '{"ServiceUpdated": {"category": "livelihoods", "governorates": ["IQ-BG", "IQ-NI"], "monthly_capacity": 1234}}'::jsonb, jsonb_build_object('actor_user', 'b9e1c0de-5c2a-4a57-9a61-2f1f3d8e7a10', 'actor_label', 'bench.admin', 'actor_org', '0f4c7e2a-8d3b-4c1e-9f2a-6b5d4c3e2f10', 'actor_role', 'secretariat_admin', 'command_id', gen_random_uuid()::text, 'request_id', gen_random_uuid()::text, 'occurred_at', now()::text, 'prev_hash', 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef', 'hash', 'b4e2d3c5f6a7b8091234567890abcdef1234567890abcdef1234567890abcdef'));
"#;

/// `pgbench` as a command: `PGBENCH`, else `pgbench` on PATH.
pub fn program(flag: Option<&str>) -> String {
    flag.map(str::to_string)
        .or_else(|| std::env::var("PGBENCH").ok())
        .unwrap_or_else(|| "pgbench".into())
}

pub async fn version(program: &str) -> Result<String, String> {
    let out = tokio::process::Command::new(program)
        .arg("--version")
        .output()
        .await
        .map_err(|e| format!("cannot run {program} (scripts/bench installs it): {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{program} --version failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// A database of its own for `purpose`, holding the table the insert script fills.
pub async fn database(server: &Server, purpose: &str) -> Result<Database, String> {
    let db = server.create(purpose).await?;
    let pool = pg::pool(&db.url, 2).await?;
    for sql in EVENTS_LIKE {
        sqlx::query(sql)
            .execute(&pool)
            .await
            .map_err(|e| e.to_string())?;
    }
    pool.close().await;
    Ok(db)
}

/// Runs the insert script with `clients` connections for `seconds` against `url`.
pub async fn run(
    program: &str,
    url: &str,
    clients: usize,
    seconds: u64,
    work_dir: &Path,
) -> Result<RunResult, String> {
    let dir = work_dir.join(format!("pgbench-{clients}"));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let script = dir.join("insert.sql");
    std::fs::write(&script, SCRIPT).map_err(|e| e.to_string())?;
    let threads = clients.min(
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
    );
    let prefix = dir.join("log");
    let out = tokio::time::timeout(
        Duration::from_secs(seconds + 60),
        tokio::process::Command::new(program)
            .args([
                "--no-vacuum",
                "--protocol=prepared",
                "--client",
                &clients.to_string(),
                "--jobs",
                &threads.to_string(),
                "--time",
                &seconds.to_string(),
                "--log",
                "--log-prefix",
            ])
            .arg(&prefix)
            .arg("--file")
            .arg(&script)
            .arg(url)
            .current_dir(&dir)
            .output(),
    )
    .await
    .map_err(|_| "pgbench did not finish in time".to_string())?
    .map_err(|e| format!("cannot run {program}: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    if !out.status.success() {
        return Err(format!(
            "pgbench failed: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let tps = parse_tps(&stdout).ok_or_else(|| format!("no tps in pgbench's output: {stdout}"))?;
    let failed = stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("number of failed transactions:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut micros = Vec::new();
    for entry in std::fs::read_dir(&dir)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.starts_with("log.") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        // client_id transaction_no time(µs) script_no time_epoch time_us
        micros.extend(
            text.lines()
                .filter_map(|l| l.split_whitespace().nth(2)?.parse::<u64>().ok()),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(RunResult {
        clients,
        seconds: seconds as f64,
        ok: micros.len() as u64,
        errors: failed,
        per_second: tps,
        latency: Latency::from_micros(micros),
        sample_errors: vec![],
        cpu_ms_per_operation: None,
    })
}

fn parse_tps(stdout: &str) -> Option<f64> {
    stdout
        .lines()
        .find(|l| l.starts_with("tps = ") && l.contains("without initial connection"))
        .or_else(|| stdout.lines().find(|l| l.starts_with("tps = ")))?
        .trim_start_matches("tps = ")
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_tps_from_pgbench_15() {
        let out = "latency average = 1.234 ms\ninitial connection time = 3.1 ms\ntps = 810.53 (without initial connection time)\n";
        assert_eq!(super::parse_tps(out), Some(810.53));
    }
}
