//! The main pages in Arabic and English, on a desktop (1280 px) and a phone (375 px):
//! each one saved as a screenshot under `target/screenshots/` (with `index.html`, the
//! contact sheet), each one readable (the page checks) and none wider than its window.

use sanad_tests::browser::{checks, shots, Chromium, Site, Tab};

/// Visits `path`, saves it as `name`, and notes what is wrong with it.
async fn visit(tab: &Tab, path: &str, name: &str, lang: &str, problems: &mut Vec<String>) {
    tab.goto(path).await;
    shots::take(tab, name, lang).await;
    if let Some(wide) = checks::fits_the_width(tab).await {
        problems.push(wide);
    }
    checks::page_reads_well(tab, lang).await;
}

/// The address of the first link under `selector` on the page, without the server's part.
async fn first_link(tab: &Tab, selector: &str) -> String {
    let href: Option<String> = tab
        .eval(&format!(
            "(() => {{ const a = document.querySelector({}); return a ? a.getAttribute('href') : null; }})()",
            serde_json::to_string(selector).unwrap_or_default()
        ))
        .await;
    match href {
        Some(href) => href,
        None => panic!("no link {selector} on {}", tab.path().await),
    }
}

#[tokio::test]
async fn the_main_pages_in_arabic_and_english_on_a_desktop_and_a_phone() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;
    let mut problems = Vec::new();
    for lang in ["ar", "en"] {
        for width in [1280, 375] {
            let worker = chromium.tab(site.base(), width).await;
            let p = &mut problems;
            visit(&worker, &format!("/login?lang={lang}"), "login", lang, p).await;
            worker.sign_in("nrm-ni-caseworker").await;
            visit(&worker, "/", "home-caseworker", lang, p).await;
            visit(&worker, "/referrals", "referrals", lang, p).await;
            let referral = first_link(&worker, "table a[href^='/referrals/']").await;
            visit(&worker, &referral, "referral", lang, p).await;
            visit(&worker, "/referrals/new", "referral-new", lang, p).await;
            visit(&worker, "/organizations", "organizations", lang, p).await;
            let organization = first_link(&worker, "table a[href^='/organizations/']").await;
            visit(&worker, &organization, "organization", lang, p).await;

            let provider = chromium.tab(site.base(), width).await;
            provider.goto(&format!("/login?lang={lang}")).await;
            provider.sign_in("ngo-amal-coordinator").await;
            visit(&provider, "/", "home-provider", lang, p).await;
            visit(&provider, "/referrals/board", "board", lang, p).await;
            visit(&provider, "/account", "account", lang, p).await;

            let admin = chromium.tab(site.base(), width).await;
            admin.goto(&format!("/login?lang={lang}")).await;
            admin.sign_in("admin").await;
            visit(&admin, "/", "home-secretariat", lang, p).await;
            visit(&admin, "/statistics", "statistics", lang, p).await;
        }
    }
    let sheet = shots::dir().join("index.html");
    assert!(sheet.exists(), "no contact sheet at {}", sheet.display());
    assert!(
        problems.is_empty(),
        "pages wider than the window:\n- {}",
        problems.join("\n- ")
    );
}
