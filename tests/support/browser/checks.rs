//! What every page a walk visits must be, whoever reads it: in the language and
//! direction it claims, with no message id, placeholder or raw code showing, no English
//! left on an Arabic page (names and codes aside), no script run from what a user typed,
//! no request off this machine, no error in the console, light (HTML + CSS + JS under
//! 100 KB), and no serious or critical accessibility violation as axe-core sees it.

use serde::Deserialize;
use serde_json::Value;

use super::tab::Tab;

/// The most a page may weigh, HTML + CSS + JS, uncompressed.
pub const PAGE_BUDGET: u64 = 100 * 1024;

/// What a user types into every free-text field: shown as text, or it failed.
pub const XSS: &str = "<img src=x onerror=\"window.__xss=1\">\"'><script>window.__xss=2</script>";

/// Latin words a page in Arabic or Kurdish may show: the product's name, formats and
/// the units and codes users know by these letters.
const LATIN_ALLOWED: &[&str] = &[
    "Sanad", "Excel", "CSV", "IQD", "ISO", "ID", "API", "NRM", "MRC", "NGO",
];

#[derive(Debug, Deserialize)]
struct Seen {
    lang: String,
    dir: String,
    text: String,
    /// Each Latin word outside names and codes, with the element it stands in.
    latin: Vec<(String, String)>,
    weight: u64,
    xss: bool,
}

/// The page's facts, read in one round trip.
const SEE: &str = r#"(() => {
  const skip = (n) => n.closest('script, style, code, kbd, samp, [translate="no"], [dir="ltr"], [lang]:not(html)');
  const latin = [];
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode;
    if (!n.parentElement || skip(n.parentElement)) continue;
    if (n.parentElement.closest('[hidden], [aria-hidden="true"]')) continue;
    for (const w of (n.textContent.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) || [])) {
      latin.push([w, n.parentElement.outerHTML.slice(0, 160)]);
    }
  }
  const kinds = new Set(['navigation', 'script', 'link', 'css']);
  let weight = 0;
  for (const e of performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))) {
    if (kinds.has(e.initiatorType) || e.entryType === 'navigation' || /\.(css|js)(\?|$)/.test(e.name)) weight += e.decodedBodySize || 0;
  }
  return {
    lang: document.documentElement.lang || '',
    dir: document.documentElement.dir || '',
    text: document.body ? document.body.innerText : '',
    latin,
    weight,
    xss: window.__xss !== undefined || document.querySelector('img[src="x"]') !== null,
  };
})()"#;

/// The direction a language is written in.
pub fn dir_of(lang: &str) -> &'static str {
    match lang {
        "ar" | "ckb" => "rtl",
        _ => "ltr",
    }
}

/// Every check, on the page the tab shows now, which must be in `lang`. All problems
/// are reported at once.
pub async fn page_is_sound(tab: &Tab, lang: &str) {
    let mut problems = sound(tab, lang).await;
    problems.extend(accessible(tab).await);
    // axe-core's contrast rule passes over most Arabic text (it takes joined glyphs
    // for icon ligatures), so right-to-left pages are measured here as well.
    if dir_of(lang) == "rtl" {
        problems.extend(contrast(tab).await);
    }
    report(tab, problems).await;
}

/// The checks without the accessibility scan (for a page that is seen many times).
pub async fn page_reads_well(tab: &Tab, lang: &str) {
    let problems = sound(tab, lang).await;
    report(tab, problems).await;
}

async fn report(tab: &Tab, problems: Vec<String>) {
    if !problems.is_empty() {
        panic!(
            "the page {} ({} px) fails {} check(s):\n- {}",
            tab.path().await,
            tab.width,
            problems.len(),
            problems.join("\n- ")
        );
    }
}

