//! Result files: golden bytes of the CSV files and the JSON envelope, import of every kind of bad input, and
//! export → import round trips over generated self-checks.
//!
//! Run with `UPDATE_GOLDEN=1 cargo test -p tics-domain --test files` to rewrite the golden files after an
//! intended change, then review the diff.
use std::path::PathBuf;

use proptest::prelude::*;
use tics_domain::catalogue::{Catalogue, Threat};
use tics_domain::csv::to_csv;
use tics_domain::deadlines::{set_certification, Certification};
use tics_domain::envelope::{export_json, import_json, ImportError, Origin, MAX_IMPORT_BYTES};
use tics_domain::evidence::{EvidenceAction, EvidenceEntry, Fingerprint};
use tics_domain::inventory::{inventory_table, InventoryAction, RowField};
use tics_domain::library::{Library, LibraryAction};
use tics_domain::periodic::{CriterionField, PeriodicAction, PeriodicReport};
use tics_domain::saved::{SavedState, STORAGE_BUDGET};
use tics_domain::selfcheck::{DocumentField, Invalid, PlanField, Priority, StatementField};
use tics_domain::tables::{
    evidence_table, periodic_print_table, periodic_table, plan_table, results_table, summary_table, threat_table,
    workbook_tables,
};
use tics_domain::team::{Person, TeamAction};
use tics_domain::{Action, InfoForm, Lang, SelfCheck, Status};

mod common;

use common::{action_strategy, status_strategy};

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("fixtures/catalogue.json")).expect("fixture catalogue is valid")
}

const ORIGIN: Origin = Origin {
    app_version: "0.0.0-test",
    saved_at: "2026-11-22T09:30:00+09:00",
    name: "本社工場 2026",
    id: "sc-fixture",
};

/// A self-check with the awkward text real users type: commas, quotes, newlines, leading = + - @.
fn sample() -> SelfCheck {
    let c = catalogue();
    let mut s = SelfCheck::default();
    let mut run = |a: Action| s.apply(&c, a).expect("applies");
    run(Action::SetOrganisation("株式会社テスト".into()));
    run(Action::SetDefaultChecker("山田 太郎".into()));
    run(Action::SetForm(InfoForm::Container, true));
    run(Action::SetTargetLevel(2));
    let set =
        |item: &str, status| Action::SetStatus { item: item.into(), status: Some(status), today: "2026-11-20".into() };
    run(set("identify-procedure", Status::Done));
    run(Action::SetNote {
        item: "identify-procedure".into(),
        text: "規程 第3条, \"重要情報\"の定義\n2026年改訂".into(),
    });
    run(set("identify-inventory", Status::Partial));
    run(Action::SetNote { item: "identify-inventory".into(), text: "=HYPERLINK(\"http://x\")".into() });
    run(set("physical-container", Status::NotDone));
    run(Action::SetNote { item: "physical-container".into(), text: "+81 鍵は総務; -1 @all\ttab".into() });
    run(Action::SetPlanText {
        item: "physical-container".into(),
        field: PlanField::Measure,
        text: "耐火金庫を購入し、鍵の貸出し簿を作る".into(),
    });
    run(Action::SetPlanText {
        item: "physical-container".into(), field: PlanField::Owner, text: "総務部 佐藤".into()
    });
    run(Action::SetPlanText { item: "physical-container".into(), field: PlanField::Due, text: "2027-03-31".into() });
    run(Action::SetPriority { item: "identify-inventory".into(), priority: Some(Priority::High) });
    let periodic = |a: PeriodicAction| Action::Periodic(a);
    let text = |row: &str, field, text: &str| {
        Action::Periodic(PeriodicAction::SetText { row: row.into(), field, text: text.into() })
    };
    run(periodic(PeriodicAction::SetPeriod { from: "2026-04-01".into(), to: "2027-03-31".into() }));
    run(text("cs-1", CriterionField::AuditCheck, "規程を閲覧し確認した。"));
    run(periodic(PeriodicAction::MarkUnchanged {
        row: "cs-1".into(),
        unchanged: true,
        today: "2026-11-21".into(),
        checker: String::new(),
    }));
    run(text("cs-11", CriterionField::PeriodCheck, "金庫と鍵の貸出し簿を確認した。"));
    run(text("cs-11", CriterionField::Problems, "鍵が1本所在不明"));
    run(text("cs-11", CriterionField::Handling, "金庫の鍵の所在不明 → 交換済み"));
    run(periodic(PeriodicAction::AddRow { id: String::new() }));
    run(text("r1", CriterionField::Chapter, "IV"));
    run(text("r1", CriterionField::Content, "=HYPERLINK(\"http://x\") <b>区域</b>"));
    run(periodic(PeriodicAction::SetExcluded { row: "r1".into(), excluded: true }));
    run(text("r1", CriterionField::ExcludedReason, "今期は区域の改装中"));
    run(text("r1", CriterionField::ExcludedBy, "代表取締役 鈴木"));
    run(periodic(PeriodicAction::SpreadRotation));
    run(Action::SetStatementText { field: StatementField::IssuerAddress, text: "東京都千代田区1-1".into() });
    run(Action::Inventory(InventoryAction::AddExample(4)));
    run(Action::Inventory(InventoryAction::Add));
    for (field, text) in [
        (RowField::Name, "=cmd|' /C calc'!A0"),
        (RowField::Description, "<script>alert(1)</script>, \"引用\"\n2行目"),
        (RowField::Manager, "@総務"),
        (RowField::BusinessArea, "+SUM(1)"),
        (RowField::Registered, "2026-04-01"),
    ] {
        run(Action::Inventory(InventoryAction::Edit { row: 1, field, text: text.into() }));
    }
    run(Action::Inventory(InventoryAction::SetForm { row: 1, form: InfoForm::Area, on: true }));
    run(Action::SetDocumentText { field: DocumentField::Manager, text: "代表取締役 山田 太郎".into() });
    run(Action::SetFeared(Threat::Outsider, true));
    run(Action::SetFeared(Threat::Insider, true));
    // Version 5: the certification, the evidence index (with hostile text and a fingerprint) and the team.
    run(set_certification(Some(Certification { from: "2026-04-01".into(), valid_years: 3 })));
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
        EvidenceEntry {
            what: "=HYPERLINK(\"http://x\") <b>鍵</b>".into(),
            kept_at: "+共有".into(),
            ..Default::default()
        },
    ] {
        run(tics_domain::evidence::edit(EvidenceAction::Add { item: "physical-container".into(), entry }));
    }
    let person = Person { id: "p1".into(), name: "佐藤".into(), department: "製造部".into() };
    run(tics_domain::team::edit(TeamAction::AddPerson(person)));
    run(tics_domain::team::edit(TeamAction::AssignTopic { topic: "physical".into(), person: Some("p1".into()) }));
    s
}

