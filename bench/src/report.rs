//! The machine, the ratios and targets, the printed table and the JSON file.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{json, Value};

use crate::pg::Server;
use crate::Args;

fn first_line_value(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
}

pub async fn machine(server: &Server) -> Result<Value, String> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kib: Option<u64> = first_line_value(&meminfo, "MemTotal")
        .and_then(|v| v.split_whitespace().next().and_then(|n| n.parse().ok()));
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let pg = server.info().await?;
    Ok(json!({
        "nproc": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "cpu": first_line_value(&cpuinfo, "model name"),
        "memory_gib": mem_kib.map(|k| (k as f64 / 1024.0 / 1024.0 * 10.0).round() / 10.0),
        "kernel": std::fs::read_to_string("/proc/sys/kernel/osrelease").ok().map(|s| s.trim().to_string()),
        "postgresql": pg,
        "note": "PostgreSQL, sanad serve, the load generator and pgbench share these cores",
    }))
}

fn levels<'a>(v: &'a Value, path: &[&str]) -> Vec<&'a Value> {
    let mut at = v;
    for p in path {
        at = &at[*p];
    }
    at["levels"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn rate_at(levels: &[&Value], clients: u64) -> Option<f64> {
    levels
        .iter()
        .find(|l| l["clients"].as_u64() == Some(clients))
        .and_then(|l| {
            l["per_second"]
                .as_f64()
                .or_else(|| l["commands"]["per_second"].as_f64())
        })
}

/// Keys of `map` in the order `order` names them, then any others (JSON objects here are
/// sorted by key, which is not the report order).
fn ordered_keys(map: Option<&serde_json::Map<String, Value>>, order: &Value) -> Vec<String> {
    let Some(map) = map else {
        return Vec::new();
    };
    let mut keys: Vec<String> = order
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|k| map.contains_key(*k))
        .map(str::to_string)
        .collect();
    for k in map.keys() {
        if !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    keys
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some((a / b * 1000.0).round() / 1000.0),
        _ => None,
    }
}

fn target(name: &str, wanted: &str, measured: Option<f64>, unit: &str, met: Option<bool>) -> Value {
    json!({ "target": name, "wanted": wanted, "measured": measured, "unit": unit, "met": met })
}

