//! What travels between the app and the Excel worker when a table file (CSV or Excel) is imported: the request,
//! the user's corrections ([`Choice`]) and the worker's answer ([`Preview`]), for an inventory ([`InfoRow`]s) or
//! an audit checksheet ([`Criterion`]s). Only plain data with serde derives lives here, so that the app can use
//! these types without linking the readers (grid.rs, table_import.rs, inventory_import.rs, checksheet_import.rs
//! and the xlsx crate's reader), which only the worker calls.
use serde::{Deserialize, Serialize};

use crate::base::table::{Column, Table};
use crate::base::text::{Lang, Text};
use crate::engine::inventory::InfoRow;
use crate::engine::periodic::Criterion;

/// The user's corrections to what the reader guessed. Every part left `None` is guessed again, so that changing
/// the sheet or the header row can start from a fresh guess of the columns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Choice {
    /// The worksheet to read (one of [`Preview::sheets`]); ignored for CSV.
    pub sheet: Option<String>,
    /// The row that holds the column names, numbered as the spreadsheet shows it (1 is the first row).
    pub header_row: Option<usize>,
    /// For each column of the file, left to right: the key of the field it fills, or `None` to leave it out.
    /// Shorter than the file's columns: the rest are left out; longer: the extra entries are ignored.
    pub mapping: Option<Vec<Option<String>>>,
}

/// A cell that kept its row from being imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellProblem {
    /// The row number as the spreadsheet shows it (1 is the first row; for a CSV file, the line of the record).
    pub row: usize,
    /// The column letter as the spreadsheet shows it: "A", "B", …, "AA".
    pub column: String,
    /// The column's name in the file's header row (may be blank).
    pub header: String,
    /// What is wrong and how to put it right.
    pub message: Text,
}

/// What the reader found in a file, for the user to check before anything is changed: rows of type `R`, an
/// inventory's by default (the JSON does not depend on `R` beyond `rows`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preview<R = InfoRow> {
    /// The name of the file that was read.
    pub file_name: String,
    /// The worksheet that was read; `None` for CSV.
    pub sheet: Option<String>,
    /// Every worksheet of the workbook, in order (empty for CSV), so the user can pick another.
    pub sheets: Vec<String>,
    /// The row holding the column names, numbered as the spreadsheet shows it.
    pub header_row: usize,
    /// The file's column names, one per column from column A (blank where the header cell is empty). Under a
    /// header of two rows, a name the header row repeats is preceded by its group ("審査 確認内容").
    pub headers: Vec<String>,
    /// One entry per entry of `headers`: the key of the field the column fills, or `None` when it is left out.
    /// For the inventory the keys are those of `inventory::FileColumn::key`, for a checksheet those of
    /// `checksheet_import::FIELDS`.
    pub mapping: Vec<Option<String>>,
    /// The rows that can be imported, in file order.
    pub rows: Vec<R>,
    /// For each of `rows`, its row number in the file.
    pub row_numbers: Vec<usize>,
    /// Every cell that kept a row out, by row and column. Rows listed here are not in `rows`.
    pub problems: Vec<CellProblem>,
    /// Things the user should know that did not keep any row out (formulas read as their results, columns
    /// left out, the file read as Shift_JIS, …).
    pub warnings: Vec<Text>,
    /// How many rows below the header hold anything (for a checksheet: in the columns imported): the rows in
    /// `rows` plus the rows with problems.
    pub rows_read: usize,
    /// Why nothing can be imported with this mapping (no column holds the name, or a checksheet's 内容; two
    /// columns fill one field).
    /// The user can correct the mapping; `rows` and `problems` are empty meanwhile.
    pub blocked: Option<Text>,
}

