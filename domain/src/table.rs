//! A plain table of text: what the CSV files and the Excel workbook are both made from, so the two always agree.

/// One sheet or CSV file: a name, column headers with widths, and rows of text cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Sheet name (Excel limits it to 31 characters and forbids `[]:*?/\`).
    pub name: String,
    pub columns: Vec<Column>,
    /// Each row has one cell per column.
    pub rows: Vec<Vec<String>>,
}

/// A column header and its display width in characters (for Excel; CSV ignores it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub width: u16,
    /// Long text that should wrap (notes, requirements).
    pub wrap: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, width: u16, wrap: bool) -> Self {
        Column { header: header.into(), width, wrap }
    }
}
