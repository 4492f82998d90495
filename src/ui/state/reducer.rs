//! The app's single reducer. `reduce` delegates every change of a self-check to the domain's
//! [`SelfCheck::apply`] and every change of the list of self-checks to [`Library::apply`]. What follows an action
//! (a confirmation, where focus goes) travels with it and applies only when the domain accepts the action.
//! Saving happens in an effect of the shell, never here; nothing here touches the browser, so it is tested on
//! the host (`cargo test -p tics-self-check --lib`).
use std::rc::Rc;

use tics_domain::backup::Keeping;
use tics_domain::catalogue::Threat;
use tics_domain::envelope::Imported;
use tics_domain::library::{Entry, Library, LibraryAction};
use tics_domain::saved::SavedState;
use tics_domain::scoring::threat_of;
use tics_domain::sync::{put_back, rebase, Lost, Saved, Synced};
use tics_domain::vocab::{left_threat_list, library_confirmation, NewName, Said};
use tics_domain::{Action, Catalogue, Lang, Message, SelfCheck, Text};
use yew::Reducible;

use crate::ui::state::focus::Focus;
use crate::ui::state::view::View;

/// Whether changes are written to storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saving {
    /// Every change is written.
    On,
    /// The last write failed; the message says what that means. The next change tries again.
    Failed(Message),
    /// Nothing is written, so that saved data this version could not read is not overwritten (see the notice).
    Held,
}

/// A warning from start-up, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub message: Message,
    /// Saved data the app could not read, offered as a file so the user can keep it.
    pub unreadable: Option<Rc<str>>,
}

/// What follows an action once the domain has accepted it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct After {
    /// A confirmation (for a library action: instead of the usual one).
    pub flash: Option<Message>,
    pub focus: Option<Focus>,
}

impl After {
    pub fn focus(focus: Focus) -> Self {
        After { flash: None, focus: Some(focus) }
    }

    pub fn flash(flash: Message) -> Self {
        After { flash: Some(flash), focus: None }
    }

    pub fn and_focus(mut self, focus: Focus) -> Self {
        self.focus = Some(focus);
        self
    }
}

/// Where a link inside the app leads: a topic's heading, a feared threat's heading in the list by threat, or an
/// item's card (always in the self-check view).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Jump {
    Topic(String),
    Threat(Threat),
    Item(String),
}

impl Jump {
    /// The element the link leads to, which takes focus.
    pub fn target(&self) -> Focus {
        match self {
            Jump::Topic(topic) => Focus::TopicHeading(topic.clone()),
            Jump::Threat(threat) => Focus::ThreatHeading(*threat),
            Jump::Item(item) => Focus::ItemTitle(item.clone()),
        }
    }
}

/// How the self-check view lists its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemsBy {
    /// By topic (①–⑨): every item, those outside the self-check folded away.
    Topic,
    /// Under each threat the business fears most, the items of the self-check that answer it.
    Threat,
}

/// Catalogues of more items than this are shown one topic at a time: a page of a thousand cards is slow to use
/// (every click re-lays out and repaints tens of thousands of elements) and hard to find one's way in.
pub const PAGED_ABOVE: usize = 200;

/// True when the self-check shows one topic at a time.
pub fn paged(catalogue: &Catalogue) -> bool {
    catalogue.items.len() > PAGED_ABOVE
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub catalogue: Rc<Catalogue>,
    /// Shared with the views; cloned only when an action changes it.
    pub library: Rc<Library>,
    /// The language the user chose in the app's own switch: saved, and taken from another tab's save. What is
    /// shown is [`AppState::shown_lang`], the one owner of the language the UI reads.
    pub lang: Lang,
    /// On a page of the site, the page's language: shown instead of [`AppState::lang`] while the app is mounted
    /// (the page has its own switch), and never saved, so that reading a page changes nothing stored.
    pub page_lang: Option<Lang>,
    pub view: View,
    /// The last action the domain refused, shown until the next successful change.
    pub error: Option<Message>,
    /// A short confirmation for screen readers and sighted users alike ("saved", "imported").
    pub flash: Option<Message>,
    /// Counts the messages shown (confirmations and refusals). The message is rendered under this key, so the
    /// same text given twice is a new node and screen readers announce it again.
    pub message_seq: u32,
    pub saving: Saving,
    pub notice: Option<Notice>,
    /// The element that takes focus after the next render. The counter makes asking twice for the same element
    /// move focus again.
    pub focus: Option<(Focus, u32)>,
    /// The topic shown when the catalogue is shown one topic at a time (see [`paged`]); `None` = the first.
    pub topic: Option<String>,
    /// How the self-check lists its items, as the user last chose (see [`AppState::items_by`]). Kept for the
    /// visit only, neither in the self-check nor in the saved state: the feared threats are a fact about the
    /// business and travel with the self-check (files, report, workbook), but the way of listing is the reader's
    /// way of looking. After a reload the list starts by topic, the complete one, where every item (those set
    /// aside or outside the self-check too) and every link's target is; the threats are still chosen, so the
    /// list by threat is one click away.
    pub items_by: ItemsBy,
    /// The threat shown when the list by threat is paged (see [`paged`]); `None` = the first feared.
    pub threat: Option<Threat>,
    /// A file read and checked, waiting for the user to choose: a new self-check or replace the open one.
    pub pending_import: Option<Rc<Imported>>,
    /// Counts changes to the self-checks, so saving can tell "changed" without comparing them all.
    pub revision: u64,
    /// Values of this tab that another tab replaced without having seen them, until put back or dismissed.
    pub lost: Rc<Vec<Lost>>,
    /// Self-checks another tab deleted while this tab had them open or had changed them: this tab's copies, to
    /// keep or let go.
    pub deleted: Rc<Vec<Entry>>,
    /// How the browser keeps the data, once known.
    pub keeping: Option<Keeping>,
    /// The self-check the reminder to download a result file is about, while it is shown.
    pub reminder: Option<String>,
}

