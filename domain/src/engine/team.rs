//! Several people answering one self-check, with no server between them. The owner hands each person the items
//! assigned to them ([`hand_out`]); each answers in their own browser; the owner merges what comes back
//! ([`merge`]). The merge is three-way: each returned answer is compared with the answer as it was handed out
//! and with the owner's answer now, so an answer only one side changed is taken, and one both changed
//! differently is a [`Conflict`] for the owner to decide ([`resolve`]). Nothing is overwritten silently.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base::text::Text;
use crate::catalogue::Catalogue;
pub use crate::engine::records::{Choice, Conflict, HandedOut, Owner, Person};
use crate::engine::selfcheck::{Answer, SelfCheck};

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

/// The items of the self-check that the team's assignments give `person_id`, in catalogue order: those of the
/// topics assigned to them (in scope), and single items assigned to them; an item assigned by itself to someone
/// else is theirs, not the topic's person's.
pub fn items_of(catalogue: &Catalogue, check: &SelfCheck, person_id: &str) -> Vec<String> {
    let team = &check.team;
    catalogue
        .items
        .iter()
        .filter(|i| match team.items.get(&i.id) {
            Some(p) => p == person_id,
            None => team.topics.get(&i.topic).is_some_and(|p| p == person_id) && check.scope(i).in_scope(),
        })
        .map(|i| i.id.clone())
        .collect()
}

/// How far one person is with what is assigned to them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub person: Person,
    pub assigned: usize,
    /// Of those, answered (with a status that counts).
    pub answered: usize,
}

impl Progress {
    /// "佐藤（製造部）: 12 項目中 5 項目が回答済み".
    pub fn text(&self) -> Text {
        let (who, n, done) = (self.person.signature(), self.assigned, self.answered);
        Text::new(format!("{who}: {n} 項目中 {done} 項目が回答済み"), format!("{who}: {done} of {n} item(s) answered"))
    }
}

/// Each person's progress, in the team's order.
pub fn progress(catalogue: &Catalogue, check: &SelfCheck) -> Vec<Progress> {
    check
        .team
        .people
        .iter()
        .map(|person| {
            let items = items_of(catalogue, check, &person.id);
            let answered =
                items.iter().filter(|id| check.answer(id).and_then(|a| a.effective_status()).is_some()).count();
            Progress { person: person.clone(), assigned: items.len(), answered }
        })
        .collect()
}

/// The sentence the summary shows while assigned items are unanswered, naming who still has some.
pub fn unanswered_assignments(catalogue: &Catalogue, check: &SelfCheck) -> Option<Text> {
    let open: Vec<(String, usize)> = progress(catalogue, check)
        .into_iter()
        .filter(|p| p.answered < p.assigned)
        .map(|p| (p.person.signature(), p.assigned - p.answered))
        .collect();
    if open.is_empty() {
        return None;
    }
    let list =
        |sep: &str, unit: &str| open.iter().map(|(who, n)| format!("{who} {n}{unit}")).collect::<Vec<_>>().join(sep);
    Some(Text::new(
        format!("割り当てた項目のうち未回答: {}", list("、", " 件")),
        format!("Assigned items still unanswered: {}", list(", ", "")),
    ))
}

/// The hand-out of `items` to `person` from `check`.
pub fn hand_out(check: &SelfCheck, person: &Person, items: &[String]) -> HandedOut {
    let given = items.iter().map(|id| (id.clone(), check.answer(id).cloned().unwrap_or_default())).collect();
    HandedOut { person: person.clone(), given }
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
    crate::engine::records::set_answer(&mut check.answers, item, answer);
}

/// Applies the owner's `choice` for `conflict` to `check` (see [`Conflict::decided`]).
pub fn resolve(check: &mut SelfCheck, conflict: &Conflict, choice: Choice) {
    if let Some(answer) = conflict.decided(choice) {
        set(check, &conflict.item, answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::selfcheck::Status;

    fn answer(status: Status, note: &str) -> Answer {
        Answer { status: Some(status), note: note.into(), ..Answer::default() }
    }

    fn person(name: &str) -> Person {
        Person { name: name.into(), department: "製造部".into(), ..Person::default() }
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
