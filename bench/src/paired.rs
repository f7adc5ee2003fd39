//! Paired rounds: the limits and Sanad's headline workload take turns at the top client
//! level, each round in the order opposite to the last, and each round's ratios are taken
//! between runs a few seconds apart.
//!
//! Why: on a shared VM the speed of the same PostgreSQL moves by a fifth within minutes, so
//! a ratio between runs minutes apart measures the hour as much as the code. The median of
//! several rounds' ratios is what such a machine can say honestly about the ratio.

use std::path::Path;

use serde_json::{json, Value};

use crate::pg::Server;
use crate::sanad::{Gql, SanadProcess};
use crate::stats::{Client, RunResult};
use crate::{measured, pg, pgbench, raw_es, sanad, say, sessions, workload, Args};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Pgbench,
    PostgresEs,
    Sanad,
}

impl Side {
    const ORDER: [Side; 3] = [Side::Pgbench, Side::PostgresEs, Side::Sanad];

    fn key(self) -> &'static str {
        match self {
            Side::Pgbench => "pgbench",
            Side::PostgresEs => "postgres_es",
            Side::Sanad => "sanad",
        }
    }
}

/// The three sides, ready to run again and again: pgbench's table, the raw postgres-es
/// framework and a `sanad serve` with the workload's accounts prepared.
struct Sides {
    program: String,
    pgbench_url: String,
    raw: std::sync::Arc<raw_es::Framework>,
    raw_pool: sqlx::PgPool,
    serve: SanadProcess,
    gql: Gql,
    tokens: Vec<String>,
    workload: Box<dyn workload::Workload>,
}

/// The median of `xs` (the mean of the middle two for an even count).
pub fn median(mut xs: Vec<f64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let mid = xs.len() / 2;
    Some(if xs.len() % 2 == 1 {
        xs[mid]
    } else {
        (xs[mid - 1] + xs[mid]) / 2.0
    })
}

