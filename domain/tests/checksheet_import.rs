//! Audit checksheets and last year's periodic reports as businesses keep them — a title above the header, 付録1's
//! header of two rows, merged 章 and 節 cells, full-width digits, Latin Roman numerals, dates written several
//! ways, extra columns — read into the report's rows, checking what the user would see in the preview.
use tics_domain::catalogue::Catalogue;
use tics_domain::checksheet_import::{field_label, read_checksheet, FIELDS, SCHEMA};
use tics_domain::grid::{read_csv, read_text_file, Grid};
use tics_domain::import::{Choice, Preview};
use tics_domain::periodic::{Criterion, CriterionField, PeriodicAction, MAX_CRITERIA};
use tics_domain::tables::periodic_table;
use tics_domain::{Action, Lang, SelfCheck};

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("fixtures/catalogue.json")).expect("fixture catalogue is valid")
}

fn preview(text: &str) -> Preview<Criterion> {
    read_checksheet(&read_csv(text), None).unwrap()
}

fn keys(p: &Preview<Criterion>) -> Vec<Option<&str>> {
    p.mapping.iter().map(|k| k.as_deref()).collect()
}

fn references(p: &Preview<Criterion>) -> Vec<String> {
    p.rows.iter().map(Criterion::reference).collect()
}

fn warning<'p>(p: &'p Preview<Criterion>, en: &str) -> &'p str {
    p.warnings
        .iter()
        .find(|w| w.en.contains(en))
        .map(|w| w.ja.as_str())
        .unwrap_or_else(|| panic!("no warning with {en:?}: {:?}", p.warnings))
}

fn no_sjis(_: &[u8]) -> Option<String> {
    None
}

#[test]
fn the_header_is_found_on_row_3_below_a_merged_title_and_extra_columns_are_named() {
    // A title merged over A1:F1 reads as one cell and blanks; a date in the second title line's last cell.
    let text = "情報管理 審査チェックシート,,,,,,\n\
        ,,,,,作成 2026年3月,\n\
        章,節,項,番,内容,審査時の確認内容,備考\n\
        I,第四,1,(1),管理対象情報の台帳を作り、持ち出しと廃棄を記録する,台帳を閲覧し記録を確認した,重点\n\
        I,第四,6,(1),管理の手順を文書にまとめる,手順書を確認した,\n";
    let p = preview(text);
    assert_eq!(p.header_row, 3);
    assert_eq!(
        keys(&p),
        [Some("chapter"), Some("section"), Some("clause"), Some("number"), Some("content"), Some("audit_check"), None]
    );
    assert_eq!(p.row_numbers, [4, 5]);
    assert_eq!(references(&p), ["Ⅰ 第四 1 (1)", "Ⅰ 第四 6 (1)"]);
    assert_eq!(p.rows[0].content, "管理対象情報の台帳を作り、持ち出しと廃棄を記録する");
    assert_eq!(p.rows[0].audit_check, "台帳を閲覧し記録を確認した");
    assert!(p.problems.is_empty() && p.blocked.is_none(), "{p:?}");
    assert!(warning(&p, "not imported").contains("G 備考"));
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
}

/// 付録1's template: 審査 above the first 確認内容, 定期報告 above the second (merged over the date and checker).
const APPENDIX_1: &str = ",,,,,審査,定期報告,,\n\
    章,節,項,番,内容,確認内容,確認内容,確認日,確認者\n\
    I,第四,1,(1),台帳を作り、持ち出し・複製・廃棄を記録する,台帳の記録を閲覧した,今期の記録を閲覧した,2026/4/1,山田\n\
    ,,6,(1),具体的な手順を文書にまとめる,手順書を確認した,変更無し,2026年4月2日,山田\n\
    ,,,(2),手順書を取り扱う全員に周知する,周知の記録を確認した,,,\n\
    ,第六,1,,漏えいの疑いを報告させる手順を定める,報告手順を確認した,変更なし,2026.4.3,佐藤\n";