pub enum Msg {
    /// Change the open self-check.
    Check(Action, After),
    /// Change the list of self-checks.
    Library(LibraryAction, After),
    /// Show a topic or an item in the self-check view and move focus there.
    Jump(Jump),
    /// Move focus after the next render: where a control that an action removes hands over focus.
    Focus(Focus),
    /// List the self-check's items by topic or by threat. Focus stays on the switch, which stays in place above
    /// the list.
    ListItemsBy(ItemsBy),
    SetView(View),
    /// Show a view and move focus to an element of it (a link from an item to its template).
    Show(View, Focus),
    SetLang(Lang),
    DismissNotice,
    Flash(Message),
    Fail(Message),
    /// A file read by the content worker: the self-check in it, or why it was refused.
    /// Boxed: a whole self-check is far larger than every other message.
    ImportRead(Result<Box<Imported>, Message>),
    /// Keep the pending import as a new self-check with this ID, created now.
    ImportAsNew {
        id: String,
        now: String,
    },
    ImportReplaceOpen,
    ImportCancel,
    /// What a sync with storage found, computed from `from`, the library this tab had then (see
    /// `tics_domain::sync`). Boxed: it may carry a whole library.
    Synced {
        from: Rc<Library>,
        synced: Box<Synced>,
    },
    /// Put back the lost value at this position of [`AppState::lost`].
    PutBack(usize),
    DismissLost(usize),
    /// Keep this tab's copy of the deleted self-check at this position of [`AppState::deleted`], under its own ID
    /// if still free, else under `id`.
    KeepCopy {
        index: usize,
        id: String,
        now: String,
    },
    DismissDeleted(usize),
    Keeping(Keeping),
    /// Remind the user to download a result file of this self-check.
    Remind(String),
    DismissReminder,
}

impl AppState {
    /// Shows the page's language from now on (see [`AppState::page_lang`]).
    pub fn on_page_in(mut self, lang: Lang) -> Self {
        self.page_lang = Some(lang);
        self
    }

    /// The language shown: the page's on the site, else the one chosen in the app.
    pub fn shown_lang(&self) -> Lang {
        self.page_lang.unwrap_or(self.lang)
    }

    pub fn new(catalogue: Rc<Catalogue>, library: Library, lang: Lang) -> Self {
        AppState {
            catalogue,
            library: Rc::new(library),
            lang,
            page_lang: None,
            view: View::Check,
            error: None,
            flash: None,
            message_seq: 0,
            saving: Saving::On,
            notice: None,
            focus: None,
            topic: None,
            items_by: ItemsBy::Topic,
            threat: None,
            pending_import: None,
            revision: 0,
            lost: Rc::default(),
            deleted: Rc::default(),
            keeping: None,
            reminder: None,
        }
    }

    /// The open self-check.
    pub fn check(&self) -> &SelfCheck {
        self.library.open_check()
    }

    /// What is written to storage.
    pub fn to_saved(&self) -> SavedState {
        SavedState::new((*self.library).clone(), self.lang)
    }

    /// The topic shown when the self-check is paged: the chosen one, or else the first.
    pub fn shown_topic(&self) -> Option<&str> {
        let topics = &self.catalogue.topics;
        self.topic.as_deref().filter(|id| topics.iter().any(|t| t.id == *id)).or(topics.first().map(|t| t.id.as_str()))
    }

    /// How the items are listed now: by threat only while the open self-check fears a threat (the user may have
    /// unticked the last one, or opened another self-check).
    pub fn items_by(&self) -> ItemsBy {
        match self.items_by {
            ItemsBy::Threat if !self.check().feared_threats.is_empty() => ItemsBy::Threat,
            _ => ItemsBy::Topic,
        }
    }

