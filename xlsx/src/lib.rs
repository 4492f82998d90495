//! Excel (.xlsx) workbooks made from the domain's [`Table`](tics_domain::table::Table)s with rust_xlsxwriter: one
//! sheet per table; and, in [`import`], tables read from the .xlsx and CSV files a user imports (calamine).
//!
//! The writer adds about 530 KB of WebAssembly (240 KB gzipped) and the reader about 430 KB more (200 KB with
//! brotli; a third of it is encoding_rs's tables, which calamine's XML reader links in), so the app links
//! neither: the `xlsx-worker` crate builds them into a web worker that the app starts only when someone asks for
//! an Excel file or imports one; tables travel as JSON (`tics_domain::workbook::WorkbookRequest`), imported files as
//! bytes beside a `tics_domain::import::Request`.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod import;
mod sheet_name;

pub use sheet_name::{sanitise, sheet_names, MAX_LEN as MAX_SHEET_NAME_LEN};

pub use writer::{workbook, workbook_from_json};

mod writer {
    use std::collections::BTreeMap;

    use rust_xlsxwriter::{
        Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Formula, IgnoreError,
        Workbook, Worksheet, XlsxError,
    };
    use tics_domain::grid::column_letters;
    use tics_domain::table::{Column, Table};
    use tics_domain::Text;

    /// Header fill: a light blue that prints well in greyscale too.
    const HEADER_FILL: u32 = 0xDDEBF7;
    /// The rules of a form to fill in: mid grey, visible on paper without looking heavy.
    const RULE_COLOUR: u32 = 0x808080;
    /// Excel's widest column, in characters.
    const MAX_WIDTH: u16 = 255;
    /// Excel's last row, 0-based.
    const MAX_ROW: u32 = 1_048_575;
    /// The hidden sheet that holds the drop-down lists, named in both languages since the writer has no language.
    const LIST_SHEET: &str = "選択肢 Lists";
    /// Printed page number and count, with the sheet name on the left so that loose pages can be put back.
    const FOOTER: &str = "&L&A&R&P / &N";
    /// The width of A4 paper turned to landscape, in millimetres.
    const A4_LANDSCAPE_WIDTH_MM: f64 = 297.0;
    /// The printed margins, in inches as Excel counts them: left and right, and top and bottom.
    const SIDE_MARGIN_IN: f64 = 0.4;
    const END_MARGIN_IN: f64 = 0.6;
    /// How high a register's row is on paper, at least: room to write in by hand.
    const WRITING_ROW_MM: f64 = 7.0;
    /// The widest a spreadsheet program draws a character of a column's width, in pixels at 100 % (see
    /// `writing_row_pixels`).
    const PIXELS_PER_CHARACTER: f64 = 8.0;

    /// An .xlsx file with one worksheet per table, in order.
    ///
    /// Each sheet is named after its table (made valid and unique, see [`crate::sheet_names`]), has a bold header
    /// row with a fill and a bottom border that stays in view when scrolling, column widths from
    /// `Column::width` (0 keeps Excel's default), wrapped text in `wrap` columns, data cells aligned to the top
    /// (so short cells line up with wrapped ones), and an autofilter over the header and data.
    ///
    /// A register's table adds, when it sets them: `title` lines above the header (the first bold and larger; they
    /// stay in view with the header); `blank_rows` empty rows after the data; ruled cells on the data and blank
    /// rows; a drop-down list on each column with `choices`, over the data and blank rows, that refuses other
    /// text, or with `allow_other` accepts it after a warning; and with `print`, A4 landscape, one page wide, the
    /// header row repeated on every page, narrow margins and a footer with the sheet name and page number. A form
    /// to fill in by hand, `print` with `blank_rows`, also gets a print area over its title, header and ruled rows
    /// (or the empty rows would not print), and rows at least 7 mm high on paper, taller where their text needs
    /// it (see `writing_row_pixels`). The
    /// lists' values sit on one hidden sheet, after the others, that the drop-downs refer to: Excel's inline lists
    /// are limited to 255 characters and break on commas, and the inventory's names need neither limit.
    ///
    /// Every cell is written as text, never as a formula or number: a cell "=SUM(A1)" stays those eight characters,
    /// on the hidden list sheet too. Excel's "number stored as text" warning is turned off for the table, since
    /// that is deliberate.
    ///
    /// ```
    /// use tics_domain::table::{Column, Table};
    /// let table = Table::new("Gaps", vec![Column::new("ID", 8, false)], vec![vec!["1.1".into()]]);
    /// let bytes = tics_xlsx::workbook(&[table]).unwrap();
    /// assert!(bytes.starts_with(b"PK"));
    /// ```
    pub fn workbook(tables: &[Table]) -> Result<Vec<u8>, Text> {
        let lists = Lists::new(tables);
        let mut wanted: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        if !lists.values.is_empty() {
            wanted.push(LIST_SHEET);
        }
        let names = crate::sheet_names(wanted);
        let list_sheet = names.get(tables.len()).map(String::as_str).unwrap_or(LIST_SHEET);
        let mut book = Workbook::new();
        let formats = Formats::new();
        for (t, (table, name)) in tables.iter().zip(&names).enumerate() {
            let sheet = book.add_worksheet();
            fill_sheet(sheet, name, table, &formats, &|c| lists.reference(t, c, list_sheet)).map_err(|e| {
                Text::new(
                    format!("Excel ファイルを作れませんでした（シート「{name}」）: {}", e.ja),
                    format!("Could not build the Excel file (sheet \"{name}\"): {}", e.en),
                )
            })?;
        }
        if !lists.values.is_empty() {
            let sheet = book.add_worksheet();
            lists.fill(sheet, list_sheet).map_err(|e| {
                Text::new(
                    format!("Excel ファイルの選択肢を作れませんでした: {}", e.ja),
                    format!("Could not build the drop-down lists: {}", e.en),
                )
            })?;
        }
        // With no tables rust_xlsxwriter still writes one empty sheet: a workbook needs one.
        book.save_to_buffer().map_err(|e| {
            Text::new(
                format!("Excel ファイルを保存できませんでした: {e}"),
                format!("Could not save the Excel file: {e}"),
            )
        })
    }

