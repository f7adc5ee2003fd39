//! The contrast check that Arabic pages pass (axe-core's skips most Arabic text) finds
//! faint text when there is some: a light grey put on a page on purpose is named, with
//! its ratio.

use sanad_tests::browser::checks;
use sanad_tests::browser::{Chromium, Site};

#[tokio::test]
async fn faint_arabic_text_is_found_and_named() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;
    let tab = chromium.tab(site.base(), 1280).await;
    tab.goto("/login").await;
    assert_eq!(checks::contrast(&tab).await, Vec::<String>::new());

    tab.eval::<bool>("(document.querySelector('h1').style.color = '#b0b0b0', true)")
        .await;
    let faint = checks::contrast(&tab).await;
    assert_eq!(faint.len(), 1, "{faint:?}");
    assert!(faint[0].contains("h1"), "{faint:?}");
    assert!(
        faint[0].contains("2.") || faint[0].contains("1."),
        "{faint:?}"
    );
}
