//! Several people answering one self-check, with no server between them. The owner hands each person the items
//! assigned to them ([`hand_out`]); each answers in their own browser; the owner merges what comes back
//! ([`merge`]). The merge is three-way: each returned answer is compared with the answer as it was handed out
//! and with the owner's answer now, so an answer only one side changed is taken, and one both changed
//! differently is a [`Conflict`] for the owner to decide ([`resolve`]). Nothing is overwritten silently.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::base::text::Text;
use crate::catalogue::{Catalogue, Item};
use crate::engine::records::Kept;
pub use crate::engine::records::{Assigned, Choice, Conflict, HandedOut, Owner, Person, Team, TeamAction};
use crate::engine::selfcheck::{Action, Answer, Edit, SelfCheck};

impl SelfCheck {
    /// The team: its people, who answers what, the conflicts to decide and, in a person's copy, its hand-out.
    pub fn team(&self) -> Team {
        self.team.get()
    }

    /// Keeps `team` as the self-check's.
    pub fn set_team(&mut self, team: &Team) {
        self.team = Kept::of(team);
    }
}

/// The change `action` makes to the team, refused (changing nothing) for an unknown person or item, a person's
/// ID that is empty or taken, or a conflict already decided.
pub fn edit(action: TeamAction) -> Action {
    Action::Edit(Edit::new(move |check, catalogue| {
        let mut team: Team = check.team.read()?;
        let no_person = || Text::new("その担当者はいません", "there is no such person");
        let person_known = |team: &Team, id: &Option<String>| match id {
            Some(id) if team.person(id).is_none() => Err(no_person()),
            _ => Ok(()),
        };
        match action.clone() {
            TeamAction::AddPerson(person) => {
                named(&person)?;
                if person.id.is_empty() || team.person(&person.id).is_some() {
                    return Err(Text::new("担当者の ID が空か、重複しています", "the person's ID is empty or taken"));
                }
                team.people.push(person);
            }
            TeamAction::SetPerson(person) => {
                named(&person)?;
                let slot = team.people.iter_mut().find(|p| p.id == person.id).ok_or_else(no_person)?;
                *slot = person;
            }
            TeamAction::RemovePerson(id) => {
                team.person(&id).ok_or_else(no_person)?;
                team.people.retain(|p| p.id != id);
                team.topics.retain(|_, p| *p != id);
                team.items.retain(|_, p| *p != id);
            }
            TeamAction::AssignTopic { topic, person } => {
                person_known(&team, &person)?;
                match person {
                    Some(id) => team.topics.insert(topic, id),
                    None => team.topics.remove(&topic),
                };
            }
            TeamAction::AssignItem { item, person } => {
                if catalogue.item(&item).is_none() {
                    return Err(Text::new(
                        format!("項目「{item}」はカタログにありません"),
                        format!("item \"{item}\" is not in the catalogue"),
                    ));
                }
                person_known(&team, &person)?;
                match person {
                    Some(id) => team.items.insert(item, id),
                    None => team.items.remove(&item),
                };
            }
            TeamAction::Resolve { item, choice } => {
                let at = team.conflicts.iter().position(|c| c.item == item);
                let conflict = at.map(|at| team.conflicts.remove(at));
                let gone = || Text::new("その食い違いはもう決まっています", "that conflict has already been decided");
                let conflict = conflict.ok_or_else(gone)?;
                let answer = conflict.decided(choice).ok_or_else(gone)?;
                // Whatever was chosen, the returned answers were seen: the same file merged again is not a conflict.
                let seen = team.decided.entry(item.clone()).or_default();
                for (_, theirs) in conflict.theirs {
                    if !seen.contains(&theirs) {
                        seen.push(theirs);
                    }
                }
                set(check, &item, answer);
            }
        }
        check.set_team(&team);
        Ok(())
    }))
}

