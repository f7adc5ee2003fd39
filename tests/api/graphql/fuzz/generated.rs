//! The generated run: documents generated from `schema.graphql`, valid, near-valid and
//! hostile, sent as every demo role and anonymously.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_documents_as_every_role_never_crash_answer_5xx_or_internal_or_stall() {
    let seed = fuzz_seed("generated documents");
    let cases = env_number("SANAD_FUZZ_CASES", 300) as usize;
    let budget = Duration::from_secs(env_number("SANAD_FUZZ_SECONDS", 60));
    let schema = Schema::load();
    let mut t = Target::start().await;
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let mut failures: Vec<String> = Vec::new();
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    // A kind that stalled or killed the server is not sent again in this run: each
    // would cost a timeout and a restart, and the first is reported.
    let mut retired: BTreeMap<&'static str, String> = BTreeMap::new();
    let (mut sent, mut skipped, mut refusals) = (0usize, 0usize, 0usize);
    let mut by_kind: BTreeMap<&'static str, usize> = BTreeMap::new();
    for n in 0..cases {
        if started.elapsed() > budget {
            eprintln!(
                "fuzz: time budget of {} s spent after {n} of {cases} cases",
                budget.as_secs()
            );
            break;
        }
        // Drawn whatever happens, so that a replay draws the same documents.
        let role_index = rng.below(t.tokens.len());
        let case = next_case(&mut rng, &schema, &t.ids);
        if retired.contains_key(case.kind) {
            skipped += 1;
            continue;
        }
        let role = case.role.unwrap_or(t.tokens[role_index].0);
        if let Some(first) = &case.first {
            let _ = t
                .post(t.token(role), first.clone(), case.content_type)
                .await;
        }
        let before = match case.mutation {
            Some(_) => Some(t.events().await),
            None => None,
        };
        let answer = t
            .post(t.token(role), case.body.clone(), case.content_type)
            .await;
        sent += 1;
        *by_kind.entry(case.kind).or_default() += 1;
        let mut found = Vec::new();
        let mut stalled = false;
        match &answer {
            Err(e) => {
                stalled = true;
                found.push(e.clone());
            }
            Ok(a) => {
                let events = match before {
                    Some(b) => Some((b, t.events().await)),
                    None => None,
                };
                if case.mutation.as_deref().is_some_and(|key| a.refused(key)) {
                    refusals += 1;
                }
                found.extend(problems(&case, a, events));
            }
        }
        let mut died = false;
        if case.hostile || !found.is_empty() {
            if let Some(down) = t.down().await {
                died = true;
                found.push(down);
            }
        }
        for problem in &found {
            let class = problem.lines().next().unwrap_or_default();
            let class: String = class.chars().take(60).collect();
            *tally.entry(format!("{} — {class}", case.kind)).or_default() += 1;
            failures.push(format!(
                "[seed {seed} case {n} | {} | as {role}] {problem}\n      {}\n      answer {}",
                case.kind,
                case.shown,
                answer
                    .as_ref()
                    .map(|a| format!("{}{}", a.shown(), logged_causes(&t.serve.log_text(), a)))
                    .unwrap_or_else(|e| e.clone())
            ));
        }
        if stalled || died {
            retired.insert(
                case.kind,
                format!("case {n}: {}", found.first().cloned().unwrap_or_default()),
            );
            t.restart().await;
        }
    }
    if t.serve.panicked.load(Ordering::SeqCst) {
        failures.push(format!(
            "[seed {seed}] the server's log reports a panic:\n{}",
            log_tail(&t.serve.log_text(), 10)
        ));
    }
    eprintln!(
        "fuzz: seed {seed}: {sent} requests sent ({skipped} skipped: kind retired), {refusals} refused mutations checked for no new events, {} restarts, {:.1} s; by kind {by_kind:?}",
        t.restarts,
        started.elapsed().as_secs_f64()
    );
    if !failures.is_empty() {
        let summary = tally
            .iter()
            .map(|(k, n)| format!("  {n:>4} × {k}"))
            .collect::<Vec<_>>()
            .join("\n");
        let retired = retired
            .iter()
            .map(|(k, why)| format!("  {k}: {}", show(why, 200)))
            .collect::<Vec<_>>()
            .join("\n");
        let shown = 40;
        panic!(
            "{} failures in {sent} requests (replay: SANAD_FUZZ_SEED={seed} SANAD_FUZZ_CASES={cases})\n\
             by kind and problem:\n{summary}\n\
             kinds retired after stalling or killing the server:\n{retired}\n\
             the first {shown}:\n{}",
            failures.len(),
            failures
                .iter()
                .take(shown)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
