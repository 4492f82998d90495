//! Sharing with an association and the association's aggregate: what a sharing file holds for each choice, the
//! checks on reading it, and the figures over members, computed by hand on the four-item fixture catalogue. A
//! property test checks that the aggregate of one member's file equals that member's own scores.
use proptest::prelude::*;
use tics_domain::aggregate::{picture_tables, read_members, Collection, Filter, Quartiles};
use tics_domain::catalogue::{Catalogue, Threat};
use tics_domain::envelope::{digest_of, export_json, ImportError, Origin};
use tics_domain::inventory::{InventoryAction, RowField};
use tics_domain::scoring::{gaps, summarise, threat_tallies};
use tics_domain::selfcheck::{OrgSize, PlanField};
use tics_domain::share::{export_share, read_share, shared_check, ShareError, ShareOptions, ShareOrigin, WITHHELD};
use tics_domain::{Action, InfoForm, Lang, SelfCheck, Status};

fn fixture() -> Catalogue {
    Catalogue::from_json(include_str!("fixtures/catalogue.json")).expect("fixture catalogue is valid")
}

fn origin<'a>(id: &'a str, saved_at: &'a str) -> ShareOrigin<'a> {
    ShareOrigin { app_version: "0.0.0-test", saved_at, id }
}

/// A self-check on the fixture: papers in containers, target level 2, the three items in scope answered as
/// given (procedure, inventory, container).
fn member(org: &str, statuses: [Option<Status>; 3]) -> SelfCheck {
    let c = fixture();
    let mut s = SelfCheck::default();
    let mut run = |a: Action| s.apply(&c, a).expect("applies");
    run(Action::SetOrganisation(org.into()));
    run(Action::SetForm(InfoForm::Container, true));
    run(Action::SetTargetLevel(2));
    for (item, status) in ["identify-procedure", "identify-inventory", "physical-container"].into_iter().zip(statuses) {
        run(Action::SetStatus { item: item.into(), status, today: "2026-11-01".into() });
    }
    s
}

fn share(check: &SelfCheck, options: ShareOptions, id: &str, saved_at: &str) -> Vec<u8> {
    export_share(&fixture(), check, options, &origin(id, saved_at)).into_bytes()
}

fn collect(files: Vec<(&str, Vec<u8>)>) -> Collection {
    let c = fixture();
    let names: Vec<String> = files.iter().map(|(n, _)| (*n).to_owned()).collect();
    let replies = read_members(&c, files.into_iter().map(|(n, b)| (n.to_owned(), b)).collect());
    let mut collection = Collection::default();
    for (name, reply) in names.into_iter().zip(replies) {
        collection.add(name, reply);
    }
    collection
}

use Status::{Done, NotDone, Partial};

fn three_members() -> Collection {
    let a = member("株式会社A", [Some(Done), Some(Done), Some(Done)]);
    let b = member("B社", [Some(Done), Some(NotDone), Some(Partial)]);
    let mut c = member("C社", [Some(NotDone), None, Some(Done)]);
    c.apply(&fixture(), Action::SetSize(OrgSize::Large)).unwrap();
    let named = ShareOptions { organisation: true, ..ShareOptions::default() };
    collect(vec![
        ("a.json", share(&a, named, "sc-a", "2026-11-01T09:00:00+09:00")),
        ("b.json", share(&b, ShareOptions::default(), "sc-b", "2026-11-02T09:00:00+09:00")),
        ("c.json", share(&c, named, "sc-c", "2026-11-03T09:00:00+09:00")),
    ])
}

#[test]
fn quartiles_interpolate_between_the_nearest_scores() {
    let q = Quartiles::of(vec![100.0, 0.0, 50.0, 25.0]).unwrap();
    assert_eq!((q.min, q.q1, q.median, q.q3, q.max), (0.0, 18.75, 37.5, 62.5, 100.0));
    let one = Quartiles::of(vec![40.0]).unwrap();
    assert_eq!((one.min, one.q1, one.median, one.q3, one.max), (40.0, 40.0, 40.0, 40.0, 40.0));
    assert_eq!(Quartiles::of(Vec::new()), None);
}