async fn sound(tab: &Tab, lang: &str) -> Vec<String> {
    let seen: Seen = tab.eval(SEE).await;
    let mut problems = Vec::new();
    if seen.lang != lang {
        problems.push(format!("<html lang={:?}>, expected {lang:?}", seen.lang));
    }
    if seen.dir != dir_of(lang) {
        problems.push(format!(
            "<html dir={:?}>, expected {:?}",
            seen.dir,
            dir_of(lang)
        ));
    }
    problems.extend(raw_text(&seen.text));
    if dir_of(lang) == "rtl" {
        let mut english: Vec<String> = seen
            .latin
            .iter()
            .filter(|(w, _)| {
                !LATIN_ALLOWED.contains(&w.as_str()) && !XSS.contains(w.as_str()) && !is_code(w)
            })
            .map(|(w, within)| format!("{w} in {within}"))
            .collect();
        english.sort_unstable();
        english.dedup();
        if !english.is_empty() {
            problems.push(format!(
                "English words on a {lang} page:\n    {}",
                english.join("\n    ")
            ));
        }
    }
    if seen.xss {
        problems.push("a script typed into a field ran (or its markup was kept)".into());
    }
    if seen.weight > PAGE_BUDGET {
        problems.push(format!(
            "HTML + CSS + JS weigh {} bytes (budget {PAGE_BUDGET})",
            seen.weight
        ));
    }
    let away: Vec<String> = tab
        .requests()
        .into_iter()
        .filter(|u| {
            !u.starts_with(&tab.base) && !u.starts_with("data:") && !u.starts_with("about:")
        })
        .collect();
    if !away.is_empty() {
        problems.push(format!("requests off this machine: {}", away.join(", ")));
    }
    let errors = tab.take_console_errors();
    if !errors.is_empty() {
        problems.push(format!("console errors: {}", errors.join(" | ")));
    }
    problems
}

/// A code people read as letters, not a word: `IQ-NI`, `NRM-NI`, `TR` (upper-case parts
/// of up to three letters, joined by dashes). An enum value (`MEDICAL`, `OPEN`) is not one.
fn is_code(word: &str) -> bool {
    word.split('-').all(|part| {
        (1..=4).contains(&part.len())
            && part
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && part.chars().filter(char::is_ascii_uppercase).count() <= 3
    })
}

/// A message id, a placeholder or a raw code where a reader expects words.
fn raw_text(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, _) in text.match_indices('{') {
        let rest = &text[i..];
        let end = rest.find('}').unwrap_or(rest.len()).min(40);
        problems.push(format!(
            "a placeholder shows: {:?}",
            &rest[..end.min(rest.len())]
        ));
    }
    for word in text.split(|c: char| c.is_whitespace() || ",.;:()[]«»\"'".contains(c)) {
        let id_like = word.len() > 3
            && word.contains('-')
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
            && l10n::has_message(l10n::Locale::En, word);
        let code_like = word.len() > 3
            && word.contains('_')
            && word.chars().all(|c| c.is_ascii_uppercase() || c == '_');
        if id_like {
            problems.push(format!("a message id shows: {word}"));
        }
        if code_like {
            problems.push(format!("a raw code shows: {word}"));
        }
    }
    problems
}

/// axe-core's scan of the page: every violation of serious or critical impact.
pub async fn accessible(tab: &Tab) -> Vec<String> {
    let source = axe_source();
    let loaded: bool = tab
        .eval(&format!(
            "(() => {{ if (!window.axe) {{ {source}\n }} return !!window.axe; }})()"
        ))
        .await;
    assert!(loaded, "axe-core did not load into the page");
    let violations: Vec<Value> = tab
        .eval(
            "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => \
             ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html) })))",
        )
        .await;
    violations
        .into_iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| {
            format!(
                "axe {} ({}): {} — {}",
                v["id"].as_str().unwrap_or_default(),
                v["impact"].as_str().unwrap_or_default(),
                v["help"].as_str().unwrap_or_default(),
                v["nodes"]
            )
        })
        .collect()
}

/// What the contrast check saw: the text too faint to read, and the text it could not
/// measure (over an image or a gradient).
#[derive(Debug, Deserialize)]
struct Contrast {
    faint: Vec<String>,
    unmeasured: Vec<String>,
}

