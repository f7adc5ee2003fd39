//! Every page of each role's navigation, in Arabic: each passes the page checks.

use sanad_tests::browser::{checks, Chromium, Site};

#[tokio::test]
async fn each_role_s_navigation_leads_to_pages_that_pass_the_checks_in_arabic() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;
    for user in [
        "nrm-ni-caseworker",
        "nrm-ni-supervisor",
        "ngo-amal-coordinator",
        "ngo-amal-staff",
        "admin",
        "auditor",
        "employer-tigris",
    ] {
        let tab = chromium.tab(site.base(), 1280).await;
        tab.sign_in(user).await;
        checks::page_is_sound(&tab, "ar").await;
        let links: Vec<String> = tab
            .eval("[...document.querySelectorAll('header nav:not(.langs) a')].map(a => a.getAttribute('href'))")
            .await;
        assert!(links.len() >= 2, "{user} has a navigation: {links:?}");
        for path in links {
            tab.goto(&path).await;
            checks::page_is_sound(&tab, "ar").await;
        }
    }
}
