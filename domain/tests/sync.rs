//! Several tabs on one storage: each tab's changes survive the others' writes, a value replaced unseen is
//! reported to the tab that lost it, a deleted self-check is offered back to the tab that had it open, and a tab
//! with nothing new writes nothing. Tabs here are [`Session`]s over one shared store, as in a browser where the
//! `storage` event may arrive late or not at all.
use std::cell::RefCell;
use std::rc::Rc;

use proptest::prelude::*;
use serde_json::json;
use tics_domain::inventory::{InventoryAction, RowField};
use tics_domain::library::{Entry, Library, LibraryAction};
use tics_domain::periodic::{CriterionField, PeriodicAction};
use tics_domain::saved::SavedState;
use tics_domain::sync::describe::describe;
use tics_domain::sync::merge::{self, keys, Step};
use tics_domain::sync::{merge_states, put_back, Lost, Saved, Session, Store};
use tics_domain::{Action, Catalogue, Lang, Message, Status};

mod common;

fn catalogue() -> Catalogue {
    Catalogue::from_json(include_str!("fixtures/catalogue.json")).expect("fixture catalogue is valid")
}

/// One key of localStorage, shared by every tab of the test.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Option<String>>>);

impl Store for Shared {
    fn read(&self) -> Result<Option<String>, Message> {
        Ok(self.0.borrow().clone())
    }
    fn write(&mut self, json: &str) -> Result<(), Message> {
        *self.0.borrow_mut() = Some(json.to_owned());
        Ok(())
    }
    fn back_up(&mut self, _: &str) -> Option<String> {
        Some("backup".into())
    }
}

/// A browser tab: what it shows, and what its syncs reported.
struct Tab {
    session: Session,
    library: Library,
    lang: Lang,
    store: Shared,
    catalogue: Catalogue,
    lost: Vec<Lost>,
    deleted: Vec<Entry>,
    saved: Vec<Saved>,
}

impl Tab {
    /// Opens a tab: reads storage, or starts a fresh library as the app does.
    fn open(store: &Shared, name: &str) -> Tab {
        let json = store.0.borrow().clone();
        let state = json.as_deref().map(|j| SavedState::from_json(j).expect("readable")).unwrap_or_else(|| {
            SavedState::new(Library::new(format!("sc-{name}"), "本社".into(), String::new()), Lang::Ja)
        });
        Tab {
            session: Session::new(format!("t{name}"), state.clone(), json),
            library: state.library,
            lang: state.lang,
            store: store.clone(),
            catalogue: catalogue(),
            lost: Vec::new(),
            deleted: Vec::new(),
            saved: Vec::new(),
        }
    }

    /// What the app does after each change, on a `storage` event, and when the page is hidden.
    fn sync(&mut self) -> &mut Tab {
        let synced = self.session.sync(&self.library, self.lang, &self.catalogue, &mut self.store);
        if let Some((library, lang)) = synced.state {
            self.library = library;
            self.lang = lang;
        }
        self.lost.extend(synced.lost);
        self.deleted.extend(synced.deleted);
        self.saved.push(synced.saved);
        self
    }

    fn change(&mut self, action: Action) -> &mut Tab {
        self.library.change_open(&self.catalogue, action).expect("accepted");
        self.sync()
    }

    fn library(&mut self, action: LibraryAction) -> &mut Tab {
        self.library.apply(action).expect("accepted");
        self.sync()
    }

    fn check(&self) -> &tics_domain::SelfCheck {
        self.library.open_check()
    }

    fn item(&self, n: usize) -> String {
        self.catalogue.items[n].id.clone()
    }
}

fn stored(store: &Shared) -> SavedState {
    SavedState::from_json(store.0.borrow().as_deref().expect("something saved")).expect("readable")
}

fn answer(item: &str, status: Status) -> Action {
    Action::SetStatus { item: item.into(), status: Some(status), today: "2026-12-06".into() }
}

fn note(item: &str, text: &str) -> Action {
    Action::SetNote { item: item.into(), text: text.into() }
}