/// Refuses a person without a name: answers are signed with it, and the owner picks people by it.
fn named(person: &Person) -> Result<(), Text> {
    if person.name.trim().is_empty() {
        return Err(Text::new("担当者の名前を入力してください", "Enter the person's name"));
    }
    Ok(())
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

/// The items of the self-check that the team's assignments give `person_id`, in catalogue order: those of the
/// topics assigned to them (in scope), and single items assigned to them; an item assigned by itself to someone
/// else is theirs, not the topic's person's.
pub fn items_of(catalogue: &Catalogue, check: &SelfCheck, person_id: &str) -> Vec<String> {
    catalogue.items.iter().filter(|i| assignee(check, i) == Some(person_id)).map(|i| i.id.clone()).collect()
}

/// The ID of the person the team's assignments give `item`: the person it is assigned to by itself, else its
/// topic's (when the item is in the self-check). Read from the kept JSON rather than as a [`Team`]: the summary
/// on the first screen asks too (see [`unanswered_assignments`]), and reading the typed team there would bring
/// serde's code for all of the team into the start-up download.
fn assignee<'a>(check: &'a SelfCheck, item: &Item) -> Option<&'a str> {
    let kept = &check.team.0;
    let id = |part: &str, key: &str| kept.get(part)?.get(key)?.as_str();
    id("items", &item.id).or_else(|| id("topics", &item.topic).filter(|_| check.scope(item).in_scope()))
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
        .team()
        .people
        .iter()
        .map(|person| {
            let items = items_of(catalogue, check, &person.id);
            let answered = items.iter().filter(|id| answered(check, id)).count();
            Progress { person: person.clone(), assigned: items.len(), answered }
        })
        .collect()
}