#[test]
fn three_members_give_the_figures_computed_by_hand() {
    let c = fixture();
    let collection = three_members();
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    let p = collection.picture(&c, &Filter::default());
    assert_eq!((p.year, p.members), (Some(2026), 3));
    // A has done everything (and no level-3 item applies to papers): level 3. B's container is only partly
    // done and C's procedure not done: neither attains the baseline.
    assert_eq!(p.levels, [2, 0, 0, 1]);
    // identify: A 100, B 50 (one of two), C 0. physical: A 100, B 50 (partly done is half), C 100.
    let identify = p.topics[0].quartiles.unwrap();
    assert_eq!((identify.min, identify.q1, identify.median, identify.q3, identify.max), (0.0, 25.0, 50.0, 75.0, 100.0));
    let physical = p.topics[1].quartiles.unwrap();
    assert_eq!(
        (physical.min, physical.q1, physical.median, physical.q3, physical.max),
        (50.0, 75.0, 100.0, 100.0, 100.0)
    );
    assert_eq!((p.topics[0].members, p.topics[0].previous_median), (3, None));
    // Not done: the inventory by B and C (2 of 3); then the procedure (C) and the container (B, partly), 1 of 3
    // each, tied on level and importance, in catalogue order.
    let items: Vec<(&str, usize, usize, u8)> =
        p.items.iter().map(|s| (s.item.as_str(), s.members, s.not_done, s.share())).collect();
    assert_eq!(
        items,
        [("identify-inventory", 3, 2, 67), ("identify-procedure", 3, 1, 33), ("physical-container", 3, 1, 33),]
    );
    // Insider: procedure and inventory, 6 in all, 3 done. Leaver: the inventory, 1 of 3. Outsider: the container,
    // 2 of 3 done (B's partly done does not count as done). No item answers partners or malware.
    let shares: Vec<(Threat, usize, Option<u8>)> =
        p.threats.iter().map(|(t, tally)| (*t, tally.in_scope, tally.done_share())).collect();
    assert_eq!(
        shares,
        [
            (Threat::Insider, 6, Some(50)),
            (Threat::Leaver, 3, Some(33)),
            (Threat::Partner, 0, None),
            (Threat::Outsider, 3, Some(66)),
            (Threat::Malware, 0, None)
        ]
    );
    // Only A and C shared their names.
    assert_eq!(p.names, ["C社", "株式会社A"]);
    assert!(p.versions.is_empty());
}

#[test]
fn filters_by_profile_narrow_the_members() {
    let c = fixture();
    let collection = three_members();
    let large = collection.picture(&c, &Filter { size: Some(OrgSize::Large), ..Filter::default() });
    assert_eq!((large.members, large.names.clone()), (1, vec!["C社".to_owned()]));
    let area = collection.picture(&c, &Filter { forms: [InfoForm::Area].into(), ..Filter::default() });
    assert_eq!(area.members, 0);
    assert!(area.topics.iter().all(|t| t.quartiles.is_none()));
    let not_entrusted = collection.picture(&c, &Filter { entrusted: Some(false), ..Filter::default() });
    assert_eq!(not_entrusted.members, 3);
    assert_eq!(
        Filter { size: Some(OrgSize::Large), entrusted: Some(true), ..Filter::default() }.describe().ja,
        "大規模・複数部門、預かり情報あり"
    );
}

#[test]
fn several_files_of_one_self_check_count_once_the_newest() {
    let c = fixture();
    let old = member("A", [Some(NotDone), Some(NotDone), Some(NotDone)]);
    let new = member("A", [Some(Done), Some(Done), Some(Done)]);
    let o = ShareOptions::default();
    let collection = collect(vec![
        ("new.json", share(&new, o, "sc-a", "2026-11-20T09:00:00+09:00")),
        ("old.json", share(&old, o, "sc-a", "2026-10-01T09:00:00+09:00")),
        ("copy.json", share(&new, o, "sc-a", "2026-11-20T09:00:00+09:00")),
        ("older-first.json", share(&old, o, "sc-b", "2026-10-01T09:00:00+09:00")),
        ("newer-second.json", share(&new, o, "sc-b", "2026-11-20T09:00:00+09:00")),
    ]);
    let p = collection.picture(&c, &Filter::default());
    assert_eq!(p.members, 2);
    assert_eq!(p.levels, [0, 0, 0, 2], "both count with their newest file");
    assert_eq!(
        collection.duplicates,
        [
            ("old.json".to_owned(), "new.json".to_owned()),
            ("copy.json".to_owned(), "new.json".to_owned()),
            ("older-first.json".to_owned(), "newer-second.json".to_owned()),
        ]
    );
}

