//! Signing in and out, and the CSRF check every form passes.

mod csrf;
mod login;
