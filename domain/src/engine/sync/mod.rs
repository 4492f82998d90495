//! Several tabs, one truth: how a tab keeps the saved self-checks without writing over what another tab saved.
//!
//! Every tab of a storage namespace keeps a [`Session`]: what storage held when the tab last read or wrote it
//! (the base), and which values the tab itself set. To save, the tab reads storage first. If another tab wrote
//! since, the tab merges ([`merge`]): both tabs' changes to different values survive; where both changed one
//! value, the tab saving now made the later change and wins. When storage changes under a tab (another tab
//! saved), the tab merges the same way and shows the result.
//!
//! The tab whose value lost finds out when it reads the winner's write: the saved state says which revision the
//! writer had seen (`seen`), so a value this tab wrote in a later revision was replaced unseen. It is reported as
//! [`Lost`], with the value the tab had, so the user can put it back.
//!
//! A self-check deleted in one tab stays deleted, even if another tab changed it meanwhile; that tab gets its
//! copy back in [`Synced::deleted`], to keep if the user wants.
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::base::text::{Lang, Message, Text};
use crate::catalogue::Catalogue;
use crate::engine::library::{Entry, Library};
use crate::engine::saved::{is_newer, SavedState};

pub mod describe;
pub mod merge;

use merge::{diff, get, keys, same, Path, Step};

/// The browser storage a session reads and writes: one key, holding the saved state's JSON.
pub trait Store {
    fn read(&self) -> Result<Option<String>, Message>;
    fn write(&mut self, json: &str) -> Result<(), Message>;
    /// Copies data this version cannot read to a key of its own before it is written over; the key, if the copy
    /// was made.
    fn back_up(&mut self, json: &str) -> Option<String>;
}

/// How saving went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Storage already held this tab's state: nothing was written.
    Unchanged,
    Written,
    /// The write (or the read before it) failed; the message says what that means.
    Failed(Message),
    /// Storage holds data this version cannot read and could not copy aside (or data of a newer version of the
    /// app, open in another tab): nothing more is written, so that it is not destroyed.
    Held(Message),
}

/// A value this tab set that another tab replaced without having seen it.
#[derive(Clone, Debug, PartialEq)]
pub struct Lost {
    /// Where the value is in the saved state.
    pub path: Path,
    /// The value this tab had (`None`: it had removed it).
    pub mine: Option<Value>,
}

/// What a sync did, for the tab to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Synced {
    /// The tab's state when it changed: other tabs' changes merged in, or IDs given to new rows.
    pub state: Option<(Library, Lang)>,
    pub lost: Vec<Lost>,
    /// Self-checks another tab deleted that this tab had open or had changed: this tab's copy, to keep or not.
    pub deleted: Vec<Entry>,
    pub saved: Saved,
}

/// A value this tab set, and the revision it was written in.
#[derive(Clone, Debug, PartialEq)]
struct Mark {
    value: Option<Value>,
    revision: u64,
}

/// What storage held when the tab last looked: the state as read (`None` when it held nothing usable) and the
/// text itself, to tell at once whether anything was written since.
#[derive(Clone, Debug)]
struct Base {
    state: SavedState,
    json: Option<String>,
}

/// One tab's view of the saved state.
#[derive(Clone, Debug)]
pub struct Session {
    /// Unique to this tab: the start of the IDs it gives new rows.
    tab: String,
    fresh: u64,
    /// The self-check this tab had open when it last wrote (or started): opening another is this tab's change,
    /// while another tab's choice is not.
    open: String,
    base: Base,
    authored: BTreeMap<Path, Mark>,
}

/// At most this many values are remembered as set by this tab; the oldest are forgotten first.
const MARKS: usize = 2000;

impl Session {
    /// A session for a tab that started from `state`, read from `json` in storage (`None`: storage held nothing
    /// usable, and `state` is new). `tab` must differ between tabs.
    pub fn new(tab: String, state: SavedState, json: Option<String>) -> Session {
        Session {
            tab,
            fresh: 0,
            open: state.library.open.clone(),
            base: Base { state, json },
            authored: BTreeMap::new(),
        }
    }

