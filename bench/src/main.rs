//! `sanad-bench`: Sanad's figures side by side with what the same PostgreSQL server can do.
//!
//! In one run, on one server, each part in a database of its own (created here, dropped at
//! the end):
//! 1. the limit: `pgbench` single-row INSERTs into a table shaped like `events`;
//! 2. raw postgres-es: a minimal cqrs-es aggregate, no Sanad features;
//! 3. Sanad: real GraphQL mutations over HTTP against `sanad serve` (a child process),
//!    per workload (see `workload.rs`: referrals, then organisations), with the
//!    projection lag under that load;
//! 4. rebuild: a valid log of `--events` events, mostly referrals (see `bulk.rs`),
//!    replayed into every read model;
//! 5. reads at that log: the pages' queries over HTTP, each by a role that may see it;
//! 6. peak resident memory (VmHWM) of each `sanad serve`.
//!
//! Prints a table and writes `bench/results/latest.json`. `scripts/bench` builds and runs it.

/// The load generator parses every answer (the indicators are 130 kB of JSON): with
/// glibc's allocator that took milliseconds of the latency it reports as the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bulk;
mod cpu;
mod lag;
mod paired;
mod pg;
mod pgbench;
mod raw_es;
mod reads;
mod report;
mod sanad;
mod stats;
mod workload;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::{json, Value};

use crate::pg::Server;
use crate::sanad::{Gql, SanadProcess};
use crate::stats::{drive, Client, RunResult};

#[derive(Parser, Debug, Clone)]
#[command(
    name = "sanad-bench",
    about = "Sanad's throughput, projection lag, rebuild rate, read latency and memory, side by side with pgbench and raw postgres-es on the same PostgreSQL server"
)]
pub struct Args {
    /// Small sizes for CI-size machines: 5 s per client level, 20,000 events (finishes in under 2 minutes).
    #[arg(long)]
    quick: bool,
    /// Client levels (concurrent connections / HTTP clients).
    #[arg(long, value_delimiter = ',', default_value = "1,8,32")]
    clients: Vec<usize>,
    /// Seconds measured per client level [default: 20, quick: 5].
    #[arg(long)]
    seconds: Option<u64>,
    /// Seconds of warm-up before each measured level (not counted) [default: 2, quick: 0.5].
    #[arg(long)]
    warmup: Option<f64>,
    /// Events in the log for the rebuild and the reads [default: 1000000, quick: 20000].
    #[arg(long)]
    events: Option<u64>,
    /// Seconds measured per kind of read and client level [default: 10, quick: 1].
    #[arg(long)]
    read_seconds: Option<f64>,
    /// Client levels for the reads: 1 gives the service latency (the target), more the
    /// throughput and latency under concurrency.
    #[arg(long, value_delimiter = ',', default_value = "1,8")]
    read_clients: Vec<usize>,
    /// Sanad workloads to run, in report order (comma-separated: referrals, organisations);
    /// the first is the headline for the ratios and targets.
    #[arg(long, value_delimiter = ',', default_value = "referrals,organisations")]
    workloads: Vec<String>,
    /// Connections of the raw postgres-es pool (Sanad's DATABASE_POOL_SIZE default is 16).
    #[arg(long, default_value_t = 16)]
    postgres_es_pool: u32,
    /// Superuser URL of the PostgreSQL server to measure (databases are created on it).
    #[arg(
        long,
        env = "SANAD_PG_ADMIN",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    pg_admin: String,
    /// The `sanad` binary (release build).
    #[arg(long, env = "SANAD_BIN", default_value = "target/release/sanad")]
    sanad_bin: PathBuf,
    /// The `pgbench` program [default: $PGBENCH or pgbench on PATH].
    #[arg(long)]
    pgbench: Option<String>,
    /// Where to write the JSON results.
    #[arg(long, default_value = "bench/results/latest.json")]
    out: PathBuf,
    /// Keep the databases of the run (their names are printed) to look into them afterwards.
    #[arg(long)]
    keep_databases: bool,
    /// Paired rounds after the levels: pgbench, raw postgres-es and the headline workload
    /// taking turns at the top client level; the targets' ratios are their medians
    /// [default: 5, quick: 0].
    #[arg(long)]
    paired_rounds: Option<usize>,
    /// Seconds measured per run of a paired round.
    #[arg(long, default_value_t = 10)]
    paired_seconds: u64,
    /// Skip parts: any of pgbench, postgres_es, sanad, rebuild (rebuild also skips reads).
    #[arg(long, value_delimiter = ',')]
    skip: Vec<String>,
    /// Check the generated log's hash links with `sanad verify` before the rebuild (about
    /// as long as the rebuild itself at 1,000,000 events).
    #[arg(long)]
    verify_log: bool,
}