    /// [`workbook`] for a request to the web worker (`tics_domain::workbook::WorkbookRequest`, as JSON): what
    /// the worker runs. A register's tables are built here, in the worker.
    pub fn workbook_from_json(json: &str) -> Result<Vec<u8>, Text> {
        workbook(&tics_domain::workbook::WorkbookRequest::from_json(json)?.into_tables())
    }

    /// The drop-down lists of a workbook: each distinct list once, a column of the hidden list sheet.
    struct Lists {
        /// Per list: a label naming where it is first used (for anyone who unhides the sheet), and its values.
        values: Vec<(String, Vec<String>)>,
        /// (table, column) to the list's position in `values`.
        used: BTreeMap<(usize, usize), usize>,
    }

    impl Lists {
        fn new(tables: &[Table]) -> Self {
            let mut lists = Lists { values: Vec::new(), used: BTreeMap::new() };
            let mut seen: BTreeMap<Vec<String>, usize> = BTreeMap::new();
            for (t, table) in tables.iter().enumerate() {
                for (c, column) in table.columns.iter().enumerate() {
                    // A blank entry would only add an empty line to the drop-down.
                    let values: Vec<String> = column.choices.iter().filter(|v| !v.is_empty()).cloned().collect();
                    if values.is_empty() {
                        continue;
                    }
                    let next = lists.values.len();
                    let index = *seen.entry(values.clone()).or_insert(next);
                    if index == next {
                        lists.values.push((format!("{}: {}", table.name, column.header), values));
                    }
                    lists.used.insert((t, c), index);
                }
            }
            lists
        }

        /// The range of the list for column `c` of table `t`, e.g. `'選択肢 Lists'!$B$2:$B$7`.
        fn reference(&self, t: usize, c: usize, sheet: &str) -> Option<String> {
            let index = *self.used.get(&(t, c))?;
            let (_, values) = self.values.get(index)?;
            let letters = column_letters(index);
            // Row 1 holds the label; the values follow.
            let quoted = sheet.replace('\'', "''");
            Some(format!("'{quoted}'!${letters}$2:${letters}${}", values.len() + 1))
        }

        fn fill(&self, sheet: &mut Worksheet, name: &str) -> Result<(), Text> {
            sheet.set_name(name).map_err(describe)?;
            for (c, (label, values)) in self.values.iter().enumerate() {
                let col = col_num(c)?;
                sheet.write_string(0, col, label).map_err(describe)?;
                for (r, value) in values.iter().enumerate() {
                    sheet.write_string(row_num(r + 1)?, col, value).map_err(describe)?;
                }
            }
            // The lists are the app's, not the user's to edit by accident; unhiding the sheet shows them.
            sheet.set_hidden(true);
            Ok(())
        }
    }

    struct Formats {
        title: Format,
        header: Format,
        plain: Format,
        wrapped: Format,
        /// A register's header: also wrapped and ruled, so that long headers fit narrow columns on paper.
        header_ruled: Format,
        plain_ruled: Format,
        wrapped_ruled: Format,
    }