/// Two tabs opened on saved data, as a user opens a second tab on a bookmark.
fn two_tabs() -> (Shared, Tab, Tab) {
    let store = Shared::default();
    let mut first = Tab::open(&store, "1");
    let item = first.item(0);
    first.change(note(&item, "最初のメモ"));
    let second = Tab::open(&store, "2");
    (store, first, second)
}

#[test]
fn answers_given_in_two_tabs_that_never_saw_each_other_all_survive() {
    let (store, mut first, mut second) = two_tabs();
    let (a, b) = (first.item(1), first.item(2));
    second.change(answer(&a, Status::Done));
    // The first tab never got the storage event; it answers another item.
    first.change(answer(&b, Status::Partial));
    assert_eq!(first.saved.last(), Some(&Saved::Written));
    let later = Tab::open(&store, "3");
    assert_eq!(later.check().answer(&a).and_then(|x| x.status), Some(Status::Done));
    assert_eq!(later.check().answer(&b).and_then(|x| x.status), Some(Status::Partial));
    // The first tab shows the second's answer at once, and the second tab gets the first's on its next sync.
    assert_eq!(first.check().answer(&a).and_then(|x| x.status), Some(Status::Done));
    second.sync();
    assert_eq!(second.check().answer(&b).and_then(|x| x.status), Some(Status::Partial));
    assert!(first.lost.is_empty() && second.lost.is_empty(), "different items: nothing lost");
    assert_eq!(second.saved.last(), Some(&Saved::Unchanged), "the second tab had nothing new to write");
}

#[test]
fn the_same_note_in_both_tabs_keeps_the_later_and_tells_the_other_tab_its_value() {
    let (store, mut first, mut second) = two_tabs();
    let item = first.item(0);
    second.change(note(&item, "二つ目のタブの値"));
    first.change(note(&item, "最初のタブの値"));
    assert_eq!(stored(&store).library.open_check().answer(&item).unwrap().note, "最初のタブの値", "the later wins");
    assert!(first.lost.is_empty(), "the winner has nothing to report");

    second.sync();
    assert_eq!(second.check().answer(&item).unwrap().note, "最初のタブの値");
    assert_eq!(second.lost.len(), 1, "{:?}", second.lost);
    let lost = second.lost[0].clone();
    assert_eq!(lost.mine, Some(json!("二つ目のタブの値")));
    let view = describe(&lost, &second.library, &second.catalogue);
    let title = &second.catalogue.items[0].title;
    assert!(view.what.ja.contains(&title.ja) && view.what.ja.contains("メモ"), "{}", view.what.ja);
    assert!(view.what.en.contains(&title.en) && view.what.en.contains("note"), "{}", view.what.en);
    assert_eq!(view.mine.ja, "二つ目のタブの値");

    // Put back: it is the second tab's change now, made after it saw the first tab's, so nobody else loses.
    let (library, lang) = put_back(&second.library, second.lang, &lost).expect("puts back");
    second.library = library;
    second.lang = lang;
    second.sync();
    first.sync();
    assert_eq!(first.check().answer(&item).unwrap().note, "二つ目のタブの値");
    assert!(first.lost.is_empty(), "the first tab had seen the value it replaced");
}

#[test]
fn a_self_check_created_in_one_tab_leaves_the_other_tab_on_its_own() {
    let (store, mut first, mut second) = two_tabs();
    let open = first.library.open.clone();
    second.library(LibraryAction::Create { id: "sc-new".into(), name: "工場".into(), now: String::new() });
    first.sync();
    assert_eq!(first.library.open, open, "the first tab stays on its self-check");
    assert!(first.library.entries.iter().any(|e| e.id == "sc-new"), "and lists the new one");
    let item = first.item(3);
    first.change(answer(&item, Status::Done));
    let saved = stored(&store);
    assert_eq!(saved.library.entries.len(), 2);
    assert_eq!(saved.library.open, open, "a new tab opens what was opened last");
}

