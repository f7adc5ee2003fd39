//! The web as a person sees it: the real server with the demo data, a headless Chromium,
//! walks through the main flows in Arabic, the checks every visited page must pass, and
//! screenshots of the main pages (`target/screenshots/index.html`).
//!
//! Run only these with `scripts/test browser::`.

mod directory_walk;
mod lists_in_the_url;
mod live_board;
mod referral_forms_kept;
mod referral_walk;
mod screenshots;
mod tour;
