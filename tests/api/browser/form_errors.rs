//! A refused form, as a screen reader meets it: the focus is on the summary of what is
//! wrong, each line of it names the field in the form's words and leads to it, and
//! every control at fault says so (`aria-invalid`) and is described by its message.

use sanad_tests::browser::checks;
use sanad_tests::browser::{Chromium, Site};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Select {
    #[allow(dead_code)] // said when the test fails
    name: String,
    invalid: Option<String>,
    /// The texts `aria-describedby` resolves to, each with whether it is shown.
    described: Vec<(String, bool)>,
}

#[derive(Debug, Deserialize)]
struct Link {
    text: String,
    /// The label (or legend) of the control the link leads to, and that control's
    /// message under it.
    label: Option<String>,
    message: Option<String>,
}

const SELECTS: &str = r#"[...document.querySelectorAll('form.referral-form select[required]')].map(s => ({
  name: s.name,
  invalid: s.getAttribute('aria-invalid'),
  described: (s.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean).map(id => {
    const e = document.getElementById(id);
    return e ? [e.innerText.trim(), e.getClientRects().length > 0] : ['(no element #' + id + ')', false];
  }),
}))"#;

const LINKS: &str = r#"[...document.querySelectorAll('#form-errors a')].map(a => {
  const id = decodeURIComponent(a.getAttribute('href').slice(1));
  const target = document.getElementById(id);
  const label = document.querySelector('label[for="' + id + '"]')
    || (target && target.querySelector(':scope > legend'));
  const message = document.getElementById(id + '-error');
  return {
    text: a.innerText.trim(),
    label: label ? label.innerText.trim() : null,
    message: message ? message.innerText.trim() : null,
  };
})"#;

#[tokio::test]
async fn a_refused_referral_form_takes_the_reader_to_what_is_wrong() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;
    let worker = chromium.tab(site.base(), 1280).await;
    worker.sign_in("nrm-ni-caseworker").await;
    worker.goto("/referrals/new").await;
    // The browser would stop the empty lists itself: the server's answer is checked.
    worker
        .eval::<bool>("(document.querySelector('form.referral-form').noValidate = true)")
        .await;
    worker.press("تسجيل الإحالة").await;
    worker.wait_for_text("اختر قيمة من القائمة.").await;

    // Each list left unchosen says it is at fault, and what its message says is shown.
    let selects: Vec<Select> = worker.eval(SELECTS).await;
    assert_eq!(selects.len(), 5, "{selects:?}");
    for select in &selects {
        assert_eq!(select.invalid.as_deref(), Some("true"), "{select:?}");
        assert!(
            select
                .described
                .iter()
                .any(|(text, shown)| *shown && text == "اختر قيمة من القائمة."),
            "{select:?}"
        );
    }

    // The summary names each field as the form labels it, and leads to it.
    let links: Vec<Link> = worker.eval(LINKS).await;
    assert!(links.len() >= 5, "{links:?}");
    for link in &links {
        let (Some(label), Some(message)) = (&link.label, &link.message) else {
            panic!("a summary link leads to no labelled control with a message: {link:?}");
        };
        assert_eq!(link.text, format!("{label}: {message}"), "{link:?}");
    }
    for field in ["الجنس", "الفئة العمرية", "المحافظة"] {
        assert!(
            links.iter().any(|l| l.text.starts_with(field)),
            "{field} is not named: {links:?}"
        );
    }

    // The reader starts at the summary, not at the top of the page.
    let focused: bool = worker
        .eval("document.activeElement !== null && document.activeElement.closest('#form-errors') !== null")
        .await;
    let active: String = worker
        .eval("document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : ''")
        .await;
    assert!(focused, "the focus is on {active}");
    checks::page_is_sound(&worker, "ar").await;
}
