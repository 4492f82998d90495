//! Reading tables kept elsewhere: an inventory or an audit checksheet from Excel or CSV, with the header row and
//! columns found, and what the user checks before accepting (`import`'s preview).
pub mod checksheet_import;
pub mod import;
pub mod inventory_import;
pub mod table_import;