fn golden(name: &str, actual: &[u8]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| panic!("missing golden file {}", path.display()));
    assert!(actual == expected.as_slice(), "{name} differs from its golden file:\n{}", String::from_utf8_lossy(actual));
}

#[test]
fn csv_files_match_their_golden_bytes() {
    let (c, s) = (catalogue(), sample());
    golden("results.ja.csv", &to_csv(&results_table(&c, &s, Lang::Ja)));
    golden("results.en.csv", &to_csv(&results_table(&c, &s, Lang::En)));
    golden("plan.ja.csv", &to_csv(&plan_table(&c, &s, Lang::Ja)));
    golden("periodic.ja.csv", &to_csv(&periodic_table(&c, &s, Lang::Ja)));
    golden("periodic.en.csv", &to_csv(&periodic_table(&c, &s, Lang::En)));
    golden("summary.ja.csv", &to_csv(&summary_table(&c, &s, Lang::Ja)));
    golden("inventory.ja.csv", &to_csv(&inventory_table(&s.inventory, Lang::Ja)));
    golden("inventory.en.csv", &to_csv(&inventory_table(&s.inventory, Lang::En)));
    golden("threats.ja.csv", &to_csv(&threat_table(&c, &s, Lang::Ja)));
    golden("evidence.ja.csv", &to_csv(&evidence_table(&c, &s, Lang::Ja)));
    golden("evidence.en.csv", &to_csv(&evidence_table(&c, &s, Lang::En)));
}

#[test]
fn csv_has_bom_crlf_quotes_and_neutralised_formulas() {
    let bytes = to_csv(&results_table(&catalogue(), &sample(), Lang::Ja));
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\r'));
    // A note with comma, quotes and a newline is one quoted field with doubled quotes.
    assert!(text.contains("\"規程 第3条, \"\"重要情報\"\"の定義\n2026年改訂\""));
    // Formula-like notes are neutralised with a leading apostrophe.
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
    assert!(text.contains("'+81 鍵は総務; -1 @all\ttab"));
    assert!(!text.contains(",=") && !text.contains(",+81"));
}

#[test]
fn periodic_report_uses_the_template_columns_and_no_change() {
    let table = periodic_table(&catalogue(), &sample(), Lang::Ja);
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        &headers[..9],
        ["章", "節", "項", "番", "内容", "審査時の確認内容", "定期報告の確認内容", "確認日", "確認者"]
    );
    assert_eq!(table.rows.len(), 3, "the fixture's two checksheet items and one added row");
    let row = &table.rows[0];
    assert_eq!(&row[..4], ["Ⅰ", "第四", "1", "(1)"], "one numbering style: Ⅰ, not I");
    assert_eq!(row[4], "規程に従い、重要情報を特定している。", "a 表4-1 row shows its item's text");
    assert_eq!(row[5], "規程を閲覧し確認した。");
    assert_eq!(row[6], "変更無し");
    assert_eq!((row[7].as_str(), row[8].as_str()), ("2026-11-21", "山田 太郎"));
    let container = &table.rows[1];
    assert_eq!((container[0].as_str(), container[12].as_str()), ("Ⅲ", "鍵が1本所在不明"));
    assert!(container[15].contains("（未実施）"), "supporting items with their status: {}", container[15]);
    let added = &table.rows[2];
    assert_eq!(added[0], "Ⅳ");
    assert_eq!(added[6], "今回は確認の対象外（理由: 今期は区域の改装中）");
    assert_eq!((added[9].as_str(), added[11].as_str()), ("はい", "代表取締役 鈴木"));
    let years: Vec<&str> = table.rows.iter().map(|r| r[14].as_str()).collect();
    assert_eq!(years, ["1", "2", "3"], "spread evenly over the three years");
    assert!(table.print, "set up for A4 landscape with the header on every page");
    assert_eq!(table.title[..3], ["定期報告", "株式会社テスト", "対象期間: 2026-04-01 〜 2027-03-31"]);
}

#[test]
fn plan_lists_gaps_by_priority_then_the_items_done_without_evidence() {
    let table = plan_table(&catalogue(), &sample(), Lang::Ja);
    let ids: Vec<&str> = table.rows.iter().map(|r| r[2].as_str()).collect();
    // identify-inventory was raised to high; both are high, so gap order (mandatory first) decides. Then
    // identify-procedure: done, with no evidence recorded (physical-container has evidence, but is no gap of
    // that kind: it is not done).
    assert_eq!(ids, ["physical-container", "identify-inventory", "identify-procedure"]);
    assert_eq!(table.rows[0][6], "耐火金庫を購入し、鍵の貸出し簿を作る");
    let missing = &table.rows[2];
    assert_eq!((missing[0].as_str(), missing[5].as_str()), ("", "実施"), "no priority: it is no gap");
    assert!(missing[6].starts_with("証跡を記録する"), "{}", missing[6]);
    let en = plan_table(&catalogue(), &sample(), Lang::En);
    assert_eq!(en.rows[2][6], "Record the evidence (done, but no record showing it is listed)");

    // Recording evidence for it takes it off the plan; an entry that names nothing does not.
    let (c, mut s) = (catalogue(), sample());
    let blank = EvidenceEntry { kept_at: "総務部".into(), ..EvidenceEntry::default() };
    s.apply(&c, tics_domain::evidence::edit(EvidenceAction::Add { item: "identify-procedure".into(), entry: blank }))
        .expect("applies");
    assert_eq!(plan_table(&c, &s, Lang::Ja).rows.len(), 3);
    let entry = EvidenceEntry { what: "重要情報の特定手順書".into(), ..EvidenceEntry::default() };
    s.apply(&c, tics_domain::evidence::edit(EvidenceAction::Add { item: "identify-procedure".into(), entry }))
        .expect("applies");
    assert_eq!(plan_table(&c, &s, Lang::Ja).rows.len(), 2);
}