    impl Formats {
        fn new() -> Self {
            let ruled =
                |format: Format| format.set_border(FormatBorder::Thin).set_border_color(Color::RGB(RULE_COLOUR));
            Formats {
                title: Format::new().set_bold().set_font_size(14),
                header: Format::new()
                    .set_bold()
                    .set_background_color(Color::RGB(HEADER_FILL))
                    .set_border_bottom(FormatBorder::Thin)
                    .set_align(FormatAlign::Top),
                plain: Format::new().set_align(FormatAlign::Top),
                wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
                header_ruled: ruled(
                    Format::new()
                        .set_bold()
                        .set_background_color(Color::RGB(HEADER_FILL))
                        .set_text_wrap()
                        .set_align(FormatAlign::VerticalCenter),
                ),
                plain_ruled: ruled(Format::new().set_align(FormatAlign::Top)),
                wrapped_ruled: ruled(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
            }
        }

        fn cell(&self, column: Option<&Column>, ruled: bool) -> &Format {
            match (column.is_some_and(|c| c.wrap), ruled) {
                (false, false) => &self.plain,
                (true, false) => &self.wrapped,
                (false, true) => &self.plain_ruled,
                (true, true) => &self.wrapped_ruled,
            }
        }
    }

    fn fill_sheet(
        sheet: &mut Worksheet,
        name: &str,
        table: &Table,
        formats: &Formats,
        list: &dyn Fn(usize) -> Option<String>,
    ) -> Result<(), Text> {
        sheet.set_name(name).map_err(describe)?;
        for (r, line) in table.title.iter().enumerate() {
            let format = if r == 0 { &formats.title } else { &formats.plain };
            sheet.write_string_with_format(row_num(r)?, 0, line, format).map_err(describe)?;
        }
        if !table.title.is_empty() {
            // Room for the larger title font, which Excel does not make by itself.
            sheet.set_row_height(0, 21).map_err(describe)?;
        }
        let width = table.rows.iter().map(Vec::len).chain([table.columns.len()]).max().unwrap_or(0);
        if width == 0 {
            return Ok(());
        }
        // A form to fill in gets ruled cells; the result tables stay as they always were.
        let ruled = table.print || table.blank_rows > 0;
        let header_row = row_num(table.title.len())?;
        let last_col = col_num(width - 1)?;
        let entries = usize::try_from(table.blank_rows).map_err(|_| describe(XlsxError::RowColumnLimitError))?;
        let last_row = row_num(table.title.len() + table.rows.len() + entries)?;
        // Refused before a million blank cells are written, rather than at the first one past the end.
        if last_row > MAX_ROW {
            return Err(describe(XlsxError::RowColumnLimitError));
        }

        let header_format = if ruled { &formats.header_ruled } else { &formats.header };
        for (c, column) in table.columns.iter().enumerate() {
            let col = col_num(c)?;
            sheet.write_string_with_format(header_row, col, &column.header, header_format).map_err(describe)?;
            if column.width > 0 {
                sheet.set_column_width(col, column.width.min(MAX_WIDTH)).map_err(describe)?;
            }
            if column.wrap {
                // Also for cells someone types in later.
                sheet.set_column_format(col, &formats.wrapped).map_err(describe)?;
            }
        }
        for (r, row) in table.rows.iter().enumerate() {
            let row_index = row_num(table.title.len() + r + 1)?;
            for c in 0..width {
                let format = formats.cell(table.columns.get(c), ruled);
                let cell = row.get(c).map(String::as_str).unwrap_or_default();
                let written = if ruled && cell.is_empty() {
                    sheet.write_blank(row_index, col_num(c)?, format)
                } else if c < row.len() {
                    sheet.write_string_with_format(row_index, col_num(c)?, cell, format)
                } else {
                    continue;
                };
                written.map_err(|e| {
                    let (cell, why) = (format!("{}{}", column_letters(c), row_index + 1), describe(e));
                    Text::new(format!("{cell}: {}", why.ja), format!("{cell}: {}", why.en))
                })?;
            }
        }
        if ruled {
            for r in header_row + 1 + row_num(table.rows.len())?..=last_row {
                for c in 0..width {
                    sheet.write_blank(r, col_num(c)?, formats.cell(table.columns.get(c), true)).map_err(describe)?;
                }
            }
        }
        if last_row > header_row {
            for (c, column) in table.columns.iter().enumerate() {
                if let Some(range) = list(c) {
                    let validation = drop_down(column, &range)?;
                    sheet
                        .add_data_validation(header_row + 1, col_num(c)?, last_row, col_num(c)?, &validation)
                        .map_err(describe)?;
                }
            }
        }
        sheet.set_freeze_panes(header_row + 1, 0).map_err(describe)?;
        sheet.autofilter(header_row, 0, last_row, last_col).map_err(describe)?;
        // Scores and counts are text on purpose; without this Excel flags each one "number stored as text".
        sheet.ignore_error_range(0, 0, last_row, last_col, IgnoreError::NumberStoredAsText).map_err(describe)?;
        if table.print {
            print_setup(sheet, header_row)?;
        }
        if table.print && table.blank_rows > 0 {
            // A form to fill in by hand (a register). Without a print area a spreadsheet prints only the cells that
            // hold text: LibreOffice printed the take-out register's title and header and none of its 200 empty
            // ruled rows. The area covers the title, the header and every ruled row.
            sheet.set_print_area(0, 0, last_row, last_col).map_err(describe)?;
            // Row heights: neither Excel nor LibreOffice makes an empty row taller to write in, and LibreOffice
            // does not fit a row to its wrapped text either, so each row gets its height here.
            let pixels: Vec<u32> = (0..width).map(|c| column_pixels(table.columns.get(c))).collect();
            let writing = writing_row_pixels(&pixels);
            let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
            sheet.set_row_height_pixels(header_row, text_pixels(&headers, &pixels, |_| true)).map_err(describe)?;
            let wraps = |c: usize| table.columns.get(c).is_some_and(|c| c.wrap);
            for r in header_row + 1..=last_row {
                let cells: Vec<&str> = usize::try_from(r - header_row - 1)
                    .ok()
                    .and_then(|i| table.rows.get(i))
                    .map(|row| row.iter().map(String::as_str).collect())
                    .unwrap_or_default();
                let height = writing.max(text_pixels(&cells, &pixels, wraps));
                sheet.set_row_height_pixels(r, height).map_err(describe)?;
            }
        }
        Ok(())
    }