    /// Gives rows without an ID (new, copied or imported) one of this tab's IDs.
    fn name_rows(&mut self, library: &mut Library) -> bool {
        let mut changed = false;
        for entry in &mut library.entries {
            let (tab, fresh) = (&self.tab, &mut self.fresh);
            changed |= entry.check.inventory.name_rows(|| {
                *fresh += 1;
                format!("{tab}-{fresh}")
            });
        }
        changed
    }

    /// Brings this tab and storage together: reads storage, merges what other tabs saved since this tab last
    /// looked with this tab's `library` and `lang`, and writes the result when storage lacks some of this tab's
    /// changes. Call it after every change of the tab, when storage changes under it, and when the page is
    /// hidden or shown again; it writes nothing when there is nothing new.
    pub fn sync(&mut self, library: &Library, lang: Lang, catalogue: &Catalogue, store: &mut impl Store) -> Synced {
        let mut mine = SavedState::new(library.clone(), lang);
        let named = self.name_rows(&mut mine.library);
        let unchanged = |saved| Synced {
            state: named.then(|| (mine.library.clone(), mine.lang)),
            lost: Vec::new(),
            deleted: Vec::new(),
            saved,
        };
        let stored = match store.read() {
            Ok(stored) => stored,
            Err(why) => return unchanged(Saved::Failed(why)),
        };
        // What storage holds now, as a state: the base when nobody wrote since.
        let theirs: Option<SavedState> = if stored == self.base.json {
            Some(self.base.state.clone())
        } else {
            match stored.as_deref().map(SavedState::from_json) {
                None => None,
                Some(Ok(state)) => Some(state),
                Some(Err(_)) if stored.as_deref().is_some_and(is_newer) => return unchanged(Saved::Held(newer())),
                Some(Err(_)) => match stored.as_deref().map(|json| store.back_up(json)) {
                    Some(Some(_)) => None,
                    _ => return unchanged(Saved::Held(unreadable())),
                },
            }
        };
        let written_since = stored != self.base.json;

        let (mut lost, mut deleted) = (Vec::new(), Vec::new());
        // Nothing new in this tab (the usual case when another tab wrote): no merge, take what storage holds.
        let untouched = !named && same_content_exactly(&mine, &self.base.state);
        let merged = match &theirs {
            Some(theirs) if written_since && untouched => {
                lost = self.lost(theirs, catalogue);
                let mut merged = theirs.clone();
                let open = &mine.library.open;
                if merged.library.entries.iter().any(|e| e.id == *open) {
                    merged.library.open = open.clone();
                } else if let Some(copy) = mine.library.entries.iter().find(|e| e.id == *open) {
                    deleted.push(copy.clone());
                }
                lost.retain(|l| !matches!(l.path.get(2), Some(Step::Id(id)) if !merged.library.entries.iter().any(|e| e.id == *id)));
                merged
            }
            Some(theirs) if written_since => {
                lost = self.lost(theirs, catalogue);
                let (merged, gone) = merge_states(Some(&self.base.state), &mine, theirs, catalogue);
                deleted = gone;
                // A value lost in a self-check that is gone is part of that self-check's copy.
                for entry in &self.base.state.library.entries {
                    let under = |l: &Lost| l.path.get(2) == Some(&Step::Id(entry.id.clone()));
                    if !merged.library.entries.iter().any(|e| e.id == entry.id) && lost.iter().any(under) {
                        lost.retain(|l| !under(l));
                        if !deleted.iter().any(|d: &Entry| d.id == entry.id) {
                            let copy = mine.library.entries.iter().find(|e| e.id == entry.id).unwrap_or(entry);
                            deleted.push(copy.clone());
                        }
                    }
                }
                merged
            }
            _ => mine.clone(),
        };

        let base = &self.base.state;
        let changed_open = self.open != mine.library.open;
        // After a merge, a result that differs from storage only in how it is written (an empty entry left out) is
        // no change: writing it would make the other tab merge and write back, for ever.
        let must_write = changed_open
            || match &theirs {
                Some(theirs) if written_since => !same_content(&merged, theirs),
                Some(theirs) => !same_content_exactly(&merged, theirs),
                None => !same_content_exactly(&mine, base),
            };
        let saved = if must_write {
            let mut next = merged.clone();
            next.revision = theirs.as_ref().map_or(0, |t| t.revision).max(base.revision) + 1;
            next.seen = base.revision;
            let json = next.to_json();
            match store.write(&json) {
                Ok(()) => {
                    self.remember(&mine, next.revision, catalogue);
                    self.open = mine.library.open.clone();
                    self.base = Base { state: next, json: Some(json) };
                    Saved::Written
                }
                Err(why) => {
                    if let Some(theirs) = theirs {
                        self.base = Base { state: theirs, json: stored };
                    }
                    Saved::Failed(why)
                }
            }
        } else {
            if let Some(theirs) = theirs {
                self.base = Base { state: theirs, json: stored };
            }
            Saved::Unchanged
        };
        let changed = merged.lang != mine.lang || merged.library != mine.library || named;
        Synced { state: changed.then_some((merged.library, merged.lang)), lost, deleted, saved }
    }

