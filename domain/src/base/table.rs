//! A plain table of text: what the CSV files and the Excel workbook are both made from, so the two always agree.
//! Tables travel to the Excel web worker as JSON: `{"tables":[{"name","columns":[{"header","width","wrap"}],"rows"}]}`.
//! The registers (管理簿) add optional fields — `title`, `blank_rows`, `print`, and per column `choices`,
//! `allow_other`, `other_message` — that are left out of the JSON while unused, so the result tables travel
//! exactly as before.
use serde::{Deserialize, Serialize};

/// One sheet or CSV file: a name, column headers with widths, and rows of text cells.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Sheet name (Excel limits it to 31 characters and forbids `[]:*?/\`).
    pub name: String,
    /// Lines above the header row (a register's title, the business, how to use it); the first is the title.
    /// CSV files leave them out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<String>,
    pub columns: Vec<Column>,
    /// Each row has one cell per column.
    #[serde(default)]
    pub rows: Vec<Vec<String>>,
    /// Empty rows after the data, ruled and carrying the drop-down lists, for the entries still to come.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub blank_rows: u32,
    /// Made to be printed and filled in: A4 landscape, one page wide, the header row on every page, page
    /// numbers, ruled cells.
    #[serde(default, skip_serializing_if = "is_false")]
    pub print: bool,
}

/// A column header and its display width in characters (for Excel; CSV ignores it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub header: String,
    /// 0 keeps the spreadsheet's default width.
    #[serde(default)]
    pub width: u16,
    /// Long text that should wrap (notes, requirements).
    #[serde(default)]
    pub wrap: bool,
    /// The values a drop-down list offers in the column's data and blank rows; empty means no list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// Whether text that is not in `choices` is still accepted, after a warning. Off for fixed vocabularies
    /// (yes/no, kinds of handling), where other text is refused; on for lists that can never be complete, such
    /// as the inventory's names: a register must take information the inventory does not list yet.
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_other: bool,
    /// What Excel says when the text is not in `choices` (at most 255 characters); empty keeps Excel's own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other_message: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Table {
    /// A plain table: no title lines, no blank rows, not set up for printing.
    pub fn new(name: impl Into<String>, columns: Vec<Column>, rows: Vec<Vec<String>>) -> Self {
        Table { name: name.into(), columns, rows, ..Table::default() }
    }
}

impl Column {
    pub fn new(header: impl Into<String>, width: u16, wrap: bool) -> Self {
        Column { header: header.into(), width, wrap, ..Column::default() }
    }

    /// The column with a drop-down list that accepts only its values; `message` says so when other text is typed.
    pub fn choose_from(self, choices: Vec<String>, message: impl Into<String>) -> Self {
        Column { choices, allow_other: false, other_message: message.into(), ..self }
    }

    /// The column with a drop-down list that suggests its values; other text is accepted after `message` warns.
    pub fn suggest(self, choices: Vec<String>, message: impl Into<String>) -> Self {
        Column { choices, allow_other: true, other_message: message.into(), ..self }
    }
}
