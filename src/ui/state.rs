//! The app's single reducer. `reduce` delegates every change of a self-check to the domain's
//! [`SelfCheck::apply`] and every change of the list of self-checks to [`Library::apply`]; persistence happens
//! in an effect of the app, never here.
use std::rc::Rc;

use tics_domain::envelope::{ImportError, Imported};
use tics_domain::library::{Library, LibraryAction};
use tics_domain::saved::SavedState;
use tics_domain::{Action, Catalogue, Lang, Message, SelfCheck, Text};
use yew::Reducible;

use crate::ui::files_view;
use crate::ui::item_card::dom_id;
use crate::ui::topic_section::heading_id;

/// Where saving stands, shown to the user when it is not fine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNote {
    Ok,
    /// Storage cannot be used or failed; the message says what that means for the user.
    Problem(Message),
}

/// The views of the app, shown one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Check,
    Plan,
    Periodic,
    Compare,
    Files,
    Report,
}

impl View {
    pub const ALL: [View; 6] = [View::Check, View::Plan, View::Periodic, View::Compare, View::Files, View::Report];

    pub fn label(self) -> Text {
        match self {
            View::Check => Text::new("セルフチェック", "Self-check"),
            View::Plan => Text::new("行動計画", "Action plan"),
            View::Periodic => Text::new("定期報告", "Periodic report"),
            View::Compare => Text::new("前回との比較", "Compare"),
            View::Files => Text::new("保存・読み込み", "Files"),
            View::Report => Text::new("レポート印刷", "Print report"),
        }
    }

    /// DOM id of the view's tab button.
    pub fn tab_id(self) -> String {
        format!("tics-tab-{}", self.key())
    }

    pub fn key(self) -> &'static str {
        match self {
            View::Check => "check",
            View::Plan => "plan",
            View::Periodic => "periodic",
            View::Compare => "compare",
            View::Files => "files",
            View::Report => "report",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub catalogue: Rc<Catalogue>,
    pub library: Library,
    pub lang: Lang,
    pub view: View,
    /// The last action the domain refused, shown until the next successful change.
    pub error: Option<Message>,
    /// A short confirmation for screen readers and sighted users alike ("saved", "imported").
    pub flash: Option<Message>,
    /// Counts the messages shown (confirmations and refusals). The message is rendered under this key, so the
    /// same text given twice is a new node and screen readers announce it again.
    pub message_seq: u32,
    pub storage: StorageNote,
    /// A warning from start-up (e.g. saved data that could not be read and was backed up).
    pub notice: Option<Message>,
    /// The element (by DOM id) that takes focus after the next render: a card that moved (added or set aside)
    /// or the target of a jump. The counter makes asking twice for the same element move focus again.
    pub focus: Option<(String, u32)>,
    /// The topic shown when the catalogue is shown one topic at a time (see [`paged`]); `None` = the first.
    pub topic: Option<String>,
    /// A file read and checked, waiting for the user to choose: a new self-check or replace the open one.
    pub pending_import: Option<Rc<Imported>>,
    /// Counts changes to the self-checks, so saving can tell "changed" without comparing them all.
    pub revision: u64,
}

/// Where a link inside the app leads: a topic's heading or an item's card (always in the self-check view).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Jump {
    Topic(String),
    Item(String),
}

impl Jump {
    /// The DOM id of the element the link leads to: the topic's heading or the item's title.
    pub fn element_id(&self) -> String {
        match self {
            Jump::Topic(topic) => heading_id(topic),
            Jump::Item(item) => format!("{}-title", dom_id(item)),
        }
    }
}

/// Catalogues of more items than this are shown one topic at a time: a page of a thousand cards is slow to use
/// (every click re-lays out and repaints tens of thousands of elements) and hard to find one's way in.
pub const PAGED_ABOVE: usize = 200;

/// True when the self-check shows one topic at a time.
pub fn paged(catalogue: &Catalogue) -> bool {
    catalogue.items.len() > PAGED_ABOVE
}

pub enum Msg {
    /// Show a topic or an item in the self-check view and move focus there.
    Jump(Jump),
    /// Move focus to the element with this DOM id after the next render: where a control that an action removes
    /// hands over focus.
    Focus(String),
    /// Change the open self-check.
    Do(Action),
    /// Change the list of self-checks.
    Lib(LibraryAction),
    SetView(View),
    SetLang(Lang),
    StorageFailed(Message),
    StorageOk,
    DismissNotice,
    Flash(Message),
    Fail(Message),
    ImportRead(Result<Imported, ImportError>),
    /// Keep the pending import as a new self-check with this ID, created now.
    ImportAsNew {
        id: String,
        now: String,
    },
    ImportReplaceOpen,
    ImportCancel,
}

impl AppState {
    pub fn new(catalogue: Rc<Catalogue>, library: Library, lang: Lang) -> Self {
        AppState {
            catalogue,
            library,
            lang,
            view: View::Check,
            error: None,
            flash: None,
            message_seq: 0,
            storage: StorageNote::Ok,
            notice: None,
            focus: None,
            topic: None,
            pending_import: None,
            revision: 0,
        }
    }

    /// The open self-check.
    pub fn check(&self) -> &SelfCheck {
        self.library.open_check()
    }

    /// What is written to storage.
    pub fn to_saved(&self) -> SavedState {
        SavedState::new(self.library.clone(), self.lang)
    }

