//! The six registers (管理簿) written as workbooks and read back with calamine, and with zip for what calamine does
//! not expose (drop-down lists, print set-up, print titles): what someone opening, filling in and printing the
//! file would find.

mod common;
use common::part;
use std::io::Cursor;
use std::time::Instant;

use calamine::{open_workbook_from_rs, BorderStyle, Data, DataType, Reader, SheetVisible, Xlsx};
use tics_domain::catalogue::InfoForm;
use tics_domain::inventory::{examples, InfoRow, InventoryAction};
use tics_domain::registers::register_tables;
use tics_domain::table::Table;
use tics_domain::templates::RegisterKind;
use tics_domain::{Lang, SelfCheck};

const LIST_SHEET: &str = "選択肢 Lists";

fn sample() -> SelfCheck {
    let mut check = SelfCheck::default();
    check.profile.organisation = "山田精工株式会社".into();
    check.documents.manager = "山田 太郎".into();
    for n in 0..examples().len() {
        check.inventory.apply(InventoryAction::AddExample(n)).unwrap();
    }
    check
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    assert!(bytes.starts_with(b"PK"), "an .xlsx file is a zip archive");
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook")
}

fn sheet_xml(bytes: &[u8], n: usize) -> String {
    part(bytes, &format!("xl/worksheets/sheet{n}.xml"))
}