impl Args {
    fn seconds(&self) -> u64 {
        self.seconds.unwrap_or(if self.quick { 5 } else { 20 })
    }
    fn paired_seconds(&self) -> u64 {
        self.paired_seconds
    }
    /// Paired rounds need all three sides.
    fn paired_rounds(&self) -> usize {
        if ["pgbench", "postgres_es", "sanad"]
            .iter()
            .any(|p| self.skips(p))
        {
            return 0;
        }
        self.paired_rounds.unwrap_or(if self.quick { 0 } else { 5 })
    }
    fn warmup(&self) -> Duration {
        Duration::from_secs_f64(self.warmup.unwrap_or(if self.quick { 0.5 } else { 2.0 }))
    }
    fn events(&self) -> u64 {
        self.events
            .unwrap_or(if self.quick { 20_000 } else { 1_000_000 })
    }
    fn read_seconds(&self) -> Duration {
        Duration::from_secs_f64(
            self.read_seconds
                .unwrap_or(if self.quick { 1.0 } else { 10.0 }),
        )
    }
    /// The most clients any write level runs: where the ratios and targets are taken.
    fn top_clients(&self) -> usize {
        self.clients.iter().copied().max().unwrap_or(1)
    }
    fn skips(&self, part: &str) -> bool {
        self.skip.iter().any(|s| s == part)
    }
}

/// The reads database's case worker and provider staff member (`sanad admin create-user`).
const READ_CASEWORKER: &str = "bench.read.caseworker";
const READ_STAFF: &str = "bench.read.staff";
const READ_CASELOAD: &str = "bench.read.caseload";

fn say(msg: impl AsRef<str>) {
    eprintln!("sanad-bench: {}", msg.as_ref());
}

/// Signs `n` administrator sessions in one after another (sign-in is Argon2: 19 MiB and
/// tens of milliseconds each, so a burst of them would dominate the memory figure).
async fn sessions(gql: &Gql, n: usize) -> Result<Vec<String>, String> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(gql.login().await?);
    }
    Ok(out)
}

async fn run_pgbench(
    args: &Args,
    server: &Server,
    work: &Path,
    clients: &[usize],
) -> Result<Value, String> {
    let program = pgbench::program(args.pgbench.as_deref());
    let version = pgbench::version(&program).await?;
    let db = pgbench::database(server, "pgbench").await?;
    let mut levels = Vec::new();
    for &c in clients {
        say(format!("pgbench insert, {c} clients, {} s", args.seconds()));
        let r = pgbench::run(&program, &db.url, c, args.seconds(), work).await?;
        levels.push(r);
    }
    server.drop_database(&db).await;
    Ok(json!({ "pgbench_version": version, "levels": levels }))
}

async fn run_postgres_es(args: &Args, server: &Server, clients: &[usize]) -> Result<Value, String> {
    let db = server.create("postgres_es").await?;
    let pool = pg::pool(&db.url, args.postgres_es_pool).await?;
    raw_es::init(&pool).await?;
    let cqrs = raw_es::framework(pool.clone());
    let mut levels = Vec::new();
    for &c in clients {
        say(format!(
            "raw postgres-es, {c} clients, {} s",
            args.seconds()
        ));
        let clients: Vec<Box<dyn Client>> = (0..c)
            .map(|i| {
                Box::new(raw_es::RawClient::new(cqrs.clone(), format!("l{c}c{i}")))
                    as Box<dyn Client>
            })
            .collect();
        levels.push(measured(None, clients, args, args.seconds()).await);
    }
    pool.close().await;
    server.drop_database(&db).await;
    Ok(json!({ "pool_size": args.postgres_es_pool, "levels": levels }))
}

/// A closed-loop run of `clients` with the CPU time each side spent per operation (`sanad`:
/// the server's process id, when there is one).
async fn measured(
    sanad: Option<u32>,
    clients: Vec<Box<dyn Client>>,
    args: &Args,
    seconds: u64,
) -> RunResult {
    let measure = Duration::from_secs(seconds);
    let cpu = cpu::window(sanad, args.warmup(), measure);
    let mut run = drive(clients, args.warmup(), measure).await;
    if let Ok(window) = cpu.await {
        run.cpu_ms_per_operation = Some(window.per_operation(run.ok));
    }
    run
}

