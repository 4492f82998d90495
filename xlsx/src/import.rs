//! The Excel worker's read side: a file the user picked (an .xlsx workbook or a CSV file, told apart by its
//! content, not its name) as a [`Grid`], and the inventory (`tics_domain::inventory_import`) or the audit
//! checksheet (`tics_domain::checksheet_import`) read from it.
//!
//! Workbooks are read with calamine: the worksheet whose header row matches best is taken (the user may pick
//! another), formulas are read as the results Excel last saved (with a warning naming the cells), dates become
//! YYYY-MM-DD and numbers their plain text. Old .xls files, password-protected and damaged workbooks are refused
//! with a message saying what to do. Nothing here panics on bad input, and nothing is evaluated.
use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};
use tics_domain::checksheet_import;
use tics_domain::envelope::MAX_IMPORT_BYTES;
use tics_domain::grid::Schema;
use tics_domain::grid::{self, column_letters, grouped, Grid, Row, HEADER_SEARCH_ROWS, MAX_COLUMNS};
use tics_domain::import::{ChecksheetReply, Choice, Preview, Reply, Request};
use tics_domain::inventory_import;
use tics_domain::periodic::Criterion;
use tics_domain::Text;

/// The largest file read: the same limit as result files.
pub const MAX_BYTES: usize = MAX_IMPORT_BYTES;

/// The most a workbook may hold once unzipped. Real workbooks unzip to about ten times their size; the bound
/// keeps a crafted file (a "zip bomb") from exhausting the worker's memory.
pub const MAX_UNZIPPED_BYTES: u64 = 200 * 1024 * 1024;

/// The most rows (that hold anything) read from one sheet; far above what any import keeps, so that a
/// too-long table is still counted for its message, and low enough to bound memory.
pub const MAX_SHEET_ROWS: usize = 100_000;

/// A table read from a file, and the worksheets the workbook has (empty for CSV).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Book {
    pub grid: Grid,
    pub sheets: Vec<String>,
}

/// Answers one read request from the app (the JSON of a [`Request`]) about the file `bytes` with the JSON of its
/// [`Reply`](tics_domain::import::Reply): the preview, or why the file cannot be imported. `Err` only when the
/// request itself cannot be read (a worker of another version), in both languages.
pub fn answer(request: &str, bytes: &[u8], decode_shift_jis: &dyn Fn(&[u8]) -> Option<String>) -> Result<String, Text> {
    let unreadable = || Text::new("読み込みの依頼が読めません", "the read request cannot be read");
    let request: Request = serde_json::from_str(request).map_err(|_| unreadable())?;
    let json = match request {
        Request::ReadInventory { file_name, choice } => {
            let reply: Reply = read_inventory(bytes, &file_name, choice.as_ref(), decode_shift_jis);
            serde_json::to_string(&reply)
        }
        Request::ReadChecksheet { file_name, choice } => {
            let reply: ChecksheetReply = read_checksheet(bytes, &file_name, choice.as_ref(), decode_shift_jis);
            serde_json::to_string(&reply)
        }
    };
    json.map_err(|_| unreadable())
}

