//! Several people answering one self-check, with no server between them. The owner hands each person the items
//! assigned to them ([`hand_out`]); each answers in their own browser; the owner merges what comes back
//! ([`merge`]). The merge is three-way: each returned answer is compared with the answer as it was handed out
//! and with the owner's answer now, so an answer only one side changed is taken, and one both changed
//! differently is a [`Conflict`] for the owner to decide ([`resolve`]). Nothing is overwritten silently.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::engine::selfcheck::{Answer, SelfCheck};

/// Someone the owner assigns items to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub department: String,
}

impl Person {
    /// How answers name who checked: the name, with the department after it when there is one.
    pub fn signature(&self) -> String {
        let (name, department) = (self.name.trim(), self.department.trim());
        if department.is_empty() {
            name.to_owned()
        } else {
            format!("{name}（{department}）")
        }
    }
}

/// What a person gets: the items assigned to them, with their answers as they stood when handed out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedOut {
    pub person: Person,
    /// The answers of the assigned items when handed out (an item not yet answered has the empty answer).
    pub given: BTreeMap<String, Answer>,
}

/// What comes back: the hand-out, and the person's answers to the same items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Returned {
    pub handed_out: HandedOut,
    pub answers: BTreeMap<String, Answer>,
}

/// The items of `topics` (those in the self-check) and the single `items` that exist, in catalogue order, once.
pub fn assigned_items(catalogue: &Catalogue, check: &SelfCheck, topics: &[String], items: &[String]) -> Vec<String> {
    catalogue
        .items
        .iter()
        .filter(|i| (topics.contains(&i.topic) && check.scope(i).in_scope()) || items.contains(&i.id))
        .map(|i| i.id.clone())
        .collect()
}

/// The hand-out of `items` to `person` from `check`.
pub fn hand_out(check: &SelfCheck, person: &Person, items: &[String]) -> HandedOut {
    let given = items.iter().map(|id| (id.clone(), check.answer(id).cloned().unwrap_or_default())).collect();
    HandedOut { person: person.clone(), given }
}

/// An item whose answers differ and that the owner decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub item: String,
    /// The owner's answer now.
    pub ours: Answer,
    /// Each differing returned answer, with who gave it.
    pub theirs: Vec<(Person, Answer)>,
}

/// The outcome of a merge: the self-check with every answer taken, what was taken from whom, and the conflicts,
/// where the owner's answer stands until decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub check: SelfCheck,
    pub taken: Vec<(String, Person)>,
    pub conflicts: Vec<Conflict>,
}

/// `theirs` as it is taken: signed by the person when they left "checked by" empty.
fn signed(mut theirs: Answer, person: &Person) -> Answer {
    if theirs.checker.trim().is_empty() && theirs != Answer::default() {
        theirs.checker = person.signature();
    }
    theirs
}

/// Merges `returned` (one file or many) into `check`. Items that were not handed out to the person are ignored,
/// so a file cannot answer what was not assigned.
pub fn merge(check: &SelfCheck, returned: &[Returned]) -> Merged {
    let mut merged = check.clone();
    let mut taken: Vec<(String, Person)> = Vec::new();
    let mut conflicts: Vec<Conflict> = Vec::new();
    for file in returned {
        let person = &file.handed_out.person;
        for (item, given) in &file.handed_out.given {
            let theirs = file.answers.get(item).cloned().unwrap_or_default();
            if theirs == *given {
                continue; // Unchanged by the person: the owner's answer stands.
            }
            let ours = merged.answers.get(item).cloned().unwrap_or_default();
            let theirs = signed(theirs, person);
            if ours == theirs {
                continue;
            }
            let taken_here = taken.iter().any(|(i, _)| i == item);
            if ours == *given && !taken_here && !conflicts.iter().any(|c| c.item == *item) {
                set(&mut merged, item, theirs);
                taken.push((item.clone(), person.clone()));
                continue;
            }
            // Both sides changed it (the owner since the hand-out, or another person in this merge).
            match conflicts.iter_mut().find(|c| c.item == *item) {
                Some(conflict) => conflict.theirs.push((person.clone(), theirs)),
                None => {
                    let mut conflict = Conflict { item: item.clone(), ours: ours.clone(), theirs: Vec::new() };
                    if taken_here {
                        // The answer taken earlier in this merge was not the owner's: undo it, and list it.
                        let at = taken.iter().position(|(i, _)| i == item).unwrap_or_default();
                        let (_, first) = taken.remove(at);
                        conflict.ours = check.answers.get(item).cloned().unwrap_or_default();
                        conflict.theirs.push((first, ours));
                        let before = conflict.ours.clone();
                        set(&mut merged, item, before);
                    }
                    conflict.theirs.push((person.clone(), theirs));
                    conflicts.push(conflict);
                }
            }
        }
    }
    Merged { check: merged, taken, conflicts }
}