#[test]
fn files_from_two_fiscal_years_give_the_change_per_topic() {
    let c = fixture();
    let o = ShareOptions::default();
    let last_year = member("A", [Some(NotDone), Some(NotDone), Some(Done)]);
    let this_year = member("A", [Some(Done), Some(NotDone), Some(Done)]);
    // 2026-03-31 is in fiscal year 2025; the same self-check counts once in each year.
    let collection = collect(vec![
        ("2025.json", share(&last_year, o, "sc-a", "2026-03-31T09:00:00+09:00")),
        ("2026.json", share(&this_year, o, "sc-a", "2026-04-01T09:00:00+09:00")),
    ]);
    assert_eq!(collection.years(), [2025, 2026]);
    assert!(collection.duplicates.is_empty());
    let p = collection.picture(&c, &Filter::default());
    assert_eq!((p.year, p.previous_year, p.previous_members), (Some(2026), Some(2025), 1));
    assert_eq!(p.topics[0].quartiles.unwrap().median, 50.0);
    assert_eq!(p.topics[0].previous_median, Some(0.0));
    let tables = picture_tables(&c, &collection, &Filter::default(), &p, Lang::Ja);
    let topics = &tables.topics;
    // Last year's median, the change, and how many members are still below last year's median.
    assert_eq!(topics.rows[0][7..], ["0".to_owned(), "+50".to_owned(), "0".to_owned()]);
    assert_eq!(topics.columns[9].header, "前年度の中央値に届かない会員数");
    // Member A fell behind in the third topic: one member below last year's median there.
    let worse = member("A", [Some(Done), Some(NotDone), Some(NotDone)]);
    let fallen = collect(vec![
        ("2025.json", share(&last_year, o, "sc-a", "2026-03-31T09:00:00+09:00")),
        ("2026.json", share(&worse, o, "sc-a", "2026-04-01T09:00:00+09:00")),
    ]);
    let p2 = fallen.picture(&c, &Filter::default());
    assert_eq!(
        p2.topics.iter().map(|t| t.below_previous).collect::<Vec<_>>().iter().filter(|b| **b == Some(1)).count(),
        1
    );
    let earlier = collection.picture(&c, &Filter { year: Some(2025), ..Filter::default() });
    assert_eq!((earlier.members, earlier.previous_year), (1, None));
}

#[test]
fn a_file_made_with_another_catalogue_version_is_compared_on_the_items_both_have() {
    let c = fixture();
    let check = member("A", [Some(Done), Some(Done), Some(NotDone)]);
    // The member's catalogue (version 0.0) had no inventory item.
    let file = String::from_utf8(share(&check, ShareOptions::default(), "sc-a", "2026-11-01T09:00:00+09:00")).unwrap();
    let older = file.replace("\"version\": \"0.1\"", "\"version\": \"0.0\"").replace("\"identify-inventory\",\n", "");
    let older = redigest(&older);
    let collection = collect(vec![("older.json", older.into_bytes())]);
    assert!(collection.refused.is_empty(), "{:?}", collection.refused);
    let p = collection.picture(&c, &Filter::default());
    assert_eq!(p.versions.len(), 1);
    assert_eq!((p.versions[0].members, p.versions[0].compared), (1, 3));
    assert!(p.versions[0].describe(&c).ja.contains("両方にある 3 項目"), "{}", p.versions[0].describe(&c).ja);
    // Scored on the procedure alone in "identify" (the inventory is not compared): 100, not 100 of 2.
    assert_eq!(p.topics[0].quartiles.unwrap().median, 100.0);
    assert!(p.items.iter().all(|s| s.item != "identify-inventory"));
}

