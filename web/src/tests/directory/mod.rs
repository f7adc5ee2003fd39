//! The directory: the list and its download, a profile and its forms.

mod edit;
mod list;
mod show;