/// Every CPU second one operation cost on this machine: PostgreSQL's, `sanad serve`'s and
/// the load generator's (for raw postgres-es, the library itself runs there).
fn cpu_total(p: &crate::cpu::PerOperation) -> Option<f64> {
    let pg = p.postgresql_ms?;
    Some(pg + p.sanad_serve_ms.unwrap_or(0.0) + p.load_generator_ms.unwrap_or(0.0))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub async fn run(
    args: &Args,
    server: &Server,
    work: &Path,
    rounds: usize,
) -> Result<Value, String> {
    let clients = args.top_clients();
    let seconds = args.paired_seconds();
    let name = args
        .workloads
        .first()
        .cloned()
        .unwrap_or_else(|| "referrals".into());
    let workload = workload::by_name(&name).ok_or_else(|| format!("unknown workload {name:?}"))?;

    let program = pgbench::program(args.pgbench.as_deref());
    let pgb_db = pgbench::database(server, "paired_pgbench").await?;

    let raw_db = server.create("paired_postgres_es").await?;
    let raw_pool = pg::pool(&raw_db.url, args.postgres_es_pool).await?;
    raw_es::init(&raw_pool).await?;

    let sanad_db = server.create(&format!("paired_sanad_{name}")).await?;
    sanad::prepare_database(&args.sanad_bin, &sanad_db.url).await?;
    let serve = SanadProcess::start(&args.sanad_bin, &sanad_db.url, work, "serve-paired").await?;
    let gql = Gql::new(&serve.base)?;
    let tokens = sessions(&gql, workload.admin_sessions(clients)).await?;

    let sides = Sides {
        program,
        pgbench_url: pgb_db.url.clone(),
        raw: raw_es::framework(raw_pool.clone()),
        raw_pool,
        serve,
        gql,
        tokens,
        workload,
    };
    let result = rounds_of(args, &sides, work, rounds, clients, seconds).await;
    let Sides {
        serve, raw_pool, ..
    } = sides;
    serve.stop().await;
    raw_pool.close().await;
    for db in [&pgb_db, &raw_db, &sanad_db] {
        server.drop_database(db).await;
    }
    let rounds_out = result?;

    let ratios =
        |key: &str| -> Vec<f64> { rounds_out.iter().filter_map(|r| r[key].as_f64()).collect() };
    Ok(json!({
        "clients": clients,
        "seconds_per_run": seconds,
        "workload": name,
        "rounds": rounds_out,
        "median_sanad_vs_pgbench": median(ratios("sanad_vs_pgbench")).map(round3),
        "median_sanad_vs_postgres_es": median(ratios("sanad_vs_postgres_es")).map(round3),
        "median_cpu_postgres_es_over_sanad": median(ratios("cpu_postgres_es_over_sanad")).map(round3),
        "method": "rounds of pgbench, raw postgres-es and Sanad at the top client level, each round in the order opposite to the last; a ratio per round, then the median",
    }))
}

async fn rounds_of(
    args: &Args,
    sides: &Sides,
    work: &Path,
    rounds: usize,
    clients: usize,
    seconds: u64,
) -> Result<Vec<Value>, String> {
    let mut out = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let mut order = Side::ORDER.to_vec();
        if round % 2 == 1 {
            order.reverse();
        }
        let mut rates = serde_json::Map::new();
        let mut cpu = serde_json::Map::new();
        for side in &order {
            say(format!(
                "paired round {}/{rounds}: {}, {clients} clients, {seconds} s",
                round + 1,
                side.key()
            ));
            let r = run_side(args, sides, work, *side, round, clients, seconds).await?;
            if r.errors > 0 {
                say(format!(
                    "  {} errors, e.g. {:?}",
                    r.errors,
                    r.sample_errors.first()
                ));
            }
            rates.insert(side.key().into(), json!(r.per_second.round()));
            if let Some(total) = r.cpu_ms_per_operation.as_ref().and_then(cpu_total) {
                cpu.insert(side.key().into(), json!(round3(total)));
            }
        }
        let rate = |s: Side| rates.get(s.key()).and_then(Value::as_f64);
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) if b > 0.0 => Some(round3(a / b)),
            _ => None,
        };
        let sanad = rate(Side::Sanad);
        out.push(json!({
            "round": round + 1,
            "order": order.iter().map(|s| s.key()).collect::<Vec<_>>(),
            "per_second": rates,
            "sanad_vs_pgbench": ratio(sanad, rate(Side::Pgbench)),
            "sanad_vs_postgres_es": ratio(sanad, rate(Side::PostgresEs)),
            "cpu_ms_per_operation": cpu,
            "cpu_postgres_es_over_sanad": ratio(
                cpu.get("postgres_es").and_then(Value::as_f64),
                cpu.get("sanad").and_then(Value::as_f64),
            ),
        }));
    }
    Ok(out)
}

async fn run_side(
    args: &Args,
    sides: &Sides,
    work: &Path,
    side: Side,
    round: usize,
    clients: usize,
    seconds: u64,
) -> Result<RunResult, String> {
    // Each run's ids and names are its own (`p<round>c<client>`), as across client levels.
    let tag = format!("p{round}");
    let mut runners: Vec<Box<dyn Client>> = Vec::with_capacity(clients);
    match side {
        Side::Pgbench => {
            return pgbench::run(&sides.program, &sides.pgbench_url, clients, seconds, work).await
        }
        Side::PostgresEs => {
            for i in 0..clients {
                runners.push(Box::new(raw_es::RawClient::new(
                    sides.raw.clone(),
                    format!("{tag}c{i}"),
                )));
            }
        }
        Side::Sanad => {
            let ctx = workload::WorkloadContext {
                gql: sides.gql.clone(),
                run_tag: tag,
                max_clients: clients,
                sessions: sides.tokens.clone(),
            };
            for i in 0..clients {
                runners.push(sides.workload.client(&ctx, i).await?);
            }
        }
    }
    let pid = (side == Side::Sanad).then(|| sides.serve.pid());
    Ok(measured(pid, runners, args, seconds).await)
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![0.7, 0.5, 0.9]), Some(0.7));
        assert_eq!(median(vec![0.75, 0.25, 1.0, 0.5]), Some(0.625));
    }
}
