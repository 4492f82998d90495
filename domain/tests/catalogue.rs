//! Integrity of the built-in TICS catalogue and precise reporting of broken catalogues.
use std::collections::{BTreeMap, HashSet};

use tics_domain::catalogue::{Catalogue, Forms, FORMAT_NAME};
use tics_domain::templates::{RegisterKind, Template};

fn catalogue() -> Catalogue {
    Catalogue::default_tics().unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("the built-in catalogue has problems:\n{}", list.join("\n"))
    })
}

#[test]
fn builtin_catalogue_loads_without_problems() {
    let c = catalogue();
    assert_eq!(c.id, "tics-default");
    assert!(c.items.len() >= 60, "expected the checksheet items plus the concrete measures, got {}", c.items.len());
}

#[test]
fn has_topics_one_to_nine_and_third_parties_in_order() {
    let c = catalogue();
    let marks: Vec<&str> = c.topics.iter().map(|t| t.mark.as_str()).collect();
    assert_eq!(marks, ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "＋"]);
    let ja: Vec<&str> = c.topics.iter().map(|t| t.title.ja.as_str()).collect();
    for expected in [
        "重要情報の特定",
        "重要情報の識別",
        "管理者の選任",
        "情報管理プロセス",
        "従業員教育",
        "事故発生時の報告ルール",
        "人的アクセス制限",
        "物理的保管",
        "電子的保管",
    ] {
        assert!(ja.contains(&expected), "topic {expected} missing");
    }
    for topic in &c.topics {
        assert!(c.items_of(&topic.id).count() >= 3, "topic {} has fewer than 3 items", topic.id);
    }
}

#[test]
fn item_ids_are_unique_and_every_item_is_complete() {
    let c = catalogue();
    let mut seen = HashSet::new();
    for item in &c.items {
        assert!(seen.insert(&item.id), "duplicate id {}", item.id);
        assert!((1..=3).contains(&item.level), "{}: level", item.id);
        assert!(!item.threats.is_empty(), "{}: threats", item.id);
        assert!(!item.guidance.is_incomplete(), "{}: guidance", item.id);
        assert!(!item.title.is_incomplete() && !item.requirement.is_incomplete(), "{}: title/requirement", item.id);
        if let Forms::Only(forms) = &item.forms {
            assert!(!forms.is_empty(), "{}: forms", item.id);
        }
    }
}

#[test]
fn all_fifteen_checksheet_items_carry_their_jama_numbers() {
    let c = catalogue();
    let by_number: BTreeMap<u8, &tics_domain::Item> =
        c.items.iter().filter_map(|i| i.checksheet.map(|n| (n, i))).collect();
    assert_eq!(by_number.keys().copied().collect::<Vec<_>>(), (1..=15).collect::<Vec<u8>>());
    // 表4-1 of the 2022 METI report (item 14 lists No.38 twice in the source; it is kept once).
    let expected: [(u8, &[u16]); 15] = [
        (1, &[25, 26]),
        (2, &[]),
        (3, &[20, 34]),
        (4, &[7]),
        (5, &[]),
        (6, &[]),
        (7, &[1, 4, 28, 49, 50]),
        (8, &[]),
        (9, &[10, 13, 14, 21]),
        (10, &[22]),
        (11, &[]),
        (12, &[39, 40]),
        (13, &[]),
        (14, &[22, 35, 38, 43]),
        (15, &[35]),
    ];
    for (n, jama) in expected {
        let item = by_number[&n];
        assert_eq!(item.jama, jama, "checksheet item {n} ({})", item.id);
        assert_eq!(item.level, 1, "checksheet item {n} is part of the baseline");
    }
}

#[test]
fn checksheet_items_sit_under_the_right_topics_and_forms() {
    let c = catalogue();
    let topic_of = |n: u8| c.items.iter().find(|i| i.checksheet == Some(n)).map(|i| i.topic.as_str());
    assert_eq!(topic_of(1), Some("identify"));
    assert_eq!(topic_of(4), Some("manager"));
    assert_eq!(topic_of(9), Some("incident"));
    assert_eq!(topic_of(10), Some("access"));
    assert_eq!(topic_of(14), Some("electronic"));
    assert_eq!(topic_of(15), Some("thirdparty"));
    let forms_of = |n: u8| c.items.iter().find(|i| i.checksheet == Some(n)).map(|i| i.forms.clone());
    use tics_domain::InfoForm::*;
    assert_eq!(forms_of(11), Some(Forms::Only([Container].into())));
    assert_eq!(forms_of(12), Some(Forms::Only([Area].into())));
    assert_eq!(forms_of(15), Some(Forms::Only([ThirdParty].into())));
}