async fn run_sanad(
    args: &Args,
    server: &Server,
    work: &Path,
    w: &dyn workload::Workload,
) -> Result<(Value, Option<u64>), String> {
    let db = server.create(&format!("sanad_{}", w.name())).await?;
    sanad::prepare_database(&args.sanad_bin, &db.url).await?;
    let serve = SanadProcess::start(
        &args.sanad_bin,
        &db.url,
        work,
        &format!("serve-{}", w.name()),
    )
    .await?;
    let gql = Gql::new(&serve.base)?;
    let max_clients = args.top_clients();
    let tokens = sessions(&gql, w.admin_sessions(max_clients)).await?;
    let pool = pg::pool(&db.url, 2).await?;
    let mut levels = Vec::new();
    let mut rss_before_run: Option<Option<u64>> = None;
    for &c in &args.clients {
        say(format!("{}, {c} clients, {} s", w.label(), args.seconds()));
        let ctx = workload::WorkloadContext {
            gql: gql.clone(),
            run_tag: format!("l{c}"),
            max_clients,
            sessions: tokens.clone(),
        };
        let mut clients = Vec::with_capacity(c);
        for i in 0..c {
            clients.push(w.client(&ctx, i).await?);
        }
        // The sign-ins and any accounts the workload made (Argon2) before a command ran.
        rss_before_run.get_or_insert_with(|| serve.peak_rss_kib());
        let observer = lag::LagObserver::start(&db.url).await?;
        let from = chrono::Utc::now();
        let run = measured(Some(serve.pid()), clients, args, args.seconds()).await;
        let until = chrono::Utc::now();
        // Let the projector finish what the last commands wrote.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let lag = observer.finish(&pool, from, until).await?;
        levels.push(json!({ "clients": c, "commands": run, "projection_lag": lag }));
    }
    let rss = serve.peak_rss_kib();
    serve.stop().await;
    pool.close().await;
    server.drop_database(&db).await;
    Ok((
        json!({
            "label": w.label(),
            "mix": w.mix(),
            "levels": levels,
            "serve_peak_rss_kib": rss,
            "serve_peak_rss_kib_after_setup": rss_before_run.flatten(),
        }),
        rss,
    ))
}