fn set(check: &mut SelfCheck, item: &str, answer: Answer) {
    if answer == Answer::default() {
        check.answers.remove(item);
    } else {
        check.answers.insert(item.to_owned(), answer);
    }
}

/// How the owner decides a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Keep the owner's answer.
    Ours,
    /// Take the returned answer at this position of [`Conflict::theirs`].
    Theirs(usize),
    /// Keep the owner's answer, with every returned note added under it, each signed.
    BothNotes,
}

/// Applies the owner's `choice` for `conflict` to `check`.
pub fn resolve(check: &mut SelfCheck, conflict: &Conflict, choice: Choice) {
    let answer = match choice {
        Choice::Ours => conflict.ours.clone(),
        Choice::Theirs(n) => match conflict.theirs.get(n) {
            Some((_, theirs)) => theirs.clone(),
            None => return,
        },
        Choice::BothNotes => {
            let mut ours = conflict.ours.clone();
            for (person, theirs) in &conflict.theirs {
                let note = theirs.note.trim();
                if !note.is_empty() && !ours.note.contains(note) {
                    let sep = if ours.note.trim().is_empty() { "" } else { "\n" };
                    ours.note = format!("{}{sep}{}: {note}", ours.note.trim_end(), person.signature());
                }
            }
            ours
        }
    };
    set(check, &conflict.item, answer);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::selfcheck::Status;

    fn answer(status: Status, note: &str) -> Answer {
        Answer { status: Some(status), note: note.into(), ..Answer::default() }
    }

    fn person(name: &str) -> Person {
        Person { name: name.into(), department: "製造部".into() }
    }

    fn returned(check: &SelfCheck, who: &str, answers: &[(&str, Answer)]) -> Returned {
        let items: Vec<String> = answers.iter().map(|(i, _)| (*i).to_owned()).collect();
        let handed_out = hand_out(check, &person(who), &items);
        Returned { handed_out, answers: answers.iter().map(|(i, a)| ((*i).to_owned(), a.clone())).collect() }
    }

    #[test]
    fn an_answer_only_the_person_changed_is_taken_and_signed() {
        let check = SelfCheck::default();
        let file = returned(&check, "佐藤", &[("a", answer(Status::Done, "規程あり"))]);
        let m = merge(&check, &[file]);
        assert!(m.conflicts.is_empty());
        assert_eq!(m.check.answers["a"].checker, "佐藤（製造部）");
        assert_eq!(m.taken, [("a".to_owned(), person("佐藤"))]);
    }

    #[test]
    fn the_owner_s_change_since_the_hand_out_and_a_different_return_conflict() {
        let mut check = SelfCheck::default();
        let file = returned(&check, "佐藤", &[("a", answer(Status::Done, "規程あり"))]);
        check.answers.insert("a".into(), answer(Status::Partial, "一部のみ"));
        let m = merge(&check, &[file]);
        assert_eq!(m.check, check, "nothing is overwritten while undecided");
        assert_eq!(m.conflicts.len(), 1);
        let mut decided = m.check.clone();
        resolve(&mut decided, &m.conflicts[0], Choice::BothNotes);
        assert_eq!(decided.answers["a"].status, Some(Status::Partial));
        assert_eq!(decided.answers["a"].note, "一部のみ\n佐藤（製造部）: 規程あり");
        resolve(&mut decided, &m.conflicts[0], Choice::Theirs(0));
        assert_eq!(decided.answers["a"].status, Some(Status::Done));
    }

    #[test]
    fn two_people_answering_one_item_differently_conflict_and_neither_is_taken() {
        let check = SelfCheck::default();
        let one = returned(&check, "佐藤", &[("a", answer(Status::Done, ""))]);
        let two = returned(&check, "鈴木", &[("a", answer(Status::NotDone, ""))]);
        let m = merge(&check, &[one, two]);
        assert!(m.taken.is_empty());
        assert_eq!(m.check, check);
        let who: Vec<&str> = m.conflicts[0].theirs.iter().map(|(p, _)| p.name.as_str()).collect();
        assert_eq!(who, ["佐藤", "鈴木"]);
    }

    #[test]
    fn an_item_not_handed_out_is_ignored() {
        let check = SelfCheck::default();
        let mut file = returned(&check, "佐藤", &[("a", answer(Status::Done, ""))]);
        file.answers.insert("b".into(), answer(Status::Done, ""));
        assert!(!merge(&check, &[file]).check.answers.contains_key("b"));
    }
}
