//! Inventory files as businesses have them — this app's own CSV and Excel exports, the training material's
//! layout, Shift_JIS CSV from Japanese Excel, formulas, merged cells, and files that are not inventories at all —
//! read through the Excel worker's entry point, checking what the user would see in the preview.

use std::collections::BTreeSet;
use std::time::Instant;

use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use tics_domain::csv::to_csv;
use tics_domain::import::{Choice, Preview};
use tics_domain::inventory::{examples, inventory_table, InfoRow, Inventory, MAX_ROWS};
use tics_domain::{InfoForm, Lang, Text};
use tics_xlsx::import::read_inventory;

/// What the worker does with the browser's TextDecoder("shift_jis").
fn shift_jis(bytes: &[u8]) -> Option<String> {
    let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    (!errors).then(|| text.into_owned())
}

fn read(bytes: &[u8], name: &str) -> Result<Preview, Text> {
    read_inventory(bytes, name, None, &shift_jis)
}

fn examples_inventory() -> Inventory {
    Inventory { rows: examples().into_iter().map(|e| e.row).collect(), ..Inventory::default() }
}

fn names(p: &Preview) -> Vec<&str> {
    p.rows.iter().map(|r| r.name.as_str()).collect()
}

fn keys(p: &Preview) -> Vec<Option<&str>> {
    p.mapping.iter().map(|k| k.as_deref()).collect()
}

fn clean(p: &Preview) -> bool {
    p.problems.is_empty() && p.warnings.is_empty() && p.blocked.is_none()
}

#[test]
fn our_own_csv_reads_back_equal_in_both_languages() {
    let inventory = examples_inventory();
    for lang in [Lang::Ja, Lang::En] {
        let p = read(&to_csv(&inventory_table(&inventory, lang)), "inventory.csv").unwrap();
        assert_eq!(p.rows, inventory.rows, "{lang:?}");
        assert!(clean(&p), "{p:?}");
        assert_eq!((p.file_name.as_str(), p.sheet.as_deref(), p.sheets.len()), ("inventory.csv", None, 0));
    }
}

#[test]
fn our_own_excel_sheet_reads_back_equal_in_both_languages() {
    let inventory = examples_inventory();
    for lang in [Lang::Ja, Lang::En] {
        let bytes = tics_xlsx::workbook(&[inventory_table(&inventory, lang)]).unwrap();
        let p = read(&bytes, "目録.xlsx").unwrap();
        assert_eq!(p.rows, inventory.rows, "{lang:?}");
        assert!(clean(&p), "{p:?}");
        let sheet = if lang == Lang::Ja { "目録" } else { "Inventory" };
        assert_eq!(p.sheet.as_deref(), Some(sheet));
        assert_eq!(p.sheets, [sheet]);
        assert_eq!(p.header_row, 1);
        assert_eq!(p.row_numbers, [2, 3, 4, 5, 6, 7]);
    }
}

/// Text that tests the writers and readers: CSV's specials, spreadsheet formula starters, Japanese.
fn cell_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(",".to_owned()),
        Just("\"".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("=".to_owned()),
        Just("+".to_owned()),
        Just("-".to_owned()),
        Just("@".to_owned()),
        Just("'".to_owned()),
        Just("\t".to_owned()),
        Just(" ".to_owned()),
        Just("=SUM(A1)".to_owned()),
        Just("設計図".to_owned()),
        Just("社外秘".to_owned()),
        Just("はい".to_owned()),
        Just("０１２".to_owned()),
        "[a-zA-Z0-9]{1,6}",
        "[ぁ-んァ-ン一-龥]{1,4}",
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat().trim().to_owned())
}