async fn run_rebuild_and_reads(
    args: &Args,
    server: &Server,
    work: &Path,
) -> Result<(Value, Value, Option<u64>), String> {
    let n = args.events();
    let db = server.create("reads").await?;
    sanad::run_cli(&args.sanad_bin, &db.url, &["migrate"]).await?;
    let pool = pg::pool(&db.url, 4).await?;
    say(format!("writing a valid log of {n} events (COPY)"));
    let log = bulk::load(&pool, n).await?;
    sqlx::query("ANALYZE events")
        .execute(&pool)
        .await
        .map_err(|e| e.to_string())?;
    say(format!(
        "wrote {} events ({} referrals, {} organisations) in {:.1} s",
        log.events,
        log.referrals,
        log.organizations,
        log.elapsed.as_secs_f64()
    ));
    let verified = if args.verify_log {
        say("sanad verify over the generated log");
        let out = sanad::run_cli(&args.sanad_bin, &db.url, &["verify"]).await?;
        Some(out.trim().to_string())
    } else {
        None
    };
    say(format!("sanad rebuild over {} events", log.events));
    let t = Instant::now();
    let out = sanad::run_cli(&args.sanad_bin, &db.url, &["rebuild"]).await?;
    let wall = t.elapsed().as_secs_f64();
    // "rebuilt directory, referrals from N events in X s (Y events/s)": X has two decimals,
    // too coarse for a rebuild of a fraction of a second, so the rate comes from Y.
    let reported = out
        .split(" in ")
        .nth(1)
        .and_then(|s| s.split(" s").next())
        .and_then(|s| s.trim().parse::<f64>().ok());
    let reported_rate = out
        .rsplit_once('(')
        .and_then(|(_, s)| s.split(" events/s").next())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|r| *r > 0.0);
    let seconds = match (reported_rate, reported) {
        (Some(rate), _) => log.events as f64 / rate,
        (None, Some(s)) => s,
        (None, None) => wall,
    };
    let rebuild = json!({
        "events": log.events,
        "organizations": log.organizations,
        "organization_events": log.organization_events,
        "referrals": log.referrals,
        "referral_events": log.referral_events,
        "sanad_verify": verified,
        "read_models": out.split(" from ").next().unwrap_or("").trim_start_matches("rebuilt ").trim(),
        "seconds": seconds,
        "events_per_second": log.events as f64 / seconds.max(1e-9),
        "wall_seconds_with_process_start": wall,
        "bulk_load_seconds": log.elapsed.as_secs_f64(),
        "bulk_load_events_per_second": log.events as f64 / log.elapsed.as_secs_f64().max(1e-9),
        "sanad_output": out.trim(),
        "note": "one transaction; reads are measured after VACUUM (ANALYZE) of the rebuilt tables",
    });
    // One rebuild transaction rewrites each read-model row once per event, leaving that
    // many dead versions; autovacuum clears them within a minute or so, so the reads are
    // measured after that state (VACUUM now), not on the freshly bloated tables.
    sqlx::query("VACUUM (ANALYZE)")
        .execute(&pool)
        .await
        .map_err(|e| e.to_string())?;
    // The caseload reader joins the provider that holds the most referrals.
    let busiest_provider: uuid::Uuid = sqlx::query_scalar(
        "SELECT holder_id FROM referrals WHERE holder_id IS NOT NULL
          GROUP BY holder_id ORDER BY count(*) DESC, holder_id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .map_err(|e| format!("the busiest provider: {e}"))?;
    pool.close().await;
    // The readers: the Secretariat administrator, a case worker of the Ninewa office (whose
    // long referrals are read) and a staff member of the large provider (whose board is
    // read). Each is an account and a `MemberAdded` event made by the real command.
    sanad::create_admin(&args.sanad_bin, &db.url).await?;
    let reader_accounts = [
        (reads::Reader::Secretariat, sanad::ADMIN_USERNAME),
        (reads::Reader::Caseworker, READ_CASEWORKER),
        (reads::Reader::ProviderStaff, READ_STAFF),
        (reads::Reader::CaseloadStaff, READ_CASELOAD),
    ];
    for (username, role, organization) in [
        (READ_CASEWORKER, "nrm_caseworker", log.reader_office),
        (READ_STAFF, "provider_staff", log.reader_provider),
        (READ_CASELOAD, "provider_staff", busiest_provider),
    ] {
        sanad::create_member(
            &args.sanad_bin,
            &db.url,
            username,
            role,
            &organization.to_string(),
        )
        .await?;
    }
    let serve = SanadProcess::start(&args.sanad_bin, &db.url, work, "serve-reads").await?;
    let gql = Gql::new(&serve.base)?;
    let max_clients = args.read_clients.iter().copied().max().unwrap_or(1);
    let mut tokens = std::collections::HashMap::new();
    for (reader, username) in reader_accounts {
        let mut mine = Vec::with_capacity(max_clients);
        // One after another, as in `sessions`: Argon2 in a burst would dominate the memory.
        for _ in 0..max_clients {
            mine.push(gql.login_as(username).await?);
        }
        tokens.insert(reader, mine);
    }
    let ids = Arc::new(reads::Ids {
        long_histories: log.long_histories.clone(),
        sample: log.sample.clone(),
        long_referrals: log.long_referrals.clone(),
    });
    let mut kinds = serde_json::Map::new();
    for kind in reads::ReadKind::ALL {
        let mut levels = Vec::new();
        for &c in &args.read_clients {
            say(format!(
                "reads at {} events: {}, {c} clients",
                log.events,
                kind.key()
            ));
            let clients: Vec<Box<dyn Client>> = tokens
                .get(&kind.reader())
                .ok_or_else(|| format!("no sessions for {:?}", kind.reader()))?
                .iter()
                .take(c)
                .enumerate()
                .map(|(i, t)| {
                    Box::new(reads::ReadClient::new(
                        gql.clone(),
                        t.clone(),
                        kind,
                        ids.clone(),
                        i as u64,
                    )) as Box<dyn Client>
                })
                .collect();
            let warmup = args.warmup().min(Duration::from_secs(1));
            levels.push(drive(clients, warmup, args.read_seconds()).await);
        }
        kinds.insert(
            kind.key().into(),
            json!({ "label": kind.label(), "reader": format!("{:?}", kind.reader()), "levels": levels }),
        );
    }
    let rss = serve.peak_rss_kib();
    serve.stop().await;
    server.drop_database(&db).await;
    let reads = json!({
        "events": log.events,
        "clients": args.read_clients,
        "order": reads::ReadKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(),
        "board_open_referrals": log.board_size,
        "long_referrals": log.long_referrals.len(),
        "long_organisations": log.long_histories.len(),
        "kinds": kinds,
        "serve_peak_rss_kib": rss,
    });
    Ok((rebuild, reads, rss))
}