/// Adds the ratios to each Sanad level, the headline ratios, the headline projection lag
/// and the targets.
pub fn derive(v: &mut Value, args: &Args) {
    let top = args.top_clients() as u64;
    let pgb: Vec<Value> = levels(v, &["pgbench_insert"])
        .into_iter()
        .cloned()
        .collect();
    let raw: Vec<Value> = levels(v, &["postgres_es"]).into_iter().cloned().collect();
    let pgb_refs: Vec<&Value> = pgb.iter().collect();
    let raw_refs: Vec<&Value> = raw.iter().collect();
    let names = ordered_keys(v["sanad"].as_object(), &v["settings"]["workloads"]);
    for name in &names {
        if let Some(ls) = v["sanad"][name]["levels"].as_array_mut() {
            for l in ls {
                let c = l["clients"].as_u64().unwrap_or(0);
                let s = l["commands"]["per_second"].as_f64();
                l["ratio_to_pgbench"] = json!(ratio(s, rate_at(&pgb_refs, c)));
                l["ratio_to_postgres_es"] = json!(ratio(s, rate_at(&raw_refs, c)));
            }
        }
    }
    let headline = names.first().cloned();
    let sanad_levels: Vec<Value> = headline
        .as_ref()
        .map(|n| levels(v, &["sanad", n]).into_iter().cloned().collect())
        .unwrap_or_default();
    let s_refs: Vec<&Value> = sanad_levels.iter().collect();
    let sanad_top = rate_at(&s_refs, top);
    let vs_pgbench = ratio(sanad_top, rate_at(&pgb_refs, top));
    let vs_raw = ratio(sanad_top, rate_at(&raw_refs, top));
    // The limits measured again after Sanad: the ratio to each measurement's mean shows
    // what drift did to the headline ratio (which stays the one measured first).
    let again = |key: &str| {
        levels(v, &[key])
            .first()
            .and_then(|l| l["per_second"].as_f64())
    };
    let (pgb_after, raw_after) = (again("pgbench_insert_after"), again("postgres_es_after"));
    let mean = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| (a + b) / 2.0);
    let (pgb_top, raw_top) = (rate_at(&pgb_refs, top), rate_at(&raw_refs, top));
    // The paired rounds' medians, when the run had them, are the targets' ratios: each of
    // their ratios is taken between runs seconds apart, not minutes.
    let paired_pgbench = v["paired"]["median_sanad_vs_pgbench"].as_f64();
    let paired_raw = v["paired"]["median_sanad_vs_postgres_es"].as_f64();
    let rounds = v["paired"]["rounds"].as_array().map_or(0, Vec::len);
    let basis = if paired_pgbench.is_some() || paired_raw.is_some() {
        format!(" (median of {rounds} paired rounds)")
    } else {
        String::new()
    };
    let target_pgbench = paired_pgbench.or(vs_pgbench);
    let target_raw = paired_raw.or(vs_raw);
    v["ratios"] = json!({
        "clients": top,
        "workload": headline,
        "sanad_vs_pgbench": vs_pgbench,
        "sanad_vs_postgres_es": vs_raw,
        "postgres_es_vs_pgbench": ratio(raw_top, pgb_top),
        "paired_median_sanad_vs_pgbench": paired_pgbench,
        "paired_median_sanad_vs_postgres_es": paired_raw,
        "limits_after_sanad": {
            "pgbench_per_second": pgb_after,
            "pgbench_drift": ratio(pgb_after, pgb_top),
            "postgres_es_per_second": raw_after,
            "postgres_es_drift": ratio(raw_after, raw_top),
            "sanad_vs_pgbench_mean": ratio(sanad_top, mean(pgb_top, pgb_after)),
            "sanad_vs_postgres_es_mean": ratio(sanad_top, mean(raw_top, raw_after)),
        },
    });
    let lag_top = sanad_levels
        .iter()
        .find(|l| l["clients"].as_u64() == Some(top))
        .map(|l| l["projection_lag"].clone());
    v["projection_lag"] = json!({
        "clients": top,
        "workload": headline,
        "at_top_level": lag_top,
        "method": "per event: arrival of the projector's NOTIFY sanad_projected covering it, minus the event's occurred_at (command start) — an upper bound on commit → read model",
    });
    let lag_p99 = lag_top.as_ref().and_then(|l| l["lag"]["p99_ms"].as_f64());
    let rebuild_rate = v["rebuild"]["events_per_second"].as_f64();
    // The service latency: each read with one client (more clients on two cores measure
    // queueing behind the CPU, reported beside it).
    let lowest_read_level = args.read_clients.iter().copied().min().unwrap_or(1) as u64;
    // Every kind of read counts: the referral pages, the indicators and the directory's.
    let worst_read = v["reads"]["kinds"].as_object().and_then(|m| {
        m.iter()
            .flat_map(|(key, k)| {
                k["levels"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |l| (key.clone(), l))
            })
            .filter(|(_, l)| l["clients"].as_u64() == Some(lowest_read_level))
            .filter_map(|(key, l)| l["latency"]["p99_ms"].as_f64().map(|p| (key, p)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
    });
    let read_p99 = worst_read.as_ref().map(|(_, p)| *p);
    let worst_kind = worst_read
        .as_ref()
        .map(|(k, _)| format!(" ({k})"))
        .unwrap_or_default();
    let events = v["reads"]["events"].as_u64().unwrap_or(0);
    let rss = v["rss"]["sanad_serve_peak_mib"].as_f64();
    let ge = |x: Option<f64>, t: f64| x.map(|x| x >= t);
    let lt = |x: Option<f64>, t: f64| x.map(|x| x < t);
    v["targets"] = json!([
        target(
            &format!("sanad commands vs pgbench insert at {top} clients{basis}"),
            "≥ 0.5",
            target_pgbench,
            "ratio",
            ge(target_pgbench, 0.5)
        ),
        target(
            &format!("sanad commands vs raw postgres-es at {top} clients{basis}"),
            "≥ 0.8",
            target_raw,
            "ratio",
            ge(target_raw, 0.8)
        ),
        target(
            &format!("projection lag p99 at {top} clients"),
            "< 100 ms",
            lag_p99,
            "ms",
            lt(lag_p99, 100.0)
        ),
        target(
            "rebuild",
            "≥ 50,000 events/s",
            rebuild_rate,
            "events/s",
            ge(rebuild_rate, 50_000.0)
        ),
        target(&format!("worst read p99{worst_kind}, {lowest_read_level} client(s), at {events} events (target: at 1,000,000)"),
            "< 10 ms",
            read_p99,
            "ms",
            lt(read_p99, 10.0)
        ),
        target(
            "sanad serve peak resident memory",
            "< 150 MiB",
            rss,
            "MiB",
            lt(rss, 150.0)
        ),
    ]);
}

fn f(x: Option<f64>, digits: usize) -> String {
    match x {
        Some(x) => format!("{x:.digits$}"),
        None => "—".into(),
    }
}

fn run_row(out: &mut String, what: &str, r: &Value, extra: &str) {
    let _ = writeln!(
        out,
        "  {:<34} {:>7} {:>10} {:>9} {:>9} {:>7}  {}",
        what,
        r["clients"]
            .as_u64()
            .map(|c| c.to_string())
            .unwrap_or_default(),
        f(r["per_second"].as_f64(), 0),
        f(r["latency"]["p50_ms"].as_f64(), 2),
        f(r["latency"]["p99_ms"].as_f64(), 2),
        r["errors"].as_u64().unwrap_or(0),
        extra
    );
}

/// Every level of every Sanad workload, in report order, with the workload's label.
fn sanad_levels(v: &Value) -> Vec<(&str, &Value)> {
    let mut out = Vec::new();
    if let Some(ws) = v["sanad"].as_object() {
        for name in ordered_keys(Some(ws), &v["settings"]["workloads"]) {
            let w = &ws[&name];
            let label = w["label"].as_str().unwrap_or("sanad");
            for l in w["levels"].as_array().into_iter().flatten() {
                out.push((label, l));
            }
        }
    }
    out
}

/// The CPU each side spent per operation in the write runs that measured it.
fn cpu_rows(out: &mut String, v: &Value) {
    let mut rows: Vec<(String, &Value)> = levels(v, &["postgres_es"])
        .into_iter()
        .map(|l| ("raw postgres-es (cqrs-es)".to_string(), l))
        .collect();
    for (label, l) in sanad_levels(v) {
        rows.push((label.to_string(), &l["commands"]));
    }
    rows.retain(|(_, r)| r["cpu_ms_per_operation"].is_object());
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n  {:<34} {:>7} {:>10} {:>12} {:>15}",
        "CPU ms per operation", "clients", "postgresql", "sanad serve", "load generator"
    );
    for (what, r) in rows {
        let cpu = &r["cpu_ms_per_operation"];
        let _ = writeln!(
            out,
            "  {:<34} {:>7} {:>10} {:>12} {:>15}",
            what,
            r["clients"].as_u64().unwrap_or(0),
            f(cpu["postgresql_ms"].as_f64(), 3),
            f(cpu["sanad_serve_ms"].as_f64(), 3),
            f(cpu["load_generator_ms"].as_f64(), 3),
        );
    }
}

