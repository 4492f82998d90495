//! Several named self-checks, and year over year: comparison and carrying answers forward.
use tics_domain::catalogue::Catalogue;
use tics_domain::compare::{carry_forward, compare, Change};
use tics_domain::library::{Library, LibraryAction};
use tics_domain::periodic::{CriterionField, PeriodicAction};
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
    lib.apply(LibraryAction::ReplaceOpen { check: Box::new(other.clone()), checked_with: None }).unwrap();
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
    let text = |row: &str, field, text: &str| {
        Action::Periodic(PeriodicAction::SetText { row: row.into(), field, text: text.into() })
    };
    last.apply(&c, text("cs-1", CriterionField::AuditCheck, "審査で確認")).unwrap();
    last.apply(&c, text("cs-1", CriterionField::PeriodCheck, "今期確認")).unwrap();
    last.apply(&c, text("cs-1", CriterionField::Date, "2026-03-01")).unwrap();
    let next = carry_forward(&last);
    let a = next.answer("identify-procedure").unwrap();
    assert_eq!(
        (a.status, a.note.as_str(), a.date.as_str(), a.checker.as_str()),
        (Some(Status::Done), "規程あり", "", "")
    );
    let r = next.periodic.rows.iter().find(|r| r.id == "cs-1").unwrap();
    assert_eq!((r.audit_check.as_str(), r.period_check.as_str(), r.date.as_str()), ("審査で確認", "今期確認", ""));
    let previous = r.previous.as_ref().expect("last year's check is kept");
    assert_eq!((previous.period_check.as_str(), previous.date.as_str()), ("今期確認", "2026-03-01"));
    assert!(r.left_as_last_year(), "untouched, the row says it still holds last year's text");
    assert_eq!(next.profile, last.profile);
}

#[test]
fn rotation_spreads_rows_evenly_over_three_years() {
    let c = Catalogue::default_tics().expect("default catalogue");
    let mut s = SelfCheck::default();
    s.apply(&c, Action::Periodic(PeriodicAction::SetYear { row: "cs-1".into(), year: Some(1) })).unwrap();
    s.apply(&c, Action::Periodic(PeriodicAction::SpreadRotation)).unwrap();
    let mut counts = [0; 3];
    for row in &s.periodic.rows {
        counts[usize::from(row.year.expect("every row gets a year") - 1)] += 1;
    }
    assert_eq!(counts, [5, 5, 5], "15 rows of table 4-1, five a year");
    assert_eq!(s.periodic.rows[0].year, Some(1), "a year already chosen stays");
    let four = Action::Periodic(PeriodicAction::SetYear { row: "cs-2".into(), year: Some(4) });
    assert!(s.apply(&c, four).is_err());
}

#[test]
fn unique_names_tell_self_checks_apart() {
    let mut lib = library();
    assert_eq!(lib.unique_name("工場"), "工場", "a free name is kept");
    assert_eq!(lib.unique_name(" 本社 2025 "), "本社 2025 (2)");
    lib.apply(LibraryAction::Create { id: "b".into(), name: "本社 2025 (2)".into(), now: "t".into() }).unwrap();
    assert_eq!(lib.unique_name("本社 2025"), "本社 2025 (3)");
}
