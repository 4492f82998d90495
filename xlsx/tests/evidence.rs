//! The evidence list and the periodic report's evidence in the app's workbook, read back with calamine: what a
//! person opening the file in Excel sees. The hostile entry of the domain's sample (domain/tests/files.rs) must
//! come back as the text typed, never as a formula or markup.

mod common;
use common::part;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use tics_domain::evidence::{edit, EvidenceAction, EvidenceEntry, Fingerprint};
use tics_domain::tables::workbook_tables;
use tics_domain::{Action, Catalogue, Lang, SelfCheck, Status};

const HOSTILE: &str = "=HYPERLINK(\"http://x\") <b>鍵</b>";

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("../../domain/tests/fixtures/catalogue.json")).unwrap()
}

/// physical-container with the sample's two entries: one fingerprinted, one of hostile text.
fn sample(c: &Catalogue) -> SelfCheck {
    let mut s = SelfCheck::default();
    let mut run = |a: Action| s.apply(c, a).expect("applies");
    run(Action::SetOrganisation("株式会社テスト".into()));
    run(Action::SetForm(tics_domain::InfoForm::Container, true));
    run(Action::SetStatus { item: "physical-container".into(), status: Some(Status::Done), today: String::new() });
    let fingerprint = Fingerprint {
        sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".into(),
        file_name: "入退室記録_202604.pdf".into(),
        bytes: 3,
        taken_on: "2026-11-20".into(),
    };
    for entry in [
        EvidenceEntry {
            what: "入退室記録 2026年4月分".into(),
            kept_at: "総務部キャビネット".into(),
            version: "2026-04".into(),
            checker: "山田 太郎".into(),
            fingerprint: Some(fingerprint),
        },
        EvidenceEntry { what: HOSTILE.into(), kept_at: "+共有".into(), ..EvidenceEntry::default() },
    ] {
        run(edit(EvidenceAction::Add { item: "physical-container".into(), entry }));
    }
    s
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook")
}

#[test]
fn the_evidence_sheet_reads_back_with_every_entry_and_hostile_text_as_text() {
    let c = catalogue();
    for (lang, sheet, title) in [(Lang::Ja, "証跡一覧", "証跡一覧"), (Lang::En, "Evidence", "Evidence list")] {
        let tables = workbook_tables(&c, &sample(&c), lang);
        let bytes = tics_xlsx::workbook(&tables).unwrap();
        let mut book = open(&bytes);
        assert_eq!(book.sheet_names().last().map(String::as_str), Some(sheet), "{lang:?}");
        let range = book.worksheet_range(sheet).unwrap();
        let cell = |r: u32, col: u32| range.get_value((r, col)).cloned().unwrap_or(Data::Empty);
        let s = |v: &str| Data::String(v.to_owned());
        assert_eq!([cell(0, 0), cell(1, 0)], [s(title), s("株式会社テスト")], "{lang:?}");
        // Header on row 2, the entries under it.
        assert_eq!(cell(2, 10), s("SHA-256"));
        assert_eq!(cell(3, 1), s("physical-container"));
        assert_eq!(
            (cell(3, 4), cell(3, 9), cell(3, 10)),
            (
                s("入退室記録 2026年4月分"),
                s("3"),
                s("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            ),
            "{lang:?}"
        );
        // The hostile entry is the text typed: no apostrophe added (that is CSV's way), no formula, no markup.
        assert_eq!((cell(4, 4), cell(4, 5)), (s(HOSTILE), s("+共有")), "{lang:?}");
        assert!(book.worksheet_formula(sheet).unwrap().used_cells().next().is_none(), "{lang:?}: a formula");
        let n = tables.len();
        let xml = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(!xml.contains("<f>"), "{xml}");
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(
            strings.contains("=HYPERLINK(\"http://x\") &lt;b&gt;鍵&lt;/b&gt;"),
            "markup escaped as text: {strings}"
        );
        assert!(!strings.contains("<b>"), "{strings}");
    }
}

#[test]
fn the_periodic_sheet_cites_the_evidence_in_its_last_column() {
    let c = catalogue();
    let tables = workbook_tables(&c, &sample(&c), Lang::Ja);
    let periodic = tables.iter().find(|t| t.name == "定期報告").unwrap();
    let mut book = open(&tics_xlsx::workbook(&tables).unwrap());
    let range = book.worksheet_range("定期報告").unwrap();
    let h = periodic.title.len() as u32;
    let last = periodic.columns.len() as u32 - 1;
    assert_eq!(range.get_value((h, last)), Some(&Data::String("証跡".into())));
    let row = periodic.rows.iter().position(|r| r[0] == "Ⅲ").unwrap() as u32;
    assert_eq!(
        range.get_value((h + 1 + row, last)),
        Some(&Data::String(format!(
            "入退室記録 2026年4月分（総務部キャビネット, 2026-04, SHA-256 ba7816bf…）\n{HOSTILE}（+共有）"
        )))
    );
    assert!(book.worksheet_formula("定期報告").unwrap().used_cells().next().is_none());
}
