//! Latency samples and the closed-loop driver every throughput figure goes through.

use std::time::{Duration, Instant};

use serde::Serialize;

/// Percentiles of a set of latencies, in milliseconds.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Latency {
    pub samples: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Latency {
    /// From latencies in microseconds (sorted here).
    pub fn from_micros(mut us: Vec<u64>) -> Self {
        if us.is_empty() {
            return Self::default();
        }
        us.sort_unstable();
        let at = |q: f64| {
            let i = ((us.len() as f64 * q).ceil() as usize).clamp(1, us.len()) - 1;
            us[i] as f64 / 1000.0
        };
        Self {
            samples: us.len(),
            p50_ms: at(0.50),
            p99_ms: at(0.99),
            max_ms: us[us.len() - 1] as f64 / 1000.0,
        }
    }
}

/// One client of a closed-loop run: it sends its next operation as soon as the last answered.
#[async_trait::async_trait]
pub trait Client: Send {
    /// One operation; `Ok` when the system acknowledged it.
    async fn step(&mut self) -> Result<(), String>;
}

/// What a closed-loop run measured (operations finished inside the measuring window).
#[derive(Debug, Clone, Serialize)]
pub struct RunResult {
    pub clients: usize,
    pub seconds: f64,
    pub ok: u64,
    pub errors: u64,
    pub per_second: f64,
    pub latency: Latency,
    /// The first few error messages, to tell what went wrong.
    pub sample_errors: Vec<String>,
    /// CPU each side spent per operation inside the window, where the caller measured it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_ms_per_operation: Option<crate::cpu::PerOperation>,
}

/// Runs every client concurrently for `warmup + measure`; counts and times only the
/// operations that start after the warm-up and finish before the end.
pub async fn drive(
    clients: Vec<Box<dyn Client>>,
    warmup: Duration,
    measure: Duration,
) -> RunResult {
    let n = clients.len();
    let start = Instant::now();
    let from = start + warmup;
    let until = from + measure;
    let tasks: Vec<_> = clients
        .into_iter()
        .map(|mut c| {
            tokio::spawn(async move {
                let mut lat = Vec::with_capacity(4096);
                let mut errors = 0u64;
                let mut sample = Vec::new();
                loop {
                    let t0 = Instant::now();
                    if t0 >= until {
                        break;
                    }
                    let r = c.step().await;
                    let t1 = Instant::now();
                    if t0 < from || t1 > until {
                        continue;
                    }
                    match r {
                        Ok(()) => lat.push((t1 - t0).as_micros() as u64),
                        Err(e) => {
                            errors += 1;
                            if sample.len() < 3 {
                                sample.push(e);
                            }
                        }
                    }
                }
                (lat, errors, sample)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    let mut sample_errors = Vec::new();
    for t in tasks {
        if let Ok((lat, e, s)) = t.await {
            all.extend(lat);
            errors += e;
            for m in s {
                if sample_errors.len() < 5 {
                    sample_errors.push(m);
                }
            }
        }
    }
    let seconds = measure.as_secs_f64();
    RunResult {
        clients: n,
        seconds,
        ok: all.len() as u64,
        errors,
        per_second: all.len() as f64 / seconds,
        latency: Latency::from_micros(all),
        sample_errors,
        cpu_ms_per_operation: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_the_nearest_rank() {
        let l = Latency::from_micros((1..=100).map(|i| i * 1000).collect());
        assert_eq!(l.samples, 100);
        assert_eq!(l.p50_ms, 50.0);
        assert_eq!(l.p99_ms, 99.0);
        assert_eq!(l.max_ms, 100.0);
        assert_eq!(Latency::from_micros(vec![]).samples, 0);
    }
}
