//! The part of every table import that does not depend on what the rows are (an inventory's information, an audit
//! checksheet's criteria): which row holds the column names, which column fills which field (guessed, or the
//! user's correction checked), header rows that continue below the header, the rows to read, and the mapping's
//! refusals and warnings. Each import (the inventory's and the audit checksheet's, in the modules above this one)
//! describes itself with a [`Kind`] and then reads the data rows its own way.
//!
//! Only the Excel worker calls this; the app receives the [`Preview`] as JSON.
use crate::base::grid::{column_letters, grouped, Grid, Row, Schema};
use crate::base::text::Text;
use crate::imports::import::{CellProblem, Choice, Preview};

/// What one kind of table is, for the shared reading.
pub struct Kind {
    /// The fields and the column names they go by.
    pub schema: Schema,
    /// The field without which a row is nothing (the inventory's name, a criterion's 内容).
    pub required: &'static str,
    /// What the user should pick as the required field when no column was found for it, in Japanese and English:
    /// "情報の名称が入っている列" / "the column with the information's names".
    pub required_column: (&'static str, &'static str),
    /// The label of a field key, as the mapping's select shows it.
    pub label: fn(&str) -> Option<Text>,
    /// The most rows an import takes.
    pub max_rows: usize,
    /// What the rows go into, for the too-many message ("目録" / "an inventory"), and what to do instead.
    pub holder: (&'static str, &'static str),
    pub too_many_advice: (&'static str, &'static str),
    /// Whether a row right above the header may name groups of columns (付録1's 審査 and 定期報告 above two
    /// "確認内容" columns): their names then count as the group's name followed by the header.
    pub two_row_header: bool,
}

/// The table found in `grid`: a [`Preview`] with the header row, the column names, the mapping, the warnings so far
/// and [`Preview::rows_read`] filled in (rows, row numbers and problems are the caller's), and the data rows below
/// the header. When [`Preview::blocked`] is set, the caller reads no rows.
///
/// Refused (`Err`): a grid without rows, a chosen header row that holds nothing, a key that is no field, and more
/// data rows than [`Kind::max_rows`].
pub fn layout<'g, R: Default>(
    grid: &'g Grid,
    choice: Option<&Choice>,
    kind: &Kind,
) -> Result<(Preview<R>, &'g [Row]), Text> {
    let choice = choice.cloned().unwrap_or_default();
    if grid.rows.is_empty() {
        return Err(Text::new("表に行がありません。", "The table has no rows."));
    }
    let header_index = match choice.header_row {
        Some(number) => grid.rows.iter().position(|r| r.number == number).ok_or_else(|| {
            Text::new(
                format!("{number} 行目は空です。列の名前が並んでいる行を選んでください。"),
                format!("Row {number} is empty. Please choose the row that holds the column names."),
            )
        })?,
        None => kind.schema.header_row(&grid.rows).unwrap_or(0),
    };
    let header_row = &grid.rows[header_index];
    let below = &grid.rows[header_index + 1..];
    let width = below.iter().map(|r| r.cells.len()).chain([header_row.cells.len()]).max().unwrap_or(0);
    let mut headers: Vec<String> = (0..width).map(|c| header_row.cell(c).to_owned()).collect();
    let groups = match header_index.checked_sub(1).map(|n| &grid.rows[n]) {
        Some(above) if kind.two_row_header => column_groups(above, header_row, width),
        _ => Vec::new(),
    };
    let mapping = match &choice.mapping {
        Some(chosen) => {
            let mut mapping: Vec<Option<String>> = chosen.iter().take(width).cloned().collect();
            mapping.resize(width, None);
            if let Some(unknown) = mapping.iter().flatten().find(|k| !kind.schema.has_key(k)) {
                return Err(Text::new(
                    format!("「{unknown}」という項目はありません。"),
                    format!("There is no field \"{unknown}\"."),
                ));
            }
            mapping
        }
        None => kind.schema.guess_grouped(&headers, &groups),
    };
    // The user tells the two "確認内容" apart by their group. Only names that repeat: a note above the header
    // (a date beside the title) is no group of the columns below it.
    let repeated: Vec<bool> =
        headers.iter().map(|h| !h.is_empty() && headers.iter().filter(|other| *other == h).count() > 1).collect();
    for ((header, group), repeated) in headers.iter_mut().zip(&groups).zip(repeated) {
        if repeated && !group.is_empty() {
            *header = format!("{group} {header}");
        }
    }

    let mut preview = Preview {
        header_row: header_row.number,
        headers,
        mapping,
        warnings: grid.warnings.clone(),
        ..Preview::default()
    };

    // Rows right below the header with nothing in the imported columns continue the header (the training
    // material's inventory has a second header row under 個人情報の種類); they are not data.
    let mapped = &preview.mapping;
    let imported = |row: &Row| mapped.iter().enumerate().any(|(c, key)| key.is_some() && !row.cell(c).is_empty());
    let continued =
        if mapped.iter().any(Option::is_some) { below.iter().take_while(|r| !imported(r)).count() } else { 0 };
    if continued > 0 {
        // A column without a name in the header row is named by its sub-header (要配慮個人情報 under a merged
        // 個人情報の種類), so that the user can tell the columns apart.
        for (c, header) in preview.headers.iter_mut().enumerate().filter(|(_, h)| h.is_empty()) {
            if let Some(sub) = below[..continued].iter().map(|r| r.cell(c)).find(|s| !s.is_empty()) {
                *header = sub.to_owned();
            }
        }
        let numbers: Vec<String> = below[..continued].iter().map(|r| r.number.to_string()).collect();
        preview.warnings.push(Text::new(
            format!("{} 行目は、読み込む列が空なので見出しの続きとして扱いました。", numbers.join("、")),
            format!(
                "Row{} {} had nothing in the columns being imported and {} read as part of the header.",
                if continued > 1 { "s" } else { "" },
                numbers.join(", "),
                if continued > 1 { "were" } else { "was" }
            ),
        ));
    }
    let data = &below[continued..];
    preview.rows_read = data.len();
    if data.len() > kind.max_rows {
        let (holder_ja, holder_en) = kind.holder;
        let (advice_ja, advice_en) = kind.too_many_advice;
        return Err(Text::new(
            format!(
                "この表には見出しの下に {} 行あります。{holder_ja}に読み込めるのは {} 行までです。{advice_ja}",
                grouped(data.len()),
                grouped(kind.max_rows)
            ),
            format!(
                "This table has {} rows below its header; {holder_en} holds at most {}. {advice_en}",
                grouped(data.len()),
                grouped(kind.max_rows)
            ),
        ));
    }
    if let Some(why) = blocked(&preview.headers, &preview.mapping, kind) {
        preview.blocked = Some(why);
        return Ok((preview, data));
    }
    if data.is_empty() {
        preview.warnings.push(Text::new(
            format!("{} 行目の見出しの下に、読み込む行がありません。", preview.header_row),
            format!("There are no rows to import below the header in row {}.", preview.header_row),
        ));
    }
    if let Some(unused) = unused_columns(&preview.headers, &preview.mapping, data) {
        preview.warnings.push(unused);
    }
    Ok((preview, data))
}

