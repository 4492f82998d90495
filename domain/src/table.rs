//! A plain table of text: what the CSV files and the Excel workbook are both made from, so the two always agree.
//! Tables travel to the Excel web worker as JSON: `{"tables":[{"name","columns":[{"header","width","wrap"}],"rows"}]}`.
use serde::{Deserialize, Serialize};

/// One sheet or CSV file: a name, column headers with widths, and rows of text cells.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Sheet name (Excel limits it to 31 characters and forbids `[]:*?/\`).
    pub name: String,
    pub columns: Vec<Column>,
    /// Each row has one cell per column.
    #[serde(default)]
    pub rows: Vec<Vec<String>>,
}

/// A column header and its display width in characters (for Excel; CSV ignores it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub header: String,
    /// 0 keeps the spreadsheet's default width.
    #[serde(default)]
    pub width: u16,
    /// Long text that should wrap (notes, requirements).
    #[serde(default)]
    pub wrap: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, width: u16, wrap: bool) -> Self {
        Column { header: header.into(), width, wrap }
    }
}

#[derive(Serialize, Deserialize)]
struct Message {
    tables: Vec<Table>,
}

/// The message that carries `tables` to the Excel worker.
///
/// ```
/// use tics_domain::table::{tables_from_json, tables_to_json, Column, Table};
/// let table = Table { name: "Gaps".into(), columns: vec![Column::new("ID", 8, false)], rows: vec![vec!["1.1".into()]] };
/// let json = tables_to_json(&[table.clone()]);
/// assert_eq!(json, r#"{"tables":[{"name":"Gaps","columns":[{"header":"ID","width":8,"wrap":false}],"rows":[["1.1"]]}]}"#);
/// assert_eq!(tables_from_json(&json).unwrap(), vec![table]);
/// ```
pub fn tables_to_json(tables: &[Table]) -> String {
    // Plain strings and numbers: serialising cannot fail.
    serde_json::to_string(&Message { tables: tables.to_vec() }).unwrap_or_default()
}

/// The tables in a message from [`tables_to_json`]; the error is in Japanese and English.
pub fn tables_from_json(json: &str) -> Result<Vec<Table>, String> {
    serde_json::from_str::<Message>(json).map(|m| m.tables).map_err(|e| {
        format!("Excel 用のデータを読めませんでした: {e} / Could not read the data for the Excel file: {e}")
    })
}