#[test]
fn higher_level_measures_are_level_three() {
    let c = catalogue();
    let advanced: Vec<_> = c.items.iter().filter(|i| i.level == 3).collect();
    assert!(advanced.len() >= 4, "alarms, cameras, guard response, monitoring and patrols are level 3");
    assert!(c.items.iter().any(|i| i.level == 2));
}

/// The measures seed 004 (the TICS training material) lists under "<より高いレベルで管理を行う場合>": the only
/// level-3 items that need no `level_basis`.
const SEED_HIGHER_LEVEL: [&str; 4] = [
    "physical-area-alarm-camera",
    "physical-area-guard-response",
    "physical-area-constant-monitoring",
    "physical-area-patrol",
];

#[test]
fn baseline_measures_of_the_training_material_are_level_one() {
    let c = catalogue();
    let level = |id: &str| c.item(id).map(|i| i.level).unwrap_or_else(|| panic!("{id} is missing"));
    // ⑧: no cameras or phones in a restricted area, equipment fixed with wires; ⑦: someone else audits the
    // access rights one manager set. The material gives all three as ordinary measures, outside its
    // higher-level list.
    assert_eq!(level("physical-area-device-ban"), 1);
    assert_eq!(level("physical-area-fix-equipment"), 1);
    assert_eq!(level("access-second-person-audit"), 1);
    // ①: management takes part, with the two questions; ⑥: a small response team that keeps the matter secret.
    assert_eq!(level("identify-management-questions"), 1);
    assert_eq!(level("incident-response-team"), 1);
    // Not in the material at all: good practice, not advanced.
    assert_eq!(level("training-comprehension-check"), 2);
}

#[test]
fn every_level_three_item_is_from_the_higher_level_list_or_says_why() {
    let c = catalogue();
    for id in SEED_HIGHER_LEVEL {
        let item = c.item(id).unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(item.level, 3, "{id}");
    }
    for item in c.items.iter().filter(|i| i.level == 3) {
        if SEED_HIGHER_LEVEL.contains(&item.id.as_str()) {
            continue;
        }
        let basis = item.level_basis.as_ref().unwrap_or_else(|| panic!("{} is level 3 without a level_basis", item.id));
        assert!(!basis.is_incomplete(), "{}", item.id);
    }
    // A basis explains an advanced level; lower levels follow the rule without one.
    for item in c.items.iter().filter(|i| i.level < 3) {
        assert!(item.level_basis.is_none(), "{} has a level_basis but is level {}", item.id, item.level);
    }
}

