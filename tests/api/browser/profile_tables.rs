//! An organisation's profile, heard row by row: the tables of its services and members
//! name their action column, and each link or button says which service or member it
//! acts on (a screen reader lists them out of their rows).

use sanad_tests::browser::checks;
use sanad_tests::browser::{Chromium, Site};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Table {
    section: String,
    headers: Vec<String>,
    /// Each row's first cell (the service or the member) and the names of its links
    /// and buttons.
    rows: Vec<(String, Vec<String>)>,
}

/// The tables of the profile's sections. A control's name is what a screen reader says:
/// its `aria-label`, else its text (a visually hidden part included).
const TABLES: &str = r#"[...document.querySelectorAll('section[aria-labelledby] table')].map(t => ({
  section: t.closest('section').getAttribute('aria-labelledby'),
  headers: [...t.querySelectorAll('thead th, thead td')].map(h => h.textContent.trim()),
  rows: [...t.querySelectorAll('tbody tr')].map(r => [
    r.cells[0].textContent.trim(),
    [...r.querySelectorAll('a, button')].map(c => (c.getAttribute('aria-label') || c.textContent).replace(/\s+/g, ' ').trim()),
  ]),
}))"#;

#[tokio::test]
async fn the_profile_tables_name_their_actions_and_what_each_acts_on() {
    let site = Site::start().await;
    let chromium = Chromium::launch().await;
    let coordinator = chromium.tab(site.base(), 1280).await;
    coordinator.sign_in("ngo-amal-coordinator").await;
    coordinator.follow("الملف التعريفي لمؤسستك").await;
    coordinator.wait_for_text("الخدمات").await;

    let tables: Vec<Table> = coordinator.eval(TABLES).await;
    for wanted in ["services-heading", "members-heading"] {
        let table = tables
            .iter()
            .find(|t| t.section == wanted)
            .unwrap_or_else(|| panic!("no table in {wanted}: {tables:?}"));
        assert!(
            table.headers.iter().all(|h| !h.is_empty()),
            "an empty header in {wanted}: {table:?}"
        );
        assert!(
            table.headers.iter().any(|h| h == "الإجراءات"),
            "no actions column in {wanted}: {table:?}"
        );
        let mut acted = 0;
        for (row, controls) in &table.rows {
            for control in controls {
                assert!(
                    control.contains(row.as_str()),
                    "{control:?} does not say it is about {row:?} ({wanted})"
                );
                acted += 1;
            }
        }
        assert!(acted > 0, "no action in {wanted}: {table:?}");
    }
    checks::page_is_sound(&coordinator, "ar").await;
}