fn info_row() -> impl Strategy<Value = InfoRow> {
    (
        proptest::collection::vec(cell_text(), 10),
        proptest::collection::btree_set(proptest::sample::select(InfoForm::ALL.to_vec()), 0..=5),
        any::<bool>(),
        // The date a row was registered is kept as YYYY-MM-DD (or blank), which reads back the same.
        proptest::sample::select(vec![String::new(), "2016-07-01".to_owned(), "2026-12-06".to_owned()]),
    )
        .prop_filter_map("a row needs a name", |(t, forms, entrusted, registered)| {
            if t[0].is_empty() {
                return None;
            }
            Some(InfoRow {
                id: String::new(),
                name: t[0].clone(),
                description: t[1].clone(),
                forms: forms.into_iter().collect::<BTreeSet<_>>(),
                location: t[2].clone(),
                manager: t[3].clone(),
                classification: t[4].clone(),
                access: t[5].clone(),
                entrusted,
                conditions: t[6].clone(),
                retention: t[7].clone(),
                disposal: t[8].clone(),
                business_area: t[9].clone(),
                registered,
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_inventory_round_trips_through_csv(rows in proptest::collection::vec(info_row(), 1..12), en in any::<bool>()) {
        let inventory = Inventory { rows, ..Inventory::default() };
        let lang = if en { Lang::En } else { Lang::Ja };
        let p = read(&to_csv(&inventory_table(&inventory, lang)), "x.csv").unwrap();
        prop_assert!(p.problems.is_empty() && p.blocked.is_none(), "{:?}", p);
        prop_assert_eq!(p.rows, inventory.rows);
    }

    #[test]
    fn any_inventory_round_trips_through_excel(rows in proptest::collection::vec(info_row(), 1..12), en in any::<bool>()) {
        let inventory = Inventory { rows, ..Inventory::default() };
        let lang = if en { Lang::En } else { Lang::Ja };
        let bytes = tics_xlsx::workbook(&[inventory_table(&inventory, lang)]).unwrap();
        let p = read(&bytes, "x.xlsx").unwrap();
        prop_assert!(p.problems.is_empty() && p.blocked.is_none(), "{:?}", p);
        prop_assert_eq!(p.rows, inventory.rows);
    }
}

/// A sheet like the training material's example inventory (目録（例）): a title merged over rows 1-2, the header
/// in row 3 with 個人情報の種類 merged over three columns and its sub-headers in row 4, columns this app does not
/// keep, a date column, and a manager merged down two rows.
fn training_material_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    let cover = book.add_worksheet();
    cover.set_name("表紙").unwrap();
    cover.write_string(0, 0, "情報管理規程 付属書").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("重要情報目録").unwrap();
    sheet.merge_range(0, 0, 1, 10, "重要情報の目録（2024年4月1日現在）", &plain).unwrap();
    let headers = ["業務分類", "情報資産名称", "備考", "利用者範囲", "管理部署", "媒体・保存先"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    sheet.merge_range(2, 6, 2, 8, "個人情報の種類", &plain).unwrap();
    for (c, h) in [(6, "個人情報"), (7, "要配慮個人情報"), (8, "特定個人情報")] {
        sheet.write_string(3, c, h).unwrap();
    }
    sheet.write_string(2, 9, "保存期限").unwrap();
    sheet.write_string(2, 10, "登録日").unwrap();
    let rows = [
        ["営業", "製品カタログ", "現役製品カタログ一式", "営業部", "営業部", "書類"],
        ["営業", "顧客名簿", "取引先の担当者一覧", "営業部", "", "社内サーバー"],
        ["技術", "製品設計図", "現役製品の設計図", "開発部", "開発部", "書類"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(4 + r as u32, c as u16, *cell).unwrap();
            }
        }
        sheet
            .write_datetime_with_format(4 + r as u32, 10, ExcelDateTime::from_ymd(2016, 7, 1).unwrap(), &date)
            .unwrap();
    }
    // 管理部署 営業部 merged over rows 5-6: the second row's manager is in the merged cell.
    sheet.merge_range(4, 4, 5, 4, "営業部", &plain).unwrap();
    sheet.write_string(4, 7, "○").unwrap();
    sheet.write_number(6, 9, 10.0).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_training_material_style_sheet_is_found_mapped_and_its_extras_named() {
    let p = read(&training_material_workbook(), "目録.xlsx").unwrap();
    assert_eq!(p.sheet.as_deref(), Some("重要情報目録"), "the sheet with the inventory, not the cover");
    assert_eq!(p.sheets, ["表紙", "重要情報目録"]);
    assert_eq!(p.header_row, 3);
    assert_eq!(
        keys(&p),
        [
            Some("business_area"),
            Some("name"),
            Some("description"),
            Some("access"),
            Some("manager"),
            Some("location"),
            None,
            None,
            None,
            Some("retention"),
            Some("registered")
        ]
    );
    assert_eq!(names(&p), ["製品カタログ", "顧客名簿", "製品設計図"], "{:?}", p.problems);
    // 業務分類 and 登録日, as the training material's inventory has them; an Excel date reads as YYYY-MM-DD.
    assert_eq!(p.rows[2].business_area, "技術");
    assert_eq!(p.rows[0].registered, "2016-07-01");
    assert_eq!(p.row_numbers, [5, 6, 7]);
    assert_eq!(p.rows[1].manager, "営業部", "the merged manager cell belongs to both rows");
    assert_eq!(p.rows[1].location, "社内サーバー");
    assert_eq!(p.rows[2].retention, "10", "a number reads as written, without \".0\"");
    let warnings: Vec<&str> = p.warnings.iter().map(|w| w.en.as_str()).collect();
    assert!(warnings.iter().any(|w| w.contains("Row 4 ")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("merged over several rows (E5:E6)")), "{warnings:?}");
    let unused = warnings.iter().find(|w| w.contains("not imported")).unwrap();
    assert!(
        unused.contains("H 要配慮個人情報") && !unused.contains("業務分類") && !unused.contains("登録日"),
        "{unused}"
    );
}

#[test]
fn dates_read_as_dates_and_the_other_sheet_can_be_chosen() {
    // The date column mapped to "kept for" shows the date as a person reads it.
    let choice = Choice {
        sheet: Some("重要情報目録".into()),
        header_row: Some(3),
        mapping: Some(vec![
            None,
            Some("name".into()),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            Some("retention".into()),
        ]),
    };
    let p = read_inventory(&training_material_workbook(), "目録.xlsx", Some(&choice), &shift_jis).unwrap();
    assert_eq!(p.rows[0].retention, "2016-07-01");
    assert_eq!(p.rows[0].location, "");

    // The cover sheet has no header row: nothing can be imported until the user says which column is the name.
    let cover = Choice { sheet: Some("表紙".into()), ..Choice::default() };
    let p = read_inventory(&training_material_workbook(), "目録.xlsx", Some(&cover), &shift_jis).unwrap();
    assert_eq!(p.sheet.as_deref(), Some("表紙"));
    assert!(p.blocked.unwrap().ja.contains("A 情報管理規程 付属書"));

    let missing = Choice { sheet: Some("Sheet9".into()), ..Choice::default() };
    let why = read_inventory(&training_material_workbook(), "目録.xlsx", Some(&missing), &shift_jis).unwrap_err();
    assert!(why.en.contains("no sheet \"Sheet9\""), "{why:?}");
}

#[test]
fn full_width_headers_in_excel_are_recognised() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["ＮＯ．", "情報の\n名称", "保管　場所", "ＭＡＮＡＧＥＲ"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["１", "見積書", "書庫２", "営業課長"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    let p = read(&book.save_to_buffer().unwrap(), "a.xlsx").unwrap();
    assert_eq!(keys(&p), [None, Some("name"), Some("location"), Some("manager")]);
    // The text itself is kept as written, full-width digits included.
    assert_eq!((p.rows[0].location.as_str(), p.rows[0].manager.as_str()), ("書庫２", "営業課長"));
}

#[test]
fn a_shift_jis_csv_from_japanese_excel_is_read() {
    let text = "業務分類,情報資産名称,管理部署,媒体・保存先\r\n技術,製品設計図,開発部,書類\r\n営業,顧客名簿,営業部,社内サーバー\r\n";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    let p = read(&bytes, "目録.csv").unwrap();
    assert_eq!(names(&p), ["製品設計図", "顧客名簿"]);
    assert_eq!(p.rows[1].manager, "営業部");
    assert!(p.warnings.iter().any(|w| w.en.contains("read as Shift_JIS")), "{:?}", p.warnings);

    // Without a decoder (a browser without TextDecoder for Shift_JIS) the user is told how to save the file.
    let why = read_inventory(&bytes, "目録.csv", None, &|_| None).unwrap_err();
    assert!(why.ja.contains("CSV UTF-8（コンマ区切り）"), "{why:?}");
}

#[test]
fn wrong_columns_name_the_headers_found() {
    let p = read("Date,Amount,Customer\r\n2024-04-01,1200,A社\r\n".as_bytes(), "sales.csv").unwrap();
    let why = p.blocked.unwrap();
    assert!(why.en.contains("Columns found: A Date, B Amount, C Customer"), "{}", why.en);
    assert!(why.ja.contains("見つかった列: A Date、B Amount、C Customer"), "{}", why.ja);
    assert!(p.rows.is_empty());
}

fn many_rows(n: usize) -> Inventory {
    let row = |i: usize| InfoRow { name: format!("情報{i}"), location: "書庫".into(), ..InfoRow::default() };
    Inventory { rows: (0..n).map(row).collect(), ..Inventory::default() }
}

#[test]
fn ten_thousand_rows_are_refused_with_the_count_in_csv_and_excel() {
    let inventory = many_rows(10_000);
    let table = inventory_table(&inventory, Lang::Ja);
    let csv = read(&to_csv(&table), "big.csv").unwrap_err();
    assert!(csv.en.contains("10,000 rows") && csv.en.contains("at most 1,000"), "{}", csv.en);
    let xlsx = read(&tics_xlsx::workbook(&[table]).unwrap(), "big.xlsx").unwrap_err();
    assert_eq!(xlsx, csv);
}

#[test]
fn formula_cells_are_read_as_their_results_with_a_warning() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "名称").unwrap();
    sheet.write_string(0, 1, "保管場所").unwrap();
    sheet.write_string(1, 0, "図面").unwrap();
    sheet.write_formula(1, 1, Formula::new("=\"書庫\"&\"A\"").set_result("書庫A")).unwrap();
    sheet.write_formula(2, 0, Formula::new("=A2&\"（控え）\"").set_result("図面（控え）")).unwrap();
    sheet.write_string(2, 1, "=SUM(A1)").unwrap();
    let p = read(&book.save_to_buffer().unwrap(), "f.xlsx").unwrap();
    assert_eq!(p.rows[0].location, "書庫A");
    assert_eq!(p.rows[1].name, "図面（控え）");
    // Text that looks like a formula stays text.
    assert_eq!(p.rows[1].location, "=SUM(A1)");
    let warning = p.warnings.iter().find(|w| w.en.contains("formulas")).unwrap();
    assert!(warning.en.contains("(B2, A3)"), "{}", warning.en);
    assert!(warning.ja.contains("B2、A3"), "{}", warning.ja);
}

#[test]
fn files_that_are_not_inventories_get_a_clear_message() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.csv", Vec::new(), "The file is empty"),
        ("blank.csv", b"\xEF\xBB\xBF\r\n,,\r\n".to_vec(), "The file is empty"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec(), "cannot be read as a table"),
        (
            "old.xls",
            [&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..], &[0; 600], b"W\0o\0r\0k\0b\0o\0o\0k\0"].concat(),
            "(.xls, Excel 97-2003)",
        ),
        (
            "locked.xlsx",
            [
                &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..],
                &[0; 600],
                &"EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<_>>(),
            ]
            .concat(),
            "Password-protected",
        ),
        ("big.csv", vec![b'a'; 5 * 1024 * 1024 + 1], "The file is too large (5,120 KB)"),
    ];
    for (name, bytes, expected) in cases {
        let why = read(&bytes, name).unwrap_err();
        assert!(why.en.contains(expected), "{name}: {}", why.en);
        assert!(!why.ja.is_empty() && why.ja != why.en, "{name}: Japanese first");
    }

    // A workbook cut short by a failed download, and a zip that is not a workbook.
    let whole = tics_xlsx::workbook(&[inventory_table(&examples_inventory(), Lang::Ja)]).unwrap();
    let why = read(&whole[..whole.len() / 2], "cut.xlsx").unwrap_err();
    assert!(why.en.contains("may be damaged"), "{}", why.en);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    std::io::Write::write_all(&mut zip, b"<office:document/>").unwrap();
    let ods = zip.finish().unwrap().into_inner();
    let why = read(&ods, "sheet.ods").unwrap_err();
    assert!(why.en.contains("not an Excel workbook"), "{}", why.en);
}