async fn run(args: &Args, server: &Server, work: &Path) -> Result<Value, String> {
    let started = Instant::now();
    if !args.sanad_bin.is_file() {
        return Err(format!(
            "{} not found: build it with `cargo build --release -p api` (scripts/bench does)",
            args.sanad_bin.display()
        ));
    }
    let machine = report::machine(server).await?;
    let mut out = serde_json::Map::new();
    out.insert(
        "generated_at".into(),
        json!(chrono::Utc::now().to_rfc3339()),
    );
    out.insert(
        "mode".into(),
        json!(if args.quick { "quick" } else { "full" }),
    );
    out.insert("machine".into(), machine);
    out.insert(
        "settings".into(),
        json!({
            "clients": args.clients,
            "seconds_per_level": args.seconds(),
            "warmup_seconds": args.warmup().as_secs_f64(),
            "events": args.events(),
            "workloads": args.workloads,
            "read_clients": args.read_clients,
            "read_seconds": args.read_seconds().as_secs_f64(),
            "postgres_es_pool_size": args.postgres_es_pool,
            "paired_rounds": args.paired_rounds(),
            "paired_seconds": args.paired_seconds(),
            "sanad_pool_size": 16,
            "sanad_read_your_writes_ms": 2000,
        }),
    );
    if !args.skips("pgbench") {
        out.insert(
            "pgbench_insert".into(),
            run_pgbench(args, server, work, &args.clients).await?,
        );
    }
    if !args.skips("postgres_es") {
        out.insert(
            "postgres_es".into(),
            run_postgres_es(args, server, &args.clients).await?,
        );
    }
    let mut rss = Vec::new();
    if !args.skips("sanad") {
        let mut sanad = serde_json::Map::new();
        for name in &args.workloads {
            let w = workload::by_name(name).ok_or_else(|| {
                let known: Vec<&str> = workload::all().iter().map(|w| w.name()).collect();
                format!("unknown workload {name:?}; known: {}", known.join(", "))
            })?;
            let (v, r) = run_sanad(args, server, work, w.as_ref()).await?;
            rss.push(json!({ "process": format!("load ({})", w.name()), "peak_kib": r }));
            sanad.insert(w.name().into(), v);
        }
        out.insert("sanad".into(), Value::Object(sanad));
        // This machine's speed drifts within minutes; the limits measured again after
        // Sanad, at the top level, show how much (the report rates Sanad against both).
        // Full runs only: `--quick` must stay under two minutes.
        let top = [args.top_clients()];
        if !args.quick && !args.skips("pgbench") {
            out.insert(
                "pgbench_insert_after".into(),
                run_pgbench(args, server, work, &top).await?,
            );
        }
        if !args.quick && !args.skips("postgres_es") {
            out.insert(
                "postgres_es_after".into(),
                run_postgres_es(args, server, &top).await?,
            );
        }
    }
    let rounds = args.paired_rounds();
    if rounds > 0 {
        out.insert(
            "paired".into(),
            paired::run(args, server, work, rounds).await?,
        );
    }
    if !args.skips("rebuild") {
        let (rebuild, reads, r) = run_rebuild_and_reads(args, server, work).await?;
        rss.push(json!({ "process": "reads", "peak_kib": r }));
        out.insert("rebuild".into(), rebuild);
        out.insert("reads".into(), reads);
    }
    let peak = rss.iter().filter_map(|r| r["peak_kib"].as_u64()).max();
    out.insert(
        "rss".into(),
        json!({
            "what": "VmHWM of each `sanad serve` the run started (includes its sign-ins)",
            "processes": rss,
            "sanad_serve_peak_mib": peak.map(|k| k as f64 / 1024.0),
        }),
    );
    let mut v = Value::Object(out);
    report::derive(&mut v, args);
    v["run_seconds"] = json!(started.elapsed().as_secs_f64());
    Ok(v)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let work = std::env::temp_dir().join(format!("sanad-bench-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&work) {
        say(format!("cannot create {}: {e}", work.display()));
        return ExitCode::FAILURE;
    }
    let server = Server::new(&args.pg_admin, args.keep_databases);
    let result = tokio::select! {
        r = run(&args, &server, &work) => r,
        _ = tokio::signal::ctrl_c() => Err("interrupted".to_string()),
    };
    server.drop_all().await;
    let code = match result {
        Ok(v) => {
            print!("{}", report::table(&v));
            match report::write(&args.out, &v) {
                Ok(()) => {
                    say(format!("wrote {}", args.out.display()));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    say(e);
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            say(format!("failed: {e}"));
            say(format!("server logs (if any) are in {}", work.display()));
            return ExitCode::FAILURE;
        }
    };
    let _ = std::fs::remove_dir_all(&work);
    code
}
