//! Words and formats every other part uses, and nothing of the product's own: text in two languages, dates, values
//! refused with their path, tables and their CSV, reading grids of cells, safe Markdown, and what a file's bytes look
//! like.
pub mod csv;
pub mod dates;
pub mod grid;
pub mod invalid;
pub mod markdown;
pub mod sniff;
pub mod table;
pub mod text;
