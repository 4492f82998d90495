//! Tables read from files, before anything knows what they mean: a grid of text cells from a CSV file (or, in the
//! xlsx crate, a worksheet), the text encoding of a CSV file, and the guess of which row holds the column names and
//! which column fills which field. Generic, so that the inventory import and later imports (an audit checksheet)
//! share one reader; each brings its own [`Schema`] of fields and the names they go by.
//!
//! Only the Excel worker calls this (the app sends bytes and receives a preview), so none of it is in the app's
//! start-up download.
use crate::base::sniff::{looks_binary, looks_like_shift_jis, looks_like_utf16};
use crate::base::text::Text;

/// The most columns read; cells further right are left out with a warning. Real tables have tens of columns;
/// the bound keeps a stray cell in column XFD from costing memory.
pub const MAX_COLUMNS: usize = 256;

/// How many rows (that hold anything) are searched for the header row: room for a title, a date and notes above.
pub const HEADER_SEARCH_ROWS: usize = 15;

/// A table read from a file: its rows that hold anything, each with its number as the spreadsheet shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// The worksheet's name; `None` for CSV.
    pub sheet: Option<String>,
    /// Rows with at least one cell that is not blank, in order. Blank rows are left out (their numbers are not).
    pub rows: Vec<Row>,
    /// What the user should know about how the file was read (the encoding, formulas, cut-off columns).
    pub warnings: Vec<Text>,
}

/// One row of a [`Grid`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// 1 is the first row of the sheet, or the first record of a CSV file (a record may span lines).
    pub number: usize,
    /// The cells from column A, trimmed of spaces and line breaks at either end.
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in column `index` (0 is A); blank beyond the row's last cell.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }
}

impl Grid {
    /// Adds a row read from a file: trimmed, cut at [`MAX_COLUMNS`], left out when blank. Returns whether
    /// cells beyond [`MAX_COLUMNS`] held anything (the caller warns once).
    pub fn push_row(&mut self, number: usize, cells: Vec<String>) -> bool {
        let cut_off = cells.iter().skip(MAX_COLUMNS).any(|c| !c.trim().is_empty());
        let mut cells: Vec<String> = cells.into_iter().take(MAX_COLUMNS).map(|c| trim_cell(&c)).collect();
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if !cells.is_empty() {
            self.rows.push(Row { number, cells });
        }
        cut_off
    }
}

