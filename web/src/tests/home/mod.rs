//! The home page, the navigation and the language of every page.

mod locale;
mod nav;
mod show;
