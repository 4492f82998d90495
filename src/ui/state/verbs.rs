//! The changes a user makes that carry a date, a time or a new id, as messages for the reducer. The time and the
//! ids come from the [`Clock`] the context was given, so no component reads the clock, and what each verb asks
//! of the domain is tested on the host with a clock that stands still.
use tics_domain::compare::carry_forward;
use tics_domain::library::{Library, LibraryAction};
use tics_domain::periodic::PeriodicAction;
use tics_domain::selfcheck::Status;
use tics_domain::team::Merged;
use tics_domain::vocab::NewName;
use tics_domain::{Action, Lang, SelfCheck};

use crate::ui::state::clock::Clock;
use crate::ui::state::focus::Focus;
use crate::ui::state::reducer::{After, Msg};

/// The verbs, stamped by `clock`.
pub struct Verbs<'a> {
    pub clock: &'a dyn Clock,
    pub lang: Lang,
}

impl Verbs<'_> {
    /// Answers an item, dated today (the domain fills in the date only where none was entered).
    pub fn answer(&self, item: &str, status: Status) -> Msg {
        let today = self.clock.today();
        Msg::Check(Action::SetStatus { item: item.to_owned(), status: Some(status), today }, After::default())
    }

    /// Marks a criterion of the periodic report unchanged since last year (or not), signed today.
    pub fn mark_unchanged(&self, row: &str, unchanged: bool) -> Msg {
        let (today, checker) = (self.clock.today(), String::new());
        let action = PeriodicAction::MarkUnchanged { row: row.to_owned(), unchanged, today, checker };
        Msg::Check(Action::Periodic(action), After::default())
    }

    /// Adds a criterion row to the periodic report under a fresh id.
    pub fn add_criterion_row(&self, after: After) -> Msg {
        Msg::Check(Action::Periodic(PeriodicAction::AddRow { id: self.clock.unique_id("r") }), after)
    }

    /// Starts a new, empty self-check named after today.
    pub fn create_check(&self, library: &Library) -> Msg {
        let name = library.unique_name(&NewName::Dated { today: &self.clock.today() }.in_lang(self.lang));
        Msg::Library(LibraryAction::Create { id: self.clock.new_id(), name, now: self.clock.now() }, After::default())
    }

    /// Copies the self-check `id`, named a copy of `name`.
    pub fn copy_check(&self, library: &Library, id: &str, name: &str) -> Msg {
        let name = library.unique_name(&NewName::CopyOf(name).in_lang(self.lang));
        let copy =
            LibraryAction::Duplicate { id: id.to_owned(), new_id: self.clock.new_id(), name, now: self.clock.now() };
        Msg::Library(copy, After::default())
    }

    /// Deletes the self-check `id` (a fresh one takes its place if it was the last); focus goes to the list.
    pub fn delete_check(&self, id: &str) -> Msg {
        let delete = LibraryAction::Delete { id: id.to_owned(), fresh_id: self.clock.new_id(), now: self.clock.now() };
        Msg::Library(delete, After::focus(Focus::LibraryHeading))
    }

    /// Starts this year's self-check from last year's `check` (named `name`): its answers are confirmed again
    /// against the present catalogue.
    pub fn carry_forward(&self, check: &SelfCheck, name: &str) -> Msg {
        let add = LibraryAction::Add {
            id: self.clock.new_id(),
            name: NewName::CarriedForward(name).in_lang(self.lang),
            now: self.clock.now(),
            check: Box::new(carry_forward(check)),
            checked_with: None,
        };
        Msg::Library(add, After::default())
    }

    /// Keeps the file waiting to be imported as a new self-check.
    pub fn import_as_new(&self) -> Msg {
        Msg::ImportAsNew { id: self.clock.new_id(), now: self.clock.now() }
    }

    /// Puts `merged` (people's answers merged into the open self-check named `name`, by the team's view) in its
    /// place, keeping it as it was first, as a copy named after the moment.
    pub fn merge_answers(&self, library: &Library, name: &str, merged: Merged) -> Msg {
        let stamp = self.clock.now().chars().take(16).collect::<String>().replace('T', " ");
        let backup_name = library.unique_name(&NewName::BeforeMerge { name, at: &stamp }.in_lang(self.lang));
        let merge = LibraryAction::MergeAnswers {
            backup_id: self.clock.new_id(),
            backup_name,
            now: self.clock.now(),
            taken: merged.taken.len(),
            conflicts: merged.conflicts.len(),
            merged: Box::new(merged.check),
        };
        Msg::Library(merge, After::default())
    }

    /// Opens a person's copy read from an assignment file, as a new self-check named after its owner.
    pub fn open_assignment(&self, library: &Library, owner: &str, check: SelfCheck) -> Msg {
        let add = LibraryAction::Add {
            id: self.clock.new_id(),
            name: library.unique_name(&NewName::AssignedBy(owner).in_lang(self.lang)),
            now: self.clock.now(),
            check: Box::new(check),
            checked_with: None,
        };
        Msg::Library(add, After::default())
    }

    /// Keeps this tab's copy of a self-check another tab deleted (see [`Msg::KeepCopy`]).
    pub fn keep_copy(&self, index: usize) -> Msg {
        Msg::KeepCopy { index, id: self.clock.new_id(), now: self.clock.now() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::clock::Fixed;

    fn verbs(clock: &Fixed) -> Verbs<'_> {
        Verbs { clock, lang: Lang::En }
    }

    #[test]
    fn an_answer_is_dated_by_the_clock() {
        let clock = Fixed::default();
        let Msg::Check(Action::SetStatus { item, status, today }, _) = verbs(&clock).answer("a", Status::Done) else {
            panic!("not an answer");
        };
        assert_eq!((item.as_str(), status, today.as_str()), ("a", Some(Status::Done), "2026-12-06"));
    }

    #[test]
    fn new_self_checks_get_fresh_ids_and_the_time() {
        let clock = Fixed::default();
        let library = Library::new("sc-0".into(), "First".into(), "then".into());
        let Msg::Library(LibraryAction::Create { id, name, now }, _) = verbs(&clock).create_check(&library) else {
            panic!("not a create");
        };
        assert_eq!((id.as_str(), now.as_str()), ("sc-1", "2026-12-06T10:00:00+09:00"));
        assert!(name.contains("2026-12-06"), "{name}");
        let Msg::Library(LibraryAction::Duplicate { new_id, .. }, _) =
            verbs(&clock).copy_check(&library, "sc-0", "First")
        else {
            panic!("not a copy");
        };
        assert_eq!(new_id, "sc-2");
    }

    #[test]
    fn a_criterion_row_gets_a_fresh_id() {
        let clock = Fixed::default();
        let Msg::Check(Action::Periodic(PeriodicAction::AddRow { id }), _) =
            verbs(&clock).add_criterion_row(After::default())
        else {
            panic!("not a row");
        };
        assert_eq!(id, "r-1");
    }

    #[test]
    fn a_merge_keeps_the_self_check_first_under_a_name_with_the_moment() {
        let clock = Fixed::default();
        let library = Library::new("sc-0".into(), "Plant".into(), "then".into());
        let Msg::Library(LibraryAction::MergeAnswers { backup_id, backup_name, .. }, _) =
            verbs(&clock).merge_answers(&library, "Plant", tics_domain::team::merge(&SelfCheck::default(), &[]))
        else {
            panic!("not a merge");
        };
        assert_eq!(backup_id, "sc-1");
        assert_eq!(backup_name, "Plant (before merging, 2026-12-06 10:00)");
    }
}
