//! The self-check's effects, as named hooks: keeping storage and the other tabs in step, asking the browser to
//! keep the data, reminding to download a file, moving focus, and the host page's completion event.
use std::cell::RefCell;
use std::rc::Rc;

use tics_domain::backup::remind;
use tics_domain::scoring::{completion_detail, is_complete, Summary};
use tics_domain::sync::Session;
use tics_domain::Catalogue;
use yew::prelude::*;

use crate::ui::lazy;
use crate::ui::state::focus::Focus;
use crate::ui::state::reducer::{AppState, Msg, Saving};
use crate::web::storage::StateStore;
use crate::web::{clock, events, keep, perf, storage};

/// Keeps this tab and storage together (see `tics_domain::sync`): after every change of this tab, when another
/// tab writes, when the page is hidden or closed (the tab may go away between a change and its save), and when
/// it is shown again (a page back from the back-forward cache missed other tabs' writes). A sync writes only what
/// storage lacks, so hiding an unchanged tab writes nothing. Nothing at all happens without a session (saving
/// held, see `shell::startup`).
#[hook]
pub fn use_sync(state: &UseReducerHandle<AppState>, session: Rc<RefCell<Option<Session>>>, namespace: &str) {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    let sync = {
        let namespace = namespace.to_owned();
        Rc::new(move || {
            let state = latest.borrow().clone();
            let mut session = session.borrow_mut();
            let Some(session) = session.as_mut().filter(|_| state.saving != Saving::Held) else { return };
            let mut store = StateStore { namespace: namespace.clone() };
            let synced =
                perf::timed("tics:sync", || session.sync(&state.library, state.lang, &state.catalogue, &mut store));
            state.dispatch(Msg::Synced { from: state.library.clone(), synced: Box::new(synced) });
        })
    };
    {
        let sync = sync.clone();
        use_effect_with((state.revision, state.lang), move |_| sync());
    }
    use_effect_with(namespace.to_owned(), move |namespace| {
        let on_storage = storage::on_change(storage::state_key(namespace), {
            let sync = sync.clone();
            move || sync()
        });
        let window = web_sys::window();
        let listen = |target: &web_sys::EventTarget, event: &'static str| {
            let sync = sync.clone();
            gloo_events::EventListener::new(target, event, move |_| sync())
        };
        let on_window = window.as_ref().map(|w| [listen(w, "pagehide"), listen(w, "pageshow")]);
        let on_document = window.as_ref().and_then(|w| w.document()).map(|d| listen(&d, "visibilitychange"));
        move || drop((on_storage, on_window, on_document))
    });
}

/// Asks the browser to keep the data once this tab saved a change (a moment that makes sense: the user's work
/// now exists), after finding out at start whether it already agreed, and tells the state either way.
#[hook]
pub fn use_keeping(state: &UseReducerHandle<AppState>) {
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                dispatcher.dispatch(Msg::Keeping(keep::keeping(keep::persisted().await)));
            });
        });
    }
    let asked = use_mut_ref(|| false);
    let (dispatcher, revision, saved) = (state.dispatcher(), state.revision, state.saving == Saving::On);
    let kept = state.keeping.and_then(|k| k.persisted) == Some(true);
    use_effect_with((revision, saved), move |&(revision, saved)| {
        if revision > 0 && saved && !kept && !std::mem::replace(&mut *asked.borrow_mut(), true) {
            wasm_bindgen_futures::spawn_local(async move {
                dispatcher.dispatch(Msg::Keeping(keep::keeping(keep::persist().await)));
            });
        }
    });
}