#[test]
fn the_evidence_list_has_a_row_per_entry_with_its_item_and_whole_fingerprint() {
    let (c, s) = (catalogue(), sample());
    let ja = evidence_table(&c, &s, Lang::Ja);
    assert_eq!(ja.name, "証跡一覧");
    assert_eq!(ja.title, ["証跡一覧", "株式会社テスト"], "the business above the header (not in CSV files)");
    let headers: Vec<&str> = ja.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        [
            "トピック",
            "項目ID",
            "項目",
            "状況",
            "証跡",
            "保管場所",
            "日付・版",
            "確認者",
            "ファイル名",
            "サイズ（バイト）",
            "SHA-256",
            "指紋を取った日"
        ]
    );
    assert_eq!(ja.rows.len(), 2, "the sample's two entries");
    let item = c.item("physical-container").expect("in the fixture");
    assert_eq!(ja.rows[0][1..4], ["physical-container".to_owned(), item.title.ja.clone(), "未実施".to_owned()]);
    assert_eq!(
        ja.rows[0][4..],
        [
            "入退室記録 2026年4月分",
            "総務部キャビネット",
            "2026-04",
            "山田 太郎",
            "入退室記録_202604.pdf",
            "3",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "2026-11-20"
        ]
    );
    // An entry without a fingerprint leaves its four cells empty (no size 0).
    assert_eq!(ja.rows[1][4..6], ["=HYPERLINK(\"http://x\") <b>鍵</b>", "+共有"]);
    assert!(ja.rows[1][8..].iter().all(String::is_empty), "{:?}", ja.rows[1]);
    let en = evidence_table(&c, &s, Lang::En);
    assert_eq!((en.name.as_str(), en.columns[9].header.as_str()), ("Evidence", "Size (bytes)"));
    assert_eq!(en.rows[0][3], "Not done");
    assert_eq!(workbook_tables(&c, &s, Lang::Ja).last(), Some(&ja), "the workbook's last sheet");
    // Nothing recorded: the header alone.
    assert!(evidence_table(&c, &SelfCheck::default(), Lang::Ja).rows.is_empty());
}

