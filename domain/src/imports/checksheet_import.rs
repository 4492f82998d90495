//! Reading an audit checksheet (the business's own, from its certification body) or last year's periodic report
//! kept in Excel or CSV into the report's rows ([`Criterion`]s): 章, 節, 項, 番, 内容, what the audit confirmed
//! and, when the file has them, this period's check, its date and who checked.
//!
//! Checksheets are made for people, not programs: a title above the header, a header of two rows (付録1's 審査
//! and 定期報告 above two "確認内容" columns), 章 and 節 merged down the rows they cover, full-width digits and
//! Roman numerals written with Latin letters, dates written several ways. All of that is read; what cannot be
//! (a row without 内容, a date that is no date) is listed by row and column and left out, the other rows kept.
//! The header row and the column mapping are found by [`table_import`], shared with the inventory import. Only
//! the Excel worker calls this; the app receives the [`Preview`] as JSON.
pub use crate::base::dates::read_date;
use crate::base::grid::{normalise_header, Field, Grid, Row, Schema};
use crate::base::table::Column;
use crate::base::text::{Lang, Text};
use crate::engine::periodic::{normalise_reference, Criterion, MAX_CRITERIA};
use crate::imports::import::{CellProblem, Choice, Preview, Sampled};
use crate::imports::table_import::{self, column_of, Kind};

/// The fields a checksheet column can fill: key, Japanese and English label, in the report's column order (the
/// labels are those of the report's own export, so that the user recognises them).
pub const FIELDS: [(&str, &str, &str); 9] = [
    ("chapter", "章", "Chapter"),
    ("section", "節", "Section"),
    ("clause", "項", "Clause"),
    ("number", "番", "No."),
    ("content", "内容", "Content"),
    ("audit_check", "審査時の確認内容", "Confirmed at audit"),
    ("period_check", "定期報告の確認内容", "Confirmed this period"),
    ("date", "確認日", "Date checked"),
    ("checker", "確認者", "Checked by"),
];

/// The label of a field key of [`FIELDS`].
pub fn field_label(key: &str) -> Option<Text> {
    FIELDS.iter().find(|(k, _, _)| *k == key).map(|(_, ja, en)| Text::new(*ja, *en))
}

/// The fields and the column names they go by: the report's own export in both languages (see
/// `tables::periodic_table`), 付録1's template, and the words audit checksheets commonly use.
pub const SCHEMA: Schema = Schema {
    fields: &[
        Field { key: "chapter", names: &["章", "Chapter"] },
        Field { key: "section", names: &["節", "Section"] },
        Field { key: "clause", names: &["項", "Clause"] },
        Field { key: "number", names: &["番", "番号", "No.", "No", "Number"] },
        Field {
            key: "content",
            names: &[
                "内容",
                "基準の内容",
                "基準内容",
                "審査基準",
                "認証基準",
                "要求事項",
                "要求内容",
                "基準",
                "項目",
                "審査項目",
                "確認項目",
                "チェック項目",
                "管理策",
                "Content",
                "Contents",
                "Requirement",
                "Criterion",
                "Criteria",
            ],
        },
        Field {
            key: "audit_check",
            names: &[
                "審査時の確認内容",
                "審査の確認内容",
                "審査確認内容",
                "審査時確認内容",
                "審査での確認内容",
                "審査時の確認事項",
                "審査の確認事項",
                "審査確認事項",
                "審査時確認事項",
                "審査での確認事項",
                "審査時の確認状況",
                "審査結果",
                // A lone "確認内容" is what the audit confirmed: the checksheet comes from the audit. Under a
                // 定期報告 group it is this period's (a group's name with the header counts for more).
                "確認内容",
                "確認事項",
                "Confirmed at audit",
                "Audit check",
                "Checked at audit",
                "Audit findings",
                "Audit result",
            ],
        },
        Field {
            key: "period_check",
            names: &[
                "定期報告の確認内容",
                "定期報告確認内容",
                "定期報告時の確認内容",
                "今回の確認内容",
                "今期の確認内容",
                "定期報告の確認事項",
                "定期報告時の確認事項",
                "今回の確認事項",
                "今期の確認事項",
                "Confirmed this period",
                "Period check",
                "Checked this period",
            ],
        },
        Field {
            key: "date",
            names: &["確認日", "確認年月日", "確認日付", "実施日", "Date checked", "Checked on", "Date"],
        },
        Field { key: "checker", names: &["確認者", "確認担当者", "実施者", "Checked by", "Checker"] },
    ],
    // The report's own columns this import does not take, and the judgement and selection columns checksheets
    // often have: recognised so that they count towards finding the header row and are not taken for a field
    // whose name they contain ("前年の確認内容" is no audit check).
    ignored: &[
        "備考",
        "Note",
        "Notes",
        "Remarks",
        "判定",
        "適否",
        "評価",
        "選択",
        "適用",
        "今回除外",
        "除外の理由",
        "除外を決めた者",
        "見つかった問題",
        "問題への対応",
        "実施年（3年計画）",
        "裏付けとなるセルフチェック項目（状況）",
        "前年の確認内容",
        "Excluded this period",
        "Reason for exclusion",
        "Exclusion decided by",
        "Problems found",
        "How problems were handled",
        "Rotation year (of 3)",
        "Supporting self-check items (status)",
        "Last year's check",
    ],
};