/// The group each column is under, from the row `above` the header: its own cell, or the nearest filled one to
/// its left (a group name merged across columns is in the first of them). Empty when `above` is not the row
/// right above the header, or holds only a title (nothing right of the header's first column).
fn column_groups(above: &Row, header: &Row, width: usize) -> Vec<String> {
    let first = header.cells.iter().position(|c| !c.is_empty()).unwrap_or(0);
    let right_of_first = above.cells.iter().enumerate().any(|(c, cell)| c > first && !cell.is_empty());
    if above.number + 1 != header.number || !right_of_first {
        return Vec::new();
    }
    let mut group = String::new();
    (0..width)
        .map(|c| {
            let cell = above.cell(c);
            if !cell.is_empty() {
                group = cell.replace(['\r', '\n'], " ");
            }
            group.clone()
        })
        .collect()
}

/// A problem with the cell of `row` in column `column` (0 is A), naming the column's header.
pub fn problem(headers: &[String], row: &Row, column: usize, message: Text) -> CellProblem {
    CellProblem {
        row: row.number,
        column: column_letters(column),
        header: headers.get(column).cloned().unwrap_or_default(),
        message,
    }
}

/// The column that fills `key` in `mapping`, if any.
pub fn column_of(mapping: &[Option<String>], key: &str) -> Option<usize> {
    mapping.iter().position(|k| k.as_deref() == Some(key))
}

/// "A 番号、B 場所": the filled headers with their column letters.
fn named_columns(headers: &[String], columns: impl Iterator<Item = usize>) -> Vec<String> {
    columns
        .filter_map(|c| {
            let h = headers.get(c).map(|h| h.replace(['\r', '\n'], " ")).unwrap_or_default();
            (!h.is_empty()).then(|| format!("{} {h}", column_letters(c)))
        })
        .collect()
}

/// Why the mapping cannot import anything, if it cannot: two columns for one field, or none for the required one.
fn blocked(headers: &[String], mapping: &[Option<String>], kind: &Kind) -> Option<Text> {
    let label = |key: &str| (kind.label)(key).unwrap_or_else(|| Text::new(key, key));
    for (n, key) in mapping.iter().enumerate() {
        let Some(key) = key else { continue };
        if let Some(other) = mapping[n + 1..].iter().position(|k| k.as_ref() == Some(key)) {
            let label = label(key);
            let (a, b) = (column_letters(n), column_letters(n + 1 + other));
            return Some(Text::new(
                format!("{a} 列と {b} 列の両方が「{}」になっています。どちらか一方にしてください。", label.ja),
                format!("Columns {a} and {b} are both read as \"{}\". Please choose one of them.", label.en),
            ));
        }
    }
    if column_of(mapping, kind.required).is_some() {
        return None;
    }
    let label = label(kind.required);
    let found = named_columns(headers, 0..headers.len());
    let (ja_found, en_found) = if found.is_empty() {
        ("（見出しの行が空です）".to_owned(), "(the header row is blank)".to_owned())
    } else {
        (found.join("、"), found.join(", "))
    };
    let (column_ja, column_en) = kind.required_column;
    Some(Text::new(
        format!(
            "「{}」にあたる列が見つかりません。見つかった列: {ja_found}。{column_ja}を「{}」として選ぶか、見出しの行を選び直してください。",
            label.ja, label.ja
        ),
        format!(
            "No column holds the \"{}\". Columns found: {en_found}. Please choose {column_en} as \"{}\", or choose another header row.",
            label.en, label.en
        ),
    ))
}

/// The warning naming columns that hold data but are not imported.
fn unused_columns(headers: &[String], mapping: &[Option<String>], data: &[Row]) -> Option<Text> {
    let unused: Vec<String> = mapping
        .iter()
        .enumerate()
        .filter(|(c, key)| key.is_none() && data.iter().any(|r| !r.cell(*c).is_empty()))
        .map(|(c, _)| named_columns(headers, [c].into_iter()).pop().unwrap_or_else(|| column_letters(c)))
        .collect();
    if unused.is_empty() {
        return None;
    }
    Some(Text::new(
        format!("次の列は読み込みません（必要なら、読み込む項目を選んでください）: {}", unused.join("、")),
        format!("These columns are not imported (choose a field for them if they should be): {}", unused.join(", ")),
    ))
}
