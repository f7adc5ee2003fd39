//! One tab on the server under test, with what a walk does as a person would: go to a
//! page, type into a field, choose from a list, tick a box, press a button and wait for
//! the next page, read the text. It also keeps what the page said to the console and
//! every address it asked for, for the checks in [`super::checks`].

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chromiumoxide::cdp::browser_protocol::emulation::SetDeviceMetricsOverrideParams;
use chromiumoxide::cdp::browser_protocol::input::InsertTextParams;
use chromiumoxide::cdp::browser_protocol::log::{EventEntryAdded, LogEntryLevel};
use chromiumoxide::cdp::browser_protocol::network::{
    EventRequestWillBeSent, SetUserAgentOverrideParams,
};
use chromiumoxide::cdp::js_protocol::runtime::{
    ConsoleApiCalledType, EvaluateParams, EventConsoleApiCalled, EventExceptionThrown,
};
use chromiumoxide::Page;
use futures::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::DEMO_PASSWORD;

/// How long a walk waits for a page or a text before it fails.
const PATIENCE: Duration = Duration::from_secs(20);

pub struct Tab {
    pub page: Page,
    pub base: String,
    pub width: u32,
    console: Arc<Mutex<Vec<String>>>,
    requests: Arc<Mutex<Vec<String>>>,
}

/// Whether `url` is something a page loads (a style, a script, an icon) rather than a page.
fn is_subresource(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or_default();
    last.contains('.') && !last.ends_with(".html")
}

fn keep<T: Send + 'static>(
    mut events: impl futures::Stream<Item = Arc<T>> + Unpin + Send + 'static,
    into: Arc<Mutex<Vec<String>>>,
    say: impl Fn(&T) -> Option<String> + Send + 'static,
) {
    tokio::spawn(async move {
        while let Some(event) = events.next().await {
            if let (Some(line), Ok(mut all)) = (say(&event), into.lock()) {
                all.push(line);
            }
        }
    });
}

impl Tab {
    pub(super) async fn attach(page: Page, base: &str, width: u32) -> Tab {
        let console: Arc<Mutex<Vec<String>>> = Default::default();
        let requests: Arc<Mutex<Vec<String>>> = Default::default();
        let calls = page
            .event_listener::<EventConsoleApiCalled>()
            .await
            .expect("console events");
        keep(calls, console.clone(), |e| {
            matches!(
                e.r#type,
                ConsoleApiCalledType::Error | ConsoleApiCalledType::Assert
            )
            .then(|| {
                let args: Vec<String> = e
                    .args
                    .iter()
                    .map(|a| {
                        a.value
                            .as_ref()
                            .map(Value::to_string)
                            .or_else(|| a.description.clone())
                            .unwrap_or_default()
                    })
                    .collect();
                format!("console.error: {}", args.join(" "))
            })
        });
        let thrown = page
            .event_listener::<EventExceptionThrown>()
            .await
            .expect("exception events");
        keep(thrown, console.clone(), |e| {
            let d = &e.exception_details;
            Some(format!(
                "uncaught: {} {}",
                d.text,
                d.exception
                    .as_ref()
                    .and_then(|x| x.description.clone())
                    .unwrap_or_default()
            ))
        });
        // The browser's own log: failed loads (a 404 favicon), CSP refusals.
        let entries = page
            .event_listener::<EventEntryAdded>()
            .await
            .expect("log events");
        keep(entries, console.clone(), |e| {
            // A refused form answers with its status (422, 403) on purpose: the walk
            // checks that status itself. Only what the page fails to load counts.
            let the_page_itself = e.entry.text.starts_with("Failed to load resource")
                && e.entry.url.as_deref().is_some_and(|u| !is_subresource(u));
            (e.entry.level == LogEntryLevel::Error && !the_page_itself).then(|| {
                format!(
                    "log: {} {}",
                    e.entry.text,
                    e.entry.url.clone().unwrap_or_default()
                )
            })
        });
        let sent = page
            .event_listener::<EventRequestWillBeSent>()
            .await
            .expect("network events");
        keep(sent, requests.clone(), |e| Some(e.request.url.clone()));
        // An Iraqi user's browser: pages come in Arabic unless a walk asks otherwise.
        let agent = page.user_agent().await.expect("the user agent");
        page.set_user_agent(
            SetUserAgentOverrideParams::builder()
                .user_agent(agent)
                .accept_language("ar-IQ,ar;q=0.9")
                .build()
                .expect("user agent parameters"),
        )
        .await
        .expect("set the languages");
        page.enable_log().await.expect("enable the log");
        page.enable_runtime().await.expect("enable the runtime");
        let tab = Tab {
            page,
            base: base.trim_end_matches('/').to_string(),
            width,
            console,
            requests,
        };
        tab.resize(width).await;
        tab
    }

