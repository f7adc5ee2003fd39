//! One headless Chromium per test: its own profile directory (two browsers sharing one
//! would fight over its lock), no sandbox (CI runs as root), and no way off this machine:
//! every host name but 127.0.0.1 resolves to nothing, so a page that asks for a font or a
//! script elsewhere fails visibly in the request log instead of reaching the internet.

use std::path::PathBuf;

use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::target::{
    CreateBrowserContextParams, CreateTargetParams,
};
use futures::StreamExt;
use tokio::task::JoinHandle;

use super::tab::Tab;

pub struct Chromium {
    browser: Browser,
    handler: JoinHandle<()>,
    profile: PathBuf,
}

/// Where the browser is: `SANAD_CHROMIUM`, else Debian's `/usr/bin/chromium`.
pub fn executable() -> PathBuf {
    std::env::var_os("SANAD_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

impl Chromium {
    pub async fn launch() -> Chromium {
        let exe = executable();
        assert!(
            exe.exists(),
            "no Chromium at {} (scripts/test installs Debian's chromium; or set SANAD_CHROMIUM)",
            exe.display()
        );
        let profile = std::env::temp_dir().join(format!(
            "sanad-chromium-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        let config = BrowserConfig::builder()
            .chrome_executable(&exe)
            .no_sandbox()
            .user_data_dir(&profile)
            .viewport(None)
            .window_size(1280, 900)
            .request_timeout(std::time::Duration::from_secs(30))
            .args([
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--no-first-run",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ])
            .build()
            .expect("browser configuration");
        let (browser, mut handler) = Browser::launch(config)
            .await
            .unwrap_or_else(|e| panic!("Chromium {} starts: {e}", exe.display()));
        // The handler drives the DevTools connection; an event this crate's protocol
        // version does not know is an error to skip, not a reason to stop.
        let handler = tokio::spawn(async move { while handler.next().await.is_some() {} });
        Chromium {
            browser,
            handler,
            profile,
        }
    }

    /// A new person at `base` (the server's address), looking through a window `width`
    /// CSS pixels wide: a tab in a browser context of its own, so two people in one walk
    /// never share a cookie.
    pub async fn tab(&self, base: &str, width: u32) -> Tab {
        let context = self
            .browser
            .create_browser_context(CreateBrowserContextParams::default())
            .await
            .expect("a browser context");
        let target = CreateTargetParams::builder()
            .url("about:blank")
            .browser_context_id(context)
            .build()
            .expect("a tab's parameters");
        let page = self.browser.new_page(target).await.expect("open a tab");
        Tab::attach(page, base, width).await
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        // Killing the process (not a polite close) needs no runtime and cannot hang a test.
        if let Some(child) = self.browser.get_mut_child() {
            let _ = child.as_mut_inner().start_kill();
        }
        self.handler.abort();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
