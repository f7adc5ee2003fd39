//! The referral board, live: a provider's coordinator keeps the board open (filtered);
//! in another browser a case worker opens a referral for a need the provider offers in
//! that governorate; the board shows it without a reload, says so in its live region,
//! keeps the focus where it was and the filters in the address. Without JavaScript the
//! board lists the referral all the same and claiming it works.

use chromiumoxide::cdp::browser_protocol::emulation::SetScriptExecutionDisabledParams;
use chromiumoxide::layout::Point;
use sanad_tests::browser::checks;
use sanad_tests::browser::{Chromium, Site, Tab};

/// A case worker in Ninewa records a referral needing legal help (Al-Amal offers it
/// there) and opens it to providers at once; its case number and page.
async fn open_legal_referral(worker: &Tab) -> (String, String) {
    worker.goto("/referrals/new").await;
    worker.choose("#f-beneficiaryType", "RETURNING_IDP").await;
    worker.choose("#f-governorate", "IQ-NI").await;
    worker.fill("#f-district", "سنجار").await;
    worker.choose("#f-sex", "MALE").await;
    worker.choose("#f-ageBand", "FROM_35_TO_49").await;
    worker.fill("#f-householdSize", "6").await;
    worker.tick("#f-need-LEGAL").await;
    worker.choose("#f-consent-givenBy", "PERSON").await;
    worker.set("#f-consent-givenOn", "2026-12-01").await;
    worker.tick("#f-consent-shareWithProviders").await;
    worker.fill("#f-personal-fullName", "يوسف حسن").await;
    worker.tick("#f-open").await;
    worker.press("تسجيل الإحالة").await;
    worker.wait_for_text("سُجّلت الإحالة.").await;
    let case_number = worker.text_of("h1 bdi").await;
    assert!(case_number.starts_with("NRM-NI-"), "{case_number}");
    let page = worker.path().await;
    let page = page.split('?').next().unwrap_or_default().to_string();
    (case_number, page)
}

/// Clicks `selector` with the mouse where it is on the screen: with the page's scripts
/// off, the harness's own click (which runs a function in the page) cannot.
async fn click_as_a_mouse(tab: &Tab, selector: &str) {
    let quoted = serde_json::to_string(selector).unwrap_or_default();
    let (x, y): (f64, f64) = tab
        .eval(&format!(
            "(() => {{ const e = document.querySelector({quoted}); e.scrollIntoView({{block: 'center'}}); \
             const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
        ))
        .await;
    tab.page
        .click(Point { x, y })
        .await
        .unwrap_or_else(|e| panic!("click {selector}: {e}"));
}

/// Waits (10 s at most) until the tab has loaded a page at `path` after a click.
async fn arrives_at(tab: &Tab, path: &str) {
    for _ in 0..100 {
        let now = tab
            .page
            .evaluate("document.readyState === 'complete' ? location.pathname : ''")
            .await
            .ok()
            .and_then(|r| r.into_value::<String>().ok());
        if now.as_deref() == Some(path) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the click did not lead to {path}");
}

/// The text of the board's live region once it says something (within 10 s).
async fn announced(tab: &Tab) -> String {
    for _ in 0..100 {
        let said = tab.text_of("#board-status").await;
        if !said.trim().is_empty() {
            return said;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the board's live region said nothing");
}

#[tokio::test]
async fn the_board_shows_a_new_referral_without_a_reload_and_works_without_javascript() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;

    // Al-Amal's coordinator keeps the board open, filtered to Ninewa, the focus on the
    // first referral's claim button.
    let amal = chromium.tab(site.base(), 1280).await;
    amal.sign_in("ngo-amal-coordinator").await;
    amal.goto("/referrals/board?governorate=IQ-NI").await;
    checks::page_is_sound(&amal, "ar").await;
    let focused: String = amal
        .eval(
            "(() => { const f = document.querySelector('#board-live form'); \
             f.querySelector('button').focus(); window.__notReloaded = true; \
             return f.getAttribute('action'); })()",
        )
        .await;
    assert_eq!(amal.text_of("#board-status").await, "");

    // Meanwhile a case worker opens a referral Al-Amal may claim.
    let worker = chromium.tab(site.base(), 1280).await;
    worker.sign_in("nrm-ni-caseworker").await;
    let (case_number, referral) = open_legal_referral(&worker).await;

    // The board shows it, without a reload, and says a referral arrived.
    amal.wait_for_text(&case_number).await;
    assert!(
        amal.eval::<bool>("window.__notReloaded === true").await,
        "the board was reloaded"
    );
    assert_eq!(announced(&amal).await, "وصلت إحالة جديدة إلى اللوحة.");
    let live: String = amal
        .eval("document.querySelector('#board-status').getAttribute('aria-live')")
        .await;
    assert_eq!(live, "polite");
    // The focus stayed on the same claim button, the filters in the address.
    let still: String = amal
        .eval(
            "(() => { const f = document.activeElement.closest('form'); \
             return f ? f.getAttribute('action') : 'the focus on ' + document.activeElement.tagName; })()",
        )
        .await;
    assert_eq!(still, focused);
    assert_eq!(amal.path().await, "/referrals/board?governorate=IQ-NI");
    checks::page_is_sound(&amal, "ar").await;

    // Without JavaScript the board lists the referral and claiming it works.
    let plain = chromium.tab(site.base(), 1280).await;
    plain.sign_in("ngo-amal-coordinator").await;
    plain
        .page
        .execute(SetScriptExecutionDisabledParams::new(true))
        .await
        .expect("scripts off");
    plain.goto("/referrals/board?governorate=IQ-NI").await;
    plain.sees(&case_number).await;
    plain.sees("تحديث اللوحة").await;
    click_as_a_mouse(&plain, &format!("form[action='{referral}/claim'] button")).await;
    arrives_at(&plain, &referral).await;
    plain.wait_for_text("حُجزت الإحالة لمؤسستك.").await;
    assert!(
        !plain.requests().iter().any(|r| r.contains("/board/events")),
        "the board's script ran with scripts off"
    );

    // The open board lets it go, and says the board changed.
    for _ in 0..100 {
        if !amal.text().await.contains(&case_number) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    amal.does_not_see(&case_number).await;
    assert_eq!(announced(&amal).await, "حُدّثت اللوحة.");
    assert!(amal.eval::<bool>("window.__notReloaded === true").await);
}
