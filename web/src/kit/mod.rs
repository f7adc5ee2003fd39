//! What every area's pages repeat: the command form, the list page, a record's page and
//! its facts, the table, the history widget and the optional read behind a section. A
//! page says what is particular to it; the kit draws the rest the same way everywhere.

pub mod command_form;
pub mod facts;
pub mod history;
pub mod list_page;
pub mod problems;
pub mod record;
pub mod table;
pub mod viewer;
