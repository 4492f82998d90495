//! The view by threat: which feared threat each item is shown under, in what order, the counts per threat and the
//! workbook's sheet of them, against a small catalogue whose expectations are worked out by hand below.
use std::collections::BTreeSet;

use tics_domain::catalogue::{Catalogue, Threat};
use tics_domain::scoring::{threat_of, threat_order, threat_tallies};
use tics_domain::tables::{threat_table, workbook_tables};
use tics_domain::{Action, Lang, SelfCheck, Status};

/// Eight items over two topics. With the default profile (no forms, small, target level 1) every item is in the
/// self-check except `a-leaver-std` (level 2) and `b-box` (containers only).
fn catalogue() -> Catalogue {
    let item = |id: &str, topic: &str, level: u8, importance: &str, forms: &str, threats: &str| {
        format!(
            r#"{{"id":"{id}","topic":"{topic}","title":{{"ja":"{id} の対策","en":"Measure {id}"}},"requirement":{{"ja":"r","en":"r"}},
            "level":{level},"importance":"{importance}","forms":{forms},"threats":{threats},"guidance":{{"ja":"g","en":"g"}}}}"#
        )
    };
    let items = [
        item("a-leaver-std", "a", 2, "high", r#"["any"]"#, r#"["leaver"]"#),
        item("a-insider-low", "a", 1, "low", r#"["any"]"#, r#"["insider"]"#),
        item("a-both", "a", 1, "medium", r#"["any"]"#, r#"["partner","insider"]"#),
        item("b-partner-high", "b", 1, "high", r#"["any"]"#, r#"["partner"]"#),
        item("b-malware", "b", 1, "high", r#"["any"]"#, r#"["malware","insider"]"#),
        item("b-outsider", "b", 1, "medium", r#"["any"]"#, r#"["outsider"]"#),
        item("b-insider-high", "b", 1, "high", r#"["any"]"#, r#"["insider"]"#),
        item("b-box", "b", 1, "high", r#"["container"]"#, r#"["insider"]"#),
    ]
    .join(",");
    let json = format!(
        r#"{{"format":"tics-self-check-catalogue","format_version":1,"id":"threats","version":"1","title":{{"ja":"t","en":"t"}},
        "topics":[{{"id":"a","mark":"A","title":{{"ja":"a","en":"a"}},"summary":{{"ja":"a","en":"a"}}}},
                  {{"id":"b","mark":"B","title":{{"ja":"b","en":"b"}},"summary":{{"ja":"b","en":"b"}}}}],
        "items":[{items}]}}"#
    );
    Catalogue::from_json(&json).expect("test catalogue is valid")
}

/// A self-check fearing `threats` (given in any order).
fn fearing(c: &Catalogue, threats: &[Threat]) -> SelfCheck {
    let mut s = SelfCheck::default();
    for &t in threats {
        s.apply(c, Action::SetFeared(t, true)).expect("applies");
    }
    s
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn set(c: &Catalogue, s: &mut SelfCheck, id: &str, status: Status) {
    s.apply(c, Action::SetStatus { item: id.into(), status: Some(status), today: "2026-11-24".into() })
        .expect("applies");
}

#[test]
fn nothing_feared_means_an_empty_view_by_threat() {
    let c = catalogue();
    assert_eq!(threat_order(&c, &SelfCheck::default()), vec![]);
}

#[test]
fn items_sit_under_the_first_feared_threat_they_answer_baseline_then_importance_then_catalogue_order() {
    let c = catalogue();
    // Partner is chosen first, but threats come in the app's order: insider before partner.
    let s = fearing(&c, &[Threat::Partner, Threat::Insider]);
    assert_eq!(s.feared_threats, BTreeSet::from([Threat::Insider, Threat::Partner]));
    // Insider: b-malware (high, 5th), b-insider-high (high, 7th), a-both (medium: it answers partner too, but
    // insider comes first), a-insider-low (low). b-box is outside the self-check. Partner keeps only
    // b-partner-high. b-outsider answers no feared threat; a-leaver-std is above the target level.
    assert_eq!(
        threat_order(&c, &s),
        vec![
            (Threat::Insider, ids(&["b-malware", "b-insider-high", "a-both", "a-insider-low"])),
            (Threat::Partner, ids(&["b-partner-high"])),
        ]
    );
    let item = |id: &str| c.item(id).expect("item exists");
    assert_eq!(threat_of(&s, item("a-both")), Some(Threat::Insider));
    assert_eq!(threat_of(&s, item("b-malware")), Some(Threat::Insider), "malware is not feared");
    assert_eq!(threat_of(&s, item("b-outsider")), None);
    assert_eq!(threat_of(&s, item("b-box")), None, "outside the self-check");

    // Without insider, a-both moves to partner, ordered after the high-importance b-partner-high.
    let s = fearing(&c, &[Threat::Partner]);
    assert_eq!(threat_order(&c, &s), vec![(Threat::Partner, ids(&["b-partner-high", "a-both"]))]);
}

#[test]
fn a_feared_threat_with_no_item_in_the_self_check_still_has_its_place() {
    let c = catalogue();
    let mut s = fearing(&c, &[Threat::Leaver, Threat::Outsider]);
    assert_eq!(threat_order(&c, &s), vec![(Threat::Leaver, vec![]), (Threat::Outsider, ids(&["b-outsider"]))]);
    s.apply(&c, Action::SetTargetLevel(2)).expect("applies");
    assert_eq!(threat_order(&c, &s)[0], (Threat::Leaver, ids(&["a-leaver-std"])));
}

#[test]
fn the_view_by_threat_follows_the_scope_added_and_set_aside_items() {
    let c = catalogue();
    let mut s = fearing(&c, &[Threat::Insider]);
    s.apply(&c, Action::Include("b-box".into())).expect("applies");
    s.apply(&c, Action::SetAside { item: "b-malware".into(), reason: "マルウェア対策は本社が実施".into() })
        .expect("applies");
    // b-box (level 1, high, 8th) comes after b-insider-high (7th); b-malware is no longer in the self-check.
    assert_eq!(
        threat_order(&c, &s),
        vec![(Threat::Insider, ids(&["b-insider-high", "b-box", "a-both", "a-insider-low"]))]
    );
    // Answers do not move items.
    set(&c, &mut s, "a-insider-low", Status::Done);
    assert_eq!(threat_order(&c, &s)[0].1[3], "a-insider-low");
}

#[test]
fn counts_per_threat_take_every_item_answering_it_and_leave_out_not_applicable() {
    let c = catalogue();
    let mut s = fearing(&c, &[Threat::Partner]);
    set(&c, &mut s, "b-malware", Status::Done);
    set(&c, &mut s, "a-both", Status::Partial);
    set(&c, &mut s, "b-partner-high", Status::Done);
    set(&c, &mut s, "a-insider-low", Status::NotApplicable);
    s.apply(&c, Action::SetReason { item: "a-insider-low".into(), text: "該当なし".into() }).expect("applies");
    let tallies = threat_tallies(&c, &s);
    let get = |t: Threat| tallies.iter().find(|(x, _)| *x == t).map(|(_, tally)| tally.clone()).expect("every threat");
    assert_eq!(tallies.iter().map(|(t, _)| *t).collect::<Vec<_>>(), Threat::ALL, "all five, in the app's order");
    // Insider: a-insider-low (not applicable), a-both (partial), b-malware (done), b-insider-high: 3 count, 1.5 points.
    let insider = get(Threat::Insider);
    assert_eq!((insider.in_scope, insider.done, insider.partial, insider.not_applicable), (4, 1, 1, 1));
    assert_eq!(insider.percent(), Some(50));
    // Partner: a-both (partial) and b-partner-high (done) — an item answering two threats counts under both.
    assert_eq!(get(Threat::Partner).percent(), Some(75));
    assert_eq!(get(Threat::Malware).percent(), Some(100));
    assert_eq!(get(Threat::Outsider).percent(), Some(0));
    assert_eq!(get(Threat::Leaver).in_scope, 0, "its only item is above the target level");
    assert_eq!(get(Threat::Leaver).percent(), None);
}

#[test]
fn the_workbook_sheet_by_threat_gives_every_threats_counts_then_the_feared_threats_items() {
    let c = catalogue();
    let mut s = fearing(&c, &[Threat::Partner, Threat::Insider]);
    set(&c, &mut s, "b-malware", Status::Done);
    set(&c, &mut s, "a-both", Status::Partial);
    set(&c, &mut s, "b-partner-high", Status::Done);
    set(&c, &mut s, "a-insider-low", Status::NotApplicable);
    s.apply(&c, Action::SetReason { item: "a-insider-low".into(), text: "該当なし".into() }).expect("applies");

    let en = threat_table(&c, &s, Lang::En);
    assert_eq!(en.name, "By threat");
    assert_eq!(
        en.title,
        [
            "Measures by threat",
            "Insider (feared most): 1 of 4 measures done, score 50%",
            "Leaver: No measures in your self-check, score —",
            "Business partner (feared most): 1 of 2 measures done, score 75%",
            "Outsider: 0 of 1 measure done, score 0%",
            "Malware: 1 of 1 measure done, score 100%",
        ]
    );
    let headers: Vec<&str> = en.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["Threat", "Item ID", "Item", "Level", "Status"]);
    let row = |cells: [&str; 5]| cells.map(str::to_owned).to_vec();
    assert_eq!(
        en.rows,
        [
            row(["Insider", "b-malware", "Measure b-malware", "1 (baseline)", "Done"]),
            row(["Insider", "b-insider-high", "Measure b-insider-high", "1 (baseline)", "Unanswered"]),
            row(["Insider", "a-both", "Measure a-both", "1 (baseline)", "Partly done"]),
            row(["Insider", "a-insider-low", "Measure a-insider-low", "1 (baseline)", "Not applicable"]),
            row(["Business partner", "b-partner-high", "Measure b-partner-high", "1 (baseline)", "Done"]),
        ]
    );

    let ja = threat_table(&c, &s, Lang::Ja);
    assert_eq!(ja.name, "脅威別");
    assert_eq!(ja.title[1], "内部不正（特に心配）: 4 項目のうち 1 項目を実施済み、スコア 50%");
    assert_eq!(ja.title[2], "退職者: セルフチェックに該当する項目はありません、スコア —");
    assert_eq!(ja.rows[0], ["内部不正", "b-malware", "b-malware の対策", "1（基本）", "実施"]);

    let names: Vec<String> = workbook_tables(&c, &s, Lang::Ja).into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["概要", "脅威別", "結果", "行動計画", "定期報告", "目録", "証跡一覧"]);
}

#[test]
fn with_no_feared_threat_the_sheet_says_how_to_choose_them_and_lists_no_items() {
    let c = catalogue();
    let table = threat_table(&c, &SelfCheck::default(), Lang::En);
    assert_eq!(table.title.len(), 7, "a title, five threats and the hint");
    assert!(table.title[6].contains("Choose them in the self-check"), "{}", table.title[6]);
    assert!(table.title.iter().all(|l| !l.contains("feared most)")), "no threat is marked");
    assert!(table.rows.is_empty());
}