#[test]
fn a_self_check_deleted_in_one_tab_is_offered_to_the_tab_that_had_it_open() {
    let (store, mut first, mut second) = two_tabs();
    second.library(LibraryAction::Create { id: "sc-2".into(), name: "工場".into(), now: String::new() });
    first.sync();
    first.library(LibraryAction::Open("sc-2".into()));
    let item = first.item(0);
    first.change(note(&item, "工場のメモ"));
    second.sync();
    second.library(LibraryAction::Delete { id: "sc-2".into(), fresh_id: "sc-x".into(), now: String::new() });

    first.sync();
    assert!(!first.library.entries.iter().any(|e| e.id == "sc-2"), "deleted stays deleted");
    assert_ne!(first.library.open, "sc-2", "the tab opens another self-check");
    assert_eq!(first.deleted.len(), 1);
    let copy = first.deleted[0].clone();
    assert_eq!(copy.check.answer(&item).unwrap().note, "工場のメモ", "the copy holds what the tab had");

    // Keeping the copy adds it back for every tab.
    first.library(LibraryAction::Add {
        id: copy.id.clone(),
        name: copy.name.clone(),
        now: String::new(),
        check: Box::new(copy.check),
        checked_with: None,
    });
    assert!(stored(&store).library.entries.iter().any(|e| e.id == "sc-2"));
    second.sync();
    assert!(second.library.entries.iter().any(|e| e.id == "sc-2"));
    assert!(second.lost.is_empty() && second.deleted.is_empty());
}

#[test]
fn a_tab_that_changes_a_self_check_deleted_unseen_gets_its_copy_back() {
    let (_, mut first, mut second) = two_tabs();
    second.library(LibraryAction::Create { id: "sc-2".into(), name: "工場".into(), now: String::new() });
    first.sync();
    first.library(LibraryAction::Open("sc-2".into()));
    second.sync();
    second.library(LibraryAction::Delete { id: "sc-2".into(), fresh_id: "sc-x".into(), now: String::new() });
    // The first tab did not hear of the deletion and goes on answering.
    let item = first.item(0);
    first.library.change_open(&first.catalogue, note(&item, "消される前の入力")).unwrap();
    first.sync();
    assert_eq!(first.deleted.len(), 1);
    assert_eq!(first.deleted[0].check.answer(&item).unwrap().note, "消される前の入力");
}

#[test]
fn a_stale_tab_with_nothing_new_writes_nothing() {
    let (store, mut first, mut second) = two_tabs();
    let item = first.item(3);
    second.change(answer(&item, Status::Done));
    let before = store.0.borrow().clone();
    // The first tab is hidden or closed: it syncs, and has nothing of its own to write.
    first.sync();
    assert_eq!(first.saved.last(), Some(&Saved::Unchanged));
    assert_eq!(*store.0.borrow(), before, "storage untouched");
    assert_eq!(first.check().answer(&item).and_then(|a| a.status), Some(Status::Done), "and it shows the answer");
}

#[test]
fn inventory_rows_and_periodic_rows_edited_in_two_tabs_all_survive() {
    let (store, mut first, mut second) = two_tabs();
    first.change(Action::Inventory(InventoryAction::Add));
    first.change(Action::Inventory(InventoryAction::Edit { row: 0, field: RowField::Name, text: "図面".into() }));
    second.sync();
    // Both tabs go on without hearing of each other.
    first.change(Action::Inventory(InventoryAction::Edit {
        row: 0,
        field: RowField::Manager,
        text: "設計課長".into(),
    }));
    first.change(Action::Inventory(InventoryAction::Add));
    first.change(Action::Inventory(InventoryAction::Edit { row: 1, field: RowField::Name, text: "試作品".into() }));
    first.change(Action::Periodic(PeriodicAction::SetText {
        row: "cs-1".into(),
        field: CriterionField::PeriodCheck,
        text: "規程を確認".into(),
    }));
    first.change(Action::Periodic(PeriodicAction::AddRow { id: "r-first".into() }));

    second.session_blind_change(Action::Inventory(InventoryAction::Edit {
        row: 0,
        field: RowField::Location,
        text: "書庫".into(),
    }));
    second.session_blind_change(Action::Inventory(InventoryAction::Add));
    second.session_blind_change(Action::Inventory(InventoryAction::Edit {
        row: 1,
        field: RowField::Name,
        text: "製造条件".into(),
    }));
    second.session_blind_change(Action::Periodic(PeriodicAction::SetText {
        row: "cs-11".into(),
        field: CriterionField::Checker,
        text: "山田".into(),
    }));
    second.session_blind_change(Action::Periodic(PeriodicAction::AddRow { id: "r-second".into() }));
    second.sync();
    first.sync();

    let saved = stored(&store);
    let check = saved.library.open_check();
    let names: Vec<&str> = check.inventory.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["図面", "試作品", "製造条件"]);
    assert_eq!(
        (check.inventory.rows[0].manager.as_str(), check.inventory.rows[0].location.as_str()),
        ("設計課長", "書庫")
    );
    let row = |id: &str| check.periodic.rows.iter().find(|r| r.id == id).cloned().unwrap_or_default();
    assert_eq!(row("cs-1").period_check, "規程を確認");
    assert_eq!(row("cs-11").checker, "山田");
    assert!(!row("r-first").id.is_empty() && !row("r-second").id.is_empty(), "two rows added: two rows");
    assert_eq!(first.library.entries, second.library.entries, "both tabs show the same");
    assert!(first.lost.is_empty() && second.lost.is_empty(), "{:?} {:?}", first.lost, second.lost);
}

