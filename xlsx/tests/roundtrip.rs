//! Writes workbooks and reads them back with an independent reader (calamine, and zip for the sheet XML that
//! calamine does not expose), checking what a person opening the file in Excel would see.

mod common;
use common::part;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, BorderStyle, Data, FillPattern, Reader, VerticalAlignment, Xlsx};
use tics_domain::table::{Column, Table};

const LONG_NAME: &str = "セルフチェック結果一覧 / Self-check results [2024]: draft?";
const LONG_NAME_SANITISED: &str = "セルフチェック結果一覧 _ Self-check result";

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn tables() -> Vec<Table> {
    vec![
        Table::new(
            LONG_NAME,
            vec![
                Column::new("ID", 8, false),
                Column::new("項目 / Item", 40, true),
                Column::new("回答", 10, false),
                Column::new("メモ, \"note\"", 50, true),
            ],
            vec![
                row(&["1.1", "入退室の管理, 記録を残す", "はい", "He said \"ok\", then left"]),
                row(&["1.2", "一行目\n二行目\r\n三行目", "", "=SUM(A1)"]),
                row(&["2.1", "'先頭のアポストロフィ", "いいえ", "_x0041_ と\tタブ"]),
                row(&["0012", "+81 3-1234-5678", "-5", "@mention"]),
                row(&["1e5", "TRUE", "#N/A", "=HYPERLINK(\"http://example.com\")"]),
            ],
        ),
        Table::new(
            "Gaps",
            vec![Column::new("ID", 6, false), Column::new("不足 / Gap", 30, true)],
            vec![row(&["3.2", "施錠されていない書庫"])],
        ),
        // Excel refuses two sheets whose names differ only in case.
        Table::new("gaps", vec![Column::new("空 / Empty", 0, false)], vec![]),
    ]
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    assert!(bytes.starts_with(b"PK"), "an .xlsx file is a zip archive");
    open_workbook_from_rs(Cursor::new(bytes)).expect("calamine opens the workbook")
}

#[test]
fn sheet_names_are_made_valid_and_unique() {
    let book = open(tics_xlsx::workbook(&tables()).unwrap());
    assert_eq!(book.sheet_names(), [LONG_NAME_SANITISED, "Gaps", "gaps (2)"]);
    assert_eq!(LONG_NAME_SANITISED.encode_utf16().count(), 31);
}