/// The sentence the summary shows while assigned items are unanswered, naming who still has some. Reads the
/// people from the kept JSON, as [`assignee`] does and for the same reason.
pub fn unanswered_assignments(catalogue: &Catalogue, check: &SelfCheck) -> Option<Text> {
    let people = check.team.0.get("people")?.as_array()?;
    let open: Vec<(String, usize)> = people
        .iter()
        .filter_map(|kept| {
            let text = |key: &str| kept.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
            let person = Person { id: text("id"), name: text("name"), department: text("department") };
            let items = catalogue.items.iter().filter(|i| assignee(check, i) == Some(person.id.as_str()));
            let open = items.filter(|i| !answered(check, &i.id)).count();
            (open > 0).then(|| (person.signature(), open))
        })
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

/// The outcome of a merge: the self-check with every answer taken and the conflicts kept in its team to decide
/// (the owner's answer stands until then), what was taken from whom, and the conflicts.
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
    let decided = check.team().decided;
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
            if ours == theirs || decided.get(item).is_some_and(|seen| seen.contains(&theirs)) {
                continue; // The same, or a returned answer the owner already decided on.
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
    // The conflicts join those still undecided, each replacing an earlier one of the same item where it stood, so
    // that merging a file again leaves the list as it was.
    let mut team = merged.team();
    for conflict in &conflicts {
        match team.conflicts.iter_mut().find(|c| c.item == conflict.item) {
            Some(earlier) => *earlier = conflict.clone(),
            None => team.conflicts.push(conflict.clone()),
        }
    }
    if !conflicts.is_empty() {
        merged.set_team(&team);
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

impl Merged {
    /// Whether the merge changes `before` (the self-check it was made from): merging files already merged, with
    /// their conflicts still undecided, changes nothing, and the owner is told so instead of keeping a copy.
    pub fn changes(&self, before: &SelfCheck) -> bool {
        self.check != *before
    }
}

/// One topic's assignment, as the owner's overview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicProgress {
    pub topic: String,
    /// The person the topic is assigned to, if any.
    pub person: Option<Person>,
    /// The topic's items in the self-check.
    pub total: usize,
    /// Of those, answered (with a status that counts).
    pub answered: usize,
    /// The topic's items assigned by themselves, to whomever.
    pub single: usize,
}

impl TopicProgress {
    /// "担当: 佐藤（製造部） — 8 項目中 3 項目が回答済み（うち 1 項目は個別に割り当て）".
    ///
    /// ```
    /// use tics_domain::team::{Person, TopicProgress};
    /// let p = Person { id: "p1".into(), name: "佐藤".into(), department: "製造部".into() };
    /// let t = TopicProgress { topic: "identify".into(), person: Some(p), total: 8, answered: 3, single: 1 };
    /// assert_eq!(t.text().ja, "担当: 佐藤（製造部） — 8 項目中 3 項目が回答済み（うち 1 項目は個別に割り当て）");
    /// assert_eq!(t.text().en, "Assigned to 佐藤（製造部） — 3 of 8 item(s) answered (1 assigned by itself)");
    /// let nobody = TopicProgress { person: None, single: 0, ..t };
    /// assert_eq!(nobody.text().en, "Assigned to nobody — 3 of 8 item(s) answered");
    /// ```
    pub fn text(&self) -> Text {
        let (n, done, single) = (self.total, self.answered, self.single);
        let who = self.person.as_ref().map(Person::signature);
        let (ja_who, en_who) = match &who {
            Some(who) => (who.as_str(), who.as_str()),
            None => ("なし", "nobody"),
        };
        let (ja_single, en_single) = match single {
            0 => (String::new(), String::new()),
            _ => (format!("（うち {single} 項目は個別に割り当て）"), format!(" ({single} assigned by itself)")),
        };
        Text::new(
            format!("担当: {ja_who} — {n} 項目中 {done} 項目が回答済み{ja_single}"),
            format!("Assigned to {en_who} — {done} of {n} item(s) answered{en_single}"),
        )
    }
}

/// Each topic of the catalogue with whom it is assigned to and how far its items in the self-check are answered,
/// in catalogue order.
pub fn topic_progress(catalogue: &Catalogue, check: &SelfCheck) -> Vec<TopicProgress> {
    let team = check.team();
    catalogue
        .topics
        .iter()
        .map(|topic| {
            let items = || catalogue.items.iter().filter(|i| i.topic == topic.id);
            let in_scope: Vec<&str> = items().filter(|i| check.scope(i).in_scope()).map(|i| i.id.as_str()).collect();
            TopicProgress {
                topic: topic.id.clone(),
                person: team.topics.get(&topic.id).and_then(|id| team.person(id)).cloned(),
                total: in_scope.len(),
                answered: in_scope.iter().filter(|id| answered(check, id)).count(),
                single: items().filter(|i| team.items.contains_key(&i.id)).count(),
            }
        })
        .collect()
}

fn answered(check: &SelfCheck, item: &str) -> bool {
    check.answer(item).and_then(Answer::effective_status).is_some()
}

/// In a person's copy: whose hand-out it is, and how far the person is with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnAssignment {
    /// The owner's self-check the answers go back to.
    pub owner: Owner,
    /// The person, with the items handed out and how many are answered.
    pub progress: Progress,
    /// The items handed out, in catalogue order (those the catalogue knows).
    pub items: Vec<String>,
}

/// The hand-out of a person's copy (see `team_files::read_assignment`); `None` in any other self-check.
pub fn own_assignment(catalogue: &Catalogue, check: &SelfCheck) -> Option<OwnAssignment> {
    let assigned = check.team().assigned?;
    let items: Vec<String> = catalogue
        .items
        .iter()
        .filter(|i| assigned.handed_out.given.contains_key(&i.id))
        .map(|i| i.id.clone())
        .collect();
    let answered = items.iter().filter(|id| answered(check, id)).count();
    let progress = Progress { person: assigned.handed_out.person.clone(), assigned: items.len(), answered };
    Some(OwnAssignment { owner: assigned.owner.clone(), progress, items })
}

/// The hand-out of everything the team's assignments give the person `person_id` (see [`items_of`]), or `None`
/// for a person who is not in the team.
pub fn hand_out_to(catalogue: &Catalogue, check: &SelfCheck, person_id: &str) -> Option<HandedOut> {
    let person = check.team().person(person_id)?.clone();
    Some(hand_out(check, &person, &items_of(catalogue, check, person_id)))
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
        let m = merge(&check, std::slice::from_ref(&file));
        assert_eq!(m.check.answers, check.answers, "nothing is overwritten while undecided");
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.check.team().conflicts, m.conflicts, "kept to decide, surviving a reload");
        let mut kept = m.check.clone();
        kept.apply(
            &Catalogue::default_tics().unwrap(),
            edit(TeamAction::Resolve { item: "a".into(), choice: Choice::Ours }),
        )
        .unwrap();
        assert!(kept.team().conflicts.is_empty());
        assert_eq!(kept.answers, check.answers);
        let again = merge(&kept, std::slice::from_ref(&file));
        assert!(again.conflicts.is_empty(), "a decided conflict is not raised again by the same file");
        assert_eq!(again.check.answers, kept.answers);
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
        assert_eq!(m.check.answers, check.answers);
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

    fn tics() -> Catalogue {
        Catalogue::default_tics().unwrap()
    }

    fn apply(check: &mut SelfCheck, action: TeamAction) -> Result<(), crate::base::text::Message> {
        check.apply(&tics(), edit(action))
    }

    fn with(id: &str, name: &str) -> Person {
        Person { id: id.into(), ..person(name) }
    }

    #[test]
    fn a_person_needs_a_name() {
        let mut check = SelfCheck::default();
        let refused = apply(&mut check, TeamAction::AddPerson(with("p1", "  "))).unwrap_err();
        assert_eq!(refused.en, "Enter the person's name");
        assert!(check.team().people.is_empty());
        apply(&mut check, TeamAction::AddPerson(with("p1", "佐藤"))).unwrap();
        assert!(apply(&mut check, TeamAction::SetPerson(with("p1", ""))).is_err());
        apply(&mut check, TeamAction::SetPerson(Person { department: "品質保証部".into(), ..with("p1", "佐藤") }))
            .unwrap();
        assert_eq!(check.team().people[0].signature(), "佐藤（品質保証部）");
    }

    #[test]
    fn merging_the_same_files_again_changes_nothing() {
        let mut check = SelfCheck::default();
        let one = returned(&check, "佐藤", &[("a", answer(Status::Done, "")), ("b", answer(Status::Done, "x"))]);
        let two = returned(&check, "鈴木", &[("c", answer(Status::Partial, ""))]);
        check.answers.insert("a".into(), answer(Status::NotDone, "社長"));
        check.answers.insert("c".into(), answer(Status::NotDone, "社長"));
        let first = merge(&check, &[one.clone(), two.clone()]);
        assert!(first.changes(&check));
        assert_eq!((first.taken.len(), first.conflicts.len()), (1, 2));
        let again = merge(&first.check, &[two, one]);
        assert!(!again.changes(&first.check), "conflicts stay where they stood, the answer taken stays taken");
        assert!(again.taken.is_empty());
    }

    #[test]
    fn topics_show_whom_they_are_assigned_to_and_how_far_they_are() {
        let catalogue = tics();
        let mut check = SelfCheck::default();
        apply(&mut check, TeamAction::AddPerson(with("p1", "佐藤"))).unwrap();
        apply(&mut check, TeamAction::AddPerson(with("p2", "鈴木"))).unwrap();
        apply(&mut check, TeamAction::AssignTopic { topic: "identify".into(), person: Some("p1".into()) }).unwrap();
        apply(&mut check, TeamAction::AssignItem { item: "identify-procedure".into(), person: Some("p2".into()) })
            .unwrap();
        let in_scope: Vec<&str> = catalogue
            .items
            .iter()
            .filter(|i| i.topic == "identify" && check.scope(i).in_scope())
            .map(|i| i.id.as_str())
            .collect();
        let sato_s = *in_scope.iter().find(|id| **id != "identify-procedure").unwrap();
        check.answers.insert(sato_s.into(), answer(Status::Done, ""));
        let topics = topic_progress(&catalogue, &check);
        assert_eq!(topics.len(), catalogue.topics.len());
        let identify = &topics[0];
        let in_scope = in_scope.len();
        assert_eq!(identify.person.as_ref().map(|p| p.id.as_str()), Some("p1"));
        assert_eq!((identify.total, identify.answered, identify.single), (in_scope, 1, 1));
        assert!(topics[1].person.is_none());
        let to_sato = hand_out_to(&catalogue, &check, "p1").unwrap();
        assert_eq!(to_sato.given.len(), in_scope - 1, "the single item is Suzuki's");
        assert_eq!(to_sato.given[sato_s], answer(Status::Done, ""), "handed out as it stands");
        assert_eq!(hand_out_to(&catalogue, &check, "p9"), None);
        apply(&mut check, TeamAction::RemovePerson("p1".into())).unwrap();
        assert!(topic_progress(&catalogue, &check)[0].person.is_none(), "a removed person's topics are nobody's");
    }

    #[test]
    fn a_person_s_copy_knows_its_hand_out_and_progress() {
        let catalogue = tics();
        let owner_check = SelfCheck::default();
        assert_eq!(own_assignment(&catalogue, &owner_check), None);
        let items = ["mark-label".to_owned(), "identify-procedure".to_owned(), "gone".to_owned()];
        let handed_out = hand_out(&owner_check, &person("佐藤"), &items);
        let owner = Owner { id: "sc-1".into(), name: "本社".into() };
        let assigned = Assigned {
            owner: owner.clone(),
            catalogue_id: catalogue.id.clone(),
            catalogue_version: catalogue.version.clone(),
            handed_out,
        };
        let mut copy = SelfCheck::default();
        copy.set_team(&Team { assigned: Some(Box::new(assigned)), ..Team::default() });
        copy.answers.insert("mark-label".into(), answer(Status::Partial, ""));
        let own = own_assignment(&catalogue, &copy).unwrap();
        assert_eq!(own.owner, owner);
        assert_eq!(own.items, ["identify-procedure", "mark-label"], "catalogue order, known items only");
        assert_eq!(own.progress.text().ja, "佐藤（製造部）: 2 項目中 1 項目が回答済み");
    }

    #[test]
    fn the_summary_names_who_still_has_unanswered_items_as_progress_counts_them() {
        let catalogue = tics();
        let mut check = SelfCheck::default();
        assert_eq!(unanswered_assignments(&catalogue, &check), None);
        apply(&mut check, TeamAction::AddPerson(with("p1", "佐藤"))).unwrap();
        apply(&mut check, TeamAction::AddPerson(with("p2", "鈴木"))).unwrap();
        assert_eq!(unanswered_assignments(&catalogue, &check), None, "nothing assigned yet");
        apply(&mut check, TeamAction::AssignTopic { topic: "identify".into(), person: Some("p1".into()) }).unwrap();
        apply(&mut check, TeamAction::AssignItem { item: "mark-label".into(), person: Some("p2".into()) }).unwrap();
        let sato = progress(&catalogue, &check)[0].assigned;
        let text = unanswered_assignments(&catalogue, &check).unwrap();
        assert_eq!(text.ja, format!("割り当てた項目のうち未回答: 佐藤（製造部） {sato} 件、鈴木（製造部） 1 件"));
        check.answers.insert("mark-label".into(), answer(Status::Done, ""));
        let text = unanswered_assignments(&catalogue, &check).unwrap();
        assert_eq!(text.en, format!("Assigned items still unanswered: 佐藤（製造部） {sato}"));
        for id in items_of(&catalogue, &check, "p1") {
            check.answers.insert(id, answer(Status::NotDone, ""));
        }
        assert_eq!(unanswered_assignments(&catalogue, &check), None);
    }
}