fn trim_cell(cell: &str) -> String {
    let trimmed = cell.trim();
    if trimmed.len() == cell.len() {
        cell.to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// The warning for cells beyond [`MAX_COLUMNS`].
pub fn columns_cut_off() -> Text {
    let last = column_letters(MAX_COLUMNS - 1);
    Text::new(
        format!("{last} 列より右のセルは読み込んでいません（{MAX_COLUMNS} 列まで読みます）。"),
        format!("Cells to the right of column {last} were not read (the first {MAX_COLUMNS} columns are)."),
    )
}

/// The letters a spreadsheet shows for the column at `index` (0 is A): A…Z, AA…AZ, BA…, ZZ, AAA…
///
/// ```
/// use tics_domain::grid::column_letters;
/// assert_eq!(column_letters(0), "A");
/// assert_eq!(column_letters(27), "AB");
/// ```
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index;
    loop {
        // `n % 26` is below 26, so the cast cannot wrap.
        letters.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.iter().rev().collect()
}

// ---------------------------------------------------------------------------------------------------------------
// Text files: encoding, then CSV.
// ---------------------------------------------------------------------------------------------------------------

/// The text of a CSV (or tab-separated) file and what the user should know about its encoding.
///
/// UTF-8 with or without a byte-order mark is read as it is. UTF-16 (Excel's "Unicode text") is decoded here.
/// Shift_JIS (Excel's "CSV (comma delimited)" on Japanese Windows) needs tables this crate does not carry, so
/// `decode_shift_jis` does it: the worker passes the browser's `TextDecoder`, tests pass encoding_rs. Empty files,
/// binary files and other encodings are refused with a message saying what to do.
pub fn decode_text(
    bytes: &[u8],
    decode_shift_jis: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<(String, Vec<Text>), Text> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(empty_file());
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Before the binary check: UTF-16 text is full of NUL bytes.
    let (text, warnings) = if looks_like_utf16(body) {
        (decode_utf16(body).ok_or_else(undecodable)?, Vec::new())
    } else if looks_binary(body) {
        return Err(not_a_table());
    } else if let Ok(text) = std::str::from_utf8(body) {
        (text.to_owned(), Vec::new())
    } else if looks_like_shift_jis(body) {
        let text = decode_shift_jis(body).ok_or_else(|| {
            Text::new(
                "Shift_JIS の CSV として読もうとしましたが、読めない文字がありました。Excel で「CSV UTF-8（コンマ区切り）」として保存し直してから選んでください。",
                "The file looks like Shift_JIS text, but some characters could not be read. Please save it again from Excel as \"CSV UTF-8 (Comma delimited)\" and choose that file.",
            )
        })?;
        let note = Text::new(
            "文字コード Shift_JIS の CSV として読みました。文字化けしていないか、下の内容を確かめてください。",
            "The file was read as Shift_JIS text. Please check below that the Japanese text looks right.",
        );
        (text, vec![note])
    } else {
        return Err(undecodable());
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(empty_file());
    }
    Ok((text, warnings))
}

/// UTF-16 with its byte-order mark, or little-endian without one (what Windows writes); `None` when it does not
/// decode (an unpaired surrogate).
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let big = bytes.starts_with(b"\xFE\xFF")
        || (!bytes.starts_with(b"\xFF\xFE") && bytes.len() >= 2 && bytes[0] == 0 && bytes[1] != 0);
    let units = bytes.chunks_exact(2).map(|p| {
        if big {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

fn empty_file() -> Text {
    Text::new("ファイルが空です（読み込む行がありません）。", "The file is empty: there are no rows to read.")
}

fn not_a_table() -> Text {
    Text::new(
        "表として読めないファイルです（画像や PDF などのようです）。表を保存した Excel ブック（.xlsx）か CSV ファイルを選んでください。",
        "This file cannot be read as a table (it looks like an image, a PDF or another non-text file). Please choose the Excel workbook (.xlsx) or CSV file that holds the table.",
    )
}

fn undecodable() -> Text {
    Text::new(
        "文字コードを判別できませんでした（UTF-8 でも Shift_JIS でもありません）。Excel で「CSV UTF-8（コンマ区切り）」として保存し直してから選んでください。",
        "The text encoding could not be recognised (it is neither UTF-8 nor Shift_JIS). Please save the file again from Excel as \"CSV UTF-8 (Comma delimited)\" and choose that file.",
    )
}

/// [`decode_text`] then [`read_csv`]: a CSV or tab-separated file as a grid.
pub fn read_text_file(bytes: &[u8], decode_shift_jis: &dyn Fn(&[u8]) -> Option<String>) -> Result<Grid, Text> {
    let (text, mut warnings) = decode_text(bytes, decode_shift_jis)?;
    let mut grid = read_csv(&text);
    warnings.append(&mut grid.warnings);
    grid.warnings = warnings;
    if grid.rows.is_empty() {
        return Err(empty_file());
    }
    Ok(grid)
}

/// Reads CSV text (RFC 4180, leniently): a byte-order mark, CRLF, LF or CR line ends, quoted fields holding
/// commas, quotes (`""`) and line breaks, and rows of different lengths. Tabs separate the fields instead of
/// commas when the first lines clearly use tabs (Excel's "text (tab delimited)").
///
/// The apostrophe this app's CSV writer puts before a cell starting with `=`, `+`, `-` or `@` (so that a
/// spreadsheet does not run it as a formula, see [`crate::base::csv::field`]) is taken off again, so that an exported
/// inventory reads back as it was written. The text stays text: nothing is ever evaluated.
///
/// ```
/// use tics_domain::grid::read_csv;
/// let grid = read_csv("名称,備考\r\n\"図面, 版2\",\"a \"\"b\"\"\nc\"\r\n");
/// assert_eq!(grid.rows[1].cells, ["図面, 版2", "a \"b\"\nc"]);
/// ```
pub fn read_csv(text: &str) -> Grid {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = if tab_separated(text) { '\t' } else { ',' };
    let mut grid = Grid::default();
    let mut cut_off = false;
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut in_quotes = false;
    let mut number = 1;
    let mut chars = text.chars().peekable();

    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            // A quote opens a quoted field only at the field's start; elsewhere it is an ordinary character.
            '"' if field.is_empty() && !quoted => {
                in_quotes = true;
                quoted = true;
            }
            c if c == delimiter => end_field(&mut row, &mut field, &mut quoted),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_field(&mut row, &mut field, &mut quoted);
                cut_off |= grid.push_row(number, std::mem::take(&mut row));
                number += 1;
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        grid.warnings.push(Text::new(
            format!("{number} 行目で始まる引用符（\"）が閉じられていないため、そこからファイルの終わりまでを一つのセルとして読みました。"),
            format!("The quote (\") opened in row {number} is never closed, so everything from there to the end of the file was read as one cell."),
        ));
    }
    if !field.is_empty() || quoted || !row.is_empty() {
        end_field(&mut row, &mut field, &mut quoted);
        cut_off |= grid.push_row(number, row);
    }
    if cut_off {
        grid.warnings.push(columns_cut_off());
    }
    grid
}

fn end_field(row: &mut Vec<String>, field: &mut String, quoted: &mut bool) {
    row.push(unneutralise(std::mem::take(field)));
    *quoted = false;
}

/// Tabs are the delimiter when more of the first records agree on a number of tabs than on a number of commas
/// (outside quotes): a spreadsheet writes every row with the same number of separators, while text varies.
fn tab_separated(text: &str) -> bool {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let (mut tabs, mut commas, mut in_quotes) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\t' if !in_quotes => tabs += 1,
            ',' if !in_quotes => commas += 1,
            '\n' | '\r' if !in_quotes => {
                if tabs + commas > 0 {
                    counts.push((tabs, commas));
                    if counts.len() == 20 {
                        break;
                    }
                }
                (tabs, commas) = (0, 0);
            }
            _ => {}
        }
    }
    if tabs + commas > 0 {
        counts.push((tabs, commas));
    }
    let agreement = |count: fn(&(usize, usize)) -> usize| {
        let found: Vec<usize> = counts.iter().map(count).filter(|n| *n > 0).collect();
        found.iter().map(|n| found.iter().filter(|m| *m == n).count()).max().unwrap_or(0)
    };
    agreement(|c| c.0) > agreement(|c| c.1)
}

/// Takes off one leading apostrophe when apostrophes are followed by a character that starts a formula: the
/// inverse of [`crate::base::csv::field`]'s neutralising.
fn unneutralise(cell: String) -> String {
    let rest = cell.trim_start_matches('\'');
    if rest.len() < cell.len() && rest.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell[1..].to_owned()
    } else {
        cell
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Headers: which row holds the column names, and which column fills which field.
// ---------------------------------------------------------------------------------------------------------------

/// A column name as compared: full-width letters, digits and signs made half-width, spaces and line breaks taken
/// out, lower case. "情報資産 名称" and "情報資産名称", "ＮＯ．" and "no." compare equal.
///
/// ```
/// use tics_domain::grid::normalise_header;
/// assert_eq!(normalise_header("Ｗｈｅｒｅ　it is\nkept"), "whereitiskept");
/// ```
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter_map(|c| match c {
            // Full-width ASCII (！ to ～) sits 0xFEE0 above ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
            // The half-width middle dot of half-width katakana.
            '\u{FF65}' => Some('・'),
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A field that a column can fill, and the names such a column goes by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The key in the import preview's `mapping` (the user's choice and the guess alike).
    pub key: &'static str,
    /// Column names in any language; compared after [`normalise_header`].
    pub names: &'static [&'static str],
}

/// The fields of one kind of table, and the column names known to be left out (so that "業務分類" is not taken
/// for a classification just because it contains "分類").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schema {
    pub fields: &'static [Field],
    pub ignored: &'static [&'static str],
}