impl Tab {
    /// A change made while the `storage` events of the other tab have not arrived: the tab's next sync is its
    /// first look at storage since.
    fn session_blind_change(&mut self, action: Action) -> &mut Tab {
        self.library.change_open(&self.catalogue, action).expect("accepted");
        self
    }
}

#[test]
fn the_language_follows_the_tab_that_changed_it() {
    let (_, mut first, mut second) = two_tabs();
    second.lang = Lang::En;
    second.sync();
    first.sync();
    assert_eq!(first.lang, Lang::En);
}

#[test]
fn opening_another_self_check_is_not_a_change_for_the_other_tabs() {
    let (store, mut first, mut second) = two_tabs();
    second.library(LibraryAction::Create { id: "sc-2".into(), name: "工場".into(), now: String::new() });
    first.sync();
    let writes = || store.0.borrow().clone();
    let before = writes();
    // Each tab has its own self-check open; neither writes because of the other's choice.
    first.sync();
    second.sync();
    assert_eq!(writes(), before);
    assert_ne!(first.library.open, second.library.open);
}

#[test]
fn a_file_download_and_changes_in_another_tab_show_as_changes_no_file_holds() {
    let (_, mut first, mut second) = two_tabs();
    let id = first.library.open.clone();
    let revision = first.library.open_entry().unwrap().revision;
    assert!(first.library.open_entry().unwrap().unsaved());
    first.library(LibraryAction::FileSaved { id: id.clone(), at: "2026-12-06T10:00:00+09:00".into(), revision });
    assert!(!first.library.open_entry().unwrap().unsaved(), "the file holds everything");
    let item = second.item(2);
    second.change(answer(&item, Status::Done));
    first.sync();
    let entry = first.library.open_entry().unwrap();
    assert_eq!(entry.file.as_ref().map(|f| f.revision), Some(revision), "the download is remembered");
    assert!(entry.unsaved(), "the other tab's answer is in no file");
}

#[test]
fn a_stored_state_from_an_older_version_merges_without_losing_rows() {
    // Version 3 had no row IDs: every tab numbers the rows the same way, so their edits meet on the same rows.
    let mut check = tics_domain::SelfCheck::default();
    for name in ["図面", "試作品"] {
        check.inventory.rows.push(tics_domain::inventory::InfoRow { name: name.into(), ..Default::default() });
    }
    let v3 = json!({"format": "tics-self-check-state", "version": 3, "lang": "ja", "library": {"open": "sc-1", "entries": [{"id": "sc-1", "name": "本社", "created": "", "check": check}]}});
    let store = Shared(Rc::new(RefCell::new(Some(v3.to_string()))));
    let (mut first, mut second) = (Tab::open(&store, "1"), Tab::open(&store, "2"));
    first.change(Action::Inventory(InventoryAction::Edit {
        row: 1,
        field: RowField::Manager,
        text: "開発部長".into(),
    }));
    second.change(Action::Inventory(InventoryAction::Edit {
        row: 0,
        field: RowField::Manager,
        text: "設計課長".into(),
    }));
    let saved = stored(&store);
    let managers: Vec<&str> = saved.library.open_check().inventory.rows.iter().map(|r| r.manager.as_str()).collect();
    assert_eq!(managers, ["設計課長", "開発部長"]);
}

