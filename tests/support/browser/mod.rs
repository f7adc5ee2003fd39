//! A real Chromium, headless, driven over the DevTools protocol (chromiumoxide), for the
//! tests that must see the pages as a person does: [`Site`] is `sanad serve` with the
//! demo data on a database of its own, [`Chromium`] a browser with a profile of its own,
//! and [`Tab`] a page with the helpers a walk needs (sign in, fill, choose, submit, wait for
//! text, screenshots) and the checks every visited page must pass ([`checks`]).
//!
//! The browser comes from `SANAD_CHROMIUM` or `/usr/bin/chromium` (Debian's `chromium`,
//! which `scripts/test` installs); axe-core from `SANAD_AXE` (installed by `scripts/test`).

pub mod checks;
mod chromium;
pub mod shots;
mod site;
mod tab;

pub use chromium::Chromium;
pub use site::Site;
pub use tab::Tab;