    /// Makes the viewport `width` CSS pixels wide (a phone at 375, a desktop at 1280).
    pub async fn resize(&self, width: u32) {
        let height = if width < 600 { 740 } else { 900 };
        self.resize_to(width, height).await;
    }

    /// Makes the viewport `width` × `height` CSS pixels (a phone below 600 px wide).
    pub async fn resize_to(&self, width: u32, height: i64) {
        self.page
            .execute(SetDeviceMetricsOverrideParams::new(
                i64::from(width),
                height,
                1.0,
                width < 600,
            ))
            .await
            .expect("set the viewport");
    }

    /// What the page printed as errors so far (console errors, uncaught exceptions,
    /// failed loads), emptied by the call.
    pub fn take_console_errors(&self) -> Vec<String> {
        self.console
            .lock()
            .map(|mut c| std::mem::take(&mut *c))
            .unwrap_or_default()
    }

    /// Every address the tab asked for so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// The value of a JavaScript expression, as `T`.
    pub async fn eval<T: DeserializeOwned>(&self, expression: &str) -> T {
        let params = EvaluateParams::builder()
            .expression(expression)
            .await_promise(true)
            .return_by_value(true)
            .build()
            .unwrap_or_else(|e| panic!("evaluating {expression}: {e}"));
        let result = self
            .page
            .evaluate(params)
            .await
            .unwrap_or_else(|e| panic!("evaluating {expression}: {e}"));
        result
            .into_value()
            .unwrap_or_else(|e| panic!("the value of {expression}: {e}"))
    }

    /// Opens `path` (on the server under test) and waits until it has loaded.
    pub async fn goto(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        self.page
            .goto(url.as_str())
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
        self.wait_loaded().await;
    }

    /// The current address, without the server's part.
    pub async fn path(&self) -> String {
        let url: String = self.eval("location.href").await;
        url.strip_prefix(&self.base).unwrap_or(&url).to_string()
    }

    async fn wait_loaded(&self) {
        self.until(
            "the page to finish loading",
            Duration::from_millis(25),
            || async { self.truthy("document.readyState === 'complete'").await },
        )
        .await;
    }

    /// Whether a JavaScript expression is `true` now; an error (the page is being
    /// replaced) is "not yet".
    async fn truthy(&self, expression: &str) -> bool {
        self.page
            .evaluate(expression)
            .await
            .ok()
            .and_then(|r| r.into_value::<bool>().ok())
            == Some(true)
    }

    /// Asks `ready` every `every` until it says yes, for [`PATIENCE`] at most; then fails
    /// saying what it waited for, where, and what the page showed.
    async fn until<F, Fut>(&self, waited_for: &str, every: Duration, mut ready: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = Instant::now() + PATIENCE;
        while !ready().await {
            if Instant::now() >= deadline {
                panic!(
                    "waited in vain for {waited_for} on {}; the page shows:\n{}",
                    self.path().await,
                    self.text().await
                );
            }
            tokio::time::sleep(every).await;
        }
    }

