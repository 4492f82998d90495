//! Excel (.xlsx) workbooks made from the domain's [`Table`](tics_domain::table::Table)s with rust_xlsxwriter: one
//! sheet per table; and, in [`import`], tables read from the .xlsx and CSV files a user imports (calamine).
//!
//! The writer adds about 530 KB of WebAssembly (240 KB gzipped) and the reader about 430 KB more (200 KB with
//! brotli; a third of it is encoding_rs's tables, which calamine's XML reader links in), so the app links
//! neither: the `xlsx-worker` crate builds them into a web worker that the app starts only when someone asks for
//! an Excel file or imports one; tables travel as JSON (`tics_domain::table::tables_to_json`), imported files as
//! bytes beside a `tics_domain::import::Request`.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod import;
mod sheet_name;

pub use sheet_name::{sanitise, sheet_names, MAX_LEN as MAX_SHEET_NAME_LEN};

pub use writer::{workbook, workbook_from_json};

mod writer {
    use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, IgnoreError, Workbook, Worksheet, XlsxError};
    use tics_domain::table::Table;

    /// Header fill: a light blue that prints well in greyscale too.
    const HEADER_FILL: u32 = 0xDDEBF7;
    /// Excel's widest column, in characters.
    const MAX_WIDTH: u16 = 255;

    /// An .xlsx file with one worksheet per table, in order.
    ///
    /// Each sheet is named after its table (made valid and unique, see [`crate::sheet_names`]), has a bold header
    /// row with a fill and a bottom border that stays in view when scrolling, column widths from
    /// `Column::width` (0 keeps Excel's default), wrapped text in `wrap` columns, data cells aligned to the top
    /// (so short cells line up with wrapped ones), and an autofilter over the header and data.
    ///
    /// Every cell is written as text, never as a formula or number: a cell "=SUM(A1)" stays those eight characters.
    /// Excel's "number stored as text" warning is turned off for the table, since that is deliberate.
    ///
    /// ```
    /// use tics_domain::table::{Column, Table};
    /// let table = Table { name: "Gaps".into(), columns: vec![Column::new("ID", 8, false)], rows: vec![vec!["1.1".into()]] };
    /// let bytes = tics_xlsx::workbook(&[table]).unwrap();
    /// assert!(bytes.starts_with(b"PK"));
    /// ```
    pub fn workbook(tables: &[Table]) -> Result<Vec<u8>, String> {
        let names = crate::sheet_names(tables.iter().map(|t| t.name.as_str()));
        let mut book = Workbook::new();
        let formats = Formats::new();
        for (table, name) in tables.iter().zip(&names) {
            let sheet = book.add_worksheet();
            fill_sheet(sheet, name, table, &formats).map_err(|e| {
                format!(
                    "Excel ファイルを作れませんでした（シート「{name}」）: {e} / \
                     Could not build the Excel file (sheet \"{name}\"): {e}"
                )
            })?;
        }
        // With no tables rust_xlsxwriter still writes one empty sheet: a workbook needs one.
        book.save_to_buffer()
            .map_err(|e| format!("Excel ファイルを保存できませんでした: {e} / Could not save the Excel file: {e}"))
    }

    /// [`workbook`] for a JSON message from `tics_domain::table::tables_to_json`: what the web worker runs.
    pub fn workbook_from_json(json: &str) -> Result<Vec<u8>, String> {
        workbook(&tics_domain::table::tables_from_json(json)?)
    }

    struct Formats {
        header: Format,
        plain: Format,
        wrapped: Format,
    }

    impl Formats {
        fn new() -> Self {
            Formats {
                header: Format::new()
                    .set_bold()
                    .set_background_color(Color::RGB(HEADER_FILL))
                    .set_border_bottom(FormatBorder::Thin)
                    .set_align(FormatAlign::Top),
                plain: Format::new().set_align(FormatAlign::Top),
                wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            }
        }
    }

    fn fill_sheet(sheet: &mut Worksheet, name: &str, table: &Table, formats: &Formats) -> Result<(), String> {
        sheet.set_name(name).map_err(describe)?;
        let width = table.rows.iter().map(Vec::len).chain([table.columns.len()]).max().unwrap_or(0);
        if width == 0 {
            return Ok(());
        }
        let last_col = col_num(width - 1)?;
        let last_row = row_num(table.rows.len())?;

        for (c, column) in table.columns.iter().enumerate() {
            let col = col_num(c)?;
            sheet.write_string_with_format(0, col, &column.header, &formats.header).map_err(describe)?;
            if column.width > 0 {
                sheet.set_column_width(col, column.width.min(MAX_WIDTH)).map_err(describe)?;
            }
            if column.wrap {
                // Also for cells someone types in later.
                sheet.set_column_format(col, &formats.wrapped).map_err(describe)?;
            }
        }
        for (r, row) in table.rows.iter().enumerate() {
            let row_index = row_num(r + 1)?;
            for (c, cell) in row.iter().enumerate() {
                let wrap = table.columns.get(c).is_some_and(|column| column.wrap);
                let format = if wrap { &formats.wrapped } else { &formats.plain };
                sheet
                    .write_string_with_format(row_index, col_num(c)?, cell, format)
                    .map_err(|e| format!("{}{}: {}", cell_name(c), r + 2, describe(e)))?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(describe)?;
        sheet.autofilter(0, 0, last_row, last_col).map_err(describe)?;
        // Scores and counts are text on purpose; without this Excel flags each one "number stored as text".
        sheet.ignore_error_range(0, 0, last_row, last_col, IgnoreError::NumberStoredAsText).map_err(describe)?;
        Ok(())
    }

    fn row_num(index: usize) -> Result<u32, String> {
        u32::try_from(index).map_err(|_| describe(XlsxError::RowColumnLimitError))
    }

    fn col_num(index: usize) -> Result<u16, String> {
        u16::try_from(index).map_err(|_| describe(XlsxError::RowColumnLimitError))
    }

    /// The column letters Excel shows for a 0-based index: A, B, ..., Z, AA, ...
    fn cell_name(mut index: usize) -> String {
        let mut letters = Vec::new();
        loop {
            letters.push(char::from(b'A' + (index % 26) as u8));
            if index < 26 {
                break;
            }
            index = index / 26 - 1;
        }
        letters.iter().rev().collect()
    }

    /// rust_xlsxwriter's messages are English only; the two limits a person can hit get a Japanese line too.
    fn describe(e: XlsxError) -> String {
        match e {
            XlsxError::MaxStringLengthExceeded => {
                "セルの文字数が Excel の上限（32,767 文字）を超えています / a cell is longer than Excel's limit of \
                 32,767 characters"
                    .to_string()
            }
            XlsxError::RowColumnLimitError => {
                "行数か列数が Excel の上限を超えています / more rows or columns than Excel allows".to_string()
            }
            other => other.to_string(),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::cell_name;

        #[test]
        fn column_letters() {
            assert_eq!(cell_name(0), "A");
            assert_eq!(cell_name(25), "Z");
            assert_eq!(cell_name(26), "AA");
            assert_eq!(cell_name(701), "ZZ");
            assert_eq!(cell_name(702), "AAA");
        }
    }
}
