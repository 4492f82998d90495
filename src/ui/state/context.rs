//! What every component of the self-check reads from its surroundings: the language, the catalogue and the domain
//! verbs, through [`use_self_check`], instead of a dispatcher threaded through every prop. The context changes only
//! when the language or catalogue does, so a change of answers does not re-render every component that uses it.
//! The verbs that date a change or make a new id are stamped by the context's clock (see `verbs`).
use std::rc::Rc;

use tics_domain::library::{Library, LibraryAction};
use tics_domain::selfcheck::Status;
use tics_domain::team::Merged;
use tics_domain::{Action, Catalogue, Lang, Message, SelfCheck};
use yew::prelude::*;

use crate::ui::state::clock::SharedClock;
use crate::ui::state::focus::Focus;
use crate::ui::state::reducer::{After, AppState, ItemsBy, Jump, Msg};
use crate::ui::state::verbs::Verbs;
use crate::ui::state::view::View;

#[derive(Clone)]
pub struct SelfCheckContext {
    pub lang: Lang,
    pub catalogue: Rc<Catalogue>,
    clock: SharedClock,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl PartialEq for SelfCheckContext {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && Rc::ptr_eq(&self.catalogue, &other.catalogue)
            && self.clock == other.clock
            && self.dispatcher == other.dispatcher
    }
}

impl SelfCheckContext {
    pub fn new(
        lang: Lang,
        catalogue: Rc<Catalogue>,
        clock: SharedClock,
        dispatcher: UseReducerDispatcher<AppState>,
    ) -> Self {
        SelfCheckContext { lang, catalogue, clock, dispatcher }
    }

    fn verbs(&self) -> Verbs<'_> {
        Verbs { clock: &*self.clock.0, lang: self.lang }
    }

    /// Today's local date, for what a file is named after or a page is dated with.
    pub fn today(&self) -> String {
        self.clock.0.today()
    }

    /// A new id with `prefix`, unique in this browser (a person of the team, say).
    pub fn unique_id(&self, prefix: &str) -> String {
        self.clock.0.unique_id(prefix)
    }

    /// Now, for what a file records as the moment it was made.
    pub fn now(&self) -> String {
        self.clock.0.now()
    }

    /// Answers an item (see [`Verbs::answer`]).
    pub fn answer(&self, item: &str, status: Status) {
        self.send(self.verbs().answer(item, status));
    }

    /// See [`Verbs::mark_unchanged`].
    pub fn mark_unchanged(&self, row: &str, unchanged: bool) {
        self.send(self.verbs().mark_unchanged(row, unchanged));
    }

    /// See [`Verbs::add_criterion_row`].
    pub fn add_criterion_row(&self, after: After) {
        self.send(self.verbs().add_criterion_row(after));
    }

    /// See [`Verbs::create_check`].
    pub fn create_check(&self, library: &Library) {
        self.send(self.verbs().create_check(library));
    }

    /// See [`Verbs::copy_check`].
    pub fn copy_check(&self, library: &Library, id: &str, name: &str) {
        self.send(self.verbs().copy_check(library, id, name));
    }

    /// See [`Verbs::delete_check`].
    pub fn delete_check(&self, id: &str) {
        self.send(self.verbs().delete_check(id));
    }

    /// See [`Verbs::carry_forward`].
    pub fn carry_forward(&self, check: &SelfCheck, name: &str) {
        self.send(self.verbs().carry_forward(check, name));
    }

    /// See [`Verbs::import_as_new`].
    pub fn import_as_new(&self) {
        self.send(self.verbs().import_as_new());
    }

    /// See [`Verbs::merge_answers`].
    pub fn merge_answers(&self, library: &Library, name: &str, merged: Merged) {
        self.send(self.verbs().merge_answers(library, name, merged));
    }

    /// See [`Verbs::open_assignment`].
    pub fn open_assignment(&self, library: &Library, owner: &str, check: SelfCheck) {
        self.send(self.verbs().open_assignment(library, owner, check));
    }

    /// See [`Verbs::keep_copy`].
    pub fn keep_copy(&self, index: usize) {
        self.send(self.verbs().keep_copy(index));
    }

    /// Changes the open self-check.
    pub fn change(&self, action: Action) {
        self.change_then(action, After::default());
    }

    /// Changes the open self-check; `after` applies only if the domain accepts the change.
    pub fn change_then(&self, action: Action, after: After) {
        self.dispatcher.dispatch(Msg::Check(action, after));
    }

    /// Changes the list of self-checks; `after` applies only if the domain accepts the change.
    pub fn library(&self, action: LibraryAction, after: After) {
        self.dispatcher.dispatch(Msg::Library(action, after));
    }

    pub fn jump(&self, to: Jump) {
        self.dispatcher.dispatch(Msg::Jump(to));
    }

    /// Lists the self-check's items by topic or by threat.
    pub fn list_items_by(&self, items_by: ItemsBy) {
        self.dispatcher.dispatch(Msg::ListItemsBy(items_by));
    }

    pub fn focus(&self, target: Focus) {
        self.dispatcher.dispatch(Msg::Focus(target));
    }

    pub fn flash(&self, message: Message) {
        self.dispatcher.dispatch(Msg::Flash(message));
    }

    pub fn fail(&self, message: Message) {
        self.dispatcher.dispatch(Msg::Fail(message));
    }

    pub fn set_view(&self, view: View) {
        self.dispatcher.dispatch(Msg::SetView(view));
    }

    /// Shows `view` with focus on `target`.
    pub fn show(&self, view: View, target: Focus) {
        self.dispatcher.dispatch(Msg::Show(view, target));
    }

    /// Any other message (the import flow, storage results, the language).
    pub fn send(&self, msg: Msg) {
        self.dispatcher.dispatch(msg);
    }
}

/// The self-check around this component, or `None` outside one (the component then renders nothing).
#[hook]
pub fn use_self_check() -> Option<SelfCheckContext> {
    use_context::<SelfCheckContext>()
}
