//! A referral's whole life in Arabic, as the people who handle it see it: a case worker
//! records it (consent first) and opens it to providers; two providers see it on their
//! board, one claims it and the other is told, in words, that it is taken; the provider
//! accepts, assigns a colleague, starts, records the service for each need (with a note)
//! and closes with an outcome per need; the case worker then reads the history — which
//! need each step concerned, who was assigned, what the provider noted — and the
//! Secretariat's auditor reads it too, told that a note exists but not what it says.

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
    // The coordinator hands the case to a colleague, chosen by name.
    let colleague: String = amal
        .eval("[...document.querySelectorAll('#assign-user option')].find(o => o.textContent.includes('موظف منظمة الأمل')).value")
        .await;
    amal.choose("#assign-user", &colleague).await;
    amal.press("تعيين أخصائي الحالة").await;
    amal.wait_for_text("عُيّن أخصائي الحالة.").await;
    amal.press("بدء تقديم الخدمة").await;
    amal.wait_for_text("بدأ تقديم الخدمة.").await;
    amal.fill("#deliver-PSYCHOSOCIAL-note", XSS).await;
    amal.submit("#act-deliver-PSYCHOSOCIAL button[type=submit]")
        .await;
    amal.wait_for_text("سُجّل تقديم الخدمة.").await;
    checks::page_is_sound(&amal, "ar").await;
    amal.fill("#deliver-LIVELIHOODS-note", "جلستا إرشاد مهني مع الأسرة")
        .await;
    amal.submit("#act-deliver-LIVELIHOODS button[type=submit]")
        .await;
    amal.wait_for_text("سُجّل تقديم الخدمة.").await;
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
    // Each step says what it recorded: the need of each delivery, who was assigned, the
    // provider's notes (the markup typed into one shown as text), each need's outcome.
    let steps = timeline_steps(&worker).await;
    let delivered = rows_of(&steps, "تسجيل تقديم خدمة");
    assert_eq!(delivered.len(), 2, "{steps:?}");
    assert!(delivered[0].contains("الدعم النفسي والاجتماعي"), "{steps:?}");
    assert!(delivered[0].contains("window.__xss=2"), "{steps:?}");
    assert!(delivered[1].contains("سبل العيش"), "{steps:?}");
    assert!(
        delivered[1].contains("جلستا إرشاد مهني مع الأسرة"),
        "{steps:?}"
    );
    let assigned = rows_of(&steps, "تعيين أخصائي الحالة");
    assert!(
        assigned.iter().any(|s| s.contains("موظف منظمة الأمل")),
        "{steps:?}"
    );
    let closed = rows_of(&steps, "إغلاق الإحالة");
    assert!(closed[0].contains("سبل العيش: لم يُلبَّ"), "{steps:?}");
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
    // The Secretariat audits the steps, not the provider's notes: it learns that one was
    // written.
    let steps = timeline_steps(&auditor).await;
    let delivered = rows_of(&steps, "تسجيل تقديم خدمة");
    assert!(delivered[0].contains("الدعم النفسي والاجتماعي"), "{steps:?}");
    assert!(delivered[1].contains("كُتبت ملاحظة"), "{steps:?}");
    auditor.does_not_see("جلستا إرشاد مهني").await;
    auditor.does_not_see("window.__xss").await;
    assert!(
        !auditor.has("#actions-heading").await,
        "an empty actions section"
    );
    checks::page_is_sound(&auditor, "ar").await;

    // The lists and the statistics download as Excel, and as CSV right beside it.
    worker.goto("/referrals").await;
    downloads_side_by_side(&worker, "/referrals").await;
    auditor.goto("/statistics").await;
    downloads_side_by_side(&auditor, "/statistics").await;
    checks::page_is_sound(&auditor, "ar").await;
}

/// The page offers `stem.xlsx` and, on the same line just after it, `stem.csv`.
async fn downloads_side_by_side(tab: &Tab, stem: &str) {
    let beside: bool = tab
        .eval(&format!(
            "(() => {{ const x = document.querySelector('a[href^=\"{stem}.xlsx\"]'); \
             const c = document.querySelector('a[href^=\"{stem}.csv\"]'); if (!x || !c) return false; \
             const a = x.getBoundingClientRect(), b = c.getBoundingClientRect(); \
             return x.parentElement === c.parentElement && Math.abs(a.top - b.top) < 2 \
               && c.innerText.includes('CSV') && x.innerText.includes('Excel'); }})()"
        ))
        .await;
    assert!(beside, "{stem}: no CSV link beside the Excel one");
}

/// The timeline's rows as the tab shows them: each event's label and what its step
/// recorded.
async fn timeline_steps(tab: &Tab) -> Vec<(String, String)> {
    tab.eval(
        "[...document.querySelectorAll('tr[data-position]')]\
         .map(r => [r.cells[1].innerText, r.cells[2].innerText])",
    )
    .await
}

/// What the steps labelled `event` recorded, in order.
fn rows_of(steps: &[(String, String)], event: &str) -> Vec<String> {
    steps
        .iter()
        .filter(|(label, _)| label == event)
        .map(|(_, step)| step.clone())
        .collect()
}