/// Every visible text's contrast against what is behind it, as WCAG 2 measures it
/// (relative luminance): the element's colour against the first background colour
/// that is not transparent up its ancestors (the page's white canvas at the top),
/// translucent layers and opacity blended in. Text over an image or a gradient cannot
/// be measured this way: it is said on the test's output, not failed.
const CONTRAST: &str = r#"(() => {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, below) => ({
    r: top.r * top.a + below.r * (1 - top.a),
    g: top.g * top.a + below.g * (1 - top.a),
    b: top.b * top.a + below.b * (1 - top.a),
    a: 1,
  });
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const hex = (c) => '#' + [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  const behind = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage && s.backgroundImage !== 'none') return { image: e };
      const c = parse(s.backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return { color: bg };
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + [...el.classList].map(c => '.' + c).join('');
  const faint = [], unmeasured = [], seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest('script, style, option, datalist, [hidden], [aria-hidden="true"]')) continue;
    const rect = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    // Not seen at all: nothing to read (a visually hidden text is heard, not read).
    if (rect.width <= 1 || rect.height <= 1 || s.visibility !== 'visible') continue;
    // A control that cannot be used now is exempt (WCAG 1.4.3).
    if (el.closest(':disabled')) continue;
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
    const b = behind(el);
    const what = name(el) + ' «' + text.slice(0, 30) + '»';
    if (b.image) { unmeasured.push(what + ' over the image of ' + name(b.image)); continue; }
    const fg = parse(s.color);
    if (!fg) continue;
    const ink = over({ ...fg, a: fg.a * opacity }, b.color);
    const [hi, lo] = [luminance(ink), luminance(b.color)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(s.fontSize);
    const bold = parseInt(s.fontWeight, 10) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) {
      faint.push(what + ': ' + ratio.toFixed(2) + ':1 (' + hex(ink) + ' on ' + hex(b.color)
        + ', ' + size + 'px' + (bold ? ' bold' : '') + '; needs ' + needed + ':1)');
    }
  }
  return { faint, unmeasured };
})()"#;

/// The text of the page too faint against its background (below 4.5:1, or 3:1 for
/// large text: 24 px, or 18.66 px bold), each named with its ratio.
pub async fn contrast(tab: &Tab) -> Vec<String> {
    let seen: Contrast = tab.eval(CONTRAST).await;
    if !seen.unmeasured.is_empty() {
        eprintln!(
            "contrast not measured on {} (text over an image or a gradient):\n  {}",
            tab.path().await,
            seen.unmeasured.join("\n  ")
        );
    }
    seen.faint
        .into_iter()
        .map(|f| format!("text too faint: {f}"))
        .collect()
}

/// axe-core's script, from `SANAD_AXE` (the file `scripts/test` installs).
fn axe_source() -> &'static str {
    static SOURCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = std::env::var("SANAD_AXE").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../.data/npm/node_modules/axe-core/axe.min.js"
            )
            .to_string()
        });
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("axe-core at {path}: {e} (scripts/test installs it; or set SANAD_AXE)")
        })
    })
}

/// Whether the page fits its window's width: nothing makes it scroll sideways (a wide
/// table scrolls inside its own box, or turns into cards). Returns the problem, if any.
pub async fn fits_the_width(tab: &Tab) -> Option<String> {
    // Against the window's own width: a phone's browser widens its layout viewport
    // (`innerWidth`) to a page that overflows, so that would hide the overflow.
    let page: i64 = tab
        .eval("Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0)")
        .await;
    let window = i64::from(tab.width);
    if page <= window {
        return None;
    }
    let path = tab.path().await;
    // The outermost elements that stick out (whose parent does not), to say where to look.
    let culprits: Vec<String> = tab
        .eval(&format!(
            "(() => {{ const out = e => {{ const r = e.getBoundingClientRect(); \
             return r.left < -1 || r.right > {window} + 1; }}; \
             return [...document.querySelectorAll('body *:not(.skip)')] \
             .filter(e => out(e) && !(e.parentElement && out(e.parentElement))) \
             .slice(0, 3).map(e => e.outerHTML.slice(0, 120)); }})()"
        ))
        .await;
    Some(format!(
        "{} is {page} px wide in a {window} px window; sticking out: {}",
        path.split('?').next().unwrap_or_default(),
        culprits.join(" | ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_short_upper_case_parts_and_enum_values_are_not() {
        for code in ["IQ-NI", "NRM-NI", "TR", "DE", "NRM-NI-2026"] {
            assert!(is_code(code), "{code}");
        }
        for word in ["MEDICAL", "OPEN", "Psychosocial", "psychosocial", "Results"] {
            assert!(!is_code(word), "{word}");
        }
    }

    #[test]
    fn placeholders_and_message_ids_are_caught() {
        assert!(!raw_text("حالة { $status }").is_empty());
        assert!(!raw_text("نقل act-claim").is_empty());
        assert!(!raw_text("الحالة IN_SERVICE").is_empty());
        assert!(raw_text("النتائج: إحالتان").is_empty());
    }
}