#[test]
fn hostile_evidence_is_neutralised_in_the_evidence_csv_and_markup_stays_text() {
    let bytes = to_csv(&evidence_table(&catalogue(), &sample(), Lang::Ja));
    let text = String::from_utf8(bytes).expect("utf-8");
    // A formula prefix gets an apostrophe (quoted, since the cell holds quotes); markup is kept as the text typed.
    assert!(text.contains(",\"'=HYPERLINK(\"\"http://x\"\") <b>鍵</b>\",'+共有,"), "{text}");
    assert!(!text.contains(",=") && !text.contains(",+"), "{text}");
    assert!(text.contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

#[test]
fn the_periodic_report_cites_the_evidence_of_each_rows_supporting_items_in_its_own_last_column() {
    let (c, s) = (catalogue(), sample());
    let fingerprinted = "入退室記録 2026年4月分（総務部キャビネット, 2026-04, SHA-256 ba7816bf…）";
    let hostile = "=HYPERLINK(\"http://x\") <b>鍵</b>（+共有）";
    for (lang, header, cited, none) in [
        (Lang::Ja, "証跡", format!("{fingerprinted}\n{hostile}"), ""),
        (
            Lang::En,
            "Evidence",
            "入退室記録 2026年4月分 (総務部キャビネット, 2026-04, SHA-256 ba7816bf…)\n=HYPERLINK(\"http://x\") <b>鍵</b> (+共有)"
                .to_owned(),
            "",
        ),
    ] {
        let table = periodic_table(&c, &s, lang);
        assert_eq!(table.columns.last().map(|c| c.header.as_str()), Some(header), "{lang:?}");
        let last = table.columns.len() - 1;
        // cs-11 is physical-container's row; cs-1 (identify-procedure) has no evidence.
        let cs11 = table.rows.iter().position(|r| r[0] == "Ⅲ").expect("row cs-11");
        assert_eq!(table.rows[cs11][last], cited, "{lang:?}");
        assert_eq!(table.rows[0][last], none, "{lang:?}");
        // The printed sheet: 付録1's nine columns, the notes, then the same evidence.
        let sheet = tics_domain::sheet::printed_sheet(&c, &s, lang);
        assert_eq!(sheet.table.columns.len(), 11, "{lang:?}");
        assert_eq!(sheet.table.columns[..9], table.columns[..9], "{lang:?}");
        assert_eq!(sheet.table.columns[10].header, header, "{lang:?}");
        assert_eq!(sheet.table.rows[cs11][10], cited, "{lang:?}");
        assert_eq!(sheet.table.rows[cs11][9], periodic_print_table(&c, &s, lang).rows[cs11][9]);
        assert!(sheet.table.rows[cs11][9].contains(if lang == Lang::Ja { "鍵が1本所在不明" } else { "Problem" }));
    }
    // In the CSV the hostile citation is not a formula: it starts with the citation of the other entry.
    let csv = String::from_utf8(to_csv(&periodic_table(&c, &s, Lang::Ja))).expect("utf-8");
    assert!(csv.contains(&format!("\"{fingerprinted}\n=HYPERLINK(\"\"http://x\"\") <b>鍵</b>（+共有）\"")), "{csv}");
}

#[test]
fn json_envelope_matches_its_golden_bytes_and_names_what_it_holds() {
    let json = export_json(&catalogue(), &sample(), &ORIGIN);
    golden("result.json", json.as_bytes());
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["format"], "tics-self-check-result");
    assert_eq!(value["schema_version"], 5);
    assert_eq!(value["content"]["certification"]["valid_years"], 3);
    assert_eq!(value["content"]["evidence"]["physical-container"][0]["fingerprint"]["bytes"], 3);
    assert_eq!(value["content"]["team"]["topics"]["physical"], "p1");
    assert_eq!(value["content"]["inventory"]["rows"][0]["name"], "顧客A社の部品図面");
    assert_eq!(value["catalogue"]["id"], "fixture");
    assert_eq!(value["digest"]["algorithm"], "SHA-256");
    assert!(value["digest"]["note"].as_str().unwrap_or_default().contains("not a signature"));
}

#[test]
fn export_then_import_gives_the_same_self_check() {
    let (c, s) = (catalogue(), sample());
    let imported = import_json(export_json(&c, &s, &ORIGIN).as_bytes(), &c).expect("imports");
    assert_eq!(imported.check, s);
    assert_eq!((imported.name.as_str(), imported.id.as_str()), ("本社工場 2026", "sc-fixture"));
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

fn import_err(bytes: &[u8]) -> ImportError {
    import_json(bytes, &catalogue()).expect_err("must be refused")
}

#[test]
fn bad_files_are_refused_with_a_message_naming_the_problem() {
    let c = catalogue();
    let good = export_json(&c, &sample(), &ORIGIN);

    // Cut on a character boundary: a cut inside a character would be a different fault (not UTF-8).
    let half = (0..=good.len() / 2).rev().find(|&n| good.is_char_boundary(n)).unwrap_or(0);
    let truncated = &good.as_bytes()[..half];
    assert_eq!(import_err(truncated), ImportError::Truncated);
    assert!(matches!(import_err(b"name,status\r\nx,done\r\n"), ImportError::NotJson { line: 1, .. }));
    assert_eq!(import_err(b""), ImportError::Empty);
    assert_eq!(import_err(b"PK\x03\x04\x14\x00\x00\x00binary"), ImportError::Binary);
    assert_eq!(import_err(b"\x89PNG\r\n\x1a\n\x00\x00"), ImportError::Binary);
    let big = vec![b' '; MAX_IMPORT_BYTES + 1];
    assert!(matches!(import_err(&big), ImportError::TooLarge { .. }));

    let other = good.replace("tics-self-check-result", "tics-self-check-catalogue");
    assert!(
        matches!(import_err(other.as_bytes()), ImportError::WrongFormat { found } if found == "tics-self-check-catalogue")
    );
    let newer = good.replace("\"schema_version\": 5", "\"schema_version\": 6");
    assert_eq!(import_err(newer.as_bytes()), ImportError::NewerSchema { found: 6 });
    let edited = good.replace("耐火金庫", "手提げ金庫");
    assert_eq!(import_err(edited.as_bytes()), ImportError::DigestMismatch);

    // "本社" in Shift_JIS inside otherwise ASCII JSON.
    let sjis = b"{\"name\": \"\x96\x7b\x8e\xd0\"}";
    assert_eq!(import_err(sjis), ImportError::NotUtf8 { looks_like_shift_jis: true });
    assert_eq!(import_err(b"{\"a\": \"\xff\xfe\"}"), ImportError::NotUtf8 { looks_like_shift_jis: false });
}

#[test]
fn every_refusal_has_a_japanese_and_an_english_message() {
    for e in [
        ImportError::TooLarge { bytes: 6_000_000 },
        ImportError::Empty,
        ImportError::Binary,
        ImportError::Utf16,
        ImportError::TooDeep,
        ImportError::NotAnObject { found: "array" },
        ImportError::MissingFormat,
        ImportError::CannotBeSaved { needed: 2_000_000, limit: STORAGE_BUDGET, alone: 10 },
        ImportError::CannotBeSaved { needed: 2_000_000, limit: STORAGE_BUDGET, alone: 2_000_000 },
        ImportError::NotUtf8 { looks_like_shift_jis: true },
        ImportError::NotUtf8 { looks_like_shift_jis: false },
        ImportError::Truncated,
        ImportError::NotJson { line: 3, column: 7 },
        ImportError::WrongFormat { found: "x".into() },
        ImportError::NewerSchema { found: 9 },
        ImportError::MissingDigest,
        ImportError::DigestMismatch,
        ImportError::InvalidContent { detail: "x".into() },
        ImportError::InvalidValues {
            problems: vec![Invalid {
                path: "content.target_level".into(),
                value: "9".into(),
                allowed: tics_domain::Text::new("1〜3 の整数", "a whole number from 1 to 3"),
            }],
        },
    ] {
        let m = e.message();
        assert!(!m.ja.is_empty() && !m.en.is_empty(), "{e:?}");
        assert!(m.ja.chars().any(|c| c > '\u{3000}'), "Japanese text for {e:?}");
    }
    assert!(ImportError::TooLarge { bytes: 6_000_000 }.message().en.contains("5 MB"));
    assert!(ImportError::NotUtf8 { looks_like_shift_jis: true }.message().ja.contains("Shift_JIS"));
}

/// Rewrites a file's content and recomputes the digest, as an older app version would have written it.
fn with_content(file: &str, edit: impl FnOnce(&mut serde_json::Value), schema: u64) -> String {
    let mut value: serde_json::Value = serde_json::from_str(file).expect("json");
    edit(&mut value["content"]);
    value["schema_version"] = schema.into();
    let canon = serde_json::to_vec(&value["content"]).expect("canonical");
    value["digest"]["value"] = sha2_digest::hex(&canon).into();
    serde_json::to_string(&value).expect("json")
}

mod sha2_digest {
    //! The digest recomputed independently of the code under test.
    use sha2::{Digest, Sha256};
    pub fn hex(bytes: &[u8]) -> String {
        Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[test]
fn unknown_items_are_kept_and_reported() {
    let c = catalogue();
    let file = with_content(
        &export_json(&c, &sample(), &ORIGIN),
        |content| content["answers"]["retired-measure"] = serde_json::json!({"status": "done", "note": "古い項目"}),
        2,
    );
    let imported = import_json(file.as_bytes(), &c).expect("imports");
    assert_eq!(imported.unknown_items, ["retired-measure"]);
    assert_eq!(imported.check.answer("retired-measure").map(|a| a.note.as_str()), Some("古い項目"));
    assert!(imported.warnings.iter().any(|w| w.ja.contains("retired-measure") && w.en.contains("kept")));
}

#[test]
fn older_schema_is_migrated() {
    let c = catalogue();
    let file = with_content(
        &export_json(&c, &sample(), &ORIGIN),
        |content| {
            let obj = content.as_object_mut().expect("object");
            obj.remove("plan");
            obj.remove("periodic");
            obj.remove("statement");
        },
        1,
    );
    let imported = import_json(file.as_bytes(), &c).expect("imports");
    assert!(imported.check.plan.is_empty() && imported.check.periodic == PeriodicReport::default());
    assert_eq!(imported.check.answers, sample().answers);
    assert!(imported.warnings.iter().any(|w| w.en.contains("older format")));
}

#[test]
fn a_schema_2_file_migrates_with_an_empty_inventory() {
    let c = catalogue();
    let file = with_content(
        &export_json(&c, &sample(), &ORIGIN),
        |content| {
            let obj = content.as_object_mut().expect("object");
            obj.remove("inventory");
            obj.remove("documents");
        },
        2,
    );
    let imported = import_json(file.as_bytes(), &c).expect("imports");
    assert!(imported.check.inventory.rows.is_empty() && imported.check.documents.manager.is_empty());
    assert_eq!(imported.check.plan, sample().plan);
    assert_eq!(imported.check.periodic, sample().periodic);
    assert!(imported.warnings.iter().any(|w| w.en.contains("older format (schema 2)")));
}

#[test]
fn a_schema_3_report_by_item_folds_into_rows_by_criterion() {
    let c = catalogue();
    let file = with_content(
        &export_json(&c, &sample(), &ORIGIN),
        |content| {
            let obj = content.as_object_mut().expect("object");
            obj.remove("periodic");
            obj.insert(
                "report".into(),
                serde_json::json!({
                    "identify-procedure": {"audit_check": "規程を閲覧", "unchanged": true, "date": "2026-01-10", "year": 2},
                    "identify-inventory": {"period_check": "目録を更新", "excluded_reason": "", "handling": "様式を改訂"}
                }),
            );
        },
        3,
    );
    let imported = import_json(file.as_bytes(), &c).expect("imports");
    assert!(imported.warnings.iter().any(|w| w.en.contains("older format (schema 3)")));
    let rows = imported.check.periodic.rows(&c);
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["cs-1", "cs-11", "r1"], "表4-1's rows, then a row for the item that is not one");
    assert_eq!((rows[0].audit_check.as_str(), rows[0].unchanged, rows[0].year), ("規程を閲覧", true, Some(2)));
    assert_eq!((rows[2].period_check.as_str(), rows[2].handling.as_str()), ("目録を更新", "様式を改訂"));
    assert_eq!(rows[2].links, ["identify-inventory"]);
    assert!(rows[2].kept, "marked as not one of the checksheet's rows");

    // The first change stores exactly these rows.
    let mut check = imported.check;
    check
        .apply(
            &c,
            Action::Periodic(PeriodicAction::SetText {
                row: "r1".into(),
                field: CriterionField::Checker,
                text: "佐藤".into(),
            }),
        )
        .unwrap();
    assert_eq!(check.periodic.rows.len(), 3);
    assert!(check.periodic.by_item.is_empty());
}

#[test]
fn saved_state_of_version_2_moves_each_report_by_item() {
    let c = catalogue();
    let v2 = serde_json::json!({
        "format": "tics-self-check-state",
        "version": 2,
        "lang": "ja",
        "library": {"open": "a", "entries": [{"id": "a", "name": "本社", "created": "", "check": {
            "target_level": 1,
            "report": {"identify-procedure": {"period_check": "変わりなし", "checker": "山田"}}
        }}]}
    });
    let state = SavedState::from_json(&v2.to_string()).expect("migrates");
    let check = &state.library.open_entry().expect("open").check;
    let rows = check.periodic.rows(&c);
    assert_eq!((rows[0].period_check.as_str(), rows[0].checker.as_str()), ("変わりなし", "山田"));
}

#[test]
fn an_inventory_of_the_wrong_shape_is_named_by_its_path() {
    let c = catalogue();
    let file = with_content(
        &export_json(&c, &sample(), &ORIGIN),
        |content| {
            content["inventory"]["rows"][1]["forms"] = serde_json::json!(["safe"]);
            content["inventory"]["rows"][0]["entrusted"] = serde_json::json!("yes");
        },
        3,
    );
    let ImportError::InvalidValues { problems } = import_err(file.as_bytes()) else { panic!("refused by value") };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["content.inventory.rows[0].entrusted", "content.inventory.rows[1].forms"]);
}

#[test]
fn feared_threats_travel_in_the_file_and_an_unknown_threat_is_named_by_its_path() {
    use serde_json::json;
    let c = catalogue();
    let file = export_json(&c, &sample(), &ORIGIN);
    let back = import_json(file.as_bytes(), &c).expect("imports");
    assert_eq!(back.check.feared_threats, [Threat::Insider, Threat::Outsider].into());
    // A self-check that fears nothing writes no field, so files of earlier versions read the same.
    assert!(!export_json(&c, &SelfCheck::default(), &ORIGIN).contains("feared_threats"));

    for bad in [json!(["insider", "competitor"]), json!("insider"), json!([3])] {
        let file = with_content(&file, |content| content["feared_threats"] = bad.clone(), 4);
        let refused = import_err(file.as_bytes());
        let ImportError::InvalidValues { problems } = &refused else { panic!("refused by value: {refused:?}") };
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["content.feared_threats"], "{bad}");
        let m = refused.message();
        assert!(
            m.en.contains("\"insider\", \"leaver\", \"partner\", \"outsider\", \"malware\""),
            "the allowed values are listed: {}",
            m.en
        );
        assert!(m.ja.contains("content.feared_threats"), "{}", m.ja);
    }
}

#[test]
fn a_file_from_another_catalogue_imports_with_a_warning() {
    let c = catalogue();
    let file = export_json(&c, &sample(), &ORIGIN).replace("\"id\": \"fixture\"", "\"id\": \"another\"");
    let imported = import_json(file.as_bytes(), &c).expect("imports");
    assert!(imported.warnings.iter().any(|w| w.en.contains("another catalogue")));
    assert_eq!(imported.catalogue.checked_with(&c), None, "another catalogue's versions are not this one's");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever sequence of actions built a self-check — refused ones included — `apply` never leaves a value
    /// the import would refuse, and export → import gives back the same self-check.
    #[test]
    fn any_state_built_by_apply_survives_export_and_import(
        actions in proptest::collection::vec(action_strategy(catalogue().items.iter().map(|i| i.id.clone()).collect()), 0..40),
    ) {
        let c = catalogue();
        let mut s = SelfCheck::default();
        for action in actions {
            let _ = s.apply(&c, action.clone());
            prop_assert_eq!(s.validate(), Ok(()), "after {:?}", action);
        }
        let file = export_json(&c, &s, &ORIGIN);
        let back = import_json(file.as_bytes(), &c);
        prop_assert!(back.is_ok(), "{:?}", back.err().map(|e| e.message().en));
        prop_assert_eq!(back.map(|b| b.check).ok(), Some(s));
    }

    /// Any self-check made of any text survives export → import unchanged.
    #[test]
    fn round_trip_of_generated_self_checks(
        org in ".{0,30}",
        level in 1u8..=3,
        forms in proptest::collection::vec(any::<bool>(), 5),
        answers in proptest::collection::vec((0usize..4, status_strategy(), ".{0,40}", "[0-9]{4}-[0-1][0-9]-[0-3][0-9]|"), 0..8),
        plan in proptest::collection::vec((0usize..4, ".{0,30}", proptest::option::of(0usize..3)), 0..4),
        report in proptest::collection::vec((0usize..4, ".{0,30}", any::<bool>(), proptest::option::of(1u8..=3)), 0..4),
        aside in proptest::option::of((0usize..4, "\\PC{1,20}")),
    ) {
        let c = catalogue();
        let ids: Vec<String> = c.items.iter().map(|i| i.id.clone()).collect();
        let mut s = SelfCheck::default();
        s.apply(&c, Action::SetOrganisation(org)).unwrap();
        s.apply(&c, Action::SetTargetLevel(level)).unwrap();
        for (form, on) in InfoForm::ALL.iter().zip(forms) {
            s.apply(&c, Action::SetForm(*form, on)).unwrap();
        }
        for (n, status, note, date) in answers {
            let item = ids[n].clone();
            s.apply(&c, Action::SetStatus { item: item.clone(), status, today: "2026-01-01".into() }).unwrap();
            s.apply(&c, Action::SetNote { item: item.clone(), text: note }).unwrap();
            let _ = s.apply(&c, Action::SetDate { item, text: date });
        }
        for (n, measure, priority) in plan {
            s.apply(&c, Action::SetPlanText { item: ids[n].clone(), field: PlanField::Measure, text: measure }).unwrap();
            s.apply(&c, Action::SetPriority { item: ids[n].clone(), priority: priority.map(|p| Priority::ALL[p]) }).unwrap();
        }
        for (n, text, unchanged, year) in report {
            let row = ["cs-1", "cs-11", "r1", "r2"][n].to_owned();
            if row.starts_with('r') {
                s.apply(&c, Action::Periodic(PeriodicAction::AddRow { id: String::new() })).unwrap();
            }
            let mut run = |a: PeriodicAction| s.apply(&c, Action::Periodic(a));
            let _ = run(PeriodicAction::SetText { row: row.clone(), field: CriterionField::PeriodCheck, text: text.clone() });
            let _ = run(PeriodicAction::SetText { row: row.clone(), field: CriterionField::Chapter, text });
            let _ = run(PeriodicAction::MarkUnchanged { row: row.clone(), unchanged, today: "2026-02-02".into(), checker: String::new() });
            let _ = run(PeriodicAction::SetYear { row, year });
        }
        if let Some((n, reason)) = aside {
            let _ = s.apply(&c, Action::SetAside { item: ids[n].clone(), reason });
        }
        let file = export_json(&c, &s, &ORIGIN);
        let back = import_json(file.as_bytes(), &c).unwrap();
        prop_assert_eq!(back.check, s);
    }

    /// No input makes the import panic; everything that is not a valid file is refused.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = import_json(&bytes, &catalogue());
    }
}