    /// The text a reader sees (`innerText` of the body).
    pub async fn text(&self) -> String {
        self.eval("document.body ? document.body.innerText : ''")
            .await
    }

    /// Waits until the page shows `text`; fails with the page's text when it does not.
    pub async fn wait_for_text(&self, text: &str) {
        self.until(&format!("{text:?}"), Duration::from_millis(50), || async {
            self.text().await.contains(text)
        })
        .await;
    }

    /// Asserts the page shows `text` now.
    pub async fn sees(&self, text: &str) {
        let shown = self.text().await;
        assert!(
            shown.contains(text),
            "the page {} does not show {text:?}; it shows:\n{shown}",
            self.path().await
        );
    }

    /// Asserts the page does not show `text`.
    pub async fn does_not_see(&self, text: &str) {
        let shown = self.text().await;
        assert!(
            !shown.contains(text),
            "the page {} shows {text:?}:\n{shown}",
            self.path().await
        );
    }

    fn quoted(selector: &str) -> String {
        serde_json::to_string(selector).unwrap_or_default()
    }

    /// Whether an element matches `selector`.
    pub async fn has(&self, selector: &str) -> bool {
        self.eval(&format!(
            "document.querySelector({}) !== null",
            Self::quoted(selector)
        ))
        .await
    }

    /// Types `text` into the field `selector` as a keyboard would (any script, Arabic
    /// too), after clearing what it held.
    pub async fn fill(&self, selector: &str, text: &str) {
        let found: bool = self
            .eval(&format!(
                "(() => {{ const e = document.querySelector({}); if (!e) return false; \
                 e.focus(); e.select && e.select(); e.value = ''; return true; }})()",
                Self::quoted(selector)
            ))
            .await;
        assert!(found, "no field {selector} on {}", self.path().await);
        if !text.is_empty() {
            self.page
                .execute(InsertTextParams::new(text))
                .await
                .unwrap_or_else(|e| panic!("type into {selector}: {e}"));
        }
    }

    /// Sets the value of a field a keyboard does not type into (a date picker).
    pub async fn set(&self, selector: &str, value: &str) {
        let found: bool = self
            .eval(&format!(
                "(() => {{ const e = document.querySelector({}); if (!e) return false; \
                 e.value = {}; e.dispatchEvent(new Event('change', {{bubbles: true}})); return true; }})()",
                Self::quoted(selector),
                Self::quoted(value)
            ))
            .await;
        assert!(found, "no field {selector} on {}", self.path().await);
    }

    /// The value a field holds now (what the page kept of what was typed).
    pub async fn value(&self, selector: &str) -> String {
        let value: Option<String> = self
            .eval(&format!(
                "(() => {{ const e = document.querySelector({}); return e ? e.value : null; }})()",
                Self::quoted(selector)
            ))
            .await;
        value.unwrap_or_else(|| panic!("no field {selector}"))
    }

    /// Chooses the option whose value is `value` in the list `selector`.
    pub async fn choose(&self, selector: &str, value: &str) {
        let chosen: bool = self
            .eval(&format!(
                "(() => {{ const s = document.querySelector({}); if (!s) return false; \
                 const o = [...s.options].find(o => o.value === {}); if (!o) return false; \
                 s.value = o.value; s.dispatchEvent(new Event('change', {{bubbles: true}})); \
                 return true; }})()",
                Self::quoted(selector),
                Self::quoted(value)
            ))
            .await;
        assert!(
            chosen,
            "no list {selector} with the value {value:?} on {}",
            self.path().await
        );
    }

    /// Ticks the box `selector` (leaves it ticked when it already is).
    pub async fn tick(&self, selector: &str) {
        self.set_ticked(selector, true).await;
    }

    /// Clears the box `selector` (leaves it clear when it already is).
    pub async fn untick(&self, selector: &str) {
        self.set_ticked(selector, false).await;
    }