#[test]
fn a_guideline_number_under_two_checksheet_items_gets_the_mark() {
    let c = catalogue();
    // 表4-1 marks 22 (items 10 and 14) and 35 (items 14 and 15) with ※.
    assert!(c.jama_shared(22));
    assert!(c.jama_shared(35));
    for n in [25, 26, 7, 38, 43, 10, 1, 999] {
        assert!(!c.jama_shared(n), "No.{n} is listed under one item only");
    }
    let item14 = c.items.iter().find(|i| i.checksheet == Some(14)).unwrap();
    assert_eq!(c.jama_labels(item14), ["22※", "35※", "38", "43"]);
    let item1 = c.items.iter().find(|i| i.checksheet == Some(1)).unwrap();
    assert_eq!(c.jama_labels(item1), ["25", "26"]);
    // Computed from the items: hiding checksheet item 15 leaves 35 on one item.
    let hidden = c
        .with_overlay(r#"{"format":"tics-self-check-overlay","format_version":1,"id":"h","version":"1","hide":["thirdparty-checks"]}"#)
        .unwrap();
    assert!(!hidden.jama_shared(35) && hidden.jama_shared(22));
}

#[test]
fn the_third_party_item_says_what_guideline_no_35_covers() {
    let c = catalogue();
    let item = c.item("thirdparty-checks").unwrap();
    assert_eq!(item.jama, [35]);
    assert!(!item.guidance.ja.contains("自No.35に相当"), "checking a partner is not what No.35 is about");
    assert!(!item.guidance.en.contains("corresponds to No. 35"));
    assert!(item.guidance.ja.contains("外部の情報システム") && item.guidance.ja.contains("利用のルール"));
    assert!(item.guidance.en.contains("rules on using outside information systems"));
}

#[test]
fn the_arrival_check_covers_every_form_that_is_moved_or_sent() {
    let c = catalogue();
    let arrival = c.item("physical-transport-arrival").expect("the arrival check is an item");
    assert_eq!(arrival.forms, Forms::Any);
    assert_eq!(arrival.level, 1);
    assert!(arrival.requirement.ja.contains("正しく届いたか") && arrival.requirement.en.contains("arrived"));
    // The receipt stays with what is taken from a container, and no longer carries the arrival check.
    let receipt = c.item("physical-transport-receipt").unwrap();
    assert_eq!(receipt.forms, Forms::Only([tics_domain::InfoForm::Container].into()));
    assert!(!receipt.requirement.ja.contains("到着"));
}

#[test]
fn the_top_class_viewing_record_is_an_item() {
    let c = catalogue();
    let item = c.item("access-top-secret-viewing-record").expect("the viewing record is an item");
    assert_eq!(item.topic, "access");
    assert_eq!(item.level, 3);
    assert!(item.level_basis.is_some());
    assert!(item.requirement.ja.contains("記録") && item.requirement.ja.contains("極秘"));
    assert!(item.requirement.en.contains("record") && !item.threats.is_empty());
    assert!(item.examples.is_some());
}

#[test]
fn a_level_basis_is_text_in_both_languages() {
    let with = GOOD.replace(r#""level":1"#, r#""level":3,"level_basis":{"ja":"理由","en":"why"}"#);
    let c = Catalogue::from_json(&minimal(&with)).expect("level_basis is a known field");
    assert_eq!(c.items[0].level_basis.as_ref().map(|t| t.en.as_str()), Some("why"));
    let blank = GOOD.replace(r#""level":1"#, r#""level":3,"level_basis":{"ja":"　","en":"why"}"#);
    let problems = Catalogue::from_json(&minimal(&blank)).expect_err("blank");
    assert!(problems.iter().any(|p| p.field == "level_basis.ja" && p.item.as_deref() == Some("a-1")));
}

fn minimal(items: &str) -> String {
    format!(
        r#"{{"format":"{FORMAT_NAME}","format_version":1,"id":"t","version":"1","title":{{"ja":"t","en":"t"}},
        "topics":[{{"id":"a","mark":"1","title":{{"ja":"a","en":"a"}},"summary":{{"ja":"a","en":"a"}}}}],
        "items":[{items}]}}"#
    )
}

const GOOD: &str = r#"{"id":"a-1","topic":"a","title":{"ja":"x","en":"x"},"requirement":{"ja":"x","en":"x"},
    "level":1,"importance":"high","forms":["any"],"threats":["insider"],"guidance":{"ja":"x","en":"x"}}"#;

#[test]
fn a_minimal_catalogue_loads() {
    let c = Catalogue::from_json(&minimal(GOOD)).expect("valid");
    assert_eq!(c.items.len(), 1);
}

