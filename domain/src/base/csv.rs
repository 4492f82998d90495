//! CSV that Japanese Excel opens correctly: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting,
//! and cells that a spreadsheet would run as a formula neutralised.
use crate::base::table::Table;

/// The file bytes for `table`, header row first.
pub fn to_csv(table: &Table) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    push_row(&mut out, header.iter().copied());
    for row in &table.rows {
        push_row(&mut out, row.iter().map(String::as_str));
    }
    out.into_bytes()
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (n, cell) in cells.enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&field(cell));
    }
    out.push_str("\r\n");
}

/// One field: neutralised against formula injection, then quoted when RFC 4180 requires it.
///
/// ```
/// use tics_domain::csv::field;
/// assert_eq!(field("=1+1"), "'=1+1");
/// assert_eq!(field("a,\"b\""), "\"a,\"\"b\"\"\"");
/// assert_eq!(field("'=1"), "''=1");
/// ```
pub fn field(cell: &str) -> String {
    // A leading = + - @ tab or CR makes Excel evaluate the cell; a leading apostrophe keeps it text. Apostrophes
    // already before such a character get one more, so that the importer (grid::read_csv), which takes one off,
    // reads back exactly what was written.
    let risky = cell.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r']);
    let neutral = if risky { format!("'{cell}") } else { cell.to_owned() };
    if neutral.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}