#[test]
fn a_two_row_header_tells_the_audits_check_from_this_periods() {
    let p = preview(APPENDIX_1);
    assert_eq!(p.header_row, 2);
    // Every field, in the report's own column order.
    assert_eq!(keys(&p), FIELDS.map(|(key, _, _)| Some(key)));
    // The two "確認内容" are told apart in the preview by their group.
    assert_eq!(p.headers[5..], ["審査 確認内容", "定期報告 確認内容", "確認日", "確認者"]);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(references(&p), ["Ⅰ 第四 1 (1)", "Ⅰ 第四 6 (1)", "Ⅰ 第四 6 (2)", "Ⅰ 第六 1"]);
    let r = &p.rows;
    assert_eq!(
        (r[0].audit_check.as_str(), r[0].period_check.as_str()),
        ("台帳の記録を閲覧した", "今期の記録を閲覧した")
    );
    assert_eq!((r[0].date.as_str(), r[0].checker.as_str(), r[0].unchanged), ("2026-04-01", "山田", false));
    assert!(r[1].unchanged && r[1].period_check.is_empty());
    assert_eq!(r[1].date, "2026-04-02");
    assert!(!r[2].unchanged && r[2].date.is_empty());
    assert!(r[3].unchanged);
    assert_eq!(r[3].date, "2026-04-03");
    // 章 filled into rows 4 to 6, 節 into rows 4 and 5, 項 into row 5: six cells.
    assert!(warning(&p, "blank 章/節/項").contains("6 個"));
}

#[test]
fn the_groups_decide_even_when_this_periods_check_comes_first() {
    let text = ",,定期報告,審査\n番,内容,確認内容,確認内容\n1,台帳を作る,今期も確認,台帳を確認\n";
    let p = preview(text);
    assert_eq!(keys(&p), [Some("number"), Some("content"), Some("period_check"), Some("audit_check")]);
    assert_eq!((p.rows[0].period_check.as_str(), p.rows[0].audit_check.as_str()), ("今期も確認", "台帳を確認"));
}

#[test]
fn a_lone_check_column_is_the_audits_and_a_title_above_the_header_is_no_group() {
    let p = preview("定期報告用チェックシート\n章,内容,確認内容\nII,鍵を管理する,鍵の台帳を確認\n");
    assert_eq!(keys(&p), [Some("chapter"), Some("content"), Some("audit_check")]);
    assert_eq!(p.headers, ["章", "内容", "確認内容"]);
    assert_eq!(p.rows[0].chapter, "Ⅱ");
}

#[test]
fn full_width_digits_and_latin_roman_numerals_are_normalised() {
    let text =
        "章,節,項,番,内容\nＩ,第四,１,（１）,台帳を作る\nIV,第二,１０,（２）,区域を分ける\nⅢ,第三,2,(3),施錠する\n";
    let p = preview(text);
    assert_eq!(references(&p), ["Ⅰ 第四 1 (1)", "Ⅳ 第二 10 (2)", "Ⅲ 第三 2 (3)"]);
}

#[test]
fn fill_down_stays_within_the_data_and_restarts_under_a_new_chapter() {
    let text = "章,節,項,番,内容\n\
        ,,,1,章のない行\n\
        I,第四,1,(1),一\n\
        ,,,(2),二\n\
        ,,2,(1),三\n\
        II,,,(1),四\n\
        ,第二,,(1),五\n\
        ,,,(2),六\n";
    let p = preview(text);
    assert_eq!(
        references(&p),
        ["1", "Ⅰ 第四 1 (1)", "Ⅰ 第四 1 (2)", "Ⅰ 第四 2 (1)", "Ⅱ (1)", "Ⅱ 第二 (1)", "Ⅱ 第二 (2)"]
    );
    // Nothing is filled from the header row; under Ⅱ, 第四 and 1 are not carried over.
    let sections: Vec<&str> = p.rows.iter().map(|r| r.section.as_str()).collect();
    assert_eq!(sections, ["", "第四", "第四", "第四", "", "第二", "第二"]);
    // 章: rows 4, 5, 7, 8; 節: rows 4, 5, 8; 項: row 4.
    assert!(warning(&p, "blank 章/節/項").contains("8 個"));
    assert!(p.warnings.iter().any(|w| w.en.starts_with("8 blank")), "{:?}", p.warnings);
}

#[test]
fn dates_in_every_accepted_form_and_a_bad_one_named_by_row_and_column() {
    let text = "チェックシート\n\
        \n\
        章,節,項,番,内容,審査時の確認内容,定期報告の確認内容,確認日,確認者\n\
        I,第四,1,(1),一,,,2026-04-01,\n\
        I,第四,1,(2),二,,,2026/4/1,\n\
        I,第四,1,(3),三,,,2026.4.1,\n\
        I,第四,1,(4),四,,,2026/13/1,山田\n\
        I,第四,1,(5),五,,,2026年4月1日,\n\
        I,第四,1,(6),六,,,令和8年4月1日,\n\
        I,第四,1,(7),七,,,２０２６／４／１,\n\
        I,第四,1,(8),八,,,20xx/xx/xx,\n\
        I,第四,1,(9),九,,,2026-02-29,\n";
    let p = preview(text);
    assert_eq!(p.header_row, 3);
    assert_eq!(p.rows_read, 9);
    assert_eq!(p.row_numbers, [4, 5, 6, 8, 9, 10]);
    assert!(p.rows.iter().all(|r| r.date == "2026-04-01"), "{:?}", p.rows);
    let at: Vec<(usize, &str, &str)> =
        p.problems.iter().map(|q| (q.row, q.column.as_str(), q.header.as_str())).collect();
    assert_eq!(at, [(7, "H", "確認日"), (11, "H", "確認日"), (12, "H", "確認日")]);
    assert!(p.problems[0].message.en.contains("\"2026/13/1\" is not a real date"), "{:?}", p.problems[0]);
    assert!(p.problems[1].message.ja.contains("「20xx/xx/xx」を日付として読み取れません"));
    assert!(p.problems[2].message.en.contains("not a real date"));
}