/// A workbook not written by rust_xlsxwriter (hand-made XML, as other programs write it: no styles part, an
/// inline string, a formula, a merged cell); it is also the fuzzer's seed.
#[test]
fn a_workbook_from_another_program_is_read() {
    let bytes = std::fs::read("../fuzz/corpus/import_table/inventory.xlsx").unwrap();
    let p = read(&bytes, "other.xlsx").unwrap();
    assert_eq!(keys(&p)[..3], [Some("name"), Some("manager"), Some("forms")]);
    let rows: Vec<(&str, &str)> = p.rows.iter().map(|r| (r.name.as_str(), r.manager.as_str())).collect();
    assert_eq!(rows, [("設計図", "開発部"), ("設計図", "開発部")]);
    assert_eq!(p.rows[1].forms, [InfoForm::Cloud].into_iter().collect());
    let warnings: Vec<&str> = p.warnings.iter().map(|w| w.en.as_str()).collect();
    assert!(warnings.iter().any(|w| w.contains("formulas (D2)")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("not imported") && w.contains("D, E")), "{warnings:?}");
}

#[test]
fn a_bad_forms_cell_is_listed_by_row_and_column_and_the_other_rows_kept() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["名称", "形態", "預かり情報"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [["図面", "書類・試作品", ""], ["USB の控え", "可搬電子媒体", ""], ["A社図面", "クラウド", "はい"]];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *cell).unwrap();
        }
    }
    let p = read(&book.save_to_buffer().unwrap(), "forms.xlsx").unwrap();
    assert_eq!(names(&p), ["図面", "A社図面"]);
    assert_eq!(p.row_numbers, [2, 4]);
    assert_eq!(p.rows_read, 3);
    assert_eq!(p.problems.len(), 1);
    let problem = &p.problems[0];
    assert_eq!((problem.row, problem.column.as_str(), problem.header.as_str()), (3, "B", "形態"));
    assert!(problem.message.ja.contains("「可搬電子媒体」"), "{:?}", problem.message);
}

