//! The web as a person sees it: the real server with the demo data, a headless Chromium,
//! walks through the main flows in Arabic, the checks every visited page must pass, and
//! screenshots of the main pages (`target/screenshots/index.html`).
//!
//! Run only these with `scripts/test browser::`.

mod account_walk;
mod contrast;
mod directory_walk;
mod form_errors;
mod lists_in_the_url;
mod live_board;
mod plurals;
mod profile_tables;
mod referral_forms_kept;
mod referral_walk;
mod return_country;
mod screenshots;
mod tour;