#[test]
fn data_of_a_newer_version_written_by_another_tab_stops_this_tab_from_saving() {
    let (store, mut first, _) = two_tabs();
    let newer = r#"{"format":"tics-self-check-state","version":99,"library":{}}"#;
    *store.0.borrow_mut() = Some(newer.into());
    let item = first.item(0);
    first.change(note(&item, "x"));
    assert!(matches!(first.saved.last(), Some(Saved::Held(m)) if m.en.contains("newer")));
    assert_eq!(store.0.borrow().as_deref(), Some(newer), "left for the newer version");
}

#[test]
fn lost_values_are_described_in_words_in_both_languages() {
    let (_, first, _) = two_tabs();
    let c = &first.catalogue;
    let entry = first.library.open.clone();
    let at = |rest: &[Step]| {
        let mut path = vec![
            Step::Key("library".into()),
            Step::Key("entries".into()),
            Step::Id(entry.clone()),
            Step::Key("check".into()),
        ];
        path.extend_from_slice(rest);
        path
    };
    let status = Lost {
        path: at(&[Step::Key("answers".into()), Step::Key(c.items[0].id.clone()), Step::Key("status".into())]),
        mine: Some(json!("partial")),
    };
    let view = describe(&status, &first.library, c);
    assert_eq!((view.mine.ja.as_str(), view.mine.en.as_str()), ("一部実施", "Partly done"));
    assert!(
        view.what.ja.starts_with("セルフチェック「本社」の") && view.what.en.ends_with("of self-check “本社”"),
        "{view:?}"
    );
    let blank = Lost { path: at(&[Step::Key("documents".into()), Step::Key("manager".into())]), mine: None };
    let view = describe(&blank, &first.library, c);
    assert_eq!((view.what.ja.contains("情報管理責任者"), view.mine.ja.as_str()), (true, "（空欄）"));
    let lang = Lost { path: keys(&["lang"]), mine: Some(json!("en")) };
    assert_eq!(describe(&lang, &first.library, c).what.en, "The language");
}

#[test]
fn putting_back_a_value_whose_place_is_gone_is_refused_with_a_reason() {
    let (_, first, _) = two_tabs();
    let path = vec![
        Step::Key("library".into()),
        Step::Key("entries".into()),
        Step::Id("sc-gone".into()),
        Step::Key("name".into()),
    ];
    let refused = put_back(&first.library, first.lang, &Lost { path, mine: Some(json!("x")) }).unwrap_err();
    assert!(!refused.ja.is_empty() && refused.en.contains("gone"));
}

// Properties over generated self-checks.

fn generated(actions: &[Action], c: &Catalogue, rows: &str) -> tics_domain::SelfCheck {
    let mut check = tics_domain::SelfCheck::default();
    for a in actions {
        let _ = check.apply(c, a.clone());
    }
    let mut n = 0;
    check.inventory.name_rows(|| {
        n += 1;
        format!("{rows}{n}")
    });
    check
}

fn state(check: tics_domain::SelfCheck) -> SavedState {
    let mut library = Library::new("sc-1".into(), "本社".into(), String::new());
    library.entries[0].check = check;
    SavedState::new(library, Lang::Ja)
}

fn ids() -> Vec<String> {
    catalogue().items.iter().map(|i| i.id.clone()).collect()
}

fn value(s: &SavedState) -> serde_json::Value {
    serde_json::to_value(s).unwrap()
}

