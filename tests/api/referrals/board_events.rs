//! The board's event stream (`GET /referrals/board/events`), as a browser's EventSource
//! reads it: only for a signed-in provider, only about its own board, a few per session,
//! and over once the session is.

use std::time::Duration;

use super::*;

const EVENTS: &str = "/referrals/board/events";

/// One server-sent event: its name and data.
#[derive(Debug, PartialEq, Eq)]
struct Sse {
    event: String,
    data: String,
}

/// What waiting for the next event gave.
#[derive(Debug)]
enum Next {
    Event(Sse),
    /// Nothing but keep-alive comments within the time given.
    Quiet,
    /// The server ended the stream.
    Ended,
}

/// An open event stream.
struct Stream {
    response: reqwest::Response,
    buffer: String,
}

impl Stream {
    /// The next event within `within`, keep-alive comments skipped.
    async fn next(&mut self, within: Duration) -> Next {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut sse = Sse {
                    event: "message".into(),
                    data: String::new(),
                };
                for line in block.lines() {
                    if let Some(name) = line.strip_prefix("event:") {
                        sse.event = name.trim().to_string();
                    } else if let Some(data) = line.strip_prefix("data:") {
                        sse.data = data.trim().to_string();
                    }
                }
                if !sse.data.is_empty() {
                    return Next::Event(sse);
                }
                continue;
            }
            match tokio::time::timeout_at(deadline, self.response.chunk()).await {
                Err(_) => return Next::Quiet,
                Ok(Ok(Some(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                Ok(Ok(None)) | Ok(Err(_)) => return Next::Ended,
            }
        }
    }

    /// The next event, which must come within 10 s.
    async fn event(&mut self) -> Sse {
        match self.next(Duration::from_secs(10)).await {
            Next::Event(sse) => sse,
            other => panic!("an event within 10 s, got {other:?}"),
        }
    }
}

/// Opens the stream with the session `token` (if any): the status, and the stream when
/// it is one.
async fn open(app: &TestApp, token: Option<&str>) -> (u16, Option<Stream>) {
    let mut request = app
        .http
        .get(format!("{}{EVENTS}", app.base))
        .header("accept", "text/event-stream");
    if let Some(t) = token {
        request = request.header("cookie", format!("sanad_session={t}"));
    }
    let response = request.send().await.expect("request sent");
    let status = response.status().as_u16();
    let is_stream = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream"));
    let stream = is_stream.then(|| Stream {
        response,
        buffer: String::new(),
    });
    (status, stream)
}

/// A provider's open stream, past its `ready`.
async fn ready(app: &TestApp, token: &str) -> Stream {
    let (status, stream) = open(app, Some(token)).await;
    assert_eq!(status, 200);
    let mut stream = stream.expect("an event stream");
    assert_eq!(stream.event().await.event, "ready");
    stream
}

/// A new referral in Ninewa needing legal help: only Al-Amal offers that there.
async fn legal_referral(app: &TestApp, caseworker: &str) -> String {
    ok(create(app, caseworker, "IQ-NI", json!([{"category": "LEGAL"}])).await)["createReferral"]
        ["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn only_a_signed_in_provider_gets_the_stream() {
    let app = TestApp::spawn().await;
    app.seed().await;
    assert_eq!(open(&app, None).await.0, 401);
    assert_eq!(open(&app, Some("sanad_s_nonsense")).await.0, 401);
    // A case worker has no board.
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    assert_eq!(open(&app, Some(&caseworker)).await.0, 403);
}

#[tokio::test]
async fn a_provider_hears_of_a_referral_routed_to_it_and_another_provider_does_not() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let amal = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let rafidain = app.login("ngo-rafidain-coordinator", DEMO_PASSWORD).await;
    let caseworker = app.login("nrm-ni-caseworker", DEMO_PASSWORD).await;
    let mut amal_events = ready(&app, &amal).await;
    let mut rafidain_events = ready(&app, &rafidain).await;

    let id = legal_referral(&app, &caseworker).await;
    assert_eq!(
        amal_events.event().await,
        Sse {
            event: "board".into(),
            data: "arrived".into()
        }
    );
    // The other provider's board did not change: not a word, and nothing that names it.
    match rafidain_events.next(Duration::from_secs(2)).await {
        Next::Quiet => {}
        other => panic!("a provider not routed the referral heard {other:?}"),
    }
    assert!(!rafidain_events.buffer.contains(&id));

    // Claimed, it leaves Al-Amal's board: an update, not an arrival.
    claim(&app, &amal, &id).await;
    assert_eq!(
        amal_events.event().await,
        Sse {
            event: "board".into(),
            data: "updated".into()
        }
    );
}

#[tokio::test]
async fn a_session_holds_a_few_streams_at_once() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let amal = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let mut open_ones = Vec::new();
    for _ in 0..4 {
        open_ones.push(ready(&app, &amal).await);
    }
    let (status, _) = open(&app, Some(&amal)).await;
    assert_eq!(status, 429, "a fifth stream for one session");
    // Another person of the same organisation is not held back by it.
    let staff = app.login("ngo-amal-staff", DEMO_PASSWORD).await;
    ready(&app, &staff).await;
    // A tab closed gives its place back.
    drop(open_ones.pop());
    let mut again = None;
    for _ in 0..50 {
        let (status, stream) = open(&app, Some(&amal)).await;
        if status == 200 {
            again = stream;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(again.expect("a place again").event().await.event, "ready");
}

#[tokio::test]
async fn signing_out_ends_the_stream() {
    let app = TestApp::spawn().await;
    app.seed().await;
    let amal = app.login("ngo-amal-coordinator", DEMO_PASSWORD).await;
    let mut events = ready(&app, &amal).await;
    ok(app.gql(Some(&amal), "mutation { logout }", json!({})).await);
    loop {
        match events.next(Duration::from_secs(10)).await {
            Next::Ended => break,
            Next::Quiet => panic!("the stream went on 10 s after signing out"),
            Next::Event(_) => {}
        }
    }
}
