//! Malformed requests (moved from `store/faults.rs`): many at once, a bound on memory.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graphql_fuzzing_never_panics_never_answers_5xx_and_stays_within_memory() {
    const CASES: usize = 700;
    const MEMORY_LIMIT_KIB: u64 = 256 * 1024;
    let seed = fuzz_seed("malformed requests");
    let mut t = Target::start().await;
    let token = t.token("admin").expect("an admin session").to_string();
    let org = t.ids.organizations[0].clone();

    let mut rng = Rng::new(seed);
    let cases: Vec<(usize, String, Vec<u8>, &'static str, bool)> = (0..CASES)
        .map(|n| {
            let (what, mut body, ct) = legacy_case(&mut rng, n);
            // Now and then aim at a real organisation, so deeper resolvers run too.
            if n % 5 == 0 {
                body = String::from_utf8_lossy(&body)
                    .replace("00000000-0000-0000-0000-000000000000", &org)
                    .into_bytes();
            }
            (n, what, body, ct, n % 7 != 0)
        })
        .collect();
    let started = Instant::now();
    let base = t.serve.base.clone();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .pool_max_idle_per_host(0)
        .build()
        .expect("http client");
    let failures: Vec<String> = futures::stream::iter(cases)
        .map(|(n, what, body, ct, authed)| {
            let (http, base, token) = (http.clone(), base.clone(), token.clone());
            async move {
                let shown = show(&String::from_utf8_lossy(&body), 300);
                let answer =
                    post_to(&http, &base, authed.then_some(token.as_str()), body, ct).await;
                match answer {
                    Ok(a) if a.status >= 500 => Some(format!(
                        "[seed {seed} case {n}] ({what}): {}\n      body {shown}",
                        a.shown()
                    )),
                    Ok(_) => None,
                    Err(e) => Some(format!(
                        "[seed {seed} case {n}] ({what}): {e}\n      body {shown}"
                    )),
                }
            }
        })
        .buffer_unordered(4)
        .filter_map(|f| async move { f })
        .collect()
        .await;
    let took = started.elapsed();
    let down = t.down().await;
    assert!(down.is_none(), "[seed {seed}] {}", down.unwrap_or_default());
    assert!(
        !t.serve.panicked.load(Ordering::SeqCst),
        "[seed {seed}] sanad serve panicked:\n{}",
        t.serve.log_text()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let peak = t.serve.peak_rss_kib().unwrap_or(0);
    assert!(
        peak < MEMORY_LIMIT_KIB,
        "[seed {seed}] peak resident memory {} MiB over {} MiB",
        peak / 1024,
        MEMORY_LIMIT_KIB / 1024
    );
    // Still serving properly.
    let a = t
        .gql("admin", "{ viewer { username } }", json!({}))
        .await
        .expect("answers");
    assert_eq!(
        (a.status, a.body["data"]["viewer"]["username"].clone()),
        (200, json!("admin"))
    );
    eprintln!(
        "fuzzing: {CASES} malformed requests in {:.1} s, peak RSS {} MiB",
        took.as_secs_f64(),
        peak / 1024
    );
}
