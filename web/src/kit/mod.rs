//! What every area's pages repeat: the command form, the list page, the table and the
//! history widget. A page says what is particular to it; the kit draws the rest the same
//! way everywhere.