    /// Remembers the values this tab changed since its base, as written in `revision`. Only the self-checks, and
    /// within them the parts, that changed are turned into JSON: this runs on every keystroke.
    fn remember(&mut self, mine: &SavedState, revision: u64, catalogue: &Catalogue) {
        let base = &self.base.state;
        if base.lang != mine.lang {
            self.authored.insert(keys(&["lang"]), Mark { value: Some(Value::from(mine.lang.tag())), revision });
        }
        let mut changes = Vec::new();
        for entry in &mine.library.entries {
            let before = base.library.entries.iter().find(|e| e.id == entry.id);
            if before.is_some_and(|b| b.name == entry.name && b.check == entry.check) {
                continue;
            }
            let prefix = [Step::Key("library".into()), Step::Key("entries".into()), Step::Id(entry.id.clone())];
            let found = match before {
                Some(before) => entry_changes(before, entry, catalogue),
                None => diff(None, Some(&content(entry))),
            };
            changes
                .extend(found.into_iter().map(|(path, value)| (prefix.iter().cloned().chain(path).collect(), value)));
        }
        for (path, value) in changes {
            self.authored.insert(path, Mark { value, revision });
        }
        if self.authored.len() > MARKS {
            let mut by_age: Vec<(u64, Path)> = self.authored.iter().map(|(p, m)| (m.revision, p.clone())).collect();
            by_age.sort();
            for (_, path) in by_age.into_iter().take(self.authored.len() - MARKS) {
                self.authored.remove(&path);
            }
        }
    }

    /// The values this tab set that `theirs` replaced without having seen them: written by this tab in a
    /// revision above the one the writer of `theirs` had seen, still this tab's in its base, and different now.
    fn lost(&mut self, theirs: &SavedState, catalogue: &Catalogue) -> Vec<Lost> {
        let unseen: Vec<(&Path, &Mark)> = self.authored.iter().filter(|(_, m)| m.revision > theirs.seen).collect();
        if unseen.is_empty() {
            return Vec::new();
        }
        let (mut base, mut theirs) = (self.base.state.clone(), theirs.clone());
        store_shown_rows([Some(&mut base), Some(&mut theirs), None], catalogue);
        let (Ok(base), Ok(now)) = (state_value(&base), state_value(&theirs)) else {
            return Vec::new();
        };
        let lost: Vec<Lost> = unseen
            .into_iter()
            .filter(|(path, mark)| {
                same(get(&base, path), mark.value.as_ref()) && !same(get(&now, path), mark.value.as_ref())
            })
            .map(|(path, mark)| Lost { path: path.clone(), mine: mark.value.clone() })
            .collect();
        for l in &lost {
            self.authored.remove(&l.path);
        }
        lost
    }
}

fn newer() -> Message {
    Text::new(
        "別のタブで新しい版のアプリが保存したため、このタブでは保存を止めました。このページを再読み込みしてください。",
        "A newer version of the app saved in another tab, so this tab has stopped saving. Please reload this page.",
    )
}

fn unreadable() -> Message {
    Text::new(
        "保存データが読めない内容に書き換えられ、控えも保存できなかったため、このタブでは保存を止めました。",
        "The saved data was replaced by something this app cannot read, and no copy of it could be kept, so this tab has stopped saving.",
    )
}

/// What a self-check holds for the user: its name and content, without the bookkeeping (revision, file copy).
fn content(entry: &Entry) -> Value {
    serde_json::json!({ "id": entry.id, "name": entry.name, "check": entry.check })
}

