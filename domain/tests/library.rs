//! Several named self-checks, and year over year: comparison and carrying answers forward.
use tics_domain::catalogue::Catalogue;
use tics_domain::compare::{carry_forward, compare, Change};
use tics_domain::library::{Library, LibraryAction};
use tics_domain::selfcheck::ReportField;
use tics_domain::{Action, SelfCheck, Status};

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("fixtures/catalogue.json")).expect("fixture catalogue is valid")
}

fn library() -> Library {
    Library::new("a".into(), "本社 2025".into(), "2025-11-01T10:00:00".into())
}

#[test]
fn create_rename_duplicate_open_and_delete() {
    let c = catalogue();
    let mut lib = library();
    lib.open_check_mut().unwrap().apply(&c, Action::SetOrganisation("本社".into())).unwrap();

    lib.apply(LibraryAction::Create { id: "b".into(), name: "工場".into(), now: "t".into() }).unwrap();
    assert_eq!(lib.open, "b");
    assert_eq!(lib.open_check(), &SelfCheck::default());

    lib.apply(LibraryAction::Rename { id: "b".into(), name: "  第二工場 ".into() }).unwrap();
    assert_eq!(lib.open_entry().unwrap().name, "第二工場");
    assert!(lib.apply(LibraryAction::Rename { id: "b".into(), name: " ".into() }).is_err(), "a name is required");

    lib.apply(LibraryAction::Duplicate {
        id: "a".into(),
        new_id: "c".into(),
        name: "本社 2026".into(),
        now: "t".into(),
    })
    .unwrap();
    assert_eq!(lib.open, "c");
    assert_eq!(lib.open_check().profile.organisation, "本社");
    assert!(lib
        .apply(LibraryAction::Duplicate { id: "a".into(), new_id: "c".into(), name: "x".into(), now: "t".into() })
        .is_err());

    lib.apply(LibraryAction::Open("a".into())).unwrap();
    assert!(lib.apply(LibraryAction::Open("zz".into())).is_err());
    lib.apply(LibraryAction::Delete { id: "a".into(), fresh_id: "d".into(), now: "t".into() }).unwrap();
    assert_eq!(lib.entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["b", "c"]);
    assert!(lib.open_entry().is_some(), "another self-check is opened");
}

#[test]
fn deleting_the_last_self_check_leaves_an_empty_one() {
    let c = catalogue();
    let mut lib = library();
    lib.open_check_mut().unwrap().apply(&c, Action::SetOrganisation("x".into())).unwrap();
    lib.apply(LibraryAction::Delete { id: "a".into(), fresh_id: "n".into(), now: "t".into() }).unwrap();
    assert_eq!(lib.entries.len(), 1);
    assert_eq!(lib.open, "n");
    assert_eq!(lib.open_check(), &SelfCheck::default());
}

#[test]
fn replacing_the_open_self_check_keeps_the_others() {
    let mut lib = library();
    lib.apply(LibraryAction::Create { id: "b".into(), name: "b".into(), now: "t".into() }).unwrap();
    let other = SelfCheck { target_level: 3, ..SelfCheck::default() };
    lib.apply(LibraryAction::ReplaceOpen(Box::new(other.clone()))).unwrap();
    assert_eq!(lib.open_check(), &other);
    assert_eq!(lib.entries[0].check, SelfCheck::default());
}

fn answered(c: &Catalogue, pairs: &[(&str, Status)]) -> SelfCheck {
    let mut s = SelfCheck::default();
    for (item, status) in pairs {
        s.apply(c, Action::SetStatus { item: (*item).into(), status: Some(*status), today: "2025-11-01".into() })
            .unwrap();
    }
    s
}

#[test]
fn comparison_says_improved_worsened_unchanged_per_item() {
    let c = catalogue();
    let last = answered(
        &c,
        &[
            ("identify-procedure", Status::Partial),
            ("identify-inventory", Status::Done),
            ("physical-container", Status::NotDone),
        ],
    );
    let mut this = answered(
        &c,
        &[
            ("identify-procedure", Status::Done),
            ("identify-inventory", Status::Partial),
            ("physical-container", Status::NotDone),
            ("physical-alarm", Status::NotApplicable),
        ],
    );
    this.apply(&c, Action::SetReason { item: "physical-alarm".into(), text: "区域なし".into() }).unwrap();
    let changes = compare(&c, &last, &this);
    let by_item: Vec<(&str, Change)> = changes.iter().map(|ch| (ch.item.as_str(), ch.change)).collect();
    assert_eq!(
        by_item,
        [
            ("identify-procedure", Change::Improved),
            ("identify-inventory", Change::Worsened),
            ("physical-container", Change::Unchanged),
            ("physical-alarm", Change::Reclassified),
        ]
    );
    assert_eq!(changes[0].before, Some(Status::Partial));
    assert_eq!(changes[0].after, Some(Status::Done));
}

#[test]
fn carry_forward_keeps_answers_and_clears_who_and_when() {
    let c = catalogue();
    let mut last = answered(&c, &[("identify-procedure", Status::Done)]);
    last.apply(&c, Action::SetNote { item: "identify-procedure".into(), text: "規程あり".into() }).unwrap();
    last.apply(
        &c,
        Action::SetReportText {
            item: "identify-procedure".into(),
            field: ReportField::AuditCheck,
            text: "審査で確認".into(),
        },
    )
    .unwrap();
    last.apply(
        &c,
        Action::SetReportText {
            item: "identify-procedure".into(),
            field: ReportField::PeriodCheck,
            text: "今期確認".into(),
        },
    )
    .unwrap();
    let next = carry_forward(&last);
    let a = next.answer("identify-procedure").unwrap();
    assert_eq!(
        (a.status, a.note.as_str(), a.date.as_str(), a.checker.as_str()),
        (Some(Status::Done), "規程あり", "", "")
    );
    let r = &next.report["identify-procedure"];
    assert_eq!((r.audit_check.as_str(), r.period_check.as_str()), ("審査で確認", ""));
    assert_eq!(next.profile, last.profile);
}

#[test]
fn rotation_spreads_items_over_three_years_within_each_topic() {
    let c = Catalogue::default_tics().expect("default catalogue");
    let mut s = SelfCheck::default();
    s.apply(&c, Action::SetTargetLevel(3)).unwrap();
    s.apply(&c, Action::SpreadRotation).unwrap();
    for topic in &c.topics {
        let mut counts = [0; 3];
        for item in c.items_of(&topic.id).filter(|i| s.scope(i).in_scope()) {
            let year = s.report.get(&item.id).and_then(|r| r.year).expect("every item gets a year");
            counts[usize::from(year - 1)] += 1;
        }
        let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(max - min <= 1, "topic {} is spread evenly: {counts:?}", topic.id);
    }
    assert!(s.apply(&c, Action::SetRotationYear { item: c.items[0].id.clone(), year: Some(4) }).is_err());
}

#[test]
fn unique_names_tell_self_checks_apart() {
    let mut lib = library();
    assert_eq!(lib.unique_name("工場"), "工場", "a free name is kept");
    assert_eq!(lib.unique_name(" 本社 2025 "), "本社 2025 (2)");
    lib.apply(LibraryAction::Create { id: "b".into(), name: "本社 2025 (2)".into(), now: "t".into() }).unwrap();
    assert_eq!(lib.unique_name("本社 2025"), "本社 2025 (3)");
}
