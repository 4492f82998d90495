//! What the Excel worker is asked to write, as one typed message: tables the app made, or a register that the
//! worker builds itself from the self-check (the registers' text and rules stay out of the app's start-up
//! download).
use serde::{Deserialize, Serialize};

use crate::base::table::Table;
use crate::base::text::Text;
use crate::documents::registers::{register_tables, RegisterRequest};

/// One request to the Excel worker. As JSON, `{"tables": [...]}` or `{"register": {...}}`.
///
/// ```
/// use tics_domain::table::{Column, Table};
/// use tics_domain::workbook::WorkbookRequest;
/// let table = Table::new("Gaps", vec![Column::new("ID", 8, false)], vec![vec!["1.1".into()]]);
/// let json = WorkbookRequest::Tables(vec![table.clone()]).to_json();
/// assert_eq!(json, r#"{"tables":[{"name":"Gaps","columns":[{"header":"ID","width":8,"wrap":false}],"rows":[["1.1"]]}]}"#);
/// assert_eq!(WorkbookRequest::from_json(&json).unwrap().into_tables(), vec![table]);
/// assert!(WorkbookRequest::from_json(r#"{"sheets":[]}"#).is_err());
///
/// // A register's fields travel only when set.
/// let register = Table {
///     title: vec!["来訪者の受付簿".into()],
///     blank_rows: 2,
///     print: true,
///     ..Table::new("受付簿", vec![Column::new("誓約書", 8, false).choose_from(vec!["はい".into(), "いいえ".into()], "")], vec![])
/// };
/// let json = WorkbookRequest::Tables(vec![register.clone()]).to_json();
/// assert_eq!(
///     json,
///     r#"{"tables":[{"name":"受付簿","title":["来訪者の受付簿"],"columns":[{"header":"誓約書","width":8,"wrap":false,"choices":["はい","いいえ"]}],"rows":[],"blank_rows":2,"print":true}]}"#
/// );
/// assert_eq!(WorkbookRequest::from_json(&json).unwrap().into_tables(), vec![register]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkbookRequest {
    Tables(Vec<Table>),
    Register(Box<RegisterRequest>),
}

impl WorkbookRequest {
    pub fn to_json(&self) -> String {
        // Plain data: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The request in a message from [`WorkbookRequest::to_json`].
    pub fn from_json(json: &str) -> Result<WorkbookRequest, Text> {
        serde_json::from_str(json).map_err(|e| {
            Text::new(
                format!("Excel ファイルを作るためのデータを読めませんでした: {e}"),
                format!("Could not read the data for the Excel file: {e}"),
            )
        })
    }

    /// The sheets to write; a register's are built here (in the worker).
    pub fn into_tables(self) -> Vec<Table> {
        match self {
            WorkbookRequest::Tables(tables) => tables,
            WorkbookRequest::Register(r) => register_tables(r.register, &r.check, r.lang),
        }
    }
}