/// The sample's file with its content edited and the digest recomputed, as a tool that edits files would do.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    with_content(&export_json(&catalogue(), &sample(), &ORIGIN), edit, 2)
}

type Edit = fn(&mut serde_json::Value);

#[test]
fn out_of_range_values_are_refused_naming_the_field_and_the_value() {
    use serde_json::json;
    let cases: [(Edit, &str, &str); 18] = [
        (|c| c["target_level"] = json!(0), "content.target_level", "0"),
        (|c| c["target_level"] = json!(99), "content.target_level", "99"),
        (|c| c["target_level"] = json!(300), "content.target_level", "300"),
        (
            |c| c["answers"]["identify-procedure"]["date"] = json!("2026-13-45"),
            r#"content.answers["identify-procedure"].date"#,
            "2026-13-45",
        ),
        (
            |c| c["answers"]["identify-procedure"]["date"] = json!("yesterday"),
            r#"content.answers["identify-procedure"].date"#,
            "yesterday",
        ),
        // 2025 is not a leap year.
        (
            |c| c["answers"]["identify-procedure"]["date"] = json!("2025-02-29"),
            r#"content.answers["identify-procedure"].date"#,
            "2025-02-29",
        ),
        // Ten characters with dashes in place, but "+4" is not two digits.
        (
            |c| c["answers"]["identify-inventory"]["date"] = json!("2026-+4-01"),
            r#"content.answers["identify-inventory"].date"#,
            "2026-+4-01",
        ),
        (
            |c| c["answers"]["identify-inventory"]["status"] = json!("finished"),
            r#"content.answers["identify-inventory"].status"#,
            "finished",
        ),
        (
            |c| c["plan"]["physical-container"]["due"] = json!("2027-02-30"),
            r#"content.plan["physical-container"].due"#,
            "2027-02-30",
        ),
        (|c| c["periodic"]["rows"][0]["date"] = json!("21/11/2026"), "content.periodic.rows[0].date", "21/11/2026"),
        (|c| c["periodic"]["rows"][1]["year"] = json!(7), "content.periodic.rows[1].year", "7"),
        (|c| c["periodic"]["rows"][1]["year"] = json!(0), "content.periodic.rows[1].year", "0"),
        // 表4-1 has items 1 to 15: item 99 would be a row with no content.
        (|c| c["periodic"]["rows"][1]["checksheet"] = json!(99), "content.periodic.rows[1].checksheet", "99"),
        (|c| c["periodic"]["rows"][1]["checksheet"] = json!(0), "content.periodic.rows[1].checksheet", "0"),
        (|c| c["periodic"]["period_to"] = json!("2027-02-30"), "content.periodic.period_to", "2027-02-30"),
        (|c| c["periodic"]["rows"][2]["id"] = json!("cs-1"), "content.periodic.rows[2].id", "cs-1"),
        (
            |c| c["overrides"]["physical-alarm"] = json!({"kind": "set_aside", "reason": " \u{3000} "}),
            r#"content.overrides["physical-alarm"].reason"#,
            "\" \u{3000} \"",
        ),
        (
            |c| c["overrides"]["physical-alarm"] = json!({"kind": "set_aside", "reason": ""}),
            r#"content.overrides["physical-alarm"].reason"#,
            "\"\"",
        ),
    ];
    let c = catalogue();
    for (edit, path, value) in cases {
        let refused = import_json(edited(edit).as_bytes(), &c).expect_err(path);
        assert!(matches!(&refused, ImportError::InvalidValues { problems } if problems.len() == 1), "{refused:?}");
        let m = refused.message();
        assert!(m.en.contains(path) && m.ja.contains(path), "{path} is named:\n{}\n{}", m.ja, m.en);
        assert!(m.en.contains(value) && m.ja.contains(value), "{path}: the value {value} is quoted:\n{}", m.en);
        assert!(m.en.contains("1 value"), "{path}: the count is given: {}", m.en);
    }
}

