//! A referral's whole life in Arabic, as the people who handle it see it: a case worker
//! records it (consent first) and opens it to providers; two providers see it on their
//! board, one claims it and the other is told, in words, that it is taken; the provider
//! accepts, starts, records the service for its need and closes with an outcome per need;
//! the case worker then reads the history.

use sanad_tests::browser::checks::{self, XSS};
use sanad_tests::browser::{Chromium, Site, Tab};

/// The referral form, filled as a case worker in Ninewa would, without the consent's date.
async fn fill_referral(tab: &Tab) {
    tab.choose("#f-beneficiaryType", "RETURNEE_FROM_ABROAD")
        .await;
    tab.fill("#f-returnCountry", "TR").await;
    tab.choose("#f-governorate", "IQ-NI").await;
    tab.fill("#f-district", "الموصل").await;
    tab.choose("#f-sex", "FEMALE").await;
    tab.choose("#f-ageBand", "FROM_25_TO_34").await;
    tab.fill("#f-householdSize", "4").await;
    tab.tick("#f-vuln-FEMALE_HEADED_HOUSEHOLD").await;
    tab.tick("#f-need-PSYCHOSOCIAL").await;
    tab.tick("#f-need-LIVELIHOODS").await;
    tab.choose("#f-consent-givenBy", "PERSON").await;
    tab.tick("#f-consent-shareWithProviders").await;
    tab.fill("#f-personal-fullName", "فاطمة عبد الله").await;
    tab.fill("#f-personal-notes", XSS).await;
}

#[tokio::test]
async fn a_referral_from_the_case_worker_to_closure_in_arabic() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;

    // The case worker records the referral; without the consent's date the form refuses
    // and keeps what was typed.
    let worker = chromium.tab(site.base(), 1280).await;
    worker.sign_in("nrm-ni-caseworker").await;
    worker.goto("/referrals/new").await;
    checks::page_is_sound(&worker, "ar").await;
    fill_referral(&worker).await;
    // The browser would stop an empty required date itself: the server's answer is
    // what this checks.
    worker
        .eval::<bool>("(document.querySelector('form.referral-form').noValidate = true)")
        .await;
    worker.press("تسجيل الإحالة").await;
    worker.sees("تاريخ").await;
    assert_eq!(worker.value("#f-personal-fullName").await, "فاطمة عبد الله");
    assert_eq!(worker.value("#f-district").await, "الموصل");
    checks::page_is_sound(&worker, "ar").await;

    worker.set("#f-consent-givenOn", "2026-12-01").await;
    worker.untick("#f-open").await;
    worker.press("تسجيل الإحالة").await;
    worker.wait_for_text("سُجّلت الإحالة.").await;
    worker.sees("مسودة").await;
    let referral = worker.path().await;
    let referral = referral.split('?').next().unwrap_or_default().to_string();
    assert!(referral.starts_with("/referrals/"), "{referral}");
    checks::page_is_sound(&worker, "ar").await;
    worker.press("فتح الإحالة لمقدّمي الخدمات").await;
    worker.wait_for_text("فُتحت الإحالة لمقدّمي الخدمات.").await;
    worker.sees("مفتوحة لمقدّمي الخدمات").await;

    // Two providers serve Ninewa for one of its needs: both see it on their board.
    let amal = chromium.tab(site.base(), 1280).await;
    amal.sign_in("ngo-amal-coordinator").await;
    amal.goto("/referrals/board").await;
    let case_number = worker.text_of("h1 bdi").await;
    assert!(case_number.starts_with("NRM-NI-"), "{case_number}");
    amal.sees(&case_number).await;
    checks::page_is_sound(&amal, "ar").await;
    let other = chromium.tab(site.base(), 1280).await;
    other.sign_in("io-coordinator").await;
    other.goto("/referrals/board").await;
    other.sees(&case_number).await;
    other.goto(&referral).await;
    other.sees("حجز الإحالة لمؤسستي").await;

    // Al-Amal claims first; the other provider's claim is refused in words.
    amal.goto(&referral).await;
    amal.press("حجز الإحالة لمؤسستي").await;
    amal.wait_for_text("حُجزت الإحالة لمؤسستك.").await;
    other.press("حجز الإحالة لمؤسستي").await;
    other
        .wait_for_text("استلم مقدّم خدمة آخر هذه الإحالة من قبل.")
        .await;
    checks::page_is_sound(&other, "ar").await;

    // Al-Amal serves its need and closes the referral with an outcome for each.
    amal.press("قبول الإحالة").await;
    amal.wait_for_text("قُبلت الإحالة.").await;
    amal.press("بدء تقديم الخدمة").await;
    amal.wait_for_text("بدأ تقديم الخدمة.").await;
    amal.fill("#deliver-PSYCHOSOCIAL-note", XSS).await;
    amal.submit("#act-deliver-PSYCHOSOCIAL button[type=submit]")
        .await;
    amal.wait_for_text("سُجّل تقديم الخدمة.").await;
    checks::page_is_sound(&amal, "ar").await;
    // Closing with no outcome is refused, the need named in words (not its code).
    amal.eval::<bool>("(document.querySelector('#act-close').noValidate = true)")
        .await;
    amal.press("إغلاق الإحالة").await;
    amal.wait_for_text("بلا نتيجة").await;
    checks::page_reads_well(&amal, "ar").await;
    amal.choose("#close-outcome-PSYCHOSOCIAL", "RESOLVED").await;
    amal.choose("#close-outcome-LIVELIHOODS", "NOT_RESOLVED")
        .await;
    amal.choose("#close-reason-LIVELIHOODS", "NO_CAPACITY")
        .await;
    amal.press("إغلاق الإحالة").await;
    amal.wait_for_text("أُغلقت الإحالة.").await;

    // The case worker reads what happened, step by step, in Arabic.
    worker.goto(&referral).await;
    worker.sees("مغلقة").await;
    // Times are Iraq's, the zone named.
    worker.sees("بتوقيت بغداد").await;
    worker.does_not_see("UTC").await;
    for step in [
        "تسجيل الإحالة",
        "فتح الإحالة لمقدّمي الخدمات",
        "حجز الإحالة من مقدّم خدمة",
        "قبول الإحالة",
        "بدء تقديم الخدمة",
        "تسجيل تقديم خدمة",
        "إغلاق الإحالة",
    ] {
        worker.sees(step).await;
    }
    // What the page reads back is not labelled as a form is ("(optional)", "2 letters").
    let facts: String = worker
        .eval("[...document.querySelectorAll('dl.facts')].map(d => d.innerText).join('\\n')")
        .await;
    assert!(facts.contains("تاريخ انتهاء الموافقة"), "{facts}");
    assert!(!facts.contains("اختياري"), "{facts}");
    assert!(!facts.contains("حرفين"), "{facts}");
    checks::page_is_sound(&worker, "ar").await;

    // The Secretariat's auditor reads the case, and is offered no actions.
    let auditor = chromium.tab(site.base(), 1280).await;
    auditor.sign_in("auditor").await;
    auditor.goto(&referral).await;
    auditor.sees("مغلقة").await;
    assert!(
        !auditor.has("#actions-heading").await,
        "an empty actions section"
    );
    checks::page_is_sound(&auditor, "ar").await;
}