/// The `<dataValidation …>` element whose sqref is `sqref`, with its formula.
fn validation(xml: &str, sqref: &str) -> String {
    xml.split("<dataValidation ")
        .skip(1)
        .map(|v| v.split("</dataValidation>").next().unwrap_or_default().to_owned())
        .find(|v| v.contains(&format!(r#"sqref="{sqref}""#)))
        .unwrap_or_else(|| panic!("no drop-down on {sqref}: {xml}"))
}

fn text(s: &str) -> Option<Data> {
    if s.is_empty() {
        None
    } else {
        Some(Data::String(s.to_owned()))
    }
}

/// The row where the header sits (0-based): under the title lines.
fn header_row(table: &Table) -> u32 {
    table.title.len() as u32
}

/// The last row a person can write in (1-based, as Excel shows it).
fn last_excel_row(table: &Table) -> u32 {
    header_row(table) + 1 + table.rows.len() as u32 + table.blank_rows
}

#[test]
fn every_register_reads_back_with_its_title_header_and_pre_filled_cells() {
    let check = sample();
    for kind in RegisterKind::ALL {
        for lang in [Lang::Ja, Lang::En] {
            let tables = register_tables(kind, &check, lang);
            let bytes = tics_xlsx::workbook(&tables).unwrap();
            let mut book = open(&bytes);
            let mut expected_names: Vec<String> = tables.iter().map(|t| t.name.clone()).collect();
            expected_names.push(LIST_SHEET.into());
            assert_eq!(book.sheet_names(), expected_names, "{kind:?}");
            let visible: Vec<SheetVisible> = book.sheets_metadata().iter().map(|s| s.visible).collect();
            assert_eq!(visible.last(), Some(&SheetVisible::Hidden), "the list sheet is hidden");
            assert!(visible[..tables.len()].iter().all(|v| *v == SheetVisible::Visible));

            for table in &tables {
                let range = book.worksheet_range(&table.name).unwrap();
                for (r, line) in table.title.iter().enumerate() {
                    assert_eq!(range.get_value((r as u32, 0)).cloned(), text(line), "{} title {r}", table.name);
                }
                assert!(table.title[1].ends_with("山田精工株式会社"));
                let h = header_row(table);
                for (c, column) in table.columns.iter().enumerate() {
                    assert_eq!(range.get_value((h, c as u32)).cloned(), text(&column.header), "{}", table.name);
                }
                for (r, row) in table.rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        let got = range.get_value((h + 1 + r as u32, c as u32)).filter(|d| **d != Data::Empty);
                        assert_eq!(got.cloned(), text(cell), "{} row {r} column {c}", table.name);
                    }
                }
                // The blank rows are there, empty, to the last row of the year.
                let first_blank = h + 1 + table.rows.len() as u32;
                for r in first_blank..last_excel_row(table) {
                    for c in 0..table.columns.len() as u32 {
                        assert!(range.get_value((r, c)).is_none_or(|d| *d == Data::Empty), "{}", table.name);
                    }
                }
            }
        }
    }
}

#[test]
fn the_pre_filled_cells_a_user_would_look_for_are_there() {
    let check = sample();
    let keys = tics_xlsx::workbook(&register_tables(RegisterKind::Keys, &check, Lang::Ja)).unwrap();
    let mut book = open(&keys);
    let locks = book.worksheet_range("鍵と錠").unwrap();
    assert_eq!(locks.get_value((5, 0)), Some(&Data::String("設計室の施錠キャビネット".into())));
    assert_eq!(locks.get_value((7, 0)), Some(&Data::String("第2工場の立入制限区域".into())));
    assert_eq!(locks.get_value((7, 2)), Some(&Data::String("専用加工機".into())));

    let access = tics_xlsx::workbook(&register_tables(RegisterKind::AccessHolders, &check, Lang::En)).unwrap();
    let mut book = open(&access);
    let holders = book.worksheet_range("Access holders").unwrap();
    assert_eq!(holders.get_value((5, 0)), Some(&Data::String("開発部長".into())));
    assert_eq!(holders.get_value((5, 2)), Some(&Data::String("製品設計図, 新製品の試作品".into())));
    assert_eq!(holders.get_value((5, 3)), Some(&Data::String("Manager".into())));

    let systems = tics_xlsx::workbook(&register_tables(RegisterKind::SystemComponents, &check, Lang::Ja)).unwrap();
    let mut book = open(&systems);
    let components = book.worksheet_range("システム構成要素").unwrap();
    // The asset number comes first and the user after the administrator, both left for the business to fill in.
    assert_eq!(components.get_value((4, 0)), Some(&Data::String("管理番号".into())));
    assert_eq!(components.get_value((4, 5)), Some(&Data::String("使用者".into())));
    assert!(components.get_value((7, 0)).is_none_or(|d| *d == Data::Empty));
    assert_eq!(components.get_value((7, 1)), Some(&Data::String("クラウドサービス".into())));
    assert_eq!(components.get_value((7, 2)), Some(&Data::String("A社指定のクラウドストレージ".into())));
}

#[test]
fn drop_downs_offer_the_lists_from_the_hidden_sheet_and_refuse_or_warn() {
    let check = sample();
    let tables = register_tables(RegisterKind::TakeOut, &check, Lang::Ja);
    let table = &tables[0];
    let bytes = tics_xlsx::workbook(&tables).unwrap();
    let xml = sheet_xml(&bytes, 1);
    let last = last_excel_row(table);
    assert_eq!(last, 6 + 200 - 1, "four title lines, the header, then 200 rows for a year of entries");
    assert!(xml.contains(&format!(r#"<dimension ref="A1:M{last}"/>"#)), "{xml}");

    // The inventory's names: the first list; other text is accepted after a warning.
    let names = validation(&xml, &format!("B6:B{last}"));
    assert!(names.starts_with(r#"type="list" errorStyle="warning""#), "{names}");
    assert!(names.contains("<formula1>'選択肢 Lists'!$A$2:$A$7</formula1>"), "{names}");
    assert!(names.contains("目録にない情報です"), "{names}");
    // Handling is a fixed vocabulary: no errorStyle means Excel's default, Stop, which refuses other text.
    let handling = validation(&xml, &format!("E6:E{last}"));
    assert!(handling.starts_with(r#"type="list" allowBlank="1""#), "{handling}");
    assert!(handling.contains("<formula1>'選択肢 Lists'!$C$2:$C$8</formula1>"), "{handling}");
    // Approved-by and checked-by share one list.
    let approved = validation(&xml, &format!("I6:I{last}"));
    let checked = validation(&xml, &format!("L6:L{last}"));
    assert!(approved.contains("$D$2:$D$6") && checked.contains("$D$2:$D$6"), "{approved}\n{checked}");

    let mut book = open(&bytes);
    let lists = book.worksheet_range(LIST_SHEET).unwrap();
    let column = |c: u32| -> Vec<String> {
        (1..).map_while(|r| lists.get_value((r, c)).and_then(|d| d.as_string())).collect::<Vec<String>>()
    };
    assert_eq!(column(0), table.columns[1].choices);
    assert_eq!(column(0)[0], "製品設計図");
    assert_eq!(column(2), table.columns[4].choices);
    assert_eq!(column(3), ["山田 太郎", "開発部長", "製造部長", "営業部長", "購買課長"]);
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains(r#"<sheet name="選択肢 Lists" sheetId="2" state="hidden""#), "{workbook}");
}

#[test]
fn registers_print_on_a4_landscape_one_page_wide_with_the_header_on_every_page() {
    let check = sample();
    for kind in RegisterKind::ALL {
        let tables = register_tables(kind, &check, Lang::En);
        let bytes = tics_xlsx::workbook(&tables).unwrap();
        let workbook = part(&bytes, "xl/workbook.xml");
        for (n, table) in tables.iter().enumerate() {
            let xml = sheet_xml(&bytes, n + 1);
            assert!(
                xml.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#),
                "{}: {xml}",
                table.name
            );
            assert!(xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{}", table.name);
            assert!(xml.contains("<oddFooter>&amp;L&amp;A&amp;R&amp;P / &amp;N</oddFooter>"), "{}", table.name);
            let h = header_row(table) + 1;
            // The title stays in view with the header, and the filter starts at the header.
            assert!(
                xml.contains(&format!(
                    r#"<pane ySplit="{h}" topLeftCell="A{}" activePane="bottomLeft" state="frozen"/>"#,
                    h + 1
                )),
                "{}: {xml}",
                table.name
            );
            let last_col = (b'A' + table.columns.len() as u8 - 1) as char;
            assert!(
                xml.contains(&format!(r#"<autoFilter ref="A{h}:{last_col}{}"/>"#, last_excel_row(table))),
                "{}: {xml}",
                table.name
            );
            let titles = format!(r#"<definedName name="_xlnm.Print_Titles" localSheetId="{n}">"#);
            let defined = workbook.split(&titles).nth(1).and_then(|rest| rest.split('<').next());
            assert_eq!(defined.map(|d| d.ends_with(&format!("!${h}:${h}"))), Some(true), "{workbook}");
            // The print area holds the title, the header and every ruled row: without it, rows left empty for
            // entries do not print (see tests/printed.rs for the printed pages).
            let area = format!(r#"<definedName name="_xlnm.Print_Area" localSheetId="{n}">"#);
            let defined = workbook.split(&area).nth(1).and_then(|rest| rest.split('<').next());
            let cells = format!("!$A$1:${last_col}${}", last_excel_row(table));
            assert_eq!(defined.map(|d| d.ends_with(&cells)), Some(true), "{}: {workbook}", table.name);
        }
    }
}

#[test]
fn the_entry_rows_are_ruled_for_writing_and_printing() {
    let check = sample();
    let tables = register_tables(RegisterKind::Visitors, &check, Lang::Ja);
    let mut book = open(&tics_xlsx::workbook(&tables).unwrap());
    let styles = book.worksheet_style(&tables[0].name).unwrap();
    let (h, last) = (header_row(&tables[0]), last_excel_row(&tables[0]) - 1);
    assert_eq!(h, 5, "the visitor log has a fifth title line, on who is recorded");
    for (r, c) in [(h + 1, 0), (h + 2, 3), (last, 12)] {
        let style = styles.get((r, c)).unwrap_or_else(|| panic!("cell ({r}, {c}) is formatted"));
        let borders = style.borders.as_ref().expect("ruled");
        assert_eq!((borders.left.style, borders.bottom.style), (BorderStyle::Thin, BorderStyle::Thin), "({r}, {c})");
    }
    let header = styles.get((h, 0)).expect("the header is formatted");
    assert!(header.font.as_ref().is_some_and(|f| f.is_bold()));
    assert!(header.alignment.as_ref().is_some_and(|a| a.wrap_text), "long headers wrap in narrow columns");
}

#[test]
fn hostile_inventory_text_stays_literal_text_in_cells_and_in_the_lists() {
    let hostile = ["=cmd|' /C calc'!A0", "<script>alert(1)</script>", "@x", "+1", "-2+3", "=HYPERLINK(\"http://x\")"];
    let mut check = SelfCheck::default();
    check.profile.organisation = "=1+1".into();
    let rows = hostile
        .iter()
        .map(|name| InfoRow {
            name: (*name).into(),
            forms: [InfoForm::Container, InfoForm::Area, InfoForm::OwnServer].into_iter().collect(),
            location: (*name).into(),
            manager: (*name).into(),
            classification: (*name).into(),
            ..InfoRow::default()
        })
        .collect();
    check.inventory.apply(InventoryAction::Import { rows, replace: true }).unwrap();
    check.inventory.apply(InventoryAction::SetClasses(vec!["=1+2".into(), "@秘".into()])).unwrap();

    for kind in RegisterKind::ALL {
        let tables = register_tables(kind, &check, Lang::Ja);
        let bytes = tics_xlsx::workbook(&tables).unwrap();
        let mut book = open(&bytes);
        for (n, name) in book.sheet_names().iter().enumerate() {
            assert!(book.worksheet_formula(name).unwrap().used_cells().next().is_none(), "{kind:?} {name}: a formula");
            let xml = sheet_xml(&bytes, n + 1);
            assert!(!xml.contains("<f>") && !xml.contains("<f "), "{kind:?} {name}");
            assert!(!xml.contains("<script>"), "{kind:?} {name}");
        }
        let lists = book.worksheet_range(LIST_SHEET).unwrap();
        let listed: Vec<String> = lists.cells().filter_map(|(_, _, d)| d.as_string()).collect();
        for table in &tables {
            let range = book.worksheet_range(&table.name).unwrap();
            assert_eq!(range.get_value((1, 0)), Some(&Data::String("事業者名：=1+1".into())));
            for (r, row) in table.rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let got = range.get_value((header_row(table) + 1 + r as u32, c as u32));
                    assert_eq!(got.filter(|d| **d != Data::Empty).cloned(), text(cell), "{kind:?} ({r}, {c})");
                }
            }
            for column in &table.columns {
                for choice in &column.choices {
                    assert!(listed.contains(choice), "{kind:?}: {choice} on the list sheet as text");
                }
            }
        }
        // The drop-downs refer to the list sheet's cells; the user's text never becomes the list formula.
        for n in 1..=tables.len() {
            for formula in sheet_xml(&bytes, n).split("<formula1>").skip(1) {
                assert!(formula.starts_with("'選択肢 Lists'!$"), "{kind:?}: {formula}");
            }
        }
        assert!(part(&bytes, "xl/sharedStrings.xml").contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
    let tables = register_tables(RegisterKind::TakeOut, &check, Lang::Ja);
    let mut book = open(&tics_xlsx::workbook(&tables).unwrap());
    let lists = book.worksheet_range(LIST_SHEET).unwrap();
    let names: Vec<Data> = (1..=hostile.len() as u32).filter_map(|r| lists.get_value((r, 0)).cloned()).collect();
    assert_eq!(names, hostile.map(|h| Data::String(h.into())));
}

#[test]
fn an_empty_self_check_gives_workbooks_with_a_blank_for_the_business_and_only_the_fixed_lists() {
    let check = SelfCheck::default();
    for kind in RegisterKind::ALL {
        let tables = register_tables(kind, &check, Lang::Ja);
        let bytes = tics_xlsx::workbook(&tables).unwrap();
        let mut book = open(&bytes);
        for table in &tables {
            let range = book.worksheet_range(&table.name).unwrap();
            assert_eq!(range.get_value((1, 0)), Some(&Data::String("事業者名：＿＿＿＿＿＿＿＿＿＿＿＿".into())));
        }
        let lists: usize = tables.iter().flat_map(|t| &t.columns).filter(|c| !c.choices.is_empty()).count();
        let formulas: usize = (1..=tables.len()).map(|n| sheet_xml(&bytes, n).matches("<formula1>").count()).sum();
        assert_eq!(formulas, lists, "{kind:?}: one drop-down per column with values, none for empty lists");
    }
}

#[test]
fn registers_sent_as_json_make_the_same_workbook() {
    let check = sample();
    for kind in RegisterKind::ALL {
        let tables = register_tables(kind, &check, Lang::Ja);
        let json = tics_domain::workbook::WorkbookRequest::Tables(tables.clone()).to_json();
        assert_eq!(tics_domain::workbook::WorkbookRequest::from_json(&json).unwrap().into_tables(), tables);
        let direct = tics_xlsx::workbook(&tables).unwrap();
        let via_json = tics_xlsx::workbook_from_json(&json).unwrap();
        for n in 1..=tables.len() + 1 {
            assert_eq!(sheet_xml(&direct, n), sheet_xml(&via_json, n), "{kind:?} sheet {n}");
        }
    }
}

#[test]
fn the_result_workbook_gets_no_list_sheet_and_only_the_periodic_report_is_set_up_for_print() {
    use tics_domain::tables::workbook_tables;
    use tics_domain::Catalogue;
    let catalogue = Catalogue::from_json(include_str!("../../domain/tests/fixtures/catalogue.json")).unwrap();
    let tables = workbook_tables(&catalogue, &sample(), Lang::Ja);
    let bytes = tics_xlsx::workbook(&tables).unwrap();
    assert_eq!(open(&bytes).sheet_names().len(), tables.len());
    for (n, table) in tables.iter().enumerate() {
        let xml = sheet_xml(&bytes, n + 1);
        assert!(!xml.contains("<dataValidation"), "{xml}");
        // The periodic report is the one sheet made to be printed and handed over (A4 landscape).
        assert_eq!(xml.contains("<pageSetup"), table.print, "{}", table.name);
        let h = table.title.len() + 1;
        assert!(xml.contains(&format!(r#"<pane ySplit="{h}" topLeftCell="A{}""#, h + 1)), "{}", table.name);
    }
    assert_eq!(tables.iter().filter(|t| t.print).count(), 1);
}

#[test]
fn a_thousand_row_inventory_builds_every_register() {
    let mut check = sample();
    let forms = [InfoForm::Container, InfoForm::Area, InfoForm::OwnServer, InfoForm::Cloud, InfoForm::ThirdParty];
    let rows = (0..tics_domain::inventory::MAX_ROWS)
        .map(|n| InfoRow {
            name: format!("図面・データ {n:04}（製品{}系列の設計と製造条件）", n % 37),
            description: "現行製品の組立図・部品図と、歩留まりを左右する熱処理の条件".into(),
            forms: [forms[n % 5], forms[(n / 5) % 5]].into_iter().collect(),
            location: format!("第{}工場の保管庫 {}、ファイルサーバの共有フォルダ {}", n % 3 + 1, n % 40, n % 25),
            manager: format!("課長 {}", n % 30),
            classification: "社外秘".into(),
            entrusted: n % 4 == 0,
            ..InfoRow::default()
        })
        .collect();
    check.inventory.apply(InventoryAction::Import { rows, replace: true }).unwrap();

    let started = Instant::now();
    let all: Vec<(RegisterKind, Vec<Table>)> =
        RegisterKind::ALL.into_iter().map(|kind| (kind, register_tables(kind, &check, Lang::Ja))).collect();
    let made = started.elapsed();
    let sizes: Vec<(RegisterKind, Vec<u8>)> =
        all.iter().map(|(kind, tables)| (*kind, tics_xlsx::workbook(tables).unwrap())).collect();
    let elapsed = started.elapsed();
    let total: usize = sizes.iter().map(|(_, b)| b.len()).sum();
    // A figure for the report, not a limit: the host and the build profile decide it.
    eprintln!(
        "all six registers for a 1,000-row inventory: {:.0} ms on this host ({:.0} ms of it making the tables), \
         {} KB in all ({})",
        elapsed.as_secs_f64() * 1000.0,
        made.as_secs_f64() * 1000.0,
        total / 1024,
        sizes.iter().map(|(k, b)| format!("{k:?} {} KB", b.len() / 1024)).collect::<Vec<_>>().join(", ")
    );

    let (_, inventory) = &sizes[0];
    let mut book = open(inventory);
    let sheet = book.worksheet_range("目録").unwrap();
    assert_eq!(sheet.get_value((5, 0)), Some(&Data::String(check.inventory.rows[0].name.clone())));
    assert_eq!(sheet.get_value((5 + 999, 0)), Some(&Data::String(check.inventory.rows[999].name.clone())));
    let (_, takeout) = &sizes[1];
    let xml = sheet_xml(takeout, 1);
    assert!(xml.contains("<formula1>'選択肢 Lists'!$A$2:$A$1001</formula1>"), "all 1,000 names in the drop-down");
}

#[test]
fn more_blank_rows_than_excel_has_are_refused_with_a_message() {
    let mut tables = register_tables(RegisterKind::Visitors, &SelfCheck::default(), Lang::Ja);
    tables[0].blank_rows = 1_048_576;
    let err = tics_xlsx::workbook(&tables).unwrap_err();
    assert!(err.ja.contains("行数か列数が Excel の上限") && err.en.contains("more rows or columns"), "{err:?}");
}