/// What changed in a self-check, as [`diff`] finds it, comparing part by part so that only the parts that
/// changed (and, in the maps by item, only the items) are turned into JSON. Rows the report showed from the
/// catalogue count as there before, so that storing them is no change of this tab's.
fn entry_changes(before: &Entry, after: &Entry, catalogue: &Catalogue) -> Vec<(Path, Option<Value>)> {
    /// The changes between `a` and `b`, under `check.<at…>`.
    fn part<T: Serialize + PartialEq>(at: &[Step], a: &T, b: &T, out: &mut Vec<(Path, Option<Value>)>) {
        if a != b {
            let found = diff(serde_json::to_value(a).ok().as_ref(), serde_json::to_value(b).ok().as_ref());
            let prefix = std::iter::once(Step::Key("check".into())).chain(at.iter().cloned());
            let prefix: Path = prefix.collect();
            out.extend(found.into_iter().map(|(path, v)| (prefix.iter().cloned().chain(path).collect(), v)));
        }
    }
    let key = |k: &str| Step::Key(k.into());
    fn by_key<T: Serialize + PartialEq>(
        name: &str,
        a: &std::collections::BTreeMap<String, T>,
        b: &std::collections::BTreeMap<String, T>,
        out: &mut Vec<(Path, Option<Value>)>,
    ) {
        for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
            let (x, y) = (a.get(key), b.get(key));
            if x != y {
                let prefix = [Step::Key("check".into()), Step::Key(name.into()), Step::Key(key.clone())];
                let value = |v: Option<&T>| v.and_then(|v| serde_json::to_value(v).ok());
                let found = diff(value(x).as_ref(), value(y).as_ref());
                out.extend(found.into_iter().map(|(path, v)| (prefix.iter().cloned().chain(path).collect(), v)));
            }
        }
    }
    let mut out = Vec::new();
    if before.name != after.name {
        out.push((keys(&["name"]), Some(Value::from(after.name.as_str()))));
    }
    let (a, b) = (&before.check, &after.check);
    part(&[key("profile")], &a.profile, &b.profile, &mut out);
    part(&[key("target_level")], &a.target_level, &b.target_level, &mut out);
    by_key("overrides", &a.overrides, &b.overrides, &mut out);
    by_key("answers", &a.answers, &b.answers, &mut out);
    by_key("plan", &a.plan, &b.plan, &mut out);
    if a.periodic != b.periodic {
        let shown = |r: &crate::engine::periodic::PeriodicReport| {
            let mut r = r.clone();
            if r.rows.is_empty() && !(a.periodic.rows.is_empty() && b.periodic.rows.is_empty()) {
                r.rows = r.rows(catalogue);
                r.by_item.clear();
            }
            r
        };
        part(&[key("periodic")], &shown(&a.periodic), &shown(&b.periodic), &mut out);
    }
    part(&[key("statement")], &a.statement, &b.statement, &mut out);
    let (ra, rb) = (&a.inventory.rows, &b.inventory.rows);
    // Row by row when the rows are the same ones: typing in one row of a long inventory turns only that row into
    // JSON.
    if ra.len() == rb.len() && ra.iter().zip(rb).all(|(x, y)| x.id == y.id && !x.id.is_empty()) {
        part(&[key("inventory"), key("classes")], &a.inventory.classes, &b.inventory.classes, &mut out);
        for (x, y) in ra.iter().zip(rb) {
            part(&[key("inventory"), key("rows"), Step::Id(x.id.clone())], x, y, &mut out);
        }
    } else {
        part(&[key("inventory")], &a.inventory, &b.inventory, &mut out);
    }
    part(&[key("documents")], &a.documents, &b.documents, &mut out);
    part(&[key("feared_threats")], &a.feared_threats, &b.feared_threats, &mut out);
    part(&[key("certification")], &a.certification, &b.certification, &mut out);
    part(&[key("evidence")], &a.evidence, &b.evidence, &mut out);
    part(&[key("team")], &a.team, &b.team, &mut out);
    out
}

/// The saved state as JSON, with each self-check's bookkeeping left out, for finding values by path.
fn state_value(state: &SavedState) -> Result<Value, serde_json::Error> {
    let entries: Vec<Value> = state.library.entries.iter().map(content).collect();
    Ok(serde_json::json!({ "lang": state.lang, "library": { "entries": entries } }))
}