#[test]
fn every_cell_comes_back_as_the_same_text() {
    let tables = tables();
    let mut book = open(tics_xlsx::workbook(&tables).unwrap());
    for (table, name) in tables.iter().zip(book.sheet_names()) {
        let range = book.worksheet_range(&name).unwrap();
        let header: Vec<Data> = table.columns.iter().map(|c| Data::String(c.header.clone())).collect();
        let mut expected = vec![header];
        for cells in &table.rows {
            expected
                .push(cells.iter().map(|c| if c.is_empty() { Data::Empty } else { Data::String(c.clone()) }).collect());
        }
        assert_eq!(range.start(), Some((0, 0)), "sheet {name}");
        let got: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(got, expected, "sheet {name}");
    }
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let mut book = open(tics_xlsx::workbook(&tables()).unwrap());
    let values = book.worksheet_range(LONG_NAME_SANITISED).unwrap();
    assert_eq!(values.get_value((2, 3)), Some(&Data::String("=SUM(A1)".into())));
    assert_eq!(values.get_value((4, 0)), Some(&Data::String("0012".into())));
    assert_eq!(values.get_value((4, 2)), Some(&Data::String("-5".into())));
    assert_eq!(values.get_value((5, 1)), Some(&Data::String("TRUE".into())));
    assert_eq!(values.get_value((5, 2)), Some(&Data::String("#N/A".into())));
    let formulas = book.worksheet_formula(LONG_NAME_SANITISED).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no cell holds a formula");

    // And in the file itself: no <f> element, D3 is a shared string, and the string is "=SUM(A1)".
    let bytes = tics_xlsx::workbook(&tables()).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>") && !sheet.contains("<f "), "{sheet}");
    let d3 = sheet.split(r#"<c r="D3""#).nth(1).and_then(|rest| rest.split('>').next()).expect("cell D3");
    assert!(d3.contains(r#"t="s""#), "D3 is a shared string: {d3}");
    assert!(part(&bytes, "xl/sharedStrings.xml").contains("<t>=SUM(A1)</t>"));
}

#[test]
fn header_is_bold_filled_and_underlined_and_wrap_columns_wrap_at_the_top() {
    let mut book = open(tics_xlsx::workbook(&tables()).unwrap());
    let styles = book.worksheet_style(LONG_NAME_SANITISED).unwrap();
    for col in 0..4 {
        let header = styles.get((0, col)).expect("header cells have a style");
        assert!(header.font.as_ref().is_some_and(|f| f.is_bold()), "header {col} is bold");
        let fill = header.fill.as_ref().expect("header has a fill");
        assert_eq!(fill.pattern, FillPattern::Solid);
        let colour = fill.foreground_color.expect("fill colour");
        assert_eq!((colour.red, colour.green, colour.blue), (0xDD, 0xEB, 0xF7));
        assert_eq!(header.borders.as_ref().expect("header has borders").bottom.style, BorderStyle::Thin);
    }
    let table = &tables()[0];
    for r in 1..=table.rows.len() as u32 {
        for (c, column) in table.columns.iter().enumerate() {
            let Some(style) = styles.get((r, c as u32)) else {
                // An empty cell without a style is allowed only where the text is empty.
                assert!(table.rows[r as usize - 1][c].is_empty());
                continue;
            };
            let alignment = style.alignment.as_ref().expect("data cells are aligned");
            assert_eq!(alignment.wrap_text, column.wrap, "cell ({r}, {c})");
            assert_eq!(alignment.vertical, VerticalAlignment::Top, "cell ({r}, {c})");
        }
    }
}

#[test]
fn header_row_is_frozen_with_an_autofilter_and_column_widths() {
    let bytes = tics_xlsx::workbook(&tables()).unwrap();
    let first = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(first.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#), "{first}");
    assert!(first.contains(r#"<autoFilter ref="A1:D6"/>"#), "{first}");
    assert!(first.contains(r#"<ignoredError sqref="A1:D6" numberStoredAsText="1"/>"#), "{first}");
    let widths: Vec<f64> = first
        .split("<col ")
        .skip(1)
        .filter_map(|col| col.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    // rust_xlsxwriter stores Excel's width including its padding: 8 characters are 8.7109375.
    assert_eq!(widths.iter().map(|w| w.floor() as u16).collect::<Vec<_>>(), [8, 40, 10, 50]);

    let second = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(second.contains(r#"<autoFilter ref="A1:B2"/>"#), "{second}");
    let third = part(&bytes, "xl/worksheets/sheet3.xml");
    assert!(third.contains(r#"<autoFilter ref="A1"/>"#), "{third}");
    assert!(!third.contains("<col "), "width 0 keeps Excel's default: {third}");
}

#[test]
fn tables_sent_as_json_make_the_same_workbook() {
    let tables = tables();
    let json = tics_domain::workbook::WorkbookRequest::Tables(tables.clone()).to_json();
    assert_eq!(tics_domain::workbook::WorkbookRequest::from_json(&json).unwrap().into_tables(), tables);
    let via_json = open(tics_xlsx::workbook_from_json(&json).unwrap());
    assert_eq!(via_json.sheet_names(), [LONG_NAME_SANITISED, "Gaps", "gaps (2)"]);
}

#[test]
fn the_shape_the_brief_describes_is_accepted() {
    let json = r#"{"tables":[{"name":"T","columns":[{"header":"A","width":5,"wrap":true},{"header":"B"}],
                  "rows":[["x","y"]]}]}"#;
    let mut book = open(tics_xlsx::workbook_from_json(json).unwrap());
    let range = book.worksheet_range("T").unwrap();
    assert_eq!(range.get_value((1, 1)), Some(&Data::String("y".into())));
}

#[test]
fn errors_are_messages_in_japanese_and_english() {
    let bad = tics_xlsx::workbook_from_json("{not json").unwrap_err();
    assert!(bad.ja.contains("読めません") && bad.en.contains("Could not read"), "{bad:?}");

    let huge = Table::new("Big", vec![Column::new("Text", 10, true)], vec![vec!["あ".repeat(32_768)]]);
    let too_long = tics_xlsx::workbook(&[huge]).unwrap_err();
    for (lang, text) in [("ja", &too_long.ja), ("en", &too_long.en)] {
        assert!(text.contains("32,767") && text.contains("Big") && text.contains("A2"), "{lang}: {text}");
    }
}

#[test]
fn no_tables_still_make_a_valid_workbook() {
    let book = open(tics_xlsx::workbook(&[]).unwrap());
    assert_eq!(book.sheet_names().len(), 1);
}

/// The workbook the app offers: the domain's six tables (the inventory last) for a real self-check, read back
/// cell by cell, the title lines included.
#[test]
fn the_apps_workbook_reads_back_with_every_cell_of_its_tables() {
    use tics_domain::tables::workbook_tables;
    use tics_domain::{Action, Catalogue, Lang, SelfCheck, Status};
    let catalogue = Catalogue::from_json(include_str!("../../domain/tests/fixtures/catalogue.json")).unwrap();
    let mut check = SelfCheck::default();
    for action in [
        Action::SetStatus { item: "identify-procedure".into(), status: Some(Status::Done), today: "2026-11-22".into() },
        Action::SetNote { item: "identify-procedure".into(), text: "=SUM(A1), \"規程\"\n第3条".into() },
        Action::SetFeared(tics_domain::catalogue::Threat::Insider, true),
        Action::Periodic(tics_domain::periodic::PeriodicAction::MarkUnchanged {
            row: "cs-1".into(),
            unchanged: true,
            today: "2026-11-22".into(),
            checker: String::new(),
        }),
    ] {
        check.apply(&catalogue, action).unwrap();
    }
    let tables = workbook_tables(&catalogue, &check, Lang::Ja);
    let mut book = open(tics_xlsx::workbook(&tables).unwrap());
    assert_eq!(book.sheet_names(), ["概要", "脅威別", "結果", "行動計画", "定期報告", "目録", "証跡一覧"]);
    for table in &tables {
        let range = book.worksheet_range(&table.name).unwrap();
        for (r, line) in table.title.iter().enumerate() {
            assert_eq!(range.get_value((r as u32, 0)), Some(&Data::String(line.clone())), "{} title {r}", table.name);
        }
        // The header sits under the title lines (the periodic report's business and period).
        let h = table.title.len() as u32;
        for (c, column) in table.columns.iter().enumerate() {
            assert_eq!(
                range.get_value((h, c as u32)),
                Some(&Data::String(column.header.clone())),
                "{} header {c}",
                table.name
            );
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let got = range.get_value((h + r as u32 + 1, c as u32));
                let expected = if cell.is_empty() { None } else { Some(&Data::String(cell.clone())) };
                assert_eq!(got.filter(|d| **d != Data::Empty), expected, "{} row {r} column {c}", table.name);
            }
        }
    }
    let periodic = book.worksheet_range("定期報告").unwrap();
    let h = tables[4].title.len() as u32;
    assert_eq!(periodic.get_value((h + 1, 6)), Some(&Data::String("変更無し".into())));
    let threats = book.worksheet_range("脅威別").unwrap();
    assert_eq!(
        threats.get_value((1, 0)),
        Some(&Data::String("内部不正（特に心配）: 1 項目のうち 1 項目を実施済み、スコア 100%".into()))
    );
    assert!(book.worksheet_formula("結果").unwrap().used_cells().next().is_none(), "no formulas anywhere");
}
