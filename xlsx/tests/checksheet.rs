//! Audit checksheets as businesses have them — an Excel sheet with a merged title, the header on row 3, 章 merged
//! down its rows, a date cell and a column of notes; a Shift_JIS CSV from Japanese Excel — read through the Excel
//! worker's entry point, checking what the user would see in the preview.
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use tics_domain::checksheet_import::FIELDS;
use tics_domain::import::{ChecksheetReply, Choice, Preview};
use tics_domain::periodic::Criterion;
use tics_xlsx::import::{answer, read_checksheet};

/// What the worker does with the browser's TextDecoder("shift_jis").
fn shift_jis(bytes: &[u8]) -> Option<String> {
    let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    (!errors).then(|| text.into_owned())
}

fn references(p: &Preview<Criterion>) -> Vec<String> {
    p.rows.iter().map(Criterion::reference).collect()
}

/// A checksheet sheet: a title merged over A1:F1, the header on row 3, 章 Ⅰ merged over rows 4-6 and 節 第四
/// over rows 4-5, full-width numbers, a date cell, and a column of notes (G) the report does not keep. A cover
/// sheet comes first.
fn checksheet_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    let cover = book.add_worksheet();
    cover.set_name("表紙").unwrap();
    cover.write_string(0, 0, "定期報告 2026年度").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("チェックシート").unwrap();
    sheet.merge_range(0, 0, 0, 5, "技術情報管理 審査チェックシート", &plain).unwrap();
    let headers = ["章", "節", "項", "番", "内容", "審査時の確認内容", "備考", "確認日"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let rows = [
        ["", "", "１", "（１）", "持ち出しと廃棄を台帳に記録する", "台帳を閲覧した", "重点"],
        ["", "", "", "（２）", "台帳を半年ごとに見直す", "見直しの記録を確認した", ""],
        ["", "第五", "１", "（１）", "誓約書を提出させる", "誓約書を確認した", ""],
        ["III", "第一", "１", "（１）", "保管棚に鍵をかける", "施錠を確認した", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(3 + r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    sheet.merge_range(3, 0, 5, 0, "I", &plain).unwrap();
    sheet.merge_range(3, 1, 4, 1, "第四", &plain).unwrap();
    sheet.write_datetime_with_format(3, 7, ExcelDateTime::from_ymd(2026, 4, 1).unwrap(), &date).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_excel_checksheet_with_merged_cells_a_date_and_notes_reads_right() {
    let p = read_checksheet(&checksheet_workbook(), "チェックシート.xlsx", None, &shift_jis).unwrap();
    assert_eq!(p.sheet.as_deref(), Some("チェックシート"), "the sheet with the checksheet, not the cover");
    assert_eq!(p.sheets, ["表紙", "チェックシート"]);
    assert_eq!(p.header_row, 3);
    assert!(p.problems.is_empty() && p.blocked.is_none(), "{p:?}");
    assert_eq!(references(&p), ["Ⅰ 第四 1 (1)", "Ⅰ 第四 1 (2)", "Ⅰ 第五 1 (1)", "Ⅲ 第一 1 (1)"]);
    assert_eq!(p.row_numbers, [4, 5, 6, 7]);
    assert_eq!(p.rows[0].content, "持ち出しと廃棄を台帳に記録する");
    assert_eq!(p.rows[0].audit_check, "台帳を閲覧した");
    assert_eq!(p.rows[0].date, "2026-04-01", "a date cell reads as YYYY-MM-DD");
    assert_eq!(p.rows[1].date, "");
    let warnings: Vec<&str> = p.warnings.iter().map(|w| w.en.as_str()).collect();
    // The reader copied the merged cells down; the row 5 clause was blank in the sheet and was filled here.
    assert!(warnings.iter().any(|w| w.contains("merged over several rows (A4:A6, B4:B5)")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.starts_with("1 blank 章/節/項")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("not imported") && w.contains("G 備考")), "{warnings:?}");
}

#[test]
fn the_shift_jis_fixture_from_japanese_excel_is_read() {
    let bytes = include_bytes!("../../tests/e2e/fixtures/checksheet-sjis.csv");
    let p = read_checksheet(bytes, "checksheet-sjis.csv", None, &shift_jis).unwrap();
    assert_eq!(p.header_row, 3);
    assert!(p.problems.is_empty() && p.blocked.is_none(), "{p:?}");
    assert_eq!(p.rows.len(), 10);
    assert_eq!(
        references(&p),
        [
            "Ⅰ 第四 1 (1)",
            "Ⅰ 第四 1 (2)",
            "Ⅰ 第四 2 (1)",
            "Ⅰ 第四 2 (2)",
            "Ⅰ 第五 1 (1)",
            "Ⅰ 第五 2 (1)",
            "Ⅱ 第一 1 (1)",
            "Ⅲ 第一 1 (1)",
            "Ⅲ 第一 1 (2)",
            "Ⅳ 第一 1 (1)"
        ]
    );
    assert!(p.rows[0].content.starts_with("管理者は、"));
    assert!(p.rows[9].audit_check.contains("入退室"));
    let warnings: Vec<&str> = p.warnings.iter().map(|w| w.en.as_str()).collect();
    assert!(warnings.iter().any(|w| w.contains("read as Shift_JIS")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("G 備考")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("blank 章/節/項")), "{warnings:?}");
}

#[test]
fn the_worker_answers_a_checksheet_request() {
    let csv = "章,内容\r\nI,台帳を作る\r\n".as_bytes();
    let request = r#"{"op":"read_checksheet","file_name":"cs.csv","choice":null}"#;
    let reply: ChecksheetReply = serde_json::from_str(&answer(request, csv, &shift_jis).unwrap()).unwrap();
    let p = reply.unwrap();
    assert_eq!((p.file_name.as_str(), p.rows[0].chapter.as_str()), ("cs.csv", "Ⅰ"));

    // The user's choice travels with the request.
    let request = r#"{"op":"read_checksheet","file_name":"cs.csv","choice":{"mapping":[null,"content"]}}"#;
    let reply: ChecksheetReply = serde_json::from_str(&answer(request, csv, &shift_jis).unwrap()).unwrap();
    assert_eq!(reply.unwrap().rows[0].chapter, "");
    let choice = Choice { sheet: Some("表紙".into()), ..Choice::default() };
    let p = read_checksheet(&checksheet_workbook(), "cs.xlsx", Some(&choice), &shift_jis).unwrap();
    assert!(p.blocked.unwrap().en.contains("No column holds the \"Content\""));
}

#[test]
fn the_excel_fixture_of_the_browser_test_reads_as_its_example_says() {
    let bytes = include_bytes!("../../tests/e2e/fixtures/checksheet.xlsx");
    let p = read_checksheet(bytes, "checksheet.xlsx", None, &shift_jis).unwrap();
    assert_eq!((p.sheet.as_deref(), p.header_row), (Some("定期報告"), 3));
    // Every field in the report's own column order, and 備考 left out.
    let keys: Vec<Option<&str>> = p.mapping.iter().map(|k| k.as_deref()).collect();
    assert_eq!(keys[..9], FIELDS.map(|(key, _, _)| Some(key)));
    assert_eq!(keys[9..], [None]);
    assert_eq!(p.headers[5..7], ["審査 確認内容", "定期報告 確認内容"]);
    assert_eq!(references(&p), ["Ⅰ 第四 1 (1)", "Ⅰ 第四 1 (2)", "Ⅰ 第四 2 (1)", "Ⅰ 第五 1 (1)", "Ⅲ 第一 1 (1)"]);
    assert_eq!(p.rows_read, 6);
    let dates: Vec<&str> = p.rows.iter().map(|r| r.date.as_str()).collect();
    assert_eq!(dates, ["2026-04-01", "2026-04-01", "2026-04-02", "2026-04-03", "2026-04-03"]);
    assert!(p.rows[1].unchanged && p.rows[4].unchanged && !p.rows[0].unchanged);
    let at: Vec<(usize, &str)> = p.problems.iter().map(|q| (q.row, q.column.as_str())).collect();
    assert_eq!(at, [(8, "H")]);
    assert!(p.warnings.iter().any(|w| w.en.contains("J 備考")), "{:?}", p.warnings);
}