/// Reads an inventory file (.xlsx or CSV, by content) for the user to check: the worker's whole job for an
/// inventory import. `choice` carries the user's corrections (sheet, header row, mapping); `decode_shift_jis`
/// decodes a Shift_JIS CSV file (the worker passes the browser's `TextDecoder`).
pub fn read_inventory(
    bytes: &[u8],
    file_name: &str,
    choice: Option<&Choice>,
    decode_shift_jis: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<Preview, Text> {
    let read = |grid: &Grid| inventory_import::read_inventory(grid, choice);
    read_preview(bytes, file_name, choice, decode_shift_jis, &inventory_import::SCHEMA, &read)
}

/// Reads an audit checksheet, or last year's periodic report kept in Excel (.xlsx or CSV, by content), for the
/// user to check, as [`read_inventory`] does an inventory.
pub fn read_checksheet(
    bytes: &[u8],
    file_name: &str,
    choice: Option<&Choice>,
    decode_shift_jis: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<Preview<Criterion>, Text> {
    let read = |grid: &Grid| checksheet_import::read_checksheet(grid, choice);
    read_preview(bytes, file_name, choice, decode_shift_jis, &checksheet_import::SCHEMA, &read)
}

/// The file's table (the sheet chosen, or the one `schema` matches best) read by `read`, with the file's name and
/// sheets added.
fn read_preview<R>(
    bytes: &[u8],
    file_name: &str,
    choice: Option<&Choice>,
    decode_shift_jis: &dyn Fn(&[u8]) -> Option<String>,
    schema: &Schema,
    read: &dyn Fn(&Grid) -> Result<Preview<R>, Text>,
) -> Result<Preview<R>, Text> {
    let sheet = choice.and_then(|c| c.sheet.as_deref());
    let book = read_table(bytes, sheet, &|rows| schema.grid_score(rows), decode_shift_jis)?;
    let mut preview = read(&book.grid)?;
    preview.file_name = file_name.to_owned();
    preview.sheet = book.grid.sheet;
    preview.sheets = book.sheets;
    Ok(preview)
}

/// Reads a table file: an .xlsx workbook (the worksheet named `sheet`, or else the one whose first rows `score`
/// highest) or CSV / tab-separated text in UTF-8, UTF-16 or Shift_JIS.
pub fn read_table(
    bytes: &[u8],
    sheet: Option<&str>,
    score: &dyn Fn(&[Row]) -> usize,
    decode_shift_jis: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<Book, Text> {
    if bytes.len() > MAX_BYTES {
        return Err(Text::new(
            format!(
                "ファイルが大きすぎます（{} KB）。読み込めるのは {} MB までです。",
                grouped(bytes.len() / 1024),
                MAX_BYTES / 1024 / 1024
            ),
            format!(
                "The file is too large ({} KB). Files up to {} MB can be read.",
                grouped(bytes.len() / 1024),
                MAX_BYTES / 1024 / 1024
            ),
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes, sheet, score)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        // The OLE2 container of .xls files, and of .xlsx files encrypted with a password.
        Err(if contains_utf16(bytes, "EncryptedPackage") { password_protected() } else { old_xls() })
    } else {
        Ok(Book { grid: grid::read_text_file(bytes, decode_shift_jis)?, sheets: Vec::new() })
    }
}

fn contains_utf16(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

fn read_xlsx(bytes: &[u8], wanted: Option<&str>, score: &dyn Fn(&[Row]) -> usize) -> Result<Book, Text> {
    check_unzipped_size(bytes)?;
    let mut book: Xlsx<Cursor<&[u8]>> = Xlsx::new(Cursor::new(bytes)).map_err(|e| workbook_error(&e))?;
    let worksheets: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let names: Vec<String> = worksheets.iter().map(|(n, _)| n.clone()).collect();
    if names.is_empty() {
        return Err(Text::new("このブックにはワークシートがありません。", "This workbook has no worksheets."));
    }
    let chosen = match wanted {
        Some(name) => names.iter().find(|n| n.as_str() == name).cloned().ok_or_else(|| {
            Text::new(format!("「{name}」というシートはありません。"), format!("There is no sheet \"{name}\"."))
        })?,
        None => {
            let mut best: Option<(usize, bool, &String)> = None;
            for (name, visible) in &worksheets {
                let head = read_sheet(&mut book, name, HEADER_SEARCH_ROWS, false)?;
                let candidate = (score(&head.grid.rows), *visible, name);
                // A better score wins; of equal scores, a visible sheet; then the first.
                if best.is_none_or(|(s, v, _)| (candidate.0, candidate.1) > (s, v)) {
                    best = Some(candidate);
                }
            }
            best.map(|(_, _, n)| n.clone()).unwrap_or_default()
        }
    };
    let mut sheet = read_sheet(&mut book, &chosen, MAX_SHEET_ROWS, true)?;
    if sheet.more {
        return Err(Text::new(
            format!("シート「{chosen}」には {} 行を超えるデータがあり、読み込めません。", grouped(MAX_SHEET_ROWS)),
            format!(
                "The sheet \"{chosen}\" has more than {} rows of data and cannot be read.",
                grouped(MAX_SHEET_ROWS)
            ),
        ));
    }
    sheet.grid.sheet = Some(chosen);
    if sheet.grid.rows.is_empty() {
        return Err(Text::new(
            format!("シート「{}」は空です。", sheet.grid.sheet.as_deref().unwrap_or_default()),
            format!("The sheet \"{}\" is empty.", sheet.grid.sheet.as_deref().unwrap_or_default()),
        ));
    }
    Ok(Book { grid: sheet.grid, sheets: names })
}

/// Refuses a workbook that would unzip to more than [`MAX_UNZIPPED_BYTES`], by the sizes its directory declares.
fn check_unzipped_size(bytes: &[u8]) -> Result<(), Text> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged())?;
    let mut total: u64 = 0;
    for n in 0..archive.len() {
        let size = archive.by_index_raw(n).map_err(|_| damaged())?.size();
        total = total.saturating_add(size);
    }
    if total > MAX_UNZIPPED_BYTES {
        return Err(Text::new(
            format!(
                "この Excel ファイルは中身が大きすぎて読み込めません（展開すると {} MB）。読み込むシートだけを新しいブックにコピーして保存するか、「CSV UTF-8（コンマ区切り）」として保存してから選んでください。",
                grouped((total / 1024 / 1024) as usize)
            ),
            format!(
                "This Excel file holds too much to read ({} MB once unzipped). Please copy the sheet to import into a new workbook and save that, or save it as \"CSV UTF-8 (Comma delimited)\", then choose that file.",
                grouped((total / 1024 / 1024) as usize)
            ),
        ));
    }
    Ok(())
}

/// A rectangle of cells, 0-based (row, column) of its top-left and bottom-right cells.
type Region = ((u32, u32), (u32, u32));

struct Sheet {
    grid: Grid,
    /// More rows than the limit held anything: reading stopped.
    more: bool,
}

/// The first `limit` rows of a worksheet that hold anything, as text: numbers as written, dates as YYYY-MM-DD,
/// formulas as their saved results (with a warning naming the cells), and the value of a cell merged over
/// several rows repeated in each of those rows that holds anything else (a manager merged down the rows they
/// manage belongs to each of them). `merges`: whether to look for merged cells (the sheet's end, read again), not
/// needed to compare the sheets' first rows.
fn read_sheet(book: &mut Xlsx<Cursor<&[u8]>>, name: &str, limit: usize, merges: bool) -> Result<Sheet, Text> {
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut formulas: Vec<(u32, u32)> = Vec::new();
    let mut cut_off = false;
    let mut more = false;
    {
        let mut cells = book.worksheet_cells_reader(name).map_err(|e| workbook_error(&e))?;
        while let Some(cell) = cells.next_cell_with_formula_metadata().map_err(|e| workbook_error(&e))? {
            let (r, c) = cell.pos;
            let text = cell_text(&cell.value);
            let blank = text.trim().is_empty();
            let column = c as usize;
            if column >= MAX_COLUMNS {
                cut_off |= !blank;
                continue;
            }
            if cell.formula.is_some() && rows.len() <= limit {
                formulas.push((r, c));
            }
            if blank {
                continue;
            }
            if !rows.contains_key(&r) && rows.len() >= limit {
                // Cells come row by row, so nothing of the first `limit` rows is still to come.
                more = true;
                break;
            }
            let row = rows.entry(r).or_default();
            if row.len() <= column {
                row.resize(column + 1, String::new());
            }
            row[column] = text;
        }
    }
    let merged = if merges { fill_merged_down(book, name, &mut rows) } else { Vec::new() };

    let mut grid = Grid::default();
    for (r, cells) in rows {
        cut_off |= grid.push_row(r as usize + 1, cells);
    }
    // Only formulas in rows that were kept (a formula whose result is blank says nothing).
    formulas.retain(|(r, _)| grid.rows.iter().any(|row| row.number == *r as usize + 1));
    if !formulas.is_empty() {
        let names = cell_list(&formulas);
        grid.warnings.push(Text::new(
            format!("数式のセル（{}）は、Excel が最後に保存した計算結果を読みました。数式そのものは読み込みません。", names.0),
            format!("Cells with formulas ({}) were read as the results Excel last saved; the formulas themselves are not imported.", names.1),
        ));
    }
    if !merged.is_empty() {
        let names = region_list(&merged);
        grid.warnings.push(Text::new(
            format!("縦に結合されたセル（{}）の値は、結合された各行の値として読みました。", names.0),
            format!("The value of each cell merged over several rows ({}) was read into each of those rows.", names.1),
        ));
    }
    if cut_off {
        grid.warnings.push(grid::columns_cut_off());
    }
    Ok(Sheet { grid, more })
}

/// Copies the value of each vertically merged cell into the rows below it that it covers and that hold
/// something else; returns the regions that were copied.
fn fill_merged_down(book: &mut Xlsx<Cursor<&[u8]>>, name: &str, rows: &mut BTreeMap<u32, Vec<String>>) -> Vec<Region> {
    // A sheet whose merges cannot be read is still read, without them.
    let Ok(regions) = book.merge_cells_by_sheet_name(name) else {
        return Vec::new();
    };
    let mut filled = Vec::new();
    for region in regions {
        let ((top, column), (bottom, _)) = (region.start, region.end);
        let c = column as usize;
        if bottom <= top || c >= MAX_COLUMNS {
            continue;
        }
        let Some(value) = rows.get(&top).and_then(|r| r.get(c)).filter(|v| !v.trim().is_empty()).cloned() else {
            continue;
        };
        let mut any = false;
        for (_, row) in rows.range_mut(top + 1..=bottom) {
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            if row[c].is_empty() {
                row[c] = value.clone();
                any = true;
            }
        }
        if any {
            filled.push((region.start, region.end));
        }
    }
    filled
}

/// "C5、D5 ほか 3 個" / "C5, D5 and 3 more": the first ten cells.
fn cell_list(cells: &[(u32, u32)]) -> (String, String) {
    let names: Vec<String> =
        cells.iter().take(10).map(|(r, c)| format!("{}{}", column_letters(*c as usize), r + 1)).collect();
    let rest = cells.len().saturating_sub(10);
    if rest == 0 {
        (names.join("、"), names.join(", "))
    } else {
        (format!("{} ほか {rest} 個", names.join("、")), format!("{} and {rest} more", names.join(", ")))
    }
}

fn region_list(regions: &[Region]) -> (String, String) {
    let cells: Vec<String> = regions
        .iter()
        .take(5)
        .map(|((r1, c1), (r2, c2))| {
            format!("{}{}:{}{}", column_letters(*c1 as usize), r1 + 1, column_letters(*c2 as usize), r2 + 1)
        })
        .collect();
    let rest = regions.len().saturating_sub(5);
    if rest == 0 {
        (cells.join("、"), cells.join(", "))
    } else {
        (format!("{} ほか {rest} か所", cells.join("、")), format!("{} and {rest} more", cells.join(", ")))
    }
}

/// A cell as the text a person reads in it.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) if d.is_duration() => number_text(d.as_f64()),
        DataRef::DateTime(d) => {
            let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
            let time = (hour, minute, second) != (0, 0, 0);
            if d.as_f64() < 1.0 {
                // A time of day without a date.
                format!("{hour:02}:{minute:02}")
            } else if time {
                format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02}")
            }
        }
        DataRef::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_owned(),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
    }
}

