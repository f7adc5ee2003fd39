//! CPU time per operation, by side: PostgreSQL (every server process on this machine),
//! `sanad serve` and the load generator, over a run's measuring window. Throughput on a
//! shared two-core VM moves with the neighbours by ±10 % between identical runs; the CPU
//! each side spends per command moves far less, and tells where a command's cost is.
//!
//! Linux only (`/proc/<pid>/stat`); elsewhere the figures are absent.

use std::time::Duration;

use serde::Serialize;
use tokio::task::JoinHandle;

/// `/proc` counts CPU time in USER_HZ ticks, 100 a second on every Linux ABI.
const TICKS_PER_SECOND: f64 = 100.0;

/// CPU milliseconds per operation of each side (`None`: not measured here).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct PerOperation {
    /// The PostgreSQL server: all its processes on this machine (none when it is remote).
    pub postgresql_ms: Option<f64>,
    pub sanad_serve_ms: Option<f64>,
    /// This process: the HTTP clients, or for raw postgres-es the library itself.
    pub load_generator_ms: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Ticks {
    postgresql: Option<u64>,
    sanad: Option<u64>,
    load: Option<u64>,
}

impl Ticks {
    fn now(sanad: Option<u32>) -> Self {
        Self {
            postgresql: postgres_ticks(),
            sanad: sanad.and_then(|pid| process_ticks(&pid.to_string())),
            load: process_ticks("self"),
        }
    }
}

/// CPU seconds of each side between the end of `warmup` and `warmup + measure` from now:
/// the window `stats::drive` counts operations in when started at the same moment.
pub fn window(sanad: Option<u32>, warmup: Duration, measure: Duration) -> JoinHandle<Window> {
    tokio::spawn(async move {
        tokio::time::sleep(warmup).await;
        let from = Ticks::now(sanad);
        tokio::time::sleep(measure).await;
        Window {
            from,
            until: Ticks::now(sanad),
        }
    })
}

pub struct Window {
    from: Ticks,
    until: Ticks,
}

impl Window {
    /// Per operation, for `operations` finished inside the window.
    pub fn per_operation(&self, operations: u64) -> PerOperation {
        let per = |a: Option<u64>, b: Option<u64>| match (a, b) {
            (Some(a), Some(b)) if operations > 0 && b >= a => {
                Some((b - a) as f64 / TICKS_PER_SECOND * 1000.0 / operations as f64)
            }
            _ => None,
        };
        PerOperation {
            postgresql_ms: per(self.from.postgresql, self.until.postgresql),
            sanad_serve_ms: per(self.from.sanad, self.until.sanad),
            load_generator_ms: per(self.from.load, self.until.load),
        }
    }
}

/// User plus system ticks of `/proc/<pid>/stat` (all the process's threads).
fn process_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    ticks_of(&stat).map(|(_, t)| t)
}

/// The command name and user plus system ticks of one `stat` line. The name is in
/// parentheses and may hold spaces, so the fields are counted after its closing one.
fn ticks_of(stat: &str) -> Option<(&str, u64)> {
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let name = stat.get(open + 1..close)?;
    let fields: Vec<&str> = stat.get(close + 1..)?.split_whitespace().collect();
    // After the name: state (field 3) … utime (14), stime (15).
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((name, utime + stime))
}

/// The ticks of every process named `postgres` on this machine; `None` when there is none
/// (the server is elsewhere). Backends that end inside the window take theirs with them,
/// so this is a lower bound; a run's connections live through its levels.
fn postgres_ticks() -> Option<u64> {
    let mut total = 0;
    let mut found = false;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        if let Some(("postgres", t)) = ticks_of(&stat) {
            total += t;
            found = true;
        }
    }
    found.then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_lines_are_read_after_the_name_whatever_it_holds() {
        let line =
            "4242 (tokio (rt) worker) S 1 4242 4242 0 -1 4194560 1021 0 0 0 250 75 0 0 20 0 9 0";
        assert_eq!(ticks_of(line), Some(("tokio (rt) worker", 325)));
        assert_eq!(ticks_of("4242 (cut) S 1"), None);
    }

    #[test]
    fn per_operation_divides_the_windows_cpu_time() {
        let w = Window {
            from: Ticks {
                postgresql: Some(1_000),
                sanad: Some(500),
                load: None,
            },
            until: Ticks {
                postgresql: Some(1_300),
                sanad: Some(700),
                load: Some(9),
            },
        };
        let p = w.per_operation(10_000);
        assert_eq!(p.postgresql_ms, Some(0.3));
        assert_eq!(p.sanad_serve_ms, Some(0.2));
        assert_eq!(p.load_generator_ms, None);
        assert_eq!(w.per_operation(0).postgresql_ms, None);
    }

    #[test]
    fn this_process_has_a_cpu_clock() {
        assert!(process_ticks("self").is_some());
    }
}