/// A checksheet, for the shared reading of [`table_import`].
const KIND: Kind = Kind {
    schema: SCHEMA,
    required: "content",
    required_column: ("各基準の内容（要求事項）が入っている列", "the column with each criterion's text"),
    label: field_label,
    max_rows: MAX_CRITERIA,
    holder: ("定期報告", "a periodic report"),
    too_many_advice: (
        "見出しの行と、チェックシートの下に別の表やメモが続いていないかを確かめてください。",
        "Please check the header row, and that no other table or notes follow the checksheet.",
    ),
    two_row_header: true,
};

/// The levels of the reference that are filled down, highest first: a cell merged down the rows of a chapter
/// reads blank below its first row.
const LEVELS: [&str; 3] = ["chapter", "section", "clause"];

/// Reads the criteria of `grid`, with the user's corrections if any. The preview's `file_name`, `sheet` and
/// `sheets` are the caller's to fill in. Rows have no id and no links yet: `PeriodicAction::Import` gives them.
///
/// Refused (`Err`): a grid without rows, a chosen header row that holds nothing, a key that is no field, and
/// more than [`MAX_CRITERIA`] rows. A mapping that cannot work (no 内容 column, two columns for one field) gives
/// a preview with [`Preview::blocked`] set, so the user can correct it.
///
/// ```
/// use tics_domain::checksheet_import::read_checksheet;
/// use tics_domain::grid::read_csv;
/// let grid = read_csv("チェックシート\n章,節,項,番,内容\nI,第四,１,（１）,管理簿を作る\n,,,（２）,周知する\n");
/// let p = read_checksheet(&grid, None).unwrap();
/// assert_eq!(p.rows[1].reference(), "Ⅰ 第四 1 (2)");
/// ```
pub fn read_checksheet(grid: &Grid, choice: Option<&Choice>) -> Result<Preview<Criterion>, Text> {
    let (mut preview, mut data) = table_import::layout::<Criterion>(grid, choice, &KIND)?;
    if choice.and_then(|c| c.mapping.as_ref()).is_none() {
        if let Some(mapping) = longer_content(&preview, data) {
            let better = Choice { sheet: None, header_row: Some(preview.header_row), mapping: Some(mapping) };
            (preview, data) = table_import::layout(grid, Some(&better), &KIND)?;
        }
    }
    if preview.blocked.is_some() {
        return Ok(preview);
    }
    let mapped: Vec<usize> = (0..preview.mapping.len()).filter(|c| preview.mapping[*c].is_some()).collect();
    // Rows with nothing in the imported columns (a note in a column left out) are no criteria.
    let mut rows: Vec<Row> = data.iter().filter(|r| mapped.iter().any(|c| !r.cell(*c).is_empty())).cloned().collect();
    let filled = fill_down(&mut rows, &preview.mapping);
    if filled > 0 {
        preview.warnings.push(Text::new(
            format!("章・節・項の空欄 {filled} 個に、上の行の値を入れました（縦に結合されたセルとして読みました）。"),
            format!(
                "{filled} blank 章/節/項 (chapter, section, clause) cell{} took the value above (read as cells merged down the rows).",
                if filled == 1 { "" } else { "s" }
            ),
        ));
    }
    for row in &rows {
        match read_row(row, &preview.headers, &preview.mapping) {
            Ok(criterion) => {
                preview.rows.push(criterion);
                preview.row_numbers.push(row.number);
            }
            Err(mut problems) => preview.problems.append(&mut problems),
        }
    }
    preview.rows_read = rows.len();
    Ok(preview)
}