/// Each paired round's rates and ratios, then their medians.
fn paired_rows(out: &mut String, v: &Value) {
    let Some(rounds) = v["paired"]["rounds"].as_array() else {
        return;
    };
    let p = &v["paired"];
    let _ = writeln!(
        out,
        "\n  paired rounds, {} clients, {} s each   pgbench/s  postgres-es/s  sanad/s  ×pgbench  ×postgres-es  CPU postgres-es/sanad",
        p["clients"], p["seconds_per_run"]
    );
    for r in rounds {
        let rate = |k: &str| f(r["per_second"][k].as_f64(), 0);
        let _ = writeln!(
            out,
            "  round {:<3} {:<27} {:>9} {:>14} {:>8} {:>9} {:>13} {:>22}",
            r["round"],
            r["order"]
                .as_array()
                .map(|o| o
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(" → "))
                .unwrap_or_default(),
            rate("pgbench"),
            rate("postgres_es"),
            rate("sanad"),
            f(r["sanad_vs_pgbench"].as_f64(), 2),
            f(r["sanad_vs_postgres_es"].as_f64(), 2),
            f(r["cpu_postgres_es_over_sanad"].as_f64(), 2),
        );
    }
    let _ = writeln!(
        out,
        "  {:<65} {:>9} {:>13} {:>22}",
        "median",
        f(p["median_sanad_vs_pgbench"].as_f64(), 2),
        f(p["median_sanad_vs_postgres_es"].as_f64(), 2),
        f(p["median_cpu_postgres_es_over_sanad"].as_f64(), 2),
    );
}