/// Recomputes a sharing file's digest after a test edited its content on purpose.
fn redigest(file: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(file).unwrap();
    value["digest"]["value"] = digest_of(&value["content"]).into();
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn the_sharing_file_holds_only_what_the_member_chose() {
    let c = fixture();
    let mut check = member("株式会社A", [Some(Done), Some(NotDone), Some(Done)]);
    let mut run = |a: Action| check.apply(&c, a).expect("applies");
    run(Action::SetDefaultChecker("山田 太郎".into()));
    run(Action::SetStatus {
        item: "identify-procedure".into(),
        status: Some(Status::NotApplicable),
        today: "2026-11-01".into(),
    });
    run(Action::SetReason { item: "identify-procedure".into(), text: "手順書は親会社が管理".into() });
    run(Action::SetNote { item: "physical-container".into(), text: "=HYPERLINK(\"x\")".into() });
    run(Action::SetPlanText {
        item: "identify-inventory".into(), field: PlanField::Owner, text: "佐藤 花子".into()
    });
    run(Action::SetPlanText {
        item: "identify-inventory".into(),
        field: PlanField::Measure,
        text: "目録を作る".into(),
    });
    run(Action::Inventory(InventoryAction::Add));
    run(Action::Inventory(InventoryAction::Edit { row: 0, field: RowField::Name, text: "金型図面".into() }));
    run(Action::Inventory(InventoryAction::Edit { row: 0, field: RowField::Manager, text: "鈴木 一郎".into() }));
    run(Action::Inventory(InventoryAction::SetForm { row: 0, form: InfoForm::Area, on: true }));

    let file = String::from_utf8(share(&check, ShareOptions::default(), "sc-a", "2026-11-01T09:00:00+09:00")).unwrap();
    for private in ["株式会社A", "山田", "手順書は親会社", "HYPERLINK", "佐藤", "目録を作る", "金型図面", "鈴木"]
    {
        assert!(!file.contains(private), "{private} is not shared by default");
    }
    assert!(file.contains("所属団体と共有するため") && file.contains("tics-self-check-share"));
    let read = read_share(file.as_bytes(), &c).unwrap();
    // The forms the inventory gave still decide the scope; the withheld reason still counts.
    assert_eq!(read.check.profile.forms, check.forms());
    assert_eq!(read.check.answers["identify-procedure"].reason, WITHHELD);
    assert_eq!(summarise(&c, &read.check), summarise(&c, &check), "the scores are the member's own");
    assert!(read.check.periodic.rows.is_empty() && read.check.statement == Default::default());

    let everything = ShareOptions { organisation: true, notes: true, plan: true, inventory: true, names: true };
    let file = String::from_utf8(share(&check, everything, "sc-a", "2026-11-01T09:00:00+09:00")).unwrap();
    for shared in ["株式会社A", "山田", "手順書は親会社", "HYPERLINK", "佐藤", "目録を作る", "金型図面", "鈴木"]
    {
        assert!(file.contains(shared), "{shared} is shared when chosen");
    }
    let plan_without_names = ShareOptions { plan: true, inventory: true, ..ShareOptions::default() };
    let shared = shared_check(&check, plan_without_names);
    assert_eq!((shared.plan["identify-inventory"].owner.as_str(), shared.inventory.rows[0].manager.as_str()), ("", ""));
    assert_eq!(shared.plan["identify-inventory"].measure, "目録を作る");
}

#[test]
fn the_association_is_named_in_the_file_when_its_overlay_names_it() {
    let overlay = r#"{"format":"tics-self-check-overlay","format_version":1,"id":"assoc","version":"1",
        "branding":{"name":{"ja":"金型協会","en":"Mould Assoc."},"contact":{"ja":"事務局へ","en":"To the office"}}}"#;
    let c = fixture().with_overlay(overlay).unwrap();
    let file =
        export_share(&c, &SelfCheck::default(), ShareOptions::default(), &origin("sc-1", "2026-11-01T09:00:00+09:00"));
    let value: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value["association"]["name"]["ja"], "金型協会");
    assert_eq!(value["association"]["contact"]["en"], "To the office");
    assert_eq!(value["catalogue"]["id"], "fixture+assoc");
    // The base catalogue reads it as a file of another version, on the items both have.
    let collection = collect(vec![("x.json", file.into_bytes())]);
    assert_eq!(collection.members.len(), 1);
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    let c = fixture();
    let check = member("A", [Some(Done), None, None]);
    let good = String::from_utf8(share(&check, ShareOptions::default(), "sc-a", "2026-11-01T09:00:00+09:00")).unwrap();
    let result = export_json(&c, &check, &Origin { app_version: "0", saved_at: "2026-11-01", name: "A", id: "sc-a" });
    assert_eq!(read_share(result.as_bytes(), &c).unwrap_err(), ShareError::ResultFile);
    assert!(ShareError::ResultFile.message().ja.contains("団体と共有する"));
    let edited = good.replace("\"done\"", "\"not_done\"");
    assert_eq!(read_share(edited.as_bytes(), &c).unwrap_err(), ShareError::File(ImportError::DigestMismatch));
    assert_eq!(
        read_share(&good.as_bytes()[..good.len() / 2], &c).unwrap_err(),
        ShareError::File(ImportError::Truncated)
    );
    let other = good.replace("\"id\": \"fixture\"", "\"id\": \"someone-else\"");
    assert!(matches!(read_share(other.as_bytes(), &c).unwrap_err(), ShareError::OtherCatalogue { .. }));
    let undated = good.replace("2026-11-01T09:00:00+09:00", "soon");
    assert_eq!(read_share(undated.as_bytes(), &c).unwrap_err(), ShareError::MissingOrigin);
    let newer = good.replace("\"schema_version\": 1", "\"schema_version\": 2");
    assert_eq!(read_share(newer.as_bytes(), &c).unwrap_err(), ShareError::NewerSchema { found: 2 });
    let bad_level = redigest(&good.replace("\"target_level\": 2", "\"target_level\": 9"));
    let ShareError::File(ImportError::InvalidValues { problems }) = read_share(bad_level.as_bytes(), &c).unwrap_err()
    else {
        panic!("a bad value is named")
    };
    assert_eq!(problems[0].path, "content.check.target_level");
    let bad_type = redigest(&good.replace("\"target_level\": 2", "\"target_level\": \"two\""));
    let ShareError::File(ImportError::InvalidValues { problems }) = read_share(bad_type.as_bytes(), &c).unwrap_err()
    else {
        panic!("a wrong type is named")
    };
    assert_eq!(problems[0].path, "content.check.target_level");

    // In a batch, every file gets its own answer.
    let replies = read_members(&c, vec![("good".into(), good.into_bytes()), ("empty".into(), Vec::new())]);
    assert!(replies[0].is_ok());
    assert!(replies[1].as_ref().unwrap_err().en.contains("empty"));
}