/// The base and the two tabs' states of [`disjoint_changes_merge_the_same_in_either_order`]: `base`'s actions,
/// then each tab's own.
fn three_states(base: &[Action], ours: &[Action], others: &[Action], c: &Catalogue) -> [SavedState; 3] {
    let grow = |more: &[Action]| state(generated(&[base, more].concat(), c, "b"));
    // Rows each tab added get that tab's IDs, as sessions give them; rows of the base keep theirs.
    let mut states = [state(generated(base, c, "b")), grow(ours), grow(others)];
    // The rows a report shows from the catalogue count as stored once any side stores them (as merging does).
    if states.iter().any(|s| !s.library.open_check().periodic.rows.is_empty()) {
        for s in &mut states {
            let report = &mut s.library.entries[0].check.periodic;
            report.rows = report.rows(c);
            report.by_item.clear();
        }
    }
    states
}

/// Why the changes from `b` to `m` and from `b` to `t` are not disjoint, if they are not.
fn not_disjoint(b: &SavedState, m: &SavedState, t: &SavedState) -> Option<&'static str> {
    let bv = value(b);
    let touched =
        |s: &SavedState| merge::diff(Some(&bv), Some(&value(s))).into_iter().map(|(p, _)| p).collect::<Vec<_>>();
    let (pm, pt) = (touched(m), touched(t));
    if pm.iter().any(|a| pt.iter().any(|b| a.starts_with(b) || b.starts_with(a))) {
        return Some("both change one value");
    }
    // New inventory rows get positional IDs here, so two tabs' additions would share IDs: not disjoint.
    let adds_rows =
        |s: &SavedState| s.library.open_check().inventory.rows.len() != b.library.open_check().inventory.rows.len();
    if adds_rows(m) || adds_rows(t) {
        return Some("inventory rows added or deleted");
    }
    // A report whose every row was deleted shows 表4-1's rows again (as in one tab): not a deletion to merge.
    let emptied = |s: &SavedState| {
        s.library.open_check().periodic.rows.is_empty() && !b.library.open_check().periodic.rows.is_empty()
    };
    if emptied(m) || emptied(t) {
        return Some("a report emptied");
    }
    // Rows both tabs put in at one place (after the same row, or both at the start) have an order between them
    // that neither tab chose: the merge puts the rows of the tab saving last after the others', in the order they
    // were added. The row IDs differ, so `diff` finds no shared path, but the order there is one value both
    // changed. (Here it is a row added in one tab and a deleted 表4-1 row brought back by "use 表4-1" in the other.)
    let rows = |s: &SavedState| s.library.open_check().periodic.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    let (base_rows, mine, theirs) = (rows(b), rows(m), rows(t));
    let kept = |id: &String| base_rows.contains(id) && mine.contains(id) && theirs.contains(id);
    let places = |side: &[String]| {
        let mut after = None;
        let mut places = Vec::new();
        for id in side {
            if kept(id) {
                after = Some(id.clone());
            } else if !base_rows.contains(id) {
                places.push(after.clone());
            }
        }
        places
    };
    let (pm, pt) = (places(&mine), places(&theirs));
    if pm.iter().any(|p| pt.contains(p)) {
        return Some("both add report rows at one place");
    }
    None
}

/// The first change from `b` to `m` or to `t` that `merged` does not hold.
fn missing_change(b: &SavedState, m: &SavedState, t: &SavedState, merged: &SavedState) -> Option<merge::Path> {
    let (bv, ov) = (value(b), value(merged));
    merge::diff(Some(&bv), Some(&value(m)))
        .into_iter()
        .chain(merge::diff(Some(&bv), Some(&value(t))))
        .find(|(path, v)| !merge::same(merge::get(&ov, path), v.as_ref()))
        .map(|(path, _)| path)
}

