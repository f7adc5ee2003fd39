//! The home page, the navigation and the language of every page.

mod digits;
mod locale;
mod nav;
mod show;