#[test]
fn no_content_column_blocks_the_import_and_names_the_columns_found() {
    let text = "章,節,番,担当\nI,第四,(1),山田\n";
    let p = preview(text);
    let why = p.blocked.clone().unwrap();
    assert!(
        why.ja.contains("「内容」にあたる列が見つかりません。見つかった列: A 章、B 節、C 番、D 担当"),
        "{}",
        why.ja
    );
    assert!(why.en.contains("No column holds the \"Content\". Columns found: A 章, B 節, C 番, D 担当"), "{}", why.en);
    assert!(p.rows.is_empty() && p.problems.is_empty());

    // The user says which column holds the text: the file imports.
    let choice =
        Choice { mapping: Some(vec![Some("chapter".into()), None, None, Some("content".into())]), ..Choice::default() };
    let p = read_checksheet(&read_csv(text), Some(&choice)).unwrap();
    assert_eq!((p.rows[0].chapter.as_str(), p.rows[0].content.as_str()), ("Ⅰ", "山田"));
    assert!(warning(&p, "not imported").contains("B 節、C 番"));

    let twice = Choice { mapping: Some(vec![Some("content".into()), Some("content".into())]), ..Choice::default() };
    let p = read_checksheet(&read_csv(text), Some(&twice)).unwrap();
    assert!(p.blocked.unwrap().en.contains("Columns A and B are both read as \"Content\""));
    let unknown = Choice { mapping: Some(vec![Some("name".into())]), ..Choice::default() };
    assert!(read_checksheet(&read_csv(text), Some(&unknown)).unwrap_err().en.contains("no field \"name\""));
}

#[test]
fn a_row_without_content_is_a_problem_and_blank_rows_are_skipped() {
    let text = "章,節,番,内容,備考\n\
        I,第四,(1),台帳を作る,\n\
        ,,(2),,内容を書き忘れた\n\
        ,,,,\n\
        ,,,,メモだけの行\n\
        ,,(3),周知する,\n";
    let p = preview(text);
    assert_eq!(p.row_numbers, [2, 6]);
    assert_eq!(p.rows_read, 3);
    assert_eq!(p.problems.len(), 1);
    let q = &p.problems[0];
    assert_eq!((q.row, q.column.as_str(), q.header.as_str()), (3, "D", "内容"));
    assert!(q.message.en.contains("\"Content\" is blank"), "{q:?}");
}

#[test]
fn the_longer_of_two_content_columns_is_taken() {
    // 付録1's example: a short 内容 (the criterion's title) left of the long one (its text).
    let text = "章,番,内容,内容,審査時の確認内容\n\
        I,(1),管理簿,管理者は、持ち出し、複製、廃棄等の状況を管理するための管理簿を作成する。,閲覧した\n\
        I,(2),周知,経営層は、手順書を取り扱う可能性のある全ての者に周知する。,確認した\n";
    let p = preview(text);
    assert_eq!(keys(&p), [Some("chapter"), Some("number"), None, Some("content"), Some("audit_check")]);
    assert!(p.rows[0].content.starts_with("管理者は"));
    assert!(warning(&p, "not imported").contains("C 内容"));
    // The user's own choice stands.
    let choice = Choice { mapping: Some(vec![None, None, Some("content".into()), None, None]), ..Choice::default() };
    let p = read_checksheet(&read_csv(text), Some(&choice)).unwrap();
    assert_eq!(p.rows[0].content, "管理簿");
}