/// A better mapping when a column left out has the same name as the 内容 column and holds more text: 付録1's
/// example has a short "内容" (the criterion's title) left of the long one (its text).
fn longer_content(preview: &Preview<Criterion>, data: &[Row]) -> Option<Vec<Option<String>>> {
    let content = column_of(&preview.mapping, "content")?;
    let name = |c: usize| normalise_header(preview.headers.get(c).map_or("", String::as_str));
    let text = |c: usize| data.iter().map(|r| r.cell(c).chars().count()).sum::<usize>();
    let (best, length) = (0..preview.mapping.len())
        .filter(|c| preview.mapping[*c].is_none() && name(*c) == name(content))
        .map(|c| (c, text(c)))
        .max_by_key(|(c, length)| (*length, std::cmp::Reverse(*c)))?;
    if length <= text(content) {
        return None;
    }
    let mut mapping = preview.mapping.clone();
    mapping.swap(content, best);
    Some(mapping)
}

/// Fills each blank 章, 節 and 項 with the value above it, the way a cell merged down several rows reads: only
/// within `rows`, and not below a row where a higher level changed (a new 章 starts its 節 afresh). Returns how
/// many cells were filled.
fn fill_down(rows: &mut [Row], mapping: &[Option<String>]) -> usize {
    let columns = LEVELS.map(|key| column_of(mapping, key));
    let mut above: [Option<String>; 3] = Default::default();
    let mut filled = 0;
    for row in rows {
        for (level, column) in columns.iter().enumerate() {
            let Some(c) = *column else { continue };
            let cell = normalise_reference(row.cell(c));
            if !cell.is_empty() {
                if above[level].as_deref() != Some(cell.as_str()) {
                    above[level + 1..].iter_mut().for_each(|lower| *lower = None);
                }
                above[level] = Some(cell);
            } else if let Some(value) = &above[level] {
                if row.cells.len() <= c {
                    row.cells.resize(c + 1, String::new());
                }
                row.cells[c] = value.clone();
                filled += 1;
            }
        }
    }
    filled
}

/// One data row as a criterion, or every cell that keeps it out.
fn read_row(row: &Row, headers: &[String], mapping: &[Option<String>]) -> Result<Criterion, Vec<CellProblem>> {
    let mut criterion = Criterion::default();
    let mut problems = Vec::new();
    for (c, key) in mapping.iter().enumerate() {
        let Some(key) = key.as_deref() else { continue };
        let cell = row.cell(c);
        match key {
            "chapter" => criterion.chapter = normalise_reference(cell),
            "section" => criterion.section = normalise_reference(cell),
            "clause" => criterion.clause = normalise_reference(cell),
            "number" => criterion.number = normalise_reference(cell),
            "content" => criterion.content = cell.to_owned(),
            "audit_check" => criterion.audit_check = cell.to_owned(),
            "period_check" if is_unchanged(cell) => criterion.unchanged = true,
            "period_check" => criterion.period_check = cell.to_owned(),
            "date" => match read_date(cell) {
                Ok(date) => criterion.date = date,
                Err(why) => problems.push(table_import::problem(headers, row, c, why)),
            },
            "checker" => criterion.checker = cell.to_owned(),
            _ => {}
        }
    }
    if criterion.content.is_empty() {
        let column = column_of(mapping, "content").unwrap_or(0);
        problems.insert(
            0,
            table_import::problem(
                headers,
                row,
                column,
                Text::new(
                    "「内容」が空です。この行を読み込むには、基準の内容を書いてください（見出しや区切りの行なら、削除してかまいません）。",
                    "The \"Content\" is blank. Please write the criterion's text to import this row (a heading or separator row can be deleted).",
                ),
            ),
        );
    }
    if problems.is_empty() {
        Ok(criterion)
    } else {
        Err(problems)
    }
}

/// "変更無し" (or "変更なし", "No change"): the report's one-click answer, as its export writes it.
fn is_unchanged(cell: &str) -> bool {
    matches!(
        normalise_header(cell).as_str(),
        "変更無し" | "変更なし" | "変更無" | "nochange" | "nochanges" | "unchanged"
    )
}

impl Sampled for Criterion {
    fn sample_columns(lang: Lang) -> Vec<Column> {
        [
            ("番号", "Number", 14),
            ("内容", "Content", 40),
            ("審査時の確認内容", "Confirmed at audit", 30),
            ("定期報告の確認内容", "Confirmed this period", 30),
            ("確認日", "Date checked", 12),
            ("確認者", "Checked by", 14),
        ]
        .iter()
        .map(|(ja, en, width)| Column::new(Text::new(*ja, *en).get(lang), *width, true))
        .collect()
    }

    fn sample_cells(&self, _lang: Lang) -> Vec<String> {
        vec![
            self.reference(),
            self.content.clone(),
            self.audit_check.clone(),
            self.period_check.clone(),
            self.date.clone(),
            self.checker.clone(),
        ]
    }
}