#[test]
fn problems_name_the_item_the_field_and_what_is_wrong() {
    let bad = GOOD.replace(r#""level":1"#, r#""level":7"#).replace(r#""forms":["any"]"#, r#""forms":["moon"]"#);
    let problems = Catalogue::from_json(&minimal(&bad)).expect_err("invalid");
    assert!(problems
        .iter()
        .any(|p| p.item.as_deref() == Some("a-1") && p.field == "level" && p.message.en.contains("1 to 3")));
    assert!(problems
        .iter()
        .any(|p| p.item.as_deref() == Some("a-1") && p.field == "forms" && p.message.en.contains("moon")));
    assert!(problems.iter().all(|p| !p.message.ja.is_empty()), "every message has Japanese");
}

#[test]
fn missing_fields_duplicates_and_unknown_topics_are_all_reported() {
    let no_guidance = GOOD.replace(r#","guidance":{"ja":"x","en":"x"}"#, "");
    let wrong_topic = GOOD.replace(r#""topic":"a""#, r#""topic":"zz""#).replace("a-1", "a-2");
    let items = format!("{no_guidance},{GOOD},{GOOD},{wrong_topic}");
    let problems = Catalogue::from_json(&minimal(&items)).expect_err("invalid");
    assert!(problems.iter().any(|p| p.field == "guidance" && p.message.en.contains("missing")));
    assert!(problems.iter().any(|p| p.field == "id" && p.message.en.contains("duplicate")));
    assert!(problems.iter().any(|p| p.item.as_deref() == Some("a-2") && p.field == "topic"));
}

#[test]
fn empty_translations_unknown_fields_and_bad_ids_are_reported() {
    let bad = GOOD
        .replace(r#""title":{"ja":"x","en":"x"}"#, r#""title":{"ja":"x","en":" "}"#)
        .replace(r#""level":1"#, r#""level":1,"levle":2"#)
        .replace("a-1", "A 1");
    let problems = Catalogue::from_json(&minimal(&bad)).expect_err("invalid");
    assert!(problems.iter().any(|p| p.field == "title.en"));
    assert!(problems.iter().any(|p| p.field == "levle" && p.message.en.contains("unknown field")));
    assert!(problems.iter().any(|p| p.field == "id" && p.item.as_deref() == Some("A 1")));
}

#[test]
fn wrong_format_newer_version_and_broken_json_are_refused() {
    let newer = minimal(GOOD).replace(r#""format_version":1"#, r#""format_version":99"#);
    let p = Catalogue::from_json(&newer).expect_err("newer");
    assert!(p.iter().any(|p| p.field == "format_version"));
    let other = minimal(GOOD).replace(FORMAT_NAME, "something-else");
    assert!(Catalogue::from_json(&other).expect_err("format").iter().any(|p| p.field == "format"));
    let broken = Catalogue::from_json("{\"format\": ").expect_err("broken");
    assert!(broken[0].message.en.contains("line 1"));
    assert!(Catalogue::from_json("[1,2]").is_err());
}

#[test]
fn jama_only_on_checksheet_items() {
    let bad = GOOD.replace(r#""level":1"#, r#""level":1,"jama":[3]"#);
    let p = Catalogue::from_json(&minimal(&bad)).expect_err("jama without checksheet");
    assert!(p.iter().any(|p| p.field == "jama"));
}

const EXAMPLE_OVERLAY: &str = include_str!("../../examples/portal/die-mould-overlay.json");

#[test]
fn the_example_overlay_adds_hides_and_cross_references() {
    let base = catalogue();
    let merged = base.with_overlay(EXAMPLE_OVERLAY).expect("the example overlay is valid");
    assert_eq!(merged.id, "tics-default+die-mould-assoc");
    assert_eq!(merged.items.len(), base.items.len() + 2 - 1);
    assert!(merged.item("physical-area-constant-monitoring").is_none(), "hidden");
    assert_eq!(merged.item("mould-cad-data").map(|i| i.crosswalk["assoc-guide"].as_str()), Some("G-3.1"));
    assert_eq!(merged.item("identify-procedure").map(|i| i.crosswalk["assoc-guide"].as_str()), Some("G-1.1"));
    // An association's own item links its documents as data, like the standard items.
    let own = merged.item("mould-cad-data").unwrap();
    assert_eq!(own.templates, [Template::Register(RegisterKind::TakeOut)]);
    assert_eq!(merged.columns.len(), 1);
    assert_eq!(merged.topics.last().map(|t| t.id.as_str()), Some("mould"));
    assert!(merged.branding.is_some());
}

#[test]
fn overlay_problems_are_reported_precisely_and_the_base_is_untouched() {
    let base = catalogue();
    let bad = EXAMPLE_OVERLAY
        .replace("\"hide\": [\"physical-area-constant-monitoring\"]", "\"hide\": [\"no-such-item\"]")
        .replace("\"mould-trial-storage\"", "\"identify-procedure\"")
        .replace("\"thirdparty-checks\": {\"assoc-guide\"", "\"thirdparty-checks\": {\"other-col\"");
    let problems = base.with_overlay(&bad).expect_err("invalid overlay");
    assert!(problems.iter().any(|p| p.item.as_deref() == Some("no-such-item") && p.field == "hide"));
    assert!(problems.iter().any(|p| p.item.as_deref() == Some("identify-procedure")
        && p.field == "id"
        && p.message.en.contains("duplicate")));
    assert!(problems.iter().any(|p| p.item.as_deref() == Some("thirdparty-checks")
        && p.field == "crosswalk"
        && p.message.en.contains("other-col")));
    assert_eq!(base, catalogue());
    let not_overlay =
        base.with_overlay(include_str!("../../content/catalogue.json")).expect_err("a catalogue is not an overlay");
    assert!(not_overlay.iter().any(|p| p.field == "format"));
}

#[test]
fn whole_numbers_written_with_a_fraction_read_as_integers_as_json_schema_does() {
    let written = GOOD.replace(r#""level":1"#, r#""level":2.0,"checksheet":1e1,"jama":[25.0]"#);
    let c = Catalogue::from_json(&minimal(&written)).expect("2.0 is the integer 2, as JSON Schema counts it");
    let item = &c.items[0];
    assert_eq!((item.level, item.checksheet, item.jama.as_slice()), (2, Some(10), &[25][..]));
    let half = GOOD.replace(r#""level":1"#, r#""level":1.5"#);
    let problems = Catalogue::from_json(&minimal(&half)).expect_err("1.5 is not a level");
    assert!(problems.iter().any(|p| p.field == "level" && p.item.as_deref() == Some("a-1")));
}

#[test]
fn an_overlay_may_reuse_the_checksheet_number_of_an_item_it_hides() {
    let base = catalogue();
    let own = r#"{"format":"tics-self-check-overlay","format_version":1,"id":"a","version":"1",
        "hide":["identify-procedure"],
        "items":[{"id":"assoc-identify","topic":"identify","title":{"ja":"x","en":"x"},"requirement":{"ja":"x","en":"x"},
        "level":1,"importance":"high","forms":["any"],"threats":["insider"],"guidance":{"ja":"x","en":"x"},"checksheet":1}]}"#;
    let merged = base.with_overlay(own).expect("the hidden item's number is free");
    assert_eq!(merged.items.iter().filter(|i| i.checksheet == Some(1)).count(), 1);
    let clash = base.with_overlay(&own.replace(r#""hide":["identify-procedure"],"#, "")).expect_err("taken");
    assert!(clash.iter().any(|p| p.field == "checksheet" && p.message.en.contains("identify-procedure")));
}

/// Catalogue 1.1.0: seed 004 ⑥(1/3) calls four things necessary when a leak happens (grasp it, limit the loss,
/// find the cause preserving evidence, pursue responsibility), so they are baseline measures; consulting the
/// police, which 004 only says to consider, stays level 2. Classification appears only in the sample rules and
/// standards, which the rule puts at level 2.
#[test]
fn catalogue_1_1_0_puts_the_incident_handling_004_requires_at_level_one() {
    let c = catalogue();
    assert_eq!(c.version, "1.1.0");
    let level = |id: &str| c.item(id).map(|i| i.level).unwrap_or_else(|| panic!("{id} is missing"));
    assert_eq!(level("incident-initial-response"), 1);
    assert_eq!(level("incident-evidence"), 1);
    assert_eq!(level("incident-accountability"), 1);
    assert_eq!(level("incident-police"), 2);
    assert_eq!(level("identify-classify"), 2);
    let police = c.item("incident-police").unwrap();
    assert!(police.requirement.ja.contains("警察") && !police.requirement.ja.contains("責任を追及"), "split off");
    let order: Vec<&str> = c.items_of("incident").map(|i| i.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "incident-known",
            "incident-reporting-route",
            "incident-signs-insider",
            "incident-signs-external",
            "incident-normal-state",
            "incident-initial-response",
            "incident-response-team",
            "incident-evidence",
            "incident-accountability",
            "incident-police",
            "incident-open-culture",
            "incident-malware",
        ]
    );
}

#[test]
fn the_change_list_of_1_1_0_says_what_moved_and_what_was_added() {
    use tics_domain::releases::Change;
    use tics_domain::vocab::revision_text;
    let c = catalogue();
    let since = c.releases_since("1.0.0");
    assert_eq!(since.len(), 1);
    assert_eq!(since[0].version, "1.1.0");
    let lines: Vec<String> = since[0].items.iter().map(|r| revision_text(&c, r).ja).collect();
    assert!(lines.contains(&"「各段階で証拠を集め、保全する」：レベル2 → レベル1".to_owned()), "{lines:?}");
    assert!(
        lines.contains(&"「機密区分を設け、区分ごとに扱いを決めている」：レベル3 → レベル2".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("「損失の回復と再発防止のため、責任を追及する」：「犯罪に当たる")),
        "{lines:?}"
    );
    // Every level change names the level the item had in 1.0.0, and the present one differs.
    for revision in &since[0].items {
        if revision.change == Change::Level {
            assert_ne!(Some(c.item(&revision.id).unwrap().level), revision.was, "{}", revision.id);
        }
    }
    assert!(c.releases_since("1.1.0").is_empty() && c.releases_since("2.0").is_empty());
}

#[test]
fn a_change_list_that_does_not_match_the_catalogue_is_refused() {
    let with = |changes: &str| minimal(GOOD).replacen('{', &format!("{{\"changes\":{changes},"), 1);
    assert!(Catalogue::from_json(&with(
        r#"[{"version":"1","summary":{"ja":"x","en":"x"},"items":[{"id":"a-1","change":"level","was":2}]}]"#
    ))
    .is_ok());
    for (changes, field) in [
        // An item the catalogue does not have.
        (r#"[{"version":"1","summary":{"ja":"x","en":"x"},"items":[{"id":"zz","change":"added"}]}]"#, "changes[1]"),
        // A "former" level equal to the present one.
        (
            r#"[{"version":"1","summary":{"ja":"x","en":"x"},"items":[{"id":"a-1","change":"level","was":1}]}]"#,
            "changes[1]",
        ),
        // A release after the catalogue's own version.
        (r#"[{"version":"9","summary":{"ja":"x","en":"x"},"items":[]}]"#, "changes[9]"),
        // Not oldest first.
        (
            r#"[{"version":"1","summary":{"ja":"x","en":"x"},"items":[]},{"version":"0.5","summary":{"ja":"x","en":"x"},"items":[]}]"#,
            "changes[0.5]",
        ),
        (r#"[{"version":"1","summary":{"ja":" ","en":"x"},"items":[]}]"#, "changes[1].summary.ja"),
        (r#"[{"version":"1","summary":{"ja":"x","en":"x"},"items":[{"id":"a-1","change":"moved"}]}]"#, "changes"),
        // A level change without the former level, and a former level on another kind of change.
        (r#"[{"version":"1","summary":{"ja":"x","en":"x"},"items":[{"id":"a-1","change":"level"}]}]"#, "changes[1]"),
        (
            r#"[{"version":"1","summary":{"ja":"x","en":"x"},"items":[{"id":"a-1","change":"reworded","was":2}]}]"#,
            "changes[1]",
        ),
        (
            r#"[{"version":"1","summary":{"ja":"x","en":"x"},"items":[{"id":"a-1","change":"level","was":2,"from":"a-1"}]}]"#,
            "changes[1]",
        ),
    ] {
        let problems = Catalogue::from_json(&with(changes)).expect_err(changes);
        assert!(problems.iter().any(|p| p.field == field), "{changes}: {problems:?}");
    }
}

/// A result file made with catalogue 1.0.0 (the only earlier version) still imports, says what changed, and
/// compares on the items both versions share.
#[test]
fn a_file_made_with_catalogue_1_0_0_imports_and_compares_on_the_shared_items() {
    use tics_domain::compare::{compare, Change};
    use tics_domain::envelope::{export_json, import_json, Origin};
    use tics_domain::{Action, SelfCheck, Status};
    let c = catalogue();
    let mut old = SelfCheck::default();
    for (item, status) in [("incident-police", Status::Done), ("incident-evidence", Status::Partial)] {
        let set = Action::SetStatus { item: item.into(), status: Some(status), today: "2025-12-01".into() };
        old.apply(&c, set).unwrap();
    }
    let origin = Origin { app_version: "0.9.0", saved_at: "2025-12-01T10:00:00+09:00", name: "2025年度", id: "sc-1" };
    // The file as the app wrote it with 1.0.0: the digest covers the content, not the catalogue reference.
    let file = export_json(&c, &old, &origin).replace("\"version\": \"1.1.0\"", "\"version\": \"1.0.0\"");
    assert!(file.contains("\"version\": \"1.0.0\""));
    let imported = import_json(file.as_bytes(), &c).expect("a 1.0.0 file imports");
    assert!(imported.unknown_items.is_empty());
    assert_eq!(imported.catalogue.checked_with(&c).as_deref(), Some("1.0.0"));
    let warning = imported.warnings.iter().find(|w| w.en.contains("earlier version")).expect("says it is older");
    assert!(warning.ja.contains("1.0.0") && warning.ja.contains("5 項目"), "{}", warning.ja);

    let mut now = imported.check.clone();
    now.apply(
        &c,
        Action::SetStatus { item: "incident-evidence".into(), status: Some(Status::Done), today: "2026-12-01".into() },
    )
    .unwrap();
    let changes = compare(&c, &imported.check, &now);
    let of = |id: &str| changes.iter().find(|x| x.item == id).map(|x| x.change);
    assert_eq!(of("incident-police"), Some(Change::Unchanged));
    assert_eq!(of("incident-evidence"), Some(Change::Improved));
    assert_eq!(of("incident-accountability"), None, "new in 1.1.0: answered in neither");
}