    /// The threat shown when the list by threat is paged: the chosen one while it is feared, or else the first.
    pub fn shown_threat(&self) -> Option<Threat> {
        let feared = &self.check().feared_threats;
        self.threat.filter(|t| feared.contains(t)).or_else(|| feared.first().copied())
    }

    /// The feared threat item `id` is listed under, while the items are listed by threat.
    fn listed_under(&self, id: &str) -> Option<Threat> {
        if self.items_by() != ItemsBy::Threat {
            return None;
        }
        self.catalogue.item(id).and_then(|item| threat_of(self.check(), item))
    }

    fn focus_on(&mut self, target: Focus) {
        let seq = self.focus.as_ref().map_or(0, |(_, n)| n + 1);
        self.focus = Some((target, seq));
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

    /// Refuses a change to the list of self-checks that would leave it too large for the browser's storage: every
    /// later save would fail, and the work done after it would be lost.
    fn fits(&self) -> Result<(), Message> {
        self.to_saved().check_fits().map(|_| ())
    }

    /// After a change the domain accepted: count it, confirm it and move focus as asked.
    fn changed(mut self, after: After) -> Self {
        self.revision += 1;
        if let Some(focus) = after.focus {
            self.focus_on(focus);
        }
        self.done(after.flash)
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        // The domain changed nothing: keep the old state and say why. Nothing that was to follow happens.
        let refused = |e: Message| Rc::new((*self).clone().failed(e));
        match msg {
            Msg::Check(action, mut after) => {
                let catalogue = next.catalogue.clone();
                // Focus is to stay on a card's button, but in the list by threat the card goes when its item leaves
                // the self-check (set aside, or an added item removed).
                let moving = match &after.focus {
                    Some(Focus::ItemAction(id)) => self.listed_under(id).map(|threat| (id.clone(), threat)),
                    _ => None,
                };
                if let Err(e) = Rc::make_mut(&mut next.library).change_open(&catalogue, action) {
                    return refused(e);
                }
                if let Some((id, threat)) = moving.filter(|(id, _)| next.listed_under(id).is_none()) {
                    // Focus goes to the heading of the threat it was listed under, and the message says where the
                    // item still is.
                    let title = catalogue.item(&id).map(|i| i.title.clone()).unwrap_or_else(|| Text::new(&id, &id));
                    after.focus = Some(Focus::ThreatHeading(threat));
                    after.flash = after.flash.or(Some(left_threat_list(&title)));
                }
                next = next.changed(after);
            }
            Msg::Library(action, mut after) => {
                if after.flash.is_none() {
                    after.flash = library_confirmation(&next.library, &action);
                }
                // Opening and deleting never make the saved data larger.
                let grows = !matches!(action, LibraryAction::Open(_) | LibraryAction::Delete { .. });
                let applied = Rc::make_mut(&mut next.library).apply(action);
                if let Err(e) = applied.and_then(|()| if grows { next.fits() } else { Ok(()) }) {
                    return refused(e);
                }
                next = next.changed(after);
            }
            Msg::Jump(to) => {
                let topic = match &to {
                    Jump::Topic(topic) => Some(topic.clone()),
                    Jump::Threat(_) => None,
                    Jump::Item(id) => next.catalogue.item(id).map(|i| i.topic.clone()),
                };
                // The list changes only when the target is not in the current one: a topic's heading is only in the
                // list by topic, and an item is in the list by threat only under a feared threat it answers.
                let (items_by, threat) = match &to {
                    Jump::Threat(threat) if next.check().feared_threats.contains(threat) => {
                        (ItemsBy::Threat, Some(*threat))
                    }
                    // Not feared: the list by threat has no such heading.
                    Jump::Threat(_) => return self,
                    Jump::Topic(_) => (ItemsBy::Topic, None),
                    Jump::Item(id) => match next.listed_under(id) {
                        Some(threat) => (ItemsBy::Threat, Some(threat)),
                        None => (ItemsBy::Topic, None),
                    },
                };
                next.view = View::Check;
                next.topic = topic.or(next.topic);
                next.items_by = items_by;
                next.threat = threat.or(next.threat);
                next.focus_on(to.target());
            }
            Msg::ListItemsBy(items_by) => next.items_by = items_by,
            Msg::SetView(view) => next.view = view,
            Msg::Show(view, focus) => {
                next.view = view;
                next.focus_on(focus);
            }
            Msg::SetLang(lang) => next.lang = lang,
            Msg::Focus(target) => next.focus_on(target),
            Msg::DismissNotice => {
                // The notice sits just below the view tabs: focus goes back to the current view's tab.
                next.notice = None;
                next.focus_on(Focus::ViewTab(next.view));
            }
            Msg::Flash(m) => next = next.done(Some(m)),
            Msg::Fail(m) => return refused(m),
            Msg::ImportRead(Ok(imported)) => {
                // A file too large to keep is refused now, with the sizes, not after the user chose to load it.
                if let Err(e) = imported.check_fits(&next.to_saved()) {
                    return self.reduce(Msg::ImportRead(Err(e.message())));
                }
                next.pending_import = Some(Rc::new(*imported));
                next.focus_on(Focus::PendingImport);
                next = next.done(Some(Said::FileChecked.text()));
            }
            Msg::ImportRead(Err(e)) => {
                // A panel for an earlier file may have held focus; the error is announced, focus stays at the field.
                next.pending_import = None;
                next.focus_on(Focus::ImportInput);
                return Rc::new(next.failed(e));
            }
            Msg::ImportAsNew { id, now } => {
                let Some(imported) = next.pending_import.take() else {
                    return self;
                };
                let name = if imported.name.trim().is_empty() {
                    NewName::Imported.in_lang(next.shown_lang())
                } else {
                    imported.name.clone()
                };
                let name = next.library.unique_name(&name);
                let checked_with = imported.catalogue.checked_with(&next.catalogue);
                let add = LibraryAction::Add { id, name, now, check: Box::new(imported.check.clone()), checked_with };
                if let Err(e) = Rc::make_mut(&mut next.library).apply(add).and_then(|()| next.fits()) {
                    return refused(e);
                }
                next =
                    next.changed(After { flash: Some(Said::ImportedAsNew.text()), focus: Some(Focus::LibraryHeading) });
            }
            Msg::ImportReplaceOpen => {
                let Some(imported) = next.pending_import.take() else {
                    return self;
                };
                let replace = LibraryAction::ReplaceOpen {
                    check: Box::new(imported.check.clone()),
                    checked_with: imported.catalogue.checked_with(&next.catalogue),
                };
                let flash = library_confirmation(&next.library, &replace);
                if let Err(e) = Rc::make_mut(&mut next.library).apply(replace).and_then(|()| next.fits()) {
                    return refused(e);
                }
                next = next.changed(After { flash, focus: Some(Focus::DownloadHeading) });
            }
            Msg::ImportCancel => {
                next.pending_import = None;
                next.focus_on(Focus::ImportInput);
                next = next.done(Some(Said::ImportCancelled.text()));
            }
            Msg::Synced { from, synced } => {
                let Synced { state, lost, deleted, saved } = *synced;
                next.saving = match saved {
                    _ if self.saving == Saving::Held => Saving::Held,
                    Saved::Unchanged | Saved::Written => Saving::On,
                    Saved::Failed(why) => Saving::Failed(why),
                    Saved::Held(why) => {
                        next.notice = Some(Notice { message: why, unreadable: None });
                        Saving::Held
                    }
                };
                if let Some((library, lang)) = state {
                    if Rc::ptr_eq(&self.library, &from) {
                        next.library = Rc::new(library);
                    } else {
                        // This tab changed while the sync ran: carry its change over, and save again.
                        next.library = Rc::new(rebase(&from, &self.library, &library, lang, &next.catalogue));
                        next.revision += 1;
                    }
                    next.lang = lang;
                }
                if !lost.is_empty() {
                    Rc::make_mut(&mut next.lost).extend(lost);
                }
                let open_gone = deleted.iter().any(|e| e.id == from.open);
                if !deleted.is_empty() {
                    let kept = Rc::make_mut(&mut next.deleted);
                    kept.retain(|e| !deleted.iter().any(|d| d.id == e.id));
                    kept.extend(deleted);
                }
                if open_gone {
                    // The view now shows another self-check; the notice offering the copy takes focus.
                    next.focus_on(Focus::KeepCopy(from.open.clone()));
                }
                if next == *self {
                    return self;
                }
            }
            Msg::PutBack(index) => {
                let Some(lost) = next.lost.get(index).cloned() else {
                    return self;
                };
                match put_back(&next.library, next.lang, &lost) {
                    Ok((library, lang)) => {
                        next.library = Rc::new(library);
                        next.lang = lang;
                        Rc::make_mut(&mut next.lost).remove(index);
                        let focus = Focus::ViewTab(next.view);
                        next = next.changed(After { flash: Some(Said::TabValuePutBack.text()), focus: Some(focus) });
                    }
                    Err(e) => return refused(e),
                }
            }
            Msg::DismissLost(index) => {
                if index < next.lost.len() {
                    Rc::make_mut(&mut next.lost).remove(index);
                    next.focus_on(Focus::ViewTab(next.view));
                }
            }
            Msg::KeepCopy { index, id, now } => {
                let Some(copy) = next.deleted.get(index).cloned() else {
                    return self;
                };
                let id = if next.library.entries.iter().any(|e| e.id == copy.id) { id } else { copy.id.clone() };
                let name = next.library.unique_name(&copy.name);
                let add =
                    LibraryAction::Add { id, name, now, check: Box::new(copy.check), checked_with: copy.checked_with };
                if let Err(e) = Rc::make_mut(&mut next.library).apply(add).and_then(|()| next.fits()) {
                    return refused(e);
                }
                Rc::make_mut(&mut next.deleted).remove(index);
                let focus = Focus::ViewTab(next.view);
                next = next.changed(After { flash: Some(Said::TabCopyKept.text()), focus: Some(focus) });
            }
            Msg::DismissDeleted(index) => {
                if index < next.deleted.len() {
                    Rc::make_mut(&mut next.deleted).remove(index);
                    next.focus_on(Focus::ViewTab(next.view));
                }
            }
            Msg::Keeping(keeping) => next.keeping = Some(keeping),
            Msg::Remind(id) => next.reminder = Some(id),
            Msg::DismissReminder => {
                next.reminder = None;
                next.focus_on(Focus::ViewTab(next.view));
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use tics_domain::envelope::{export_json, import_json, ImportError, Origin};
    use tics_domain::Status;

    use super::*;

    fn state() -> Rc<AppState> {
        let catalogue = Rc::new(Catalogue::default_tics().unwrap());
        let library = Library::new("sc-1".into(), "本社".into(), "2026-11-23T09:00:00+09:00".into());
        Rc::new(AppState::new(catalogue, library, Lang::Ja))
    }

    fn first_item(s: &AppState) -> String {
        s.catalogue.items[0].id.clone()
    }

    fn imported(s: &AppState, name: &str) -> Imported {
        let mut check = SelfCheck::default();
        check.profile.organisation = "工場".into();
        let origin = Origin { app_version: "0", saved_at: "2026-01-01T00:00:00+09:00", name, id: "sc-x" };
        import_json(export_json(&s.catalogue, &check, &origin).as_bytes(), &s.catalogue).unwrap()
    }

    #[test]
    fn a_refused_action_keeps_the_state_says_why_and_nothing_follows() {
        let s = state().reduce(Msg::Flash(Text::new("前", "before")));
        let item = first_item(&s);
        let after = After::flash(Text::new("外しました", "Set aside")).and_focus(Focus::ItemAction(item.clone()));
        let next = s.clone().reduce(Msg::Check(Action::SetAside { item, reason: "  ".into() }, after));
        assert_eq!(next.library, s.library);
        assert_eq!(next.revision, s.revision);
        assert_eq!(next.focus, s.focus, "focus must not move for a refused action");
        assert!(next.flash.is_none(), "no confirmation for a refused action");
        assert!(next.error.as_ref().is_some_and(|e| !e.ja.is_empty() && !e.en.is_empty()));
        assert_ne!(next.message_seq, s.message_seq, "the refusal is a new message");
    }

    #[test]
    fn an_accepted_action_confirms_and_moves_focus_as_asked() {
        let s = state();
        let item = first_item(&s);
        let after = After::flash(Text::new("外しました", "Set aside")).and_focus(Focus::ItemAction(item.clone()));
        let next = s.clone().reduce(Msg::Check(Action::SetAside { item: item.clone(), reason: "不要".into() }, after));
        assert_eq!(next.revision, s.revision + 1);
        assert_eq!(next.flash.as_ref().map(|f| f.en.as_str()), Some("Set aside"));
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ItemAction(item)));
    }

    #[test]
    fn asking_twice_for_the_same_focus_moves_it_again() {
        let s = state().reduce(Msg::Focus(Focus::ImportInput));
        let again = s.clone().reduce(Msg::Focus(Focus::ImportInput));
        assert_ne!(s.focus, again.focus);
    }

    #[test]
    fn the_import_flow_adds_a_named_self_check_and_hands_focus_on() {
        let s = state();
        let read = s.clone().reduce(Msg::ImportRead(Ok(Box::new(imported(&s, "本社")))));
        assert!(read.pending_import.is_some());
        assert_eq!(read.focus.as_ref().map(|(f, _)| f), Some(&Focus::PendingImport));
        assert_eq!(read.revision, s.revision, "reading a file changes nothing yet");

        let added = read.reduce(Msg::ImportAsNew { id: "sc-2".into(), now: "2026-11-23T10:00:00+09:00".into() });
        assert_eq!(added.library.entries.len(), 2);
        assert_eq!(added.library.open, "sc-2");
        assert_eq!(added.library.open_entry().unwrap().name, "本社 (2)", "names stay unique");
        assert_eq!(added.check().profile.organisation, "工場");
        assert!(added.pending_import.is_none());
        assert_eq!(added.focus.as_ref().map(|(f, _)| f), Some(&Focus::LibraryHeading));
        assert_eq!(added.revision, s.revision + 1);
    }

    #[test]
    fn an_unnamed_import_is_named_in_the_language_shown() {
        let s = Rc::new(AppState { lang: Lang::En, ..(*state()).clone() });
        let added = s
            .clone()
            .reduce(Msg::ImportRead(Ok(Box::new(imported(&s, "")))))
            .reduce(Msg::ImportAsNew { id: "sc-2".into(), now: "2026-11-23T10:00:00+09:00".into() });
        assert_eq!(added.library.open_entry().unwrap().name, "Imported");
    }

    #[test]
    fn replacing_keeps_the_entry_and_cancelling_changes_nothing() {
        let s = state();
        let replaced =
            s.clone().reduce(Msg::ImportRead(Ok(Box::new(imported(&s, "x"))))).reduce(Msg::ImportReplaceOpen);
        assert_eq!(replaced.library.entries.len(), 1);
        assert_eq!(replaced.check().profile.organisation, "工場");
        assert_eq!(replaced.focus.as_ref().map(|(f, _)| f), Some(&Focus::DownloadHeading));
        assert!(replaced.flash.is_some());

        let cancelled = s.clone().reduce(Msg::ImportRead(Ok(Box::new(imported(&s, "x"))))).reduce(Msg::ImportCancel);
        assert_eq!(cancelled.library, s.library);
        assert!(cancelled.pending_import.is_none());
        assert_eq!(cancelled.focus.as_ref().map(|(f, _)| f), Some(&Focus::ImportInput));
    }

    #[test]
    fn a_bad_file_is_announced_and_drops_a_pending_one() {
        let s = state();
        let pending = s.clone().reduce(Msg::ImportRead(Ok(Box::new(imported(&s, "x")))));
        let bad = pending.reduce(Msg::ImportRead(Err(ImportError::Empty.message())));
        assert!(bad.pending_import.is_none());
        assert_eq!(bad.error, Some(ImportError::Empty.message()));
        assert_eq!(bad.focus.as_ref().map(|(f, _)| f), Some(&Focus::ImportInput));
        assert_eq!(bad.library, s.library);
    }

    #[test]
    fn a_jump_shows_the_item_in_the_self_check_and_focuses_its_title() {
        let s = state().reduce(Msg::SetView(View::Plan));
        let item = s.catalogue.items.last().unwrap().clone();
        let next = s.reduce(Msg::Jump(Jump::Item(item.id.clone())));
        assert_eq!(next.view, View::Check);
        assert_eq!(next.topic.as_deref(), Some(item.topic.as_str()));
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ItemTitle(item.id)));
    }