#[test]
fn real_dates_import_including_leap_days() {
    let c = catalogue();
    let file = edited(|c| {
        c["answers"]["identify-procedure"]["date"] = "2024-02-29".into();
        c["plan"]["physical-container"]["due"] = "2000-02-29".into();
        c["report"]["identify-procedure"]["date"] = "2026-12-31".into();
        c["report"]["identify-procedure"]["year"] = 3.into();
    });
    let imported = import_json(file.as_bytes(), &c).expect("real dates import");
    assert_eq!(imported.check.answers["identify-procedure"].date, "2024-02-29");
    let not_leap = edited(|c| c["plan"]["physical-container"]["due"] = "1900-02-29".into());
    assert!(import_json(not_leap.as_bytes(), &c).is_err(), "1900 was not a leap year");
}

#[test]
fn many_bad_values_are_counted_and_the_first_few_listed() {
    let file = edited(|c| {
        for n in 0..12 {
            c["answers"][format!("old-{n:02}")] = serde_json::json!({"date": format!("2026-13-{n:02}")});
        }
    });
    let refused = import_err(file.as_bytes());
    assert!(matches!(&refused, ImportError::InvalidValues { problems } if problems.len() == 12), "{refused:?}");
    let m = refused.message();
    assert!(m.en.contains("12 values") && m.ja.contains("12 件"), "{}\n{}", m.en, m.ja);
    assert!(m.en.contains("old-00") && !m.en.contains("old-11"), "only the first few are listed: {}", m.en);
    assert!(m.en.contains("and 7 more") && m.ja.contains("ほか 7 件"), "{}\n{}", m.en, m.ja);
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = bom.then_some(0xFEFF_u16).into_iter().chain(text.encode_utf16());
    for unit in units {
        bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

#[test]
fn utf16_text_is_named_as_such_not_called_binary() {
    let good = export_json(&catalogue(), &sample(), &ORIGIN);
    for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
        let refused = import_err(&utf16(&good, big_endian, bom));
        assert_eq!(refused, ImportError::Utf16);
        let m = refused.message();
        let case = format!("big endian {big_endian}, BOM {bom}: {refused:?}");
        assert!(m.ja.contains("UTF-16") && m.en.contains("UTF-16"), "{case}\n{}", m.en);
        assert!(m.ja.contains("UTF-8") && m.en.contains("UTF-8"), "{case}: says what the app reads");
        assert!(!m.en.contains("not a text file"), "{case}");
    }
    // Real binary data is still called binary.
    assert_eq!(import_err(b"{\x00\x00\x00\x01\x02\x03\x04\x00\x00\x00\x00"), ImportError::Binary);
}

#[test]
fn json_nested_too_deeply_is_not_called_invalid_at_column_128() {
    for deep in ["[".repeat(200) + &"]".repeat(200), "{\"a\":".repeat(300) + "1" + &"}".repeat(300), "[".repeat(5000)] {
        let refused = import_err(deep.as_bytes());
        assert_eq!(refused, ImportError::TooDeep);
        let m = refused.message();
        assert!(m.en.contains("nested too deeply") && m.ja.contains("入れ子"), "{}", m.en);
        assert!(!m.en.contains("column"), "{}", m.en);
    }
}

#[test]
fn json_that_is_not_an_object_is_named_as_not_a_result_file() {
    for (json, kind) in
        [("null", "null"), ("[1, 2]", "an array"), ("42", "a number"), ("\"tics\"", "a string"), ("true", "true")]
    {
        let refused = import_err(json.as_bytes());
        assert!(matches!(refused, ImportError::NotAnObject { .. }), "{json}: {refused:?}");
        let m = refused.message();
        assert!(m.en.contains("not a result file of this app") && m.en.contains("top level"), "{json}: {}", m.en);
        assert!(m.en.contains(kind), "{json}: names what the top level is: {}", m.en);
        assert!(!m.ja.contains("「」") && !m.en.contains("\"\""), "{json}: no empty format name: {}", m.ja);
    }
    let refused = import_err(br#"{"schema_version": 2, "content": {}}"#);
    assert_eq!(refused, ImportError::MissingFormat);
    let m = refused.message();
    assert!(m.en.contains("no \"format\" field") && m.ja.contains("format"), "{}", m.en);
    assert!(!m.ja.contains("「」") && !m.en.contains("\"\")"), "{}", m.ja);
    // A format that is not a string is quoted as the JSON it is.
    assert_eq!(import_err(br#"{"format": 5}"#), ImportError::WrongFormat { found: "5".into() });
}

/// A valid file holding `n` answers for items no catalogue has, compact so that it stays under the size limit.
fn file_with_unknown_answers(n: usize) -> String {
    let file = with_content(
        &export_json(&catalogue(), &sample(), &ORIGIN),
        |content| {
            let answers = content["answers"].as_object_mut().expect("answers");
            for i in 0..n {
                answers.insert(format!("gone-{i:06}"), serde_json::json!({"status": "done"}));
            }
        },
        2,
    );
    assert!(file.len() < MAX_IMPORT_BYTES, "{} bytes", file.len());
    file
}

#[test]
fn a_large_import_lists_only_the_first_unknown_items_and_counts_the_rest() {
    let imported = import_json(file_with_unknown_answers(100_000).as_bytes(), &catalogue()).expect("imports");
    assert_eq!(imported.unknown_items.len(), 100_000, "every answer is kept");
    let warning = imported.warnings.iter().find(|w| w.en.contains("not in the current catalogue")).expect("warning");
    assert!(warning.en.contains("100000") && warning.ja.contains("100000"), "{}", warning.en);
    assert!(warning.en.contains("gone-000000") && warning.en.contains("gone-000019"), "{}", warning.en);
    assert!(!warning.en.contains("gone-000020") && !warning.ja.contains("gone-000020"), "only the first 20 are listed");
    assert!(
        warning.en.contains("and 99980 more") && warning.ja.contains("ほか 99980 件"),
        "{}\n{}",
        warning.en,
        warning.ja
    );
    assert!(warning.en.len() < 1_000 && warning.ja.len() < 1_000, "a readable warning, not a wall of IDs");
}

fn library_with(check: SelfCheck) -> Library {
    let mut lib = Library::new("sc-1".into(), "本社 2025".into(), "2025-11-01T10:00:00+09:00".into());
    lib.apply(LibraryAction::ReplaceOpen { check: Box::new(check), checked_with: None }).expect("replaces");
    lib
}

/// What the storage messages show for a size in UTF-16 code units: KB as browsers store it (2 bytes a unit).
fn kb(units: usize) -> String {
    let kb = (units * 2).div_ceil(1024).to_string();
    let mut grouped = String::new();
    for (n, digit) in kb.chars().enumerate() {
        if n > 0 && (kb.len() - n).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped} KB")
}

#[test]
fn a_normal_library_and_import_fit_in_browser_storage() {
    let saved = SavedState::new(library_with(sample()), Lang::Ja);
    let size = saved.check_fits().expect("a normal library fits");
    assert_eq!(size, saved.to_json().encode_utf16().count(), "measured in UTF-16 code units, as browsers count");
    assert!(size < STORAGE_BUDGET / 10);
    let imported = import_json(export_json(&catalogue(), &sample(), &ORIGIN).as_bytes(), &catalogue()).expect("ok");
    let after = imported.check_fits(&saved).expect("a normal import fits");
    assert!(after > size);
}

#[test]
fn a_library_plus_a_100000_answer_import_does_not_fit_and_says_so_with_both_sizes() {
    let c = catalogue();
    let saved = SavedState::new(library_with(sample()), Lang::Ja);
    let imported = import_json(file_with_unknown_answers(100_000).as_bytes(), &c).expect("the file itself is valid");

    let refused = imported.check_fits(&saved).expect_err("does not fit");
    let ImportError::CannotBeSaved { needed, limit, alone } = refused else { panic!("{refused:?}") };
    assert_eq!(limit, STORAGE_BUDGET);
    assert!(needed > alone && alone > limit, "{needed} / {alone} / {limit}");
    let m = refused.message();
    for text in [&m.ja, &m.en] {
        assert!(text.contains(&kb(needed)) && text.contains(&kb(limit)), "both sizes: {text}");
    }
    // Alone it is over the limit, so deleting other self-checks would not help: keep it as a file.
    assert!(m.en.contains("only as a file") && m.ja.contains("ファイルのまま"), "{}", m.en);
    assert!(!m.en.contains("Delete"), "{}", m.en);

    // The reducer's own check on the state it would save says the same, with the sizes.
    let mut lib = saved.library.clone();
    lib.apply(LibraryAction::Add {
        id: "sc-2".into(),
        name: "大きい".into(),
        now: "t".into(),
        check: Box::new(imported.check),
        checked_with: None,
    })
    .expect("adds");
    let bigger = SavedState::new(lib, Lang::Ja);
    let m = bigger.check_fits().expect_err("does not fit");
    let size = bigger.to_json().encode_utf16().count();
    for text in [&m.ja, &m.en] {
        assert!(text.contains(&kb(size)) && text.contains(&kb(STORAGE_BUDGET)), "both sizes: {text}");
    }
    assert!(m.en.contains("Delete") && m.ja.contains("削除") && m.en.contains("as a file"), "{}", m.en);
}

#[test]
fn an_import_that_fits_alone_but_not_with_the_library_asks_to_delete_old_self_checks() {
    let c = catalogue();
    let mut big = sample();
    big.statement.scope = "x".repeat(STORAGE_BUDGET * 2 / 3);
    let saved = SavedState::new(library_with(big.clone()), Lang::Ja);
    assert!(saved.check_fits().is_ok());
    let imported = import_json(export_json(&c, &big, &ORIGIN).as_bytes(), &c).expect("imports");
    let refused = imported.check_fits(&saved).expect_err("two of them do not fit");
    assert!(matches!(refused, ImportError::CannotBeSaved { alone, limit, .. } if alone < limit), "{refused:?}");
    let m = refused.message();
    assert!(m.en.contains("Delete self-checks you no longer need") && m.ja.contains("削除"), "{}", m.en);
}
