//! The style sheet, inlined in every page (small, no extra request), the icon, and the
//! board's one script (no other page runs any).
//! Only logical properties (`margin-inline-start`, `padding-block`, `text-align:
//! start`...) so the same rules read correctly right to left and left to right.

/// The whole style sheet.
pub const CSS: &str = r#"
:root{--ink:#1d2733;--muted:#5b6775;--line:#d5dbe1;--bg:#f6f7f9;--card:#fff;--accent:#0b5d4b;--accent-ink:#fff;--warn:#8a4b00;--bad:#9b1c1c;--good:#0f6b3a;font-family:"Noto Naskh Arabic","Noto Sans Arabic","Segoe UI",Tahoma,system-ui,sans-serif;color:var(--ink);background:var(--bg);line-height:1.6}
html[lang=en]{font-family:system-ui,"Segoe UI",Roboto,sans-serif}
body{margin:0}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid var(--ink);outline-offset:2px;box-shadow:0 0 0 5px #fff}
.skip{position:absolute;inset-inline-start:-999px}
.skip:focus{inset-inline-start:1rem;inset-block-start:1rem;background:var(--card);padding:.5rem 1rem;z-index:10}
.site-header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding-block:.75rem;padding-inline:1.5rem;background:var(--accent);color:var(--accent-ink)}
.site-header a{color:var(--accent-ink)}
.brand{font-size:1.4rem;font-weight:700;text-decoration:none}
.brand small{font-size:.8rem;font-weight:400;margin-inline-start:.5rem;opacity:.85}
.site-header ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.user{margin-inline-start:auto;display:flex;align-items:center;gap:.75rem}
.user form{margin:0}
.user button{background:transparent;color:var(--accent-ink);border:1px solid var(--accent-ink)}
.langs a[aria-current]{font-weight:700;text-decoration:none}
main{max-width:72rem;margin-inline:auto;padding-block:1.5rem;padding-inline:1.5rem}
footer{max-width:72rem;margin-inline:auto;padding-block:1rem 2rem;padding-inline:1.5rem;color:var(--muted);font-size:.9rem;border-block-start:1px solid var(--line)}
h1{font-size:1.6rem;margin-block:0 .5rem}
h2{font-size:1.25rem;margin-block:2rem .75rem}
.lead{color:var(--muted);margin-block-start:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding-block:1rem;padding-inline:1.25rem;margin-block-end:1rem}
.narrow{max-width:28rem}
label{display:block;font-weight:600;margin-block-end:.25rem}
input,select,textarea{font:inherit;padding-block:.4rem;padding-inline:.6rem;border:1px solid #8795a1;border-radius:.35rem;background:#fff;inline-size:100%;box-sizing:border-box}
button,.button{font:inherit;cursor:pointer;padding-block:.45rem;padding-inline:1rem;border-radius:.35rem;border:1px solid var(--accent);background:var(--accent);color:var(--accent-ink);text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:var(--card);color:var(--accent)}
button.danger{background:var(--bad);border-color:var(--bad)}
.field{margin-block-end:1rem}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:1rem;align-items:end}
.filters .actions{display:flex;gap:.5rem;align-items:center}
table{inline-size:100%;border-collapse:collapse;background:var(--card)}
caption{text-align:start;color:var(--muted);padding-block:.5rem}
th,td{text-align:start;padding-block:.5rem;padding-inline:.75rem;border-block-end:1px solid var(--line);vertical-align:top}
th{background:#eef1f4;font-weight:600}
.table-wrap{overflow-x:auto;position:relative}
.badge{display:inline-block;padding-inline:.6rem;border-radius:1rem;font-size:.85rem;border:1px solid currentColor}
.status-PENDING{color:var(--warn)}
.status-VERIFIED{color:var(--good)}
.status-SUSPENDED{color:var(--bad)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.5rem;margin:0}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0}
.notice{border-inline-start:.35rem solid var(--good);background:#eaf6ef;padding-block:.75rem;padding-inline:1rem;margin-block-end:1rem}
.notice.error{border-inline-start-color:var(--bad);background:#fbeaea}
.pager{display:flex;gap:1rem;margin-block:1rem}
.actions-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.actions-grid form{margin:0}
.muted{color:var(--muted)}
.other-script{color:var(--muted);font-size:1rem;font-weight:400}
.referral-DRAFT{color:var(--muted)}
.referral-OPEN,.referral-CLAIMED{color:var(--warn)}
.referral-ACCEPTED,.referral-IN_SERVICE{color:var(--accent)}
.referral-CLOSED{color:var(--good)}
.referral-WITHDRAWN{color:var(--bad)}
.badge.escalated,.badge.full,.priority-HIGH{color:var(--bad)}
.priority-MEDIUM{color:var(--warn)}
.priority-LOW{color:var(--muted)}
.badge.erased{color:var(--muted);border-style:dashed}
ul.needs{margin:0;padding-inline-start:1rem}
td.number{font-variant-numeric:tabular-nums}
td.suppressed{color:var(--muted);font-style:italic}
.delivered{color:var(--good);font-weight:600}
.board-layout{display:grid;grid-template-columns:minmax(0,1fr) 16rem;gap:1rem;align-items:start}
@media (max-width:60rem){.board-layout{grid-template-columns:1fr}}
.capacity table{font-size:.9rem}
.order-switch{display:flex;gap:1rem;align-items:center;margin-block:.5rem 1rem}
.order-switch a[aria-current]{font-weight:700;text-decoration:none}
form.inline{margin:0}
fieldset{border:1px solid var(--line);border-radius:.5rem;margin-block-end:1rem}
fieldset.checks,fieldset.need-result{border:none;padding:0;margin-block:.75rem}
legend{font-weight:700;padding-inline:.25rem}
.form-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1rem}
.form-grid .wide{grid-column:1/-1}
.check{display:flex;gap:.5rem;align-items:center;margin-block:.35rem}
.check input{inline-size:auto}
.check label{font-weight:400;margin:0}
.needs-table select{min-inline-size:10rem}
fieldset.confidential{border:2px solid var(--bad);background:#fff8f8}
fieldset.confidential legend,section.confidential h2{color:var(--bad)}
section.confidential{border:2px solid var(--bad);background:#fff8f8}
.field-error{color:var(--bad);font-weight:600;margin-block:.25rem}
[aria-invalid=true]{border-color:var(--bad)}
.warning{color:var(--bad)}
td bdi[dir=ltr],th bdi[dir=ltr]{white-space:nowrap}
@media (max-width:48rem){
main,footer{padding-inline:.75rem}
.site-header{padding-inline:.75rem}
table{display:block;overflow-x:auto;max-inline-size:100%;position:relative}
.board-layout>*,.actions-grid>*{min-inline-size:0}
dl.facts{grid-template-columns:minmax(0,1fr)}
dl.facts dd{margin-inline-start:0;margin-block-end:.5rem}
.needs-table select{min-inline-size:0}
.card{padding-inline:.75rem}
}
.visually-hidden{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
"#;

/// The site's icon, an SVG: the browser asks for `/favicon.ico` on every first visit, and
/// a 404 there is an error in every page's console.
pub const ICON: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5d4b"/><path d="M8 22h16M10 22V12l6-4 6 4v10M14 22v-5h4v5" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/></svg>"##;

/// `GET /favicon.ico` and `GET /favicon.svg`.
pub async fn icon() -> impl axum::response::IntoResponse {
    (
        [
            (axum::http::header::CONTENT_TYPE, "image/svg+xml"),
            (axum::http::header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        ICON,
    )
}

/// Where the board's script is served, and the address its page asks for: the version
/// in the query, so a new release is not read from a browser's cache of the old one.
pub const BOARD_JS_PATH: &str = "/assets/board.js";
pub const BOARD_JS_SRC: &str = concat!("/assets/board.js?v=", env!("CARGO_PKG_VERSION"));

/// The board's live updates (`pages/referrals/board_stream.rs` sends the events): the
/// only script of the site, served from its own origin as the Content-Security-Policy
/// requires, and only on the board's page.
pub const BOARD_JS: &str = include_str!("assets/board.js");

/// `GET /assets/board.js`.
pub async fn board_js() -> impl axum::response::IntoResponse {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/javascript; charset=utf-8",
            ),
            (axum::http::header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        BOARD_JS,
    )
}