/// The score of an exact match; a name found inside a longer header scores its length in characters, so that
/// the most specific name wins ("管理者名" is a manager before it is a name).
const EXACT: usize = 1000;

fn name_score(header: &str, name: &str) -> usize {
    let name = normalise_header(name);
    let length = name.chars().count();
    if name.is_empty() {
        0
    } else if header == name {
        EXACT
    } else if length >= 2 && header.contains(&name) {
        length
    } else {
        0
    }
}

fn best_score(header: &str, names: &[&str]) -> usize {
    names.iter().map(|n| name_score(header, n)).max().unwrap_or(0)
}

impl Schema {
    /// The field a column named `header` fills, with the match's score; `None` when no field's name is in it or
    /// when it is a name known to be left out.
    pub fn field_for(&self, header: &str) -> Option<(&'static str, usize)> {
        let header = normalise_header(header);
        if header.is_empty() {
            return None;
        }
        let ignored = best_score(&header, self.ignored);
        self.fields
            .iter()
            .map(|f| (f.key, best_score(&header, f.names)))
            .filter(|(_, score)| *score > 0 && *score > ignored)
            // The first of equally good fields: `max_by_key` would take the last.
            .fold(None, |best: Option<(&str, usize)>, (key, score)| match best {
                Some((_, s)) if s >= score => best,
                _ => Some((key, score)),
            })
    }

