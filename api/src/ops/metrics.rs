//! The Prometheus recorder: installed once per process, rendered at `/metrics`.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let handle = match PrometheusBuilder::new().install_recorder() {
            Ok(h) => h,
            // Another recorder is installed (several routers in one test process):
            // render an empty one rather than fail.
            Err(_) => PrometheusBuilder::new().build_recorder().handle(),
        };
        describe();
        handle
    })
}

fn describe() {
    metrics::describe_counter!(
        "sanad_http_requests_total",
        "HTTP requests by route and status"
    );
    metrics::describe_histogram!(
        "sanad_http_request_duration_seconds",
        "HTTP request latency"
    );
    metrics::describe_counter!("sanad_events_appended_total", "Events appended to the log");
    metrics::describe_counter!(
        "sanad_events_projected_total",
        "Events applied to the read models"
    );
    metrics::describe_gauge!(
        "sanad_projector_lag_events",
        "Committed events waiting, after a catch-up, behind a transaction still running (up to a batch)"
    );
    metrics::describe_counter!(
        "sanad_commands_from_cache_total",
        "Commands decided on an aggregate kept in memory (proven by their append)"
    );
    metrics::describe_counter!(
        "sanad_command_retries_total",
        "Commands re-run after losing the race for their record"
    );
    metrics::describe_counter!(
        "sanad_commands_replayed_total",
        "Repeated commandIds answered with their first result"
    );
    metrics::describe_counter!(
        "sanad_projector_batches_read_again_total",
        "Projector batches that found their checkpoint moved by another writer (a rebuild) and were read again"
    );
    metrics::describe_gauge!("sanad_projector_leader", "1 when this process projects");
    metrics::describe_histogram!(
        "sanad_projection_delay_seconds",
        "Time from command to read model"
    );
    metrics::describe_gauge!("sanad_up", "1 while the process serves");
    metrics::gauge!("sanad_up").set(1.0);
}

pub async fn render() -> String {
    let h = handle();
    h.run_upkeep();
    h.render()
}
