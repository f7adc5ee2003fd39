//! The country a person returned from, chosen by its name in the page's language: the
//! case worker types the first letters, picks the country from the list, and the
//! referral reads back its name; a country that does not exist is refused in words
//! naming the field, and what was typed stays.

use sanad_tests::browser::checks;
use sanad_tests::browser::{Chromium, Site, Tab};

async fn fill_referral(tab: &Tab) {
    tab.choose("#f-beneficiaryType", "RETURNEE_FROM_ABROAD")
        .await;
    tab.choose("#f-governorate", "IQ-NI").await;
    tab.choose("#f-sex", "MALE").await;
    tab.choose("#f-ageBand", "FROM_35_TO_49").await;
    tab.fill("#f-householdSize", "3").await;
    tab.tick("#f-need-LEGAL").await;
    tab.choose("#f-consent-givenBy", "PERSON").await;
    tab.set("#f-consent-givenOn", "2026-12-01").await;
    tab.fill("#f-personal-fullName", "علي حسين").await;
    tab.untick("#f-open").await;
}

/// The countries the list offers for what is typed in the country's box now (the
/// browser shows those whose name holds it).
const OFFERED: &str = r#"(() => {
  const input = document.querySelector('#f-returnCountry');
  const list = document.getElementById(input.getAttribute('list'));
  return [...list.options].map(o => o.value).filter(v => v.includes(input.value));
})()"#;

#[tokio::test]
async fn the_return_country_is_chosen_by_its_arabic_name_and_read_back() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;
    let worker = chromium.tab(site.base(), 1280).await;
    worker.sign_in("nrm-ni-caseworker").await;
    worker.goto("/referrals/new").await;

    // A country that does not exist is refused, naming the field; the text stays.
    fill_referral(&worker).await;
    worker.fill("#f-returnCountry", "أرض الأحلام").await;
    worker.press("تسجيل الإحالة").await;
    worker
        .wait_for_text("بلد العودة: لا يوجد بلد بهذا الاسم؛ اختر البلد من القائمة.")
        .await;
    assert_eq!(worker.value("#f-returnCountry").await, "أرض الأحلام");
    assert_eq!(
        worker
            .eval::<Option<String>>(
                "document.querySelector('#f-returnCountry').getAttribute('aria-invalid')"
            )
            .await
            .as_deref(),
        Some("true")
    );
    checks::page_is_sound(&worker, "ar").await;

    // The first letters of Germany's name in Arabic offer it; it is picked.
    worker.fill("#f-returnCountry", "ألما").await;
    let offered: Vec<String> = worker.eval(OFFERED).await;
    assert!(offered.iter().any(|c| c == "ألمانيا"), "{offered:?}");
    worker.fill("#f-returnCountry", "ألمانيا").await;
    fill_referral(&worker).await;
    worker.press("تسجيل الإحالة").await;
    worker.wait_for_text("سُجّلت الإحالة.").await;
    let facts: String = worker
        .eval("[...document.querySelectorAll('dl.facts')].map(d => d.innerText).join('\\n')")
        .await;
    assert!(facts.contains("ألمانيا"), "{facts}");
    assert!(!facts.contains("DE"), "{facts}");
    checks::page_is_sound(&worker, "ar").await;
}