/// Equal in what tabs share: the language and every self-check with its bookkeeping (not which one is open,
/// which is each tab's own), value for value.
fn same_content_exactly(a: &SavedState, b: &SavedState) -> bool {
    a.lang == b.lang && a.library.entries == b.library.entries
}

/// [`same_content_exactly`], or the same written differently (an empty entry present on one side only).
fn same_content(a: &SavedState, b: &SavedState) -> bool {
    let entries = |s: &SavedState| serde_json::to_value(&s.library.entries).ok();
    a.lang == b.lang && (a.library.entries == b.library.entries || same(entries(a).as_ref(), entries(b).as_ref()))
}

/// Merges the changes of `mine` and `theirs` since `base` (see [`merge::merge`]). A self-check deleted on either
/// side is deleted; the copies of those `mine` had open or had changed come back as the second value. The open
/// self-check is mine's while it exists, else theirs', else the first.
pub fn merge_states(
    base: Option<&SavedState>,
    mine: &SavedState,
    theirs: &SavedState,
    catalogue: &Catalogue,
) -> (SavedState, Vec<Entry>) {
    let mut base = base.cloned();
    let mut deleted = Vec::new();
    let (mut m, mut t) = (mine.clone(), theirs.clone());
    store_shown_rows([base.as_mut(), Some(&mut m), Some(&mut t)], catalogue);
    if let Some(base) = &mut base {
        for entry in &mut base.library.entries {
            let find = |s: &SavedState| s.library.entries.iter().find(|e| e.id == entry.id).cloned();
            let (in_mine, in_theirs) = (find(mine), find(theirs));
            if in_mine.is_none() || in_theirs.is_none() {
                if let (Some(copy), None) = (&in_mine, &in_theirs) {
                    if copy.check != entry.check || copy.name != entry.name || mine.library.open == entry.id {
                        deleted.push(copy.clone());
                    }
                }
                for s in [&mut m, &mut t] {
                    s.library.entries.retain(|e| e.id != entry.id);
                }
            }
        }
        base.library.entries.retain(|e| m.library.entries.iter().any(|x| x.id == e.id));
    }
    let value = |s: &SavedState| serde_json::to_value(s).ok();
    let merged_value = merge::merge(base.as_ref().and_then(value).as_ref(), value(&m).as_ref(), value(&t).as_ref());
    let mut merged: SavedState = merged_value.and_then(|v| serde_json::from_value(v).ok()).unwrap_or_else(|| m.clone());

    let revision = |s: Option<&SavedState>, id: &str| {
        s.and_then(|s| s.library.entries.iter().find(|e| e.id == id)).map(|e| (e.revision, e.file.clone()))
    };
    for entry in &mut merged.library.entries {
        let (b, mi, th) =
            (revision(base.as_ref(), &entry.id), revision(Some(&m), &entry.id), revision(Some(&t), &entry.id));
        let rev = |r: &Option<(u64, _)>| r.as_ref().map(|(n, _)| *n);
        if let (Some(mr), Some(tr)) = (rev(&mi), rev(&th)) {
            // Both sides changed it: the result holds more than either, so it counts above both.
            if mr != tr && rev(&b).is_some_and(|br| br != mr && br != tr) {
                entry.revision = mr.max(tr) + 1;
            }
        }
        // The file copy that holds the most.
        let files = [mi, th].into_iter().flatten().filter_map(|(_, f)| f);
        entry.file = files.max_by(|a, b| (a.revision, &a.at).cmp(&(b.revision, &b.at)));
    }
    let has = |id: &str| merged.library.entries.iter().any(|e| e.id == id);
    merged.library.open = if has(&mine.library.open) {
        mine.library.open.clone()
    } else if has(&theirs.library.open) {
        theirs.library.open.clone()
    } else {
        merged.library.entries.first().map(|e| e.id.clone()).unwrap_or_default()
    };
    if merged.library.entries.is_empty() {
        // Cannot happen (deleting the last self-check leaves a fresh one), but a library is never empty.
        merged.library = theirs.library.clone();
    }
    (merged, deleted)
}

