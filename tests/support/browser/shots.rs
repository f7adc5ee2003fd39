//! Screenshots of the main pages, kept under `<target>/screenshots/` with an `index.html`
//! contact sheet, so a reviewer sees every page in every language and width at a glance.

use std::path::PathBuf;

use chromiumoxide::page::ScreenshotParams;

use super::tab::Tab;

/// `<target dir>/screenshots`: `CARGO_TARGET_DIR` when set, else the workspace's `target/`.
pub fn dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target")));
    target.join("screenshots")
}

/// Saves the whole page as `<name>-<lang>-<width>.png` and rewrites the contact sheet.
pub async fn take(tab: &Tab, name: &str, lang: &str) -> PathBuf {
    let dir = dir();
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let file = dir.join(format!("{name}-{lang}-{}.png", tab.width));
    // The whole page at the window's width: the window is made as tall as the page for
    // the picture (chromiumoxide's `full_page` would reset the width to the desktop's).
    let height: i64 = tab
        .eval("Math.min(document.documentElement.scrollHeight, 12000)")
        .await;
    tab.resize_to(tab.width, height).await;
    let png = tab
        .page
        .screenshot(ScreenshotParams::builder().build())
        .await;
    tab.resize(tab.width).await;
    let png = png.unwrap_or_else(|e| panic!("screenshot of {name}: {e}"));
    std::fs::write(&file, png).expect("write the screenshot");
    contact_sheet();
    file
}

/// `index.html`: every screenshot in the folder, grouped by page. Written to a temporary
/// file and renamed, so tests saving at the same time never leave half a sheet.
fn contact_sheet() {
    let dir = dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".png"))
        .collect();
    names.sort();
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Sanad screenshots</title>\
         <style>body{font-family:sans-serif;margin:1rem}figure{display:inline-block;vertical-align:top;\
         margin:.5rem;max-width:45%}img{max-width:100%;border:1px solid #ccc}</style>\
         <h1>Sanad screenshots</h1>",
    );
    let mut page = String::new();
    for n in &names {
        // `<page>-<lang>-<width>.png`: the page's name may itself hold dashes.
        let this = n.rsplitn(3, '-').nth(2).unwrap_or_default().to_string();
        if this != page {
            html.push_str(&format!("<h2>{this}</h2>"));
            page = this;
        }
        html.push_str(&format!(
            "<figure><a href=\"{n}\"><img src=\"{n}\" alt=\"{n}\" loading=\"lazy\"></a><figcaption>{n}</figcaption></figure>"
        ));
    }
    let tmp = dir.join(format!(".index-{}.html", uuid::Uuid::new_v4().simple()));
    if std::fs::write(&tmp, html).is_ok() {
        let _ = std::fs::rename(&tmp, dir.join("index.html"));
    }
}