/// Reminds the user, at most once a day (for every tab of the namespace), to download a result file of a
/// self-check holding changes that no file holds, when they leave it: another self-check opened, or the page
/// hidden or closed. A reminder given to a hidden page counts once the page is shown again; a page closed while
/// hidden leaves it due, and the next visit gives it. The reminder is a banner that never blocks work. Off when
/// the integrator turned it off.
#[hook]
pub fn use_reminder(state: &UseReducerHandle<AppState>, namespace: &str, on: bool) {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    // The day of the last reminder seen, and the self-check of a reminder given to a page that was then closed.
    let (day_key, due_key) = (format!("{namespace}:reminded"), format!("{namespace}:remind"));
    // Gives the reminder about `id` if it is due today; `seen` when the page is visible.
    let remind = {
        let (latest, day_key, due_key) = (latest.clone(), day_key.clone(), due_key.clone());
        Rc::new(move |id: String, seen: bool| {
            let state = latest.borrow().clone();
            let Some(entry) = state.library.entries.iter().find(|e| e.id == id) else { return };
            let today = clock::today();
            let last = storage::read(&day_key).ok().flatten();
            if !(on && remind(entry, &today, last.as_deref())) {
                return;
            }
            let noted = if seen { storage::write(&day_key, &today) } else { storage::write(&due_key, &id) };
            if noted.is_ok() {
                state.dispatch(Msg::Remind(id));
            }
        })
    };
    {
        let remind = remind.clone();
        use_effect_with((), move |_| {
            if let Ok(Some(id)) = storage::read(&due_key) {
                let _ = storage::remove(&due_key);
                remind(id, true);
            }
            let document = web_sys::window().and_then(|w| w.document());
            let listener = document.map(|d| {
                let d2 = d.clone();
                gloo_events::EventListener::new(&d, "visibilitychange", move |_| {
                    let open = latest.borrow().library.open.clone();
                    if d2.hidden() {
                        remind(open, false);
                    } else if latest.borrow().reminder.is_some() {
                        let _ = storage::write(&day_key, &clock::today());
                        let _ = storage::remove(&due_key);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let open = state.library.open.clone();
    let left = use_mut_ref(|| open.clone());
    use_effect_with(open, move |open| {
        let before = std::mem::replace(&mut *left.borrow_mut(), open.clone());
        if before != *open {
            remind(before, true);
        }
    });
}

/// Moves focus to the element the state asks for (a card that moved, where a link led, where a removed control
/// hands over), inside `root`, so keyboard users do not lose their place. A target inside a view whose chunk is
/// still loading is kept, and given when that view has arrived: the returned callback says so.
#[hook]
pub fn use_focus(root: &NodeRef, focus: &Option<(Focus, u32)>) -> Callback<()> {
    let arrived = use_state(|| 0u32);
    let asked = use_mut_ref(|| None::<(Focus, u32)>);
    let missed = use_mut_ref(|| false);
    let root = root.clone();
    use_effect_with((focus.clone(), *arrived), move |(focus, _)| {
        let new = *asked.borrow() != *focus;
        if !new && !*missed.borrow() {
            return;
        }
        *asked.borrow_mut() = focus.clone();
        let target = focus.as_ref().and_then(|(target, _)| {
            let root = root.cast::<web_sys::Element>()?;
            root.query_selector(&format!("#{}", target.element_id())).ok().flatten()
        });
        let element = target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        *missed.borrow_mut() = focus.is_some() && element.is_none();
        if let Some(el) = element {
            let _ = el.focus();
        }
    });
    Callback::from(move |()| arrived.set(*arrived + 1))
}

/// Once the first screen is there, fetches the chunks of the views a user most likely opens next
/// ([`lazy::LIKELY_NEXT`]): one view per idle period, so that instantiating chunks never makes one long task that
/// a first click or keystroke would wait behind.
#[hook]
pub fn use_idle_prefetch() {
    use_effect_with((), |_| {
        wasm_bindgen_futures::spawn_local(async {
            for view in lazy::LIKELY_NEXT {
                idle().await;
                lazy::fetch_view(view).await;
            }
        });
    });
}

/// Resolves when the browser is next idle (Safari has no requestIdleCallback: after a second there).
async fn idle() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            return;
        };
        if window.request_idle_callback(&resolve).is_err() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// The opt-in completion event: when the last item gets an answer, tell the host page (only the fields it asked
/// for). Not on load: a self-check that was already complete does not announce itself again.
#[hook]
pub fn use_completion_event(
    summary: Rc<Summary>,
    catalogue: Rc<Catalogue>,
    fields: Rc<[String]>,
    host: Option<web_sys::Element>,
) {
    let complete = is_complete(&summary);
    let was_complete = use_mut_ref(|| complete);
    use_effect_with(complete, move |&complete| {
        let newly = complete && !*was_complete.borrow();
        *was_complete.borrow_mut() = complete;
        if let (true, false, Some(host)) = (newly, fields.is_empty(), host) {
            events::dispatch_completion(&host, &completion_detail(&catalogue, &summary, &fields));
        }
    });
}