pub fn table(v: &Value) -> String {
    let mut out = String::new();
    let m = &v["machine"];
    let _ = writeln!(
        out,
        "\nSanad benchmark ({} mode) — {} cores ({}), {} GiB, PostgreSQL {}",
        v["mode"].as_str().unwrap_or("?"),
        m["nproc"],
        m["cpu"].as_str().unwrap_or("?"),
        m["memory_gib"],
        m["postgresql"]["server_version"].as_str().unwrap_or("?")
    );
    let _ = writeln!(
        out,
        "\n  {:<34} {:>7} {:>10} {:>9} {:>9} {:>7}",
        "writes", "clients", "per s", "p50 ms", "p99 ms", "errors"
    );
    for l in levels(v, &["pgbench_insert"]) {
        run_row(&mut out, "pgbench single-row INSERT (limit)", l, "");
    }
    for l in levels(v, &["postgres_es"]) {
        run_row(&mut out, "raw postgres-es (cqrs-es)", l, "");
    }
    for (label, l) in sanad_levels(v) {
        let extra = format!(
            "×pgbench {}  ×postgres-es {}  lag p50/p99 {}/{} ms",
            f(l["ratio_to_pgbench"].as_f64(), 2),
            f(l["ratio_to_postgres_es"].as_f64(), 2),
            f(l["projection_lag"]["lag"]["p50_ms"].as_f64(), 1),
            f(l["projection_lag"]["lag"]["p99_ms"].as_f64(), 1),
        );
        run_row(&mut out, label, &l["commands"], &extra);
    }
    let after = &v["ratios"]["limits_after_sanad"];
    if after["pgbench_per_second"].is_f64() || after["postgres_es_per_second"].is_f64() {
        let _ = writeln!(
            out,
            "\n  limits again after Sanad, {} clients: pgbench {}/s (×{} of the first), raw postgres-es {}/s (×{});\n  Sanad against the mean of both measurements: ×pgbench {}  ×postgres-es {}",
            v["ratios"]["clients"],
            f(after["pgbench_per_second"].as_f64(), 0),
            f(after["pgbench_drift"].as_f64(), 2),
            f(after["postgres_es_per_second"].as_f64(), 0),
            f(after["postgres_es_drift"].as_f64(), 2),
            f(after["sanad_vs_pgbench_mean"].as_f64(), 2),
            f(after["sanad_vs_postgres_es_mean"].as_f64(), 2),
        );
    }
    paired_rows(&mut out, v);
    cpu_rows(&mut out, v);
    if v["rebuild"].is_object() {
        let r = &v["rebuild"];
        let _ = writeln!(
            out,
            "\n  rebuild: {} events ({} referral, {} organisation) into {} in {} s = {} events/s (bulk load {} events/s)",
            r["events"],
            r["referral_events"],
            r["organization_events"],
            r["read_models"].as_str().unwrap_or("?"),
            f(r["seconds"].as_f64(), 2),
            f(r["events_per_second"].as_f64(), 0),
            f(r["bulk_load_events_per_second"].as_f64(), 0)
        );
        if let Some(verify) = r["sanad_verify"].as_str() {
            let _ = writeln!(out, "  sanad verify: {verify}");
        }
    }
    if let Some(kinds) = v["reads"]["kinds"].as_object() {
        let _ = writeln!(
            out,
            "\n  {:<34} {:>7} {:>10} {:>9} {:>9} {:>7}",
            format!("reads at {} events", v["reads"]["events"]),
            "clients",
            "per s",
            "p50 ms",
            "p99 ms",
            "errors"
        );
        for k in ordered_keys(Some(kinds), &v["reads"]["order"]) {
            for run in kinds[&k]["levels"].as_array().into_iter().flatten() {
                run_row(&mut out, &k, run, "");
            }
        }
    }
    let _ = writeln!(
        out,
        "\n  sanad serve peak RSS: {} MiB",
        f(v["rss"]["sanad_serve_peak_mib"].as_f64(), 1)
    );
    let _ = writeln!(out, "\n  targets:");
    for t in v["targets"].as_array().into_iter().flatten() {
        let met = match t["met"].as_bool() {
            Some(true) => "met",
            Some(false) => "NOT met",
            None => "not measured",
        };
        let _ = writeln!(
            out,
            "    {:<86} {:>18} {:>12} {:<9} {}",
            t["target"].as_str().unwrap_or(""),
            t["wanted"].as_str().unwrap_or(""),
            f(t["measured"].as_f64(), 2),
            t["unit"].as_str().unwrap_or(""),
            met
        );
    }
    out
}

pub fn write(path: &Path, v: &Value) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    let tmp = path.with_extension("json.tmp");
    let text = serde_json::to_string_pretty(v).map_err(|e| e.to_string())?;
    std::fs::write(&tmp, text + "\n").map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}