    /// A column's width in pixels as Excel draws it at 100 %: 7 pixels a character (the width of a digit in the
    /// default font, Calibri 11) and 5 of padding; 64 for a column left at Excel's default width (8.43).
    fn column_pixels(column: Option<&Column>) -> u32 {
        match column.map(|c| c.width.min(MAX_WIDTH)) {
            Some(width) if width > 0 => u32::from(width) * 7 + 5,
            _ => 64,
        }
    }

    /// The height in pixels (96 to the inch; a point is 4/3 of a pixel) of a row to write in by hand, for a sheet
    /// whose columns are `pixels` wide (see [`column_pixels`]), so that it is at least [`WRITING_ROW_MM`] high on
    /// paper once the sheet is fitted to the width of the page, in Excel and in LibreOffice.
    ///
    /// The arithmetic, for [`print_setup`]'s A4 landscape and margins:
    /// - the paper is 297 mm wide; the side margins take 0.4 in = 10.16 mm each, leaving 276.68 mm;
    /// - the file stores each column's width as characters, `pixels / 7` (7 pixels a character, the padding
    ///   included). Excel draws a character 7 pixels wide. LibreOffice draws it wider, from the digits of Calibri
    ///   or of Carlito, its metric twin: about 7.5 pixels (measured with LibreOffice 7.4). Its search for the
    ///   scale that fits also settles up to 3 % below the largest that does (68 % rather than 70 % for the
    ///   take-out register, depending on the row heights). A character is taken here as 8 pixels, which covers
    ///   both, so the columns are `pixels / 7 × 8` pixels at 100 %, or that × 25.4 / 96 mm;
    /// - fitting to one page wide prints them at the scale 276.68 mm / that width, rounded down to a whole
    ///   percentage as both programs do, and never above 100 % (neither program enlarges a sheet to fit);
    /// - a row 7 mm high on paper is 7 / scale mm high in the sheet, that is 7 / 25.4 × 96 / scale pixels, taken
    ///   up to a whole pixel (rust_xlsxwriter stores heights in pixels, Excel in points: 3/4 of them).
    ///
    /// For the take-out register, 13 columns of 191 characters, 1,402 pixels: 1,402 / 7 × 8 = 1,602 pixels =
    /// 424 mm; 276.68 / 424 = 0.653, so 65 %; 7 mm / 0.65 = 10.77 mm = 40.7 pixels, so 41 (30.75 points). That is
    /// 8.0 mm on paper in Excel (74 %) and 7.6 mm in LibreOffice 7.4 (70 %). Excel's default row, 20 pixels (15
    /// points), would print 3.9 mm high.
    fn writing_row_pixels(pixels: &[u32]) -> u32 {
        let printable_mm = A4_LANDSCAPE_WIDTH_MM - 2.0 * SIDE_MARGIN_IN * 25.4;
        let sheet_pixels = f64::from(pixels.iter().sum::<u32>().max(1)) / 7.0 * PIXELS_PER_CHARACTER;
        let sheet_mm = sheet_pixels * 25.4 / 96.0;
        // Whole percent, down; a fit-to-page scale is between 10 and 100 %.
        let scale = ((printable_mm / sheet_mm * 100.0).floor() / 100.0).clamp(0.1, 1.0);
        // At most 265 pixels, for a sheet ten times as wide as the page.
        (WRITING_ROW_MM / 25.4 * 96.0 / scale).ceil() as u32
    }