#[test]
fn a_utf8_csv_with_a_byte_order_mark_is_read() {
    let bytes = "\u{feff}章,節,項,番,内容,審査時の確認内容\r\nI,第四,1,(1),台帳を作る,閲覧した\r\n".as_bytes();
    let grid = read_text_file(bytes, &no_sjis).unwrap();
    let p = read_checksheet(&grid, None).unwrap();
    assert_eq!(p.headers[0], "章");
    assert_eq!(references(&p), ["Ⅰ 第四 1 (1)"]);
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn more_rows_than_a_report_holds_are_refused() {
    let mut text = String::from("番,内容\n");
    for n in 0..=MAX_CRITERIA {
        text.push_str(&format!("{n},基準{n}\n"));
    }
    let why = read_checksheet(&read_csv(&text), None).unwrap_err();
    assert!(why.ja.contains("1,001 行") && why.ja.contains("定期報告に読み込めるのは 1,000 行まで"), "{}", why.ja);
    assert!(why.en.contains("a periodic report holds at most 1,000"), "{}", why.en);
    assert!(read_checksheet(&Grid::default(), None).is_err());
}

#[test]
fn last_years_report_exported_by_this_app_reads_back_in_both_languages() {
    let c = catalogue();
    let mut check = SelfCheck::default();
    let rows = vec![
        Criterion {
            chapter: "Ⅰ".into(),
            section: "第四".into(),
            clause: "1".into(),
            number: "(1)".into(),
            content: "台帳を作る".into(),
            audit_check: "閲覧した".into(),
            ..Criterion::default()
        },
        Criterion { chapter: "Ⅲ".into(), content: "施錠する".into(), ..Criterion::default() },
    ];
    check.apply(&c, Action::Periodic(PeriodicAction::Import { rows, source: "cs.xlsx".into() })).unwrap();
    let edits = [
        PeriodicAction::SetText {
            row: "r1".into(), field: CriterionField::PeriodCheck, text: "記録を閲覧".into()
        },
        PeriodicAction::SetText { row: "r1".into(), field: CriterionField::Date, text: "2026-04-01".into() },
        PeriodicAction::SetText { row: "r1".into(), field: CriterionField::Checker, text: "山田".into() },
        PeriodicAction::MarkUnchanged {
            row: "r2".into(),
            unchanged: true,
            today: "2026-04-02".into(),
            checker: "佐藤".into(),
        },
    ];
    for edit in edits {
        check.apply(&c, Action::Periodic(edit)).unwrap();
    }
    for lang in [Lang::Ja, Lang::En] {
        let csv = tics_domain::csv::to_csv(&periodic_table(&c, &check, lang));
        let p = read_checksheet(&read_text_file(&csv, &no_sjis).unwrap(), None).unwrap();
        assert_eq!(p.mapping.iter().flatten().count(), 9, "{lang:?}: {:?} {:?}", p.headers, p.mapping);
        assert!(p.problems.is_empty() && p.blocked.is_none(), "{p:?}");
        let stored = &check.periodic.rows;
        for (read, kept) in p.rows.iter().zip(stored) {
            let fields = |r: &Criterion| {
                (
                    r.reference(),
                    r.content.clone(),
                    r.audit_check.clone(),
                    r.period_check.clone(),
                    r.unchanged,
                    r.date.clone(),
                    r.checker.clone(),
                )
            };
            assert_eq!(fields(read), fields(kept), "{lang:?}");
        }
    }
}

#[test]
fn every_field_has_a_label_and_the_reports_own_headers_map_to_it() {
    for (key, ja, en) in FIELDS {
        assert!(SCHEMA.has_key(key), "{key}");
        assert_eq!(field_label(key).unwrap().en, en);
        for header in [ja, en] {
            assert_eq!(SCHEMA.field_for(header).map(|(k, _)| k), Some(key), "{header}");
        }
    }
    assert_eq!(SCHEMA.fields.len(), FIELDS.len());
}

#[test]
fn headings_of_realistic_checksheets_are_recognised() {
    // Headings seen in audit checksheets: the certification bodies' own wording varies.
    let cases = [
        ("審査時の確認事項", "audit_check"),
        ("審査の確認事項", "audit_check"),
        ("審査確認事項", "audit_check"),
        ("審査時確認事項", "audit_check"),
        ("審査時の確認状況", "audit_check"),
        ("確認事項", "audit_check"),
        ("定期報告の確認事項", "period_check"),
        ("今回の確認事項", "period_check"),
        ("基準内容", "content"),
        ("審査基準", "content"),
        ("確認年月日", "date"),
        ("確認者名", "checker"),
    ];
    for (heading, key) in cases {
        // A content column first, unless the heading is the content's own.
        let first = if key == "content" { "番号" } else { "内容" };
        let p = preview(&format!("{first},{heading}\n重要情報を特定している,x\n"));
        assert_eq!(keys(&p)[1], Some(key), "{heading}");
    }
}
