//! The app's single reducer. `reduce` delegates every change of the self-check to the domain's
//! [`SelfCheck::apply`]; persistence happens in an effect of the app, never here.
use std::rc::Rc;

use tics_domain::saved::SavedState;
use tics_domain::{Action, Catalogue, Lang, Message, SelfCheck};
use yew::Reducible;

/// Where saving stands, shown to the user when it is not fine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNote {
    Ok,
    /// Storage cannot be used or failed; the message says what that means for the user.
    Problem(Message),
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub catalogue: Rc<Catalogue>,
    pub check: SelfCheck,
    pub lang: Lang,
    /// The last action the domain refused, shown until the next successful change.
    pub error: Option<Message>,
    pub storage: StorageNote,
    /// A warning from start-up (e.g. saved data that could not be read and was backed up).
    pub notice: Option<Message>,
    /// The item whose card should take focus after it moved (added or set aside), with a counter so that
    /// asking twice for the same item still moves focus.
    pub focus: Option<(String, u32)>,
}

pub enum Msg {
    Do(Action),
    SetLang(Lang),
    StorageFailed(Message),
    StorageOk,
    DismissNotice,
}

impl AppState {
    pub fn new(catalogue: Rc<Catalogue>, saved: Option<SavedState>, lang: Lang) -> Self {
        let (check, lang) = match saved {
            Some(s) => (s.check, s.lang),
            None => (SelfCheck::default(), lang),
        };
        AppState { catalogue, check, lang, error: None, storage: StorageNote::Ok, notice: None, focus: None }
    }

    /// What is written to storage.
    pub fn to_saved(&self) -> SavedState {
        SavedState::new(self.check.clone(), self.lang, &self.catalogue.id, &self.catalogue.version)
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Do(action) => {
                let moved = match &action {
                    Action::Include(id) | Action::ClearOverride(id) | Action::SetAside { item: id, .. } => {
                        Some(id.clone())
                    }
                    _ => None,
                };
                match next.check.apply(&next.catalogue, action) {
                    Ok(()) => {
                        next.error = None;
                        if let Some(id) = moved {
                            let seq = self.focus.as_ref().map_or(0, |(_, n)| n + 1);
                            next.focus = Some((id, seq));
                        }
                    }
                    Err(e) => {
                        // The domain changed nothing; keep the old self-check and say why.
                        let mut same = (*self).clone();
                        same.error = Some(e);
                        return Rc::new(same);
                    }
                }
            }
            Msg::SetLang(lang) => next.lang = lang,
            Msg::StorageFailed(m) => {
                if self.storage == StorageNote::Problem(m.clone()) {
                    return self;
                }
                next.storage = StorageNote::Problem(m);
            }
            Msg::StorageOk => {
                if self.storage == StorageNote::Ok {
                    return self;
                }
                next.storage = StorageNote::Ok;
            }
            Msg::DismissNotice => next.notice = None,
        }
        Rc::new(next)
    }
}
