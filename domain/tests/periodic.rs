//! The periodic report by criterion: 表4-1's rows and their links, imported checksheets replacing them without
//! losing what was entered, and the one numbering style.
use tics_domain::catalogue::Catalogue;
use tics_domain::periodic::{default_rows, Criterion, CriterionField, PeriodicAction, PeriodicReport};
use tics_domain::{Action, SelfCheck};

fn standard() -> Catalogue {
    Catalogue::default_tics().expect("default catalogue")
}

fn imported(chapter: &str, section: &str, clause: &str, number: &str, content: &str) -> Criterion {
    Criterion {
        chapter: chapter.into(),
        section: section.into(),
        clause: clause.into(),
        number: number.into(),
        content: content.into(),
        ..Criterion::default()
    }
}

fn apply(check: &mut SelfCheck, c: &Catalogue, action: PeriodicAction) {
    check.apply(c, Action::Periodic(action)).expect("applies");
}

#[test]
fn the_standard_rows_are_the_15_checksheet_items_with_their_supporting_items() {
    let c = standard();
    let rows = default_rows(&c);
    let numbers: Vec<u8> = rows.iter().filter_map(|r| r.checksheet).collect();
    assert_eq!(numbers, (1..=15).collect::<Vec<u8>>());
    let chapters: Vec<&str> = rows.iter().map(|r| r.chapter.as_str()).collect();
    assert_eq!(&chapters[..13], ["Ⅰ", "Ⅰ", "Ⅰ", "Ⅰ", "Ⅰ", "Ⅰ", "Ⅰ", "Ⅰ", "Ⅰ", "Ⅰ", "Ⅲ", "Ⅳ", "Ⅳ"]);
    // Every item of the catalogue supports exactly one row.
    for item in &c.items {
        let holding: Vec<&str> = rows.iter().filter(|r| r.links.contains(&item.id)).map(|r| r.id.as_str()).collect();
        assert_eq!(holding.len(), 1, "{} is linked to {holding:?}", item.id);
    }
    let row = |n: usize| &rows[n - 1];
    assert_eq!(row(3).links, ["identify-entrusted", "identify-entrusted-list"], "entrusted information");
    assert!(row(12).links.contains(&"physical-area-badges".to_owned()), "the area measures support item 12");
    assert_eq!(row(13).links, ["physical-external-storage-contract"]);
    assert!(row(11).links.contains(&"physical-key-register".to_owned()));
    assert_eq!(row(1).content_in(&c, tics_domain::Lang::Ja), c.item("identify-procedure").unwrap().requirement.ja);
}

#[test]
fn an_imported_checksheet_replaces_the_rows_and_keeps_what_was_entered() {
    let c = standard();
    let mut check = SelfCheck::default();
    let text = |row: &str, field, text: &str| PeriodicAction::SetText { row: row.into(), field, text: text.into() };
    // Entries on two 表4-1 rows: one matches a row of the file by reference, one matches nothing.
    apply(&mut check, &c, text("cs-11", CriterionField::PeriodCheck, "金庫を確認"));
    apply(&mut check, &c, text("cs-11", CriterionField::Chapter, "Ⅲ 1"));
    apply(&mut check, &c, text("cs-15", CriterionField::Problems, "委託先の確認漏れ"));
    let rows = vec![
        imported("I", "第四", "1", "（１）", "管理簿を作り、持出し等を記録する"),
        imported("I", "第四", "6", "(1)", "マニュアルを作る"),
        imported("III", "1", "", "", "保管容器に施錠して保管する"),
    ];
    apply(&mut check, &c, PeriodicAction::Import { rows, source: "審査チェックシート.xlsx".into() });
    let report = &check.periodic;
    assert_eq!(report.source, "審査チェックシート.xlsx");
    let refs: Vec<String> = report.rows.iter().map(Criterion::reference).collect();
    assert_eq!(refs, ["Ⅰ 第四 1 (1)", "Ⅰ 第四 6 (1)", "Ⅲ 1", ""], "one numbering style; the kept row last");
    assert_eq!(report.rows[2].period_check, "金庫を確認", "matched by reference, the entry moves over");
    assert_eq!(report.rows[3].problems, "委託先の確認漏れ");
    assert!(report.rows[3].kept && !report.rows[2].kept);
    assert_eq!(report.rows[3].checksheet, Some(15), "the kept row still shows its 表4-1 text");
    // Linked by the catalogue's criteria references.
    assert_eq!(report.rows[0].links, ["process-register"]);
    assert_eq!(report.rows[1].links, ["process-manual"]);
    assert!(report.rows[2].links.contains(&"physical-container-storage".to_owned()), "chapter Ⅲ items");

    // Back to 表4-1: the entries return to their rows.
    apply(&mut check, &c, PeriodicAction::UseStandard);
    let rows = &check.periodic.rows;
    assert!(check.periodic.is_standard());
    let cs15 = rows.iter().find(|r| r.id == "cs-15").expect("row 15");
    assert_eq!(cs15.problems, "委託先の確認漏れ");
    assert!(rows.iter().any(|r| r.period_check == "金庫を確認"));
}

#[test]
fn links_can_be_added_and_removed_and_unknown_rows_or_items_are_refused() {
    let c = standard();
    let mut check = SelfCheck::default();
    apply(&mut check, &c, PeriodicAction::Link { row: "cs-1".into(), item: "access-register".into() });
    apply(&mut check, &c, PeriodicAction::Unlink { row: "cs-1".into(), item: "identify-procedure".into() });
    let row = &check.periodic.rows[0];
    assert!(row.links.contains(&"access-register".to_owned()));
    assert!(!row.links.contains(&"identify-procedure".to_owned()));
    let before = check.clone();
    assert!(check
        .apply(&c, Action::Periodic(PeriodicAction::Link { row: "cs-1".into(), item: "no-such".into() }))
        .is_err());
    assert!(check.apply(&c, Action::Periodic(PeriodicAction::DeleteRow("r99".into()))).is_err());
    let bad_date =
        PeriodicAction::SetText { row: "cs-1".into(), field: CriterionField::Date, text: "2026/13/01".into() };
    assert!(check.apply(&c, Action::Periodic(bad_date)).is_err());
    assert_eq!(check, before, "a refusal changes nothing");
}

#[test]
fn unchanged_is_one_click_dated_and_signed() {
    let c = standard();
    let mut check = SelfCheck::default();
    check.apply(&c, Action::SetDefaultChecker("山田".into())).unwrap();
    apply(
        &mut check,
        &c,
        PeriodicAction::MarkUnchanged {
            row: "cs-4".into(),
            unchanged: true,
            today: "2026-11-23".into(),
            checker: String::new(),
        },
    );
    let row = check.periodic.rows.iter().find(|r| r.id == "cs-4").unwrap();
    assert_eq!((row.unchanged, row.date.as_str(), row.checker.as_str()), (true, "2026-11-23", "山田"));
    assert_eq!(row.period_text(tics_domain::Lang::Ja), "変更無し");
}

#[test]
fn an_untouched_report_follows_the_catalogue_and_stores_nothing() {
    let c = standard();
    let check = SelfCheck::default();
    assert!(check.periodic.rows.is_empty());
    assert_eq!(check.periodic.rows(&c).len(), 15);
    assert_eq!(PeriodicReport::default().carry_forward(), PeriodicReport::default());
}