fn arbitrary_check() -> impl Strategy<Value = SelfCheck> {
    let statuses = proptest::collection::vec(
        prop_oneof![Just(None), proptest::sample::select(Status::ALL.to_vec()).prop_map(Some)],
        120,
    );
    (
        1u8..=3,
        proptest::collection::vec(any::<bool>(), 5),
        any::<bool>(),
        any::<bool>(),
        statuses,
        proptest::collection::vec(any::<bool>(), 120),
    )
        .prop_map(|(level, forms, large, entrusted, statuses, reasons)| {
            let c = Catalogue::default_tics().unwrap();
            let mut s = SelfCheck::default();
            let mut run = |a: Action| {
                let _ = s.apply(&c, a);
            };
            run(Action::SetTargetLevel(level));
            for (form, on) in InfoForm::ALL.iter().zip(forms) {
                run(Action::SetForm(*form, on));
            }
            run(Action::SetSize(if large { OrgSize::Large } else { OrgSize::Small }));
            run(Action::SetEntrusted(entrusted));
            for ((item, status), reason) in c.items.iter().zip(statuses).zip(reasons) {
                run(Action::SetStatus { item: item.id.clone(), status, today: "2026-11-01".into() });
                if reason {
                    run(Action::SetReason { item: item.id.clone(), text: "理由".into() });
                }
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The aggregate of one member's file is that member's own scores: every quartile of a topic is its score,
    /// the level attained, the counts per threat, and the items not done.
    #[test]
    fn the_aggregate_of_one_file_equals_its_own_scores(check in arbitrary_check()) {
        let c = Catalogue::default_tics().unwrap();
        let file = export_share(&c, &check, ShareOptions::default(), &origin("sc-1", "2026-11-01T09:00:00+09:00"));
        let replies = read_members(&c, vec![("one.json".into(), file.into_bytes())]);
        let mut collection = Collection::default();
        collection.add("one.json".into(), replies.into_iter().next().unwrap());
        let p = collection.picture(&c, &Filter::default());
        let own = summarise(&c, &check);
        prop_assert_eq!(p.members, 1);
        let mut levels = vec![0; 4];
        levels[usize::from(own.attained_level.unwrap_or(0))] = 1;
        prop_assert_eq!(&p.levels, &levels);
        for (topic, stats) in own.topics.iter().zip(&p.topics) {
            let expected = topic.tally.percent().map(f64::from);
            let q = stats.quartiles;
            prop_assert_eq!(q.map(|q| q.min), expected);
            prop_assert_eq!(q.map(|q| q.q1), expected);
            prop_assert_eq!(q.map(|q| q.median), expected);
            prop_assert_eq!(q.map(|q| q.q3), expected);
            prop_assert_eq!(q.map(|q| q.max), expected);
        }
        let threats = p.threats.to_vec();
        prop_assert_eq!(threats, threat_tallies(&c, &check));
        let mut not_done: Vec<String> = p.items.iter().filter(|s| s.not_done == 1).map(|s| s.item.clone()).collect();
        let mut own_gaps = gaps(&c, &check);
        not_done.sort();
        own_gaps.sort();
        prop_assert_eq!(not_done, own_gaps);
        prop_assert_eq!(p.items.len(), own.overall.in_scope);
    }
}