/// A periodic report never touched is shown from the catalogue without being stored; a tab that changes it
/// stores those rows. Where any side stored a self-check's rows, the others store the rows they show, so that
/// the changes merge row by row instead of as "rows added" against "no rows".
fn store_shown_rows(states: [Option<&mut SavedState>; 3], catalogue: &Catalogue) {
    let mut states: Vec<&mut SavedState> = states.into_iter().flatten().collect();
    let stored: Vec<String> = states
        .iter()
        .flat_map(|s| s.library.entries.iter().filter(|e| !e.check.periodic.rows.is_empty()).map(|e| e.id.clone()))
        .collect();
    for state in &mut states {
        for entry in state.library.entries.iter_mut().filter(|e| stored.contains(&e.id)) {
            let report = &mut entry.check.periodic;
            if report.rows.is_empty() {
                report.rows = report.rows(catalogue);
                report.by_item.clear();
            }
        }
    }
}

/// `now` with the changes it made since `from` carried over onto `merged`: for a tab whose state moved on while
/// a sync computed `merged` from `from`.
pub fn rebase(from: &Library, now: &Library, merged: &Library, lang: Lang, catalogue: &Catalogue) -> Library {
    let state = |l: &Library| SavedState::new(l.clone(), lang);
    merge_states(Some(&state(from)), &state(now), &state(merged), catalogue).0.library
}

/// `library` and `lang` with the lost value put back where it was: the user's choice after a [`Lost`] notice.
/// Refused when its place is gone (the row or self-check was deleted) or the value would not be accepted.
pub fn put_back(library: &Library, lang: Lang, lost: &Lost) -> Result<(Library, Lang), Message> {
    let gone = || {
        Text::new(
            "元に戻す場所がなくなっています（行やセルフチェックが削除されました）。値を写して入力し直してください。",
            "The place to put it back is gone (the row or self-check was deleted). Please copy the value and enter it again.",
        )
    };
    let mut value = serde_json::to_value(SavedState::new(library.clone(), lang)).map_err(|_| gone())?;
    if !merge::set(&mut value, &lost.path, lost.mine.clone()) {
        return Err(gone());
    }
    let mut state: SavedState = serde_json::from_value(value).map_err(|_| gone())?;
    if let Some(Step::Id(id)) = lost.path.get(2) {
        let entry = state.library.entries.iter_mut().find(|e| e.id == *id).ok_or_else(gone)?;
        if let Err(problems) = entry.check.validate() {
            let first = problems.first().map(|p| p.describe()).unwrap_or_else(gone);
            return Err(first);
        }
        entry.revision += 1;
    }
    Ok((state.library, state.lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::inventory::{InfoRow, InventoryAction, RowField};
    use crate::engine::periodic::{CriterionField, PeriodicAction};
    use crate::Action;

    /// The part-by-part comparison finds what comparing the whole self-checks as JSON finds.
    #[test]
    fn changes_found_part_by_part_are_those_of_the_whole() {
        let c = Catalogue::default_tics().unwrap();
        let mut before = Entry::new("sc".into(), "本社".into(), String::new(), crate::SelfCheck::default());
        for name in ["図面", "試作品"] {
            before.check.inventory.rows.push(InfoRow { name: name.into(), ..InfoRow::default() });
        }
        before.check.inventory.number_rows();
        let item = c.items[0].id.clone();
        let mut after = before.clone();
        after.name = "工場".into();
        for action in [
            Action::SetNote { item: item.clone(), text: "メモ".into() },
            Action::SetForm(crate::InfoForm::Cloud, true),
            Action::Inventory(InventoryAction::Edit { row: 1, field: RowField::Manager, text: "課長".into() }),
            Action::Periodic(PeriodicAction::SetText {
                row: "cs-1".into(),
                field: CriterionField::Checker,
                text: "山田".into(),
            }),
        ] {
            after.check.apply(&c, action).unwrap();
        }
        let mut shown = before.clone();
        shown.check.periodic.rows = shown.check.periodic.rows(&c);
        let whole = diff(Some(&content(&shown)), Some(&content(&after)));
        let parts = entry_changes(&before, &after, &c);
        let paths = |v: &[(Path, Option<Value>)]| {
            let mut p: Vec<Path> = v.iter().map(|(p, _)| p.clone()).collect();
            p.sort();
            p
        };
        assert_eq!(paths(&parts), paths(&whole));
        assert_eq!(parts.len(), 5, "{parts:?}");
    }
}