    #[test]
    fn dismissing_the_notice_returns_focus_to_the_current_tab() {
        let mut s = (*state()).clone();
        s.notice = Some(Notice { message: Text::new("注意", "Note"), unreadable: None });
        let next = Rc::new(s).reduce(Msg::SetView(View::Files)).reduce(Msg::DismissNotice);
        assert!(next.notice.is_none());
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ViewTab(View::Files)));
    }

    #[test]
    fn library_actions_confirm_with_the_entry_name() {
        let s = state();
        let next = s.reduce(Msg::Library(
            LibraryAction::Rename { id: "sc-1".into(), name: "工場".into() },
            After::focus(Focus::RenameButton("sc-1".into())),
        ));
        assert_eq!(next.flash.as_ref().map(|f| f.ja.as_str()), Some("名前を「工場」に変えました"));
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::RenameButton("sc-1".into())));
    }

    fn synced(s: &Rc<AppState>, saved: Saved) -> Msg {
        let synced = Synced { state: None, lost: Vec::new(), deleted: Vec::new(), saved };
        Msg::Synced { from: s.library.clone(), synced: Box::new(synced) }
    }

    #[test]
    fn while_saving_is_held_no_write_result_turns_it_back_on() {
        let mut s = (*state()).clone();
        s.saving = Saving::Held;
        let s = Rc::new(s);
        let next = s.clone().reduce(synced(&s, Saved::Written));
        assert_eq!(next.saving, Saving::Held);
        let s = state();
        let failed = s.clone().reduce(synced(&s, Saved::Failed(Text::new("満杯", "full"))));
        assert!(matches!(failed.saving, Saving::Failed(_)));
        assert_eq!(failed.clone().reduce(synced(&failed, Saved::Unchanged)).saving, Saving::On);
    }

    #[test]
    fn a_sync_that_finds_nothing_new_changes_nothing() {
        let s = state();
        let next = s.clone().reduce(synced(&s, Saved::Unchanged));
        assert!(Rc::ptr_eq(&next, &s), "no re-render for a sync that found nothing");
    }

    #[test]
    fn another_tabs_changes_show_and_a_change_made_meanwhile_is_kept_and_saved_again() {
        let s = state();
        let item = first_item(&s);
        let mut theirs = (*s.library).clone();
        theirs.open_check_mut().unwrap().answers.entry(item.clone()).or_default().note = "別のタブ".into();
        let from = s.library.clone();
        let msg = |library: Library| Msg::Synced {
            from: from.clone(),
            synced: Box::new(Synced {
                state: Some((library, Lang::En)),
                lost: Vec::new(),
                deleted: Vec::new(),
                saved: Saved::Unchanged,
            }),
        };
        let adopted = s.clone().reduce(msg(theirs.clone()));
        assert_eq!(adopted.check().answer(&item).unwrap().note, "別のタブ");
        assert_eq!(adopted.lang, Lang::En);
        assert_eq!(adopted.revision, s.revision, "not this tab's change: nothing to save");

        // This tab answered while the sync ran: both changes, and a save to come.
        let moved_on = s.clone().reduce(Msg::Check(
            Action::SetStatus { item: item.clone(), status: Some(Status::Done), today: "2026-12-06".into() },
            After::default(),
        ));
        let both = moved_on.clone().reduce(msg(theirs));
        assert_eq!(both.check().answer(&item).unwrap().note, "別のタブ");
        assert_eq!(both.check().answer(&item).unwrap().status, Some(Status::Done));
        assert_eq!(both.revision, moved_on.revision + 1);
    }

    #[test]
    fn on_a_page_of_the_site_the_page_language_stays_when_another_tab_saved_another() {
        let s = Rc::new((*state()).clone().on_page_in(Lang::Ja));
        let synced = Synced {
            state: Some(((*s.library).clone(), Lang::En)),
            lost: Vec::new(),
            deleted: Vec::new(),
            saved: Saved::Unchanged,
        };
        let next = s.clone().reduce(Msg::Synced { from: s.library.clone(), synced: Box::new(synced) });
        assert_eq!(next.shown_lang(), Lang::Ja);
        // The other tab's choice is kept for saving, as it was; the page's language is never saved.
        assert_eq!(next.lang, Lang::En);
        assert_eq!(next.to_saved().lang, Lang::En);
    }

    #[test]
    fn a_deleted_open_self_check_is_offered_back_and_kept_under_its_id() {
        let s = state();
        let mut copy = s.library.open_entry().unwrap().clone();
        copy.check.profile.organisation = "工場".into();
        let remaining = Library::new("sc-other".into(), "別".into(), String::new());
        let synced = Synced {
            state: Some((remaining, Lang::Ja)),
            lost: Vec::new(),
            deleted: vec![copy],
            saved: Saved::Unchanged,
        };
        let next = s.clone().reduce(Msg::Synced { from: s.library.clone(), synced: Box::new(synced) });
        assert_eq!(next.library.open, "sc-other");
        assert_eq!(next.deleted.len(), 1);
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::KeepCopy("sc-1".into())));

        let kept = next.reduce(Msg::KeepCopy { index: 0, id: "sc-new".into(), now: String::new() });
        assert_eq!(kept.library.open, "sc-1", "its own ID was free");
        assert_eq!(kept.check().profile.organisation, "工場");
        assert!(kept.deleted.is_empty());
        assert!(kept.flash.is_some());
    }

    #[test]
    fn an_import_too_large_to_save_is_refused_with_the_sizes_and_changes_nothing() {
        let s = state();
        let mut big = imported(&s, "大きい");
        let item = first_item(&s);
        big.check.answers.entry(item).or_default().note = "あ".repeat(tics_domain::saved::STORAGE_BUDGET + 1);
        let next = s.clone().reduce(Msg::ImportRead(Ok(Box::new(big))));
        assert!(next.pending_import.is_none(), "nothing is offered to load");
        assert_eq!(next.library, s.library);
        let error = next.error.as_ref().expect("a refusal");
        assert!(error.en.contains("KB"), "the message gives the sizes: {}", error.en);
    }

    #[test]
    fn a_copy_that_would_not_fit_in_storage_is_refused() {
        let mut s = (*state()).clone();
        let item = first_item(&s);
        Rc::make_mut(&mut s.library).open_check_mut().unwrap().answers.entry(item).or_default().note =
            "あ".repeat(tics_domain::saved::STORAGE_BUDGET * 2 / 3);
        let s = Rc::new(s);
        let copy = LibraryAction::Duplicate {
            id: "sc-1".into(),
            new_id: "sc-2".into(),
            name: "写し".into(),
            now: String::new(),
        };
        let next = s.clone().reduce(Msg::Library(copy, After::default()));
        assert_eq!(next.library, s.library);
        assert!(next.error.is_some());
    }

    fn fear(s: Rc<AppState>, threat: Threat) -> Rc<AppState> {
        s.reduce(Msg::Check(Action::SetFeared(threat, true), After::default()))
    }

    /// An item of the self-check listed under `threat`, and one answering no feared threat.
    fn listed_and_not(s: &AppState, threat: Threat) -> (String, String) {
        let order = tics_domain::scoring::threat_order(&s.catalogue, s.check());
        let listed = order.iter().find(|(t, _)| *t == threat).and_then(|(_, ids)| ids.first()).unwrap().clone();
        let other = s
            .catalogue
            .items
            .iter()
            .find(|i| s.check().scope(i).in_scope() && threat_of(s.check(), i).is_none())
            .unwrap()
            .id
            .clone();
        (listed, other)
    }

    #[test]
    fn items_are_listed_by_threat_only_while_a_threat_is_feared() {
        let s = state().reduce(Msg::ListItemsBy(ItemsBy::Threat));
        assert_eq!(s.items_by(), ItemsBy::Topic, "nothing feared: nothing to list by");
        let s = fear(s, Threat::Partner);
        assert_eq!(s.items_by(), ItemsBy::Threat, "the choice holds once a threat is feared");
        assert_eq!(s.shown_threat(), Some(Threat::Partner));
        let s = s.reduce(Msg::Check(Action::SetFeared(Threat::Partner, false), After::default()));
        assert_eq!(s.items_by(), ItemsBy::Topic);
        assert_eq!(s.shown_threat(), None);
    }

    #[test]
    fn a_jump_changes_the_list_only_when_its_target_is_not_in_it() {
        let s = fear(fear(state(), Threat::Insider), Threat::Leaver).reduce(Msg::ListItemsBy(ItemsBy::Threat));
        let (listed, other) = listed_and_not(&s, Threat::Insider);

        let next = s.clone().reduce(Msg::Jump(Jump::Item(listed.clone())));
        assert_eq!((next.items_by(), next.shown_threat()), (ItemsBy::Threat, Some(Threat::Insider)));
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ItemTitle(listed)));

        let next = s.clone().reduce(Msg::Jump(Jump::Item(other.clone())));
        assert_eq!(next.items_by(), ItemsBy::Topic, "{other} is only in the list by topic");
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ItemTitle(other)));

        let topic = s.catalogue.topics[0].id.clone();
        assert_eq!(s.clone().reduce(Msg::Jump(Jump::Topic(topic))).items_by(), ItemsBy::Topic);

        let by_topic = s.clone().reduce(Msg::ListItemsBy(ItemsBy::Topic)).reduce(Msg::SetView(View::Plan));
        let next = by_topic.reduce(Msg::Jump(Jump::Threat(Threat::Leaver)));
        assert_eq!(
            (next.view, next.items_by(), next.shown_threat()),
            (View::Check, ItemsBy::Threat, Some(Threat::Leaver))
        );
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ThreatHeading(Threat::Leaver)));

        let unchanged = s.clone().reduce(Msg::Jump(Jump::Threat(Threat::Malware)));
        assert!(Rc::ptr_eq(&unchanged, &s), "a threat that is not feared has no heading to go to");
    }

    #[test]
    fn an_item_leaving_the_list_by_threat_hands_focus_to_its_threats_heading() {
        let s = fear(state(), Threat::Insider).reduce(Msg::ListItemsBy(ItemsBy::Threat));
        let (listed, _) = listed_and_not(&s, Threat::Insider);
        let aside = |s: Rc<AppState>| {
            s.reduce(Msg::Check(
                Action::SetAside { item: listed.clone(), reason: "本社で実施".into() },
                After::focus(Focus::ItemAction(listed.clone())),
            ))
        };

        let next = aside(s.clone());
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ThreatHeading(Threat::Insider)));
        let title = &s.catalogue.item(&listed).unwrap().title;
        let flash = next.flash.as_ref().expect("says where the item went");
        assert!(flash.ja.contains(&title.ja) && flash.en.contains(&title.en), "{flash:?}");

        // In the list by topic the card stays, set aside, and keeps focus.
        let next = aside(s.clone().reduce(Msg::ListItemsBy(ItemsBy::Topic)));
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ItemAction(listed.clone())));
        assert!(next.flash.is_none());

        // A change that keeps the item in the list keeps focus where it was asked.
        let next = s.reduce(Msg::Check(
            Action::SetStatus { item: listed.clone(), status: Some(Status::Done), today: "2026-11-24".into() },
            After::focus(Focus::ItemAction(listed.clone())),
        ));
        assert_eq!(next.focus.as_ref().map(|(f, _)| f), Some(&Focus::ItemAction(listed)));
    }

    #[test]
    fn answering_counts_as_a_change() {
        let s = state();
        let item = first_item(&s);
        let next = s.clone().reduce(Msg::Check(
            Action::SetStatus { item: item.clone(), status: Some(Status::Done), today: "2026-11-23".into() },
            After::default(),
        ));
        assert_eq!(next.revision, s.revision + 1);
        assert_eq!(next.check().answer(&item).and_then(|a| a.status), Some(Status::Done));
    }
}