/// What the app asks the Excel worker to read; the file's bytes travel beside it (`[json, Uint8Array]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// An inventory file (CSV or .xlsx); the reply is the JSON of a [`Reply`].
    ReadInventory {
        file_name: String,
        #[serde(default)]
        choice: Option<Choice>,
    },
    /// An audit checksheet or last year's periodic report (CSV or .xlsx); the reply is the JSON of a
    /// `Reply<Criterion>`.
    ReadChecksheet {
        file_name: String,
        #[serde(default)]
        choice: Option<Choice>,
    },
}

/// The worker's answer: the preview, or why the file cannot be imported at all.
pub type Reply<R = InfoRow> = Result<Preview<R>, Text>;

/// The worker's answer to [`Request::ReadChecksheet`].
pub type ChecksheetReply = Reply<Criterion>;

/// How many of the rows read the preview shows before the user accepts.
pub const SAMPLE_ROWS: usize = 5;

/// A row an import reads, shown in the preview as it will be taken in.
pub trait Sampled {
    /// The fields, named as the app names them.
    fn sample_columns(lang: Lang) -> Vec<Column>;
    /// The row's fields as the app read them (a yes/no cell as はい or いいえ, forms by their names).
    fn sample_cells(&self, lang: Lang) -> Vec<String>;
}

/// The first [`SAMPLE_ROWS`] rows as they will be imported, each with its row number in the file, so that the
/// user sees how cells were read (「○」 or 「無」 as yes or no) before accepting.
pub fn sample_table<R: Sampled>(preview: &Preview<R>, lang: Lang) -> Table {
    let row = Text::new("行", "Row").get(lang).to_owned();
    let mut columns = vec![Column::new(row, 6, false)];
    columns.extend(R::sample_columns(lang));
    let rows = preview
        .rows
        .iter()
        .zip(&preview.row_numbers)
        .take(SAMPLE_ROWS)
        .map(|(r, n)| std::iter::once(n.to_string()).chain(r.sample_cells(lang)).collect())
        .collect();
    let name = Text::new("読み取った最初の行", "The first rows as read").get(lang).to_owned();
    Table::new(name, columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_is_the_json_the_worker_expects() {
        let request = Request::ReadInventory { file_name: "目録.xlsx".into(), choice: None };
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            r#"{"op":"read_inventory","file_name":"目録.xlsx","choice":null}"#
        );
        let chosen: Request = serde_json::from_str(
            r#"{"op":"read_inventory","file_name":"a.csv","choice":{"header_row":3,"mapping":[null,"name"]}}"#,
        )
        .unwrap();
        let choice = Choice { header_row: Some(3), mapping: Some(vec![None, Some("name".into())]), sheet: None };
        assert_eq!(chosen, Request::ReadInventory { file_name: "a.csv".into(), choice: Some(choice) });

        let request = Request::ReadChecksheet { file_name: "チェックシート.xlsx".into(), choice: None };
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            r#"{"op":"read_checksheet","file_name":"チェックシート.xlsx","choice":null}"#
        );
    }

    #[test]
    fn an_inventory_preview_keeps_its_json_and_a_checksheet_preview_has_criteria() {
        let inventory =
            Preview { rows: vec![InfoRow { name: "図面".into(), ..InfoRow::default() }], ..Preview::default() };
        let json = serde_json::to_value(&inventory).unwrap();
        assert_eq!(json["rows"][0]["name"], "図面");
        assert_eq!(json["header_row"], 0);
        let criteria: Preview<Criterion> =
            serde_json::from_str(r#"{"rows":[{"chapter":"Ⅰ","content":"管理簿を作る"}],"header_row":3}"#).unwrap();
        assert_eq!((criteria.rows[0].chapter.as_str(), criteria.header_row), ("Ⅰ", 3));
    }

    #[test]
    fn a_refusal_keeps_both_languages_on_the_way_back() {
        let reply: Reply = Err(Text::new("ファイルが空です", "The file is empty"));
        let json = serde_json::to_string(&reply).unwrap();
        assert_eq!(json, r#"{"Err":{"ja":"ファイルが空です","en":"The file is empty"}}"#);
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);
    }
}