    /// Clicks the box `selector` when it is not as `wanted`.
    async fn set_ticked(&self, selector: &str, wanted: bool) {
        let is: Option<bool> = self
            .eval(&format!(
                "(() => {{ const e = document.querySelector({}); return e ? e.checked : null; }})()",
                Self::quoted(selector)
            ))
            .await;
        match is {
            None => panic!("no box {selector} on {}", self.path().await),
            Some(now) if now == wanted => {}
            Some(_) => self.click(selector).await,
        }
    }

    /// The text of the first element matching `selector`.
    pub async fn text_of(&self, selector: &str) -> String {
        let text: Option<String> = self
            .eval(&format!(
                "(() => {{ const e = document.querySelector({}); return e ? e.innerText : null; }})()",
                Self::quoted(selector)
            ))
            .await;
        match text {
            Some(text) => text,
            None => panic!("no {selector} on {}", self.path().await),
        }
    }

    /// Clicks the element `selector` with the mouse, where it is on the screen.
    pub async fn click(&self, selector: &str) {
        let element = match self.page.find_element(selector).await {
            Ok(element) => element,
            Err(e) => panic!("no {selector} on {}: {e}", self.path().await),
        };
        element
            .scroll_into_view()
            .await
            .unwrap_or_else(|e| panic!("scroll to {selector}: {e}"));
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {selector}: {e}"));
    }

    /// Clicks `selector` (a submit button, a link) and waits for the next page.
    pub async fn submit(&self, selector: &str) {
        let _: bool = self.eval("(window.__sanadBefore = true)").await;
        self.click(selector).await;
        self.wait_next_page().await;
    }

    /// Presses the button whose text contains `label` and waits for the next page.
    pub async fn press(&self, label: &str) {
        self.submit_the_one("button, input[type=submit]", "button", label)
            .await;
    }

    /// Follows the link whose text contains `label`.
    pub async fn follow(&self, label: &str) {
        self.submit_the_one("a", "link", label).await;
    }

    /// Clicks the first of `candidates` whose text contains `label` (a `kind` of thing,
    /// for the failure's words) and waits for the next page.
    async fn submit_the_one(&self, candidates: &str, kind: &str, label: &str) {
        let marked: bool = self
            .eval(&format!(
                "(() => {{ const e = [...document.querySelectorAll({})]\
                 .find(e => (e.innerText || e.value || '').includes({})); if (!e) return false; \
                 document.querySelectorAll('[data-chosen]').forEach(x => x.removeAttribute('data-chosen')); \
                 e.setAttribute('data-chosen', ''); return true; }})()",
                Self::quoted(candidates),
                Self::quoted(label)
            ))
            .await;
        if !marked {
            panic!(
                "no {kind} {label:?} on {}; the page shows:\n{}",
                self.path().await,
                self.text().await
            );
        }
        self.submit("[data-chosen]").await;
    }

    /// Waits until the document that was shown is replaced by a new one, fully loaded.
    async fn wait_next_page(&self) {
        self.until(
            "a new page after the click",
            Duration::from_millis(25),
            || async {
                self.truthy("window.__sanadBefore !== true && document.readyState === 'complete'")
                    .await
            },
        )
        .await;
    }

    /// Signs in as the demo account `username` (demo password) and lands on the home page.
    pub async fn sign_in(&self, username: &str) {
        self.sign_in_with(username, DEMO_PASSWORD).await;
        let path = self.path().await;
        assert!(
            !path.starts_with("/login"),
            "{username} could not sign in; the page shows:\n{}",
            self.text().await
        );
    }

    /// Fills and sends the sign-in form.
    pub async fn sign_in_with(&self, username: &str, password: &str) {
        self.goto("/login").await;
        self.fill("#username", username).await;
        self.fill("#password", password).await;
        self.submit("form[action='/login'] button[type=submit]")
            .await;
    }
}