    /// The height in pixels that `cells` need for their text, with `pixels` the widths of their columns and
    /// `wraps` whether a column wraps its text (otherwise it takes one line): a line of 11-point text is 20 pixels
    /// (15 points) high in Calibri, 25 (18.75 points) in the Japanese fonts Excel falls back to, and a wrapped
    /// cell takes as many lines as its text needs at a character's width, counting a wide (Japanese) one double,
    /// with a tenth more for the room lost where lines break between words. Generous on purpose: a row a little
    /// too tall prints fine, one too short cuts its text off.
    fn text_pixels(cells: &[&str], pixels: &[u32], wraps: impl Fn(usize) -> bool) -> u32 {
        let mut height = 20;
        for (c, cell) in cells.iter().enumerate().filter(|(_, cell)| !cell.trim().is_empty()) {
            let line = if cell.chars().any(is_wide) { 25 } else { 20 };
            // A character's width (7 pixels) to the column's width less its padding.
            let room = f64::from(pixels.get(c).copied().unwrap_or(64).saturating_sub(5).max(7)) / 7.0;
            let lines: u32 = if wraps(c) {
                cell.split('\n')
                    .map(|part| {
                        let units: f64 = part.chars().map(|ch| if is_wide(ch) { 2.0 } else { 1.0 }).sum();
                        (units * 1.1 / room).ceil().max(1.0) as u32
                    })
                    .sum()
            } else {
                1
            };
            height = height.max(lines.saturating_mul(line) + 4);
        }
        // Excel's tallest row, 409 points; a cell that needs more shows the rest when it is selected.
        height.min(545)
    }

    /// East Asian wide or full-width characters (kana, kanji, full-width forms, CJK punctuation).
    fn is_wide(c: char) -> bool {
        matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x2460..=0x24FF)
    }

    /// A list validation pointing at `range` on the list sheet: other text is refused, or with `allow_other`
    /// accepted after a warning; `other_message` is what Excel then says.
    fn drop_down(column: &Column, range: &str) -> Result<DataValidation, Text> {
        let style = if column.allow_other { DataValidationErrorStyle::Warning } else { DataValidationErrorStyle::Stop };
        let validation = DataValidation::new().allow_list_formula(Formula::new(range)).set_error_style(style);
        if column.other_message.is_empty() {
            Ok(validation)
        } else {
            validation.set_error_message(&column.other_message).map_err(describe)
        }
    }

    /// A4 landscape, fitted to one page wide and as many tall as the rows need, the header row on every page.
    fn print_setup(sheet: &mut Worksheet, header_row: u32) -> Result<(), Text> {
        // 9 is A4 in Excel's list of paper sizes; without it Excel assumes US Letter.
        sheet.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(header_row, header_row).map_err(describe)?;
        // Inches, as Excel counts them: about 1 cm at the sides and 1.5 cm top and bottom, room for the footer.
        sheet.set_margins(SIDE_MARGIN_IN, SIDE_MARGIN_IN, END_MARGIN_IN, END_MARGIN_IN, 0.3, 0.3).set_footer(FOOTER);
        Ok(())
    }

    fn row_num(index: usize) -> Result<u32, Text> {
        u32::try_from(index).map_err(|_| describe(XlsxError::RowColumnLimitError))
    }

    fn col_num(index: usize) -> Result<u16, Text> {
        u16::try_from(index).map_err(|_| describe(XlsxError::RowColumnLimitError))
    }

    /// rust_xlsxwriter's messages are English only; the two limits a person can hit get a Japanese line too.
    fn describe(e: XlsxError) -> Text {
        match e {
            XlsxError::MaxStringLengthExceeded => Text::new(
                "セルの文字数が Excel の上限（32,767 文字）を超えています",
                "a cell is longer than Excel's limit of 32,767 characters",
            ),
            XlsxError::RowColumnLimitError => {
                Text::new("行数か列数が Excel の上限を超えています", "more rows or columns than Excel allows")
            }
            other => Text::new(other.to_string(), other.to_string()),
        }
    }
}