    /// How much `row` looks like a header row: each cell that is a known column name counts, an exact name
    /// twice.
    pub fn header_score(&self, row: &Row) -> usize {
        row.cells
            .iter()
            .map(|cell| {
                let header = normalise_header(cell);
                let best = self
                    .fields
                    .iter()
                    .map(|f| best_score(&header, f.names))
                    .chain([best_score(&header, self.ignored)])
                    .max();
                match best.unwrap_or(0) {
                    0 => 0,
                    EXACT => 2,
                    _ => 1,
                }
            })
            .sum()
    }

    /// The index in `rows` of the header row: of the first [`HEADER_SEARCH_ROWS`] rows, the one with the best
    /// [`Schema::header_score`] (the first of equals), so that a title above it, merged title cells and notes
    /// are passed over. `None` when none of them holds a known column name.
    pub fn header_row(&self, rows: &[Row]) -> Option<usize> {
        rows.iter()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .map(|(n, row)| (n, self.header_score(row)))
            .filter(|(_, score)| *score > 0)
            .fold(None, |best: Option<(usize, usize)>, (n, score)| match best {
                Some((_, s)) if s >= score => best,
                _ => Some((n, score)),
            })
            .map(|(n, _)| n)
    }

    /// The best header score among the first [`HEADER_SEARCH_ROWS`] rows: how well a worksheet matches.
    pub fn grid_score(&self, rows: &[Row]) -> usize {
        rows.iter().take(HEADER_SEARCH_ROWS).map(|r| self.header_score(r)).max().unwrap_or(0)
    }

    /// A guess of the field each column fills, from its header: each field goes to the column that names it
    /// best (the leftmost of equals); a column whose best field went elsewhere takes its next best.
    pub fn guess(&self, headers: &[String]) -> Vec<Option<String>> {
        self.guess_grouped(headers, &[])
    }

    /// [`Schema::guess`] for a header of two rows, where a cell above names a group of columns ("審査" over one
    /// "確認内容", "定期報告" over the next): a column scores as the better of its own header and its group's
    /// name followed by the header ("定期報告確認内容"), so that a field's name can be the pair. The pair counts
    /// for a little more than the header alone, being more specific: "確認内容" under 定期報告 is this period's,
    /// though a lone "確認内容" is the audit's. `groups` has one entry per column (blank, or missing, where there
    /// is none).
    pub fn guess_grouped(&self, headers: &[String], groups: &[String]) -> Vec<Option<String>> {
        let mut candidates = Vec::new();
        for (column, header) in headers.iter().enumerate() {
            let header = normalise_header(header);
            if header.is_empty() {
                continue;
            }
            let group = groups.get(column).map(|g| normalise_header(g)).filter(|g| !g.is_empty());
            let qualified = group.map(|g| g + &header);
            let score = |names: &[&str]| {
                let own = best_score(&header, names);
                let pair = qualified.as_deref().map_or(0, |q| best_score(q, names));
                if pair > 0 {
                    own.max(pair + 1)
                } else {
                    own
                }
            };
            let ignored = score(self.ignored);
            for (order, field) in self.fields.iter().enumerate() {
                let score = score(field.names);
                if score > 0 && score > ignored {
                    candidates.push((score, column, order, field.key));
                }
            }
        }
        // Best score first; then the leftmost column; then the field listed first.
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut mapping: Vec<Option<String>> = vec![None; headers.len()];
        let mut taken: Vec<&str> = Vec::new();
        for (_, column, _, key) in candidates {
            if mapping[column].is_none() && !taken.contains(&key) {
                mapping[column] = Some(key.to_owned());
                taken.push(key);
            }
        }
        mapping
    }

