//! A referral's own forms keep what was typed when they are refused, and say what is
//! wrong inside the form that was sent: a case worker's follow-up without its date keeps
//! its note (personal data, shown back only to the one who typed it).

use sanad_tests::browser::checks;
use sanad_tests::browser::{Chromium, Site};

const NOTE: &str = "الاتصال بالعائلة بعد العيد";

#[tokio::test]
async fn a_follow_up_refused_for_its_date_keeps_its_note_and_says_why_in_its_form() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;
    let worker = chromium.tab(site.base(), 1280).await;
    worker.sign_in("nrm-ni-caseworker").await;
    worker.goto("/referrals").await;
    worker.submit("tbody tr td:first-child a").await;
    let referral = worker.path().await;

    // The browser would ask for the date itself: the server's answer is what this checks.
    worker
        .eval::<bool>("(document.querySelector('#act-follow-up').noValidate = true)")
        .await;
    worker.fill("#followup-note", NOTE).await;
    worker.press("جدولة متابعة").await;
    let said: String = worker
        .eval(
            "(() => { const e = document.querySelector('#act-follow-up .field-error'); \
             return e ? e.innerText : ''; })()",
        )
        .await;
    assert!(
        !said.trim().is_empty(),
        "no word in the follow-up form on {referral}"
    );
    assert_eq!(worker.value("#followup-note").await, NOTE);
    checks::page_is_sound(&worker, "ar").await;

    // With its date it is scheduled.
    worker.set("#followup-due", "2026-12-20").await;
    worker.press("جدولة متابعة").await;
    worker.wait_for_text("جُدولت المتابعة.").await;
}