/// A number as Excel shows it in a General cell: whole numbers without ".0", and at most 15 significant
/// digits (so a sum saved as 0.30000000000000004 reads 0.3).
fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    format!("{rounded}")
}

fn workbook_error(e: &XlsxError) -> Text {
    match e {
        XlsxError::Password => password_protected(),
        XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound => Text::new(
            "ZIP 形式のファイルですが、Excel ブック（.xlsx）ではありません。LibreOffice などの表計算ファイル（.ods）なら、「Excel 2007-365（.xlsx）」か CSV（UTF-8）として保存し直してから選んでください。",
            "This is a zip file but not an Excel workbook (.xlsx). If it is a spreadsheet from LibreOffice or similar (.ods), please save it as \"Excel 2007-365 (.xlsx)\" or as CSV (UTF-8), then choose that file.",
        ),
        _ => damaged(),
    }
}

fn damaged() -> Text {
    Text::new(
        "Excel ファイルを読めませんでした（壊れているか、保存が途中で終わっている可能性があります）。Excel で開けることを確かめ、保存し直してから選んでください。",
        "The Excel file could not be read (it may be damaged or not completely saved). Please check that it opens in Excel, save it again and choose it once more.",
    )
}

fn password_protected() -> Text {
    Text::new(
        "パスワードで保護された Excel ファイルは読み込めません。Excel でパスワードを外して保存し直すか、「CSV UTF-8（コンマ区切り）」として保存してから選んでください。",
        "Password-protected Excel files cannot be read. Please remove the password in Excel and save the file again, or save it as \"CSV UTF-8 (Comma delimited)\", then choose that file.",
    )
}

fn old_xls() -> Text {
    Text::new(
        "古い形式の Excel ファイル（.xls、Excel 97-2003）は読み込めません。Excel で開き、「Excel ブック（.xlsx）」か「CSV UTF-8（コンマ区切り）」として保存し直してから選んでください。",
        "Old-style Excel files (.xls, Excel 97-2003) cannot be read. Please open it in Excel and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8 (Comma delimited)\", then choose that file.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number_text(1.0), "1");
        assert_eq!(number_text(-12.0), "-12");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(number_text(1e20), "100000000000000000000");
        assert_eq!(number_text(f64::NAN), "");
    }

    #[test]
    fn cells_are_listed_briefly() {
        let cells: Vec<(u32, u32)> = (0..12).map(|n| (n, 2)).collect();
        let (ja, en) = cell_list(&cells);
        assert!(ja.starts_with("C1、C2") && ja.ends_with("ほか 2 個"), "{ja}");
        assert!(en.ends_with("C10 and 2 more"), "{en}");
    }
}