    /// Whether `key` is one of the schema's fields.
    pub fn has_key(&self, key: &str) -> bool {
        self.fields.iter().any(|f| f.key == key)
    }
}

/// "1,000": a count as people write it, in either language.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(grid: &Grid) -> Vec<Vec<&str>> {
        grid.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect()
    }

    fn numbers(grid: &Grid) -> Vec<usize> {
        grid.rows.iter().map(|r| r.number).collect()
    }

    fn no_sjis(_: &[u8]) -> Option<String> {
        None
    }

    #[test]
    fn csv_quotes_commas_line_breaks_and_ragged_rows() {
        let grid = read_csv("\u{feff}a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\r\n\"two\r\nlines\",z\r\nonly\r\n");
        assert_eq!(
            cells(&grid),
            vec![vec!["a", "b", "c"], vec!["1", "x, y", "he said \"hi\""], vec!["two\r\nlines", "z"], vec!["only"]]
        );
        // A record spanning two lines is one row, as Excel shows it.
        assert_eq!(numbers(&grid), [1, 2, 3, 4]);
        assert!(grid.warnings.is_empty());
    }

    #[test]
    fn csv_line_ends_lf_cr_and_no_final_line_break() {
        for text in ["a,b\nc,d", "a,b\rc,d\r", "a,b\r\nc,d\r\n"] {
            assert_eq!(cells(&read_csv(text)), vec![vec!["a", "b"], vec!["c", "d"]], "{text:?}");
        }
    }

    #[test]
    fn blank_rows_are_left_out_but_keep_their_numbers() {
        let grid = read_csv("title\n\n,,\n a , b \n\"\"\n");
        assert_eq!(cells(&grid), vec![vec!["title"], vec!["a", "b"]]);
        assert_eq!(numbers(&grid), [1, 4]);
    }

    #[test]
    fn quotes_inside_an_unquoted_field_are_kept_and_an_unclosed_quote_is_told() {
        assert_eq!(cells(&read_csv("5\" disk,b\n")), vec![vec!["5\" disk", "b"]]);
        let grid = read_csv("a,b\n1,\"never closed\n2,3\n");
        assert_eq!(cells(&grid)[1], ["1", "never closed\n2,3"]);
        assert!(grid.warnings[0].en.contains("row 2"), "{:?}", grid.warnings);
    }

    #[test]
    fn tabs_are_the_delimiter_when_the_file_clearly_uses_them() {
        let grid = read_csv("名称\t備考\n図面, 版2\tA, B\n");
        assert_eq!(cells(&grid), vec![vec!["名称", "備考"], vec!["図面, 版2", "A, B"]]);
        assert_eq!(cells(&read_csv("a,b\tc\n1,2\n")), vec![vec!["a", "b\tc"], vec!["1", "2"]]);
    }

    #[test]
    fn the_writers_formula_guard_comes_off_and_other_apostrophes_stay() {
        let grid = read_csv("'=SUM(A1),'+81,'-5,'@x,''=y,'plain,=raw\n");
        assert_eq!(cells(&grid)[0], ["=SUM(A1)", "+81", "-5", "@x", "'=y", "'plain", "=raw"]);
        for cell in ["=1+1", "'=1+1", "''@a", "-", "'", "'x", "+"] {
            let written = crate::base::csv::field(cell);
            assert_eq!(cells(&read_csv(&written))[0], [cell], "{cell:?} written as {written:?}");
        }
    }

    #[test]
    fn columns_beyond_the_limit_are_cut_off_with_a_warning() {
        let line = (0..MAX_COLUMNS + 5).map(|n| n.to_string()).collect::<Vec<_>>().join(",");
        let grid = read_csv(&line);
        assert_eq!(grid.rows[0].cells.len(), MAX_COLUMNS);
        assert!(grid.warnings[0].en.contains("column IV"), "{:?}", grid.warnings);
    }

    #[test]
    fn encodings_empty_and_binary_files() {
        let (text, notes) = decode_text("\u{feff}名称\r\n図面".as_bytes(), &no_sjis).unwrap();
        assert_eq!((text.as_str(), notes.len()), ("名称\r\n図面", 0));

        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("名称\t備考\r\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_text(&utf16, &no_sjis).unwrap().0, "名称\t備考\r\n");

        // 名称 in Shift_JIS: decoded by the caller's decoder, and the user is told.
        let sjis = [0x96, 0xBC, 0x8F, 0xCC, b'\r', b'\n'];
        let decoded = decode_text(&sjis, &|b| (b == sjis).then(|| "名称\r\n".to_owned())).unwrap();
        assert_eq!(decoded.0, "名称\r\n");
        assert!(decoded.1[0].en.contains("Shift_JIS"));
        let refused = decode_text(&sjis, &no_sjis).unwrap_err();
        assert!(refused.ja.contains("CSV UTF-8"), "{refused:?}");

        for empty in [&b""[..], b" \r\n", b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\r\n"] {
            assert!(decode_text(empty, &no_sjis).unwrap_err().en.contains("empty"), "{empty:?}");
        }
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(decode_text(png, &no_sjis).unwrap_err().en.contains("cannot be read as a table"));
        let latin1 = b"caf\xe9, na\xefve\n";
        assert!(decode_text(latin1, &no_sjis).unwrap_err().en.contains("neither UTF-8 nor Shift_JIS"));
        assert!(read_text_file(b",,,\r\n,,\r\n", &no_sjis).unwrap_err().en.contains("empty"));
    }

    #[test]
    fn headers_compare_without_width_spaces_or_case() {
        assert_eq!(normalise_header("情報資産\n名称"), "情報資産名称");
        assert_eq!(normalise_header("ＮＯ．"), "no.");
        assert_eq!(normalise_header(" Kept  For "), "keptfor");
        assert_eq!(normalise_header("媒体･保存先"), "媒体・保存先");
    }

    const FIELDS: &[Field] = &[
        Field { key: "name", names: &["名称", "情報資産名称", "name"] },
        Field { key: "class", names: &["区分", "分類", "classification"] },
        Field { key: "manager", names: &["管理者", "manager"] },
    ];
    const SCHEMA: Schema = Schema { fields: FIELDS, ignored: &["業務分類", "登録日"] };

    fn headers(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn the_header_row_is_found_below_a_title() {
        let grid =
            read_csv("情報資産管理台帳,,\n作成: 2024-04-01,,\n業務分類,情報資産名称,区分\n営業,カタログ,社外秘\n");
        assert_eq!(SCHEMA.header_row(&grid.rows), Some(2));
        assert_eq!(SCHEMA.header_row(&read_csv("x,y\n1,2\n").rows), None);
    }

    #[test]
    fn the_guess_prefers_exact_and_specific_names_and_skips_known_extras() {
        assert_eq!(
            SCHEMA.guess(&headers(&["業務分類", "情報資産名称", "機密分類", "", "登録日"])),
            [None, Some("name".into()), Some("class".into()), None, None]
        );
        // "Manager name" holds both "manager" and "name"; the longer name found in it wins.
        assert_eq!(SCHEMA.guess(&headers(&["Name", "Manager name"])), [Some("name".into()), Some("manager".into())]);
        // Two columns for one field: the exact one takes it.
        assert_eq!(SCHEMA.guess(&headers(&["分類コード", "区分"])), [None, Some("class".into())]);
        assert_eq!(SCHEMA.guess(&headers(&["ＮＡＭＥ", "Manager"])), [Some("name".into()), Some("manager".into())]);
        assert_eq!(SCHEMA.field_for("業務分類"), None);
        assert_eq!(SCHEMA.field_for("機密分類"), Some(("class", 2)));
    }

    #[test]
    fn column_letters_and_counts() {
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1234567), "1,234,567");
    }
}
