//! The periodic report as a workbook: 付録1's columns under the business and the period, set up to print on A4
//! landscape with the header on every page, and its sheet XML kept as golden bytes.
//!
//! Run with `UPDATE_GOLDEN=1 cargo test -p tics-xlsx --test periodic` to rewrite the golden files after an
//! intended change, then review the diff.

mod common;
use common::part;
use std::io::Cursor;
use std::path::PathBuf;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use tics_domain::periodic::{CriterionField, PeriodicAction};
use tics_domain::tables::periodic_table;
use tics_domain::{Action, Catalogue, Lang, SelfCheck};

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("../../domain/tests/fixtures/catalogue.json")).unwrap()
}

fn sample(c: &Catalogue) -> SelfCheck {
    let mut s = SelfCheck::default();
    let mut run = |a: Action| s.apply(c, a).expect("applies");
    run(Action::SetOrganisation("山田精工株式会社".into()));
    let text = |row: &str, field, text: &str| {
        Action::Periodic(PeriodicAction::SetText { row: row.into(), field, text: text.into() })
    };
    run(Action::Periodic(PeriodicAction::SetPeriod { from: "2026-04-01".into(), to: "2027-03-31".into() }));
    run(text("cs-1", CriterionField::AuditCheck, "管理簿を閲覧し、記録を確認した。"));
    run(Action::Periodic(PeriodicAction::MarkUnchanged {
        row: "cs-1".into(),
        unchanged: true,
        today: "2026-11-23".into(),
        checker: "山田".into(),
    }));
    run(text("cs-11", CriterionField::PeriodCheck, "=HYPERLINK(\"http://x\") 金庫を確認"));
    run(text("cs-11", CriterionField::Handling, "@鍵を交換"));
    s
}

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {}", path.display()));
    assert!(expected == actual, "{name} differs from its golden file:\n{actual}");
}

#[test]
fn the_periodic_workbook_reads_back_in_the_template_order_and_prints_on_a4_landscape() {
    let c = catalogue();
    let table = periodic_table(&c, &sample(&c), Lang::Ja);
    let bytes = tics_xlsx::workbook(std::slice::from_ref(&table)).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let range = book.worksheet_range(&table.name).unwrap();
    let cell = |r: u32, col: u32| range.get_value((r, col)).cloned().unwrap_or(Data::Empty);
    let s = |v: &str| Data::String(v.to_owned());
    assert_eq!(cell(0, 0), s("定期報告"));
    assert_eq!(cell(1, 0), s("山田精工株式会社"));
    assert_eq!(cell(2, 0), s("対象期間: 2026-04-01 〜 2027-03-31"));
    let h = table.title.len() as u32;
    let headers: Vec<Data> = (0..9).map(|col| cell(h, col)).collect();
    let expected: Vec<Data> =
        ["章", "節", "項", "番", "内容", "審査時の確認内容", "定期報告の確認内容", "確認日", "確認者"].map(s).to_vec();
    assert_eq!(headers, expected);
    assert_eq!([cell(h + 1, 0), cell(h + 1, 6), cell(h + 1, 8)], [s("Ⅰ"), s("変更無し"), s("山田")]);
    // Formula-like text stays text.
    assert_eq!(cell(h + 2, 6), s("=HYPERLINK(\"http://x\") 金庫を確認"));
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"orientation="landscape""#) && xml.contains(r#"paperSize="9""#), "{xml}");
    assert!(!xml.contains("<f>"), "no cell holds a formula");
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"), "the header repeats on every printed page");
    golden("periodic-sheet1.xml", &xml);
    golden("periodic-sharedStrings.xml", &part(&bytes, "xl/sharedStrings.xml"));
}