/// Found by [`disjoint_changes_merge_the_same_in_either_order`]: a row added in one tab and a deleted 表4-1 row
/// brought back by "use 表4-1" in the other both go at the end. Both survive whichever tab saves last, and the
/// row of the tab that saves last comes last, as rows added one after the other in one tab would.
#[test]
fn rows_two_tabs_add_at_one_place_all_survive_in_the_order_the_tabs_saved() {
    let c = catalogue();
    let base = [Action::Periodic(PeriodicAction::DeleteRow("cs-11".into()))];
    let ours = [Action::Periodic(PeriodicAction::AddRow { id: String::new() })];
    let others = [Action::Periodic(PeriodicAction::UseStandard)];
    let [b, m, t] = three_states(&base, &ours, &others, &c);
    let rows = |s: &SavedState| s.library.open_check().periodic.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        (rows(&b), rows(&m), rows(&t)),
        (vec!["cs-1".into()], vec!["cs-1".into(), "r1".into()], vec!["cs-1".into(), "cs-11".into()])
    );
    // Not disjoint: the order of the two rows at the end is the property's to leave out.
    assert_eq!(not_disjoint(&b, &m, &t), Some("both add report rows at one place"));
    assert_eq!(not_disjoint(&b, &t, &m), Some("both add report rows at one place"));

    let (ours_last, _) = merge_states(Some(&b), &m, &t, &c);
    let (others_last, _) = merge_states(Some(&b), &t, &m, &c);
    assert_eq!(rows(&ours_last), ["cs-1", "cs-11", "r1"]);
    assert_eq!(rows(&others_last), ["cs-1", "r1", "cs-11"]);
    for merged in [&ours_last, &others_last] {
        assert_eq!(missing_change(&b, &m, &t, merged), None, "both tabs' changes hold");
    }
    // Apart from that order, the two results are the same.
    let sorted = |s: &SavedState| {
        let mut s = s.clone();
        s.library.entries[0].check.periodic.rows.sort_by(|x, y| x.id.cmp(&y.id));
        value(&s)["library"]["entries"].clone()
    };
    assert_eq!(sorted(&ours_last), sorted(&others_last));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Merging a state with itself changes nothing.
    #[test]
    fn merging_a_state_with_itself_changes_nothing(actions in proptest::collection::vec(common::action_strategy(ids()), 0..30)) {
        let c = catalogue();
        let s = state(generated(&actions, &c, "b"));
        let (merged, deleted) = merge_states(Some(&s), &s, &s, &c);
        prop_assert_eq!(merged, s);
        prop_assert!(deleted.is_empty());
    }

    /// Changes to different places give the same result whichever tab saves last.
    #[test]
    fn disjoint_changes_merge_the_same_in_either_order(
        base in proptest::collection::vec(common::action_strategy(ids()), 0..20),
        ours in proptest::collection::vec(common::action_strategy(ids()), 1..4),
        others in proptest::collection::vec(common::action_strategy(ids()), 1..4),
    ) {
        let c = catalogue();
        let [b, m, t] = three_states(&base, &ours, &others, &c);
        prop_assume!(not_disjoint(&b, &m, &t).is_none());
        let (one, _) = merge_states(Some(&b), &m, &t, &c);
        let (other, _) = merge_states(Some(&b), &t, &m, &c);
        prop_assert!(merge::same(Some(&value(&one)["library"]["entries"]), Some(&value(&other)["library"]["entries"])));
        // And the result holds both sides' changes.
        prop_assert_eq!(missing_change(&b, &m, &t, &one), None);
    }

    /// Two tabs that change things without hearing of each other end up showing the same, storage holds it, and
    /// neither writes again: no two tabs answer each other's writes for ever.
    #[test]
    fn two_tabs_converge_and_then_write_nothing(
        first_actions in proptest::collection::vec(common::action_strategy(ids()), 1..12),
        second_actions in proptest::collection::vec(common::action_strategy(ids()), 1..12),
    ) {
        let (_, mut first, mut second) = two_tabs();
        for a in &first_actions {
            if first.library.change_open(&first.catalogue, a.clone()).is_ok() {
                first.sync();
            }
        }
        for a in &second_actions {
            if second.library.change_open(&second.catalogue, a.clone()).is_ok() {
                second.sync();
            }
        }
        first.sync();
        second.sync();
        prop_assert_eq!(&first.library.entries, &second.library.entries);
        prop_assert_eq!(&stored(&first.store).library.entries, &first.library.entries);
        prop_assert!(first.library.open_check().validate().is_ok(), "{:?}", first.library.open_check().validate());
        first.sync();
        second.sync();
        prop_assert_eq!(first.saved.last(), Some(&Saved::Unchanged));
        prop_assert_eq!(second.saved.last(), Some(&Saved::Unchanged));
    }
}