    /// The topic shown when the self-check is paged: the chosen one, or else the first.
    pub fn shown_topic(&self) -> Option<&str> {
        let topics = &self.catalogue.topics;
        self.topic.as_deref().filter(|id| topics.iter().any(|t| t.id == *id)).or(topics.first().map(|t| t.id.as_str()))
    }

    fn focus_on(&mut self, element: String) {
        let seq = self.focus.as_ref().map_or(0, |(_, n)| n + 1);
        self.focus = Some((element, seq));
    }

    fn done(mut self, flash: Option<Message>) -> Self {
        self.error = None;
        self.flash = flash;
        self.message_seq = self.message_seq.wrapping_add(1);
        self
    }

    /// Shows why an action was refused, as a new message.
    fn failed(mut self, error: Message) -> Self {
        self.error = Some(error);
        self.flash = None;
        self.message_seq = self.message_seq.wrapping_add(1);
        self
    }

    /// Like [`AppState::done`], after a change to the self-checks.
    fn changed(mut self, flash: Option<Message>) -> Self {
        self.revision += 1;
        self.done(flash)
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        // The domain changed nothing; keep the old state and say why.
        let refused = |e: Message| Rc::new((*self).clone().failed(e));
        match msg {
            Msg::Do(action) => {
                let moved = match &action {
                    Action::Include(id) | Action::ClearOverride(id) | Action::SetAside { item: id, .. } => {
                        Some(id.clone())
                    }
                    _ => None,
                };
                let catalogue = next.catalogue.clone();
                let Some(check) = next.library.open_check_mut() else {
                    return self;
                };
                if let Err(e) = check.apply(&catalogue, action) {
                    return refused(e);
                }
                if let Some(id) = moved {
                    next.focus_on(format!("{}-action", dom_id(&id)));
                }
                next = next.changed(None);
            }
            Msg::Lib(action) => {
                let flash = match &action {
                    LibraryAction::Delete { .. } => {
                        Some(Text::new("セルフチェックを削除しました", "The self-check was deleted"))
                    }
                    LibraryAction::Open(id) => next
                        .library
                        .entries
                        .iter()
                        .find(|e| e.id == *id)
                        .map(|e| Text::new(format!("「{}」を開きました", e.name), format!("“{}” is open", e.name))),
                    LibraryAction::Rename { name, .. } => {
                        Some(Text::new(format!("名前を「{name}」に変えました"), format!("Renamed to “{name}”")))
                    }
                    LibraryAction::Create { .. } | LibraryAction::Duplicate { .. } | LibraryAction::Add { .. } => {
                        Some(Text::new("新しいセルフチェックを開きました", "A new self-check is open"))
                    }
                    _ => None,
                };
                if let Err(e) = next.library.apply(action) {
                    return refused(e);
                }
                next = next.changed(flash);
            }
            Msg::Jump(to) => {
                let topic = match &to {
                    Jump::Topic(topic) => Some(topic.clone()),
                    Jump::Item(id) => next.catalogue.item(id).map(|i| i.topic.clone()),
                };
                next.view = View::Check;
                next.topic = topic.or(next.topic);
                next.focus_on(to.element_id());
            }
            Msg::SetView(view) => next.view = view,
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
            Msg::Focus(element) => next.focus_on(element),
            Msg::DismissNotice => {
                // The notice sits just below the view tabs: focus goes back to the current view's tab.
                next.notice = None;
                next.focus_on(next.view.tab_id());
            }
            Msg::Flash(m) => next = next.done(Some(m)),
            Msg::Fail(m) => return refused(m),
            Msg::ImportRead(Ok(imported)) => {
                next.pending_import = Some(Rc::new(imported));
                next.focus_on(files_view::PENDING_HEADING.to_owned());
                next = next.done(Some(Text::new(
                    "ファイルを確認しました。読み込み方を選んでください。",
                    "The file was checked. Choose how to load it.",
                )));
            }
            Msg::ImportRead(Err(e)) => {
                // A panel for an earlier file may have held focus; the error is announced, focus stays at the field.
                next.pending_import = None;
                next.focus_on(files_view::IMPORT_INPUT.to_owned());
                return Rc::new(next.failed(e.message()));
            }
            Msg::ImportAsNew { id, now } => {
                let Some(imported) = next.pending_import.take() else {
                    return self;
                };
                let name = next.library.unique_name(if imported.name.trim().is_empty() {
                    "インポート"
                } else {
                    &imported.name
                });
                let add = LibraryAction::Add { id, name, now, check: Box::new(imported.check.clone()) };
                if let Err(e) = next.library.apply(add) {
                    return refused(e);
                }
                next.focus_on(files_view::LIBRARY_HEADING.to_owned());
                next = next
                    .changed(Some(Text::new("新しいセルフチェックとして読み込みました", "Loaded as a new self-check")));
            }
            Msg::ImportReplaceOpen => {
                let Some(imported) = next.pending_import.take() else {
                    return self;
                };
                if let Err(e) = next.library.apply(LibraryAction::ReplaceOpen(Box::new(imported.check.clone()))) {
                    return refused(e);
                }
                next.focus_on(files_view::DOWNLOAD_HEADING.to_owned());
                next = next.changed(Some(Text::new(
                    "開いているセルフチェックを置き換えました",
                    "The open self-check was replaced",
                )));
            }
            Msg::ImportCancel => {
                next.pending_import = None;
                next.focus_on(files_view::IMPORT_INPUT.to_owned());
                next = next.done(Some(Text::new("読み込みを取り消しました", "The import was cancelled")));
            }
        }
        Rc::new(next)
    }
}