#[test]
fn the_users_mapping_and_header_row_override_the_guess() {
    let text = "作成日,2024-04-01\r\n名称,場所\r\n図面,書庫\r\n";
    let guessed = read(text.as_bytes(), "a.csv").unwrap();
    assert_eq!((guessed.header_row, names(&guessed)), (2, vec!["図面"]));
    assert_eq!(guessed.rows[0].location, "書庫");

    let choice = Choice {
        header_row: Some(2),
        mapping: Some(vec![Some("name".into()), Some("disposal".into())]),
        ..Choice::default()
    };
    let p = read_inventory(text.as_bytes(), "a.csv", Some(&choice), &shift_jis).unwrap();
    assert_eq!(
        (p.rows[0].name.as_str(), p.rows[0].disposal.as_str(), p.rows[0].location.as_str()),
        ("図面", "書庫", "")
    );
}

#[test]
fn a_reply_travels_as_json() {
    let p = read(&to_csv(&inventory_table(&examples_inventory(), Lang::Ja)), "x.csv").unwrap();
    let reply: tics_domain::import::Reply = Ok(p.clone());
    let back: tics_domain::import::Reply = serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap();
    assert_eq!(back, Ok(p));
}

#[test]
fn the_worker_answers_a_request_with_the_reply_json() {
    let csv = "名称,保管場所\r\n図面,書庫\r\n".as_bytes();
    let request = r#"{"op":"read_inventory","file_name":"a.csv","choice":null}"#;
    let reply: tics_domain::import::Reply =
        serde_json::from_str(&tics_xlsx::import::answer(request, csv, &shift_jis).unwrap()).unwrap();
    assert_eq!(names(&reply.unwrap()), ["図面"]);

    // A file that cannot be imported is an answer too, with its message in both languages.
    let reply: tics_domain::import::Reply =
        serde_json::from_str(&tics_xlsx::import::answer(request, b"", &shift_jis).unwrap()).unwrap();
    assert!(reply.unwrap_err().ja.contains("空"));

    // Only a request that cannot be read is refused (thrown by the worker).
    let why = tics_xlsx::import::answer(r#"{"op":"paint"}"#, csv, &shift_jis).unwrap_err();
    assert!(why.ja.contains("依頼") && why.en.contains("request"), "{why:?}");
}

/// Not a pass/fail test: prints how long reading a full inventory takes on this machine.
#[test]
fn reading_a_thousand_rows_takes() {
    let inventory = Inventory {
        rows: examples_inventory().rows.into_iter().cycle().take(MAX_ROWS).collect(),
        ..Inventory::default()
    };
    let table = inventory_table(&inventory, Lang::Ja);
    for (name, bytes) in [("CSV", to_csv(&table)), ("xlsx", tics_xlsx::workbook(std::slice::from_ref(&table)).unwrap())]
    {
        let start = Instant::now();
        let p = read(&bytes, "x").unwrap();
        let took = start.elapsed();
        assert_eq!(p.rows.len(), MAX_ROWS);
        println!("reading {MAX_ROWS} rows from {name} ({} KB): {took:?}", bytes.len() / 1024);
    }
}
