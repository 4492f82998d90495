//! What every component of the self-check reads from its surroundings: the language, the catalogue and the domain
//! verbs, through [`use_self_check`], instead of a dispatcher threaded through every prop. The context changes only
//! when the language or catalogue does, so a change of answers does not re-render every component that uses it.
use std::rc::Rc;

use tics_domain::library::LibraryAction;
use tics_domain::{Action, Catalogue, Lang, Message};
use yew::prelude::*;

use crate::ui::state::focus::Focus;
use crate::ui::state::reducer::{After, AppState, ItemsBy, Jump, Msg};
use crate::ui::state::view::View;

#[derive(Clone)]
pub struct SelfCheckContext {
    pub lang: Lang,
    pub catalogue: Rc<Catalogue>,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl PartialEq for SelfCheckContext {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && Rc::ptr_eq(&self.catalogue, &other.catalogue) && self.dispatcher == other.dispatcher
    }
}

impl SelfCheckContext {
    pub fn new(lang: Lang, catalogue: Rc<Catalogue>, dispatcher: UseReducerDispatcher<AppState>) -> Self {
        SelfCheckContext { lang, catalogue, dispatcher }
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
