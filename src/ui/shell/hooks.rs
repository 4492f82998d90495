//! The self-check's effects, as named hooks: saving, moving focus, and the host page's completion event.
use std::rc::Rc;

use tics_domain::scoring::{completion_detail, is_complete, Summary};
use tics_domain::Catalogue;
use yew::prelude::*;

use crate::ui::state::focus::Focus;
use crate::ui::state::reducer::{AppState, Msg, Saving};
use crate::web::{events, storage};

/// Saves whenever a self-check or the language changes, and once more when the page is hidden or closed (the
/// tab may go away between a change and its save). Nothing is written while saving is held (see
/// `shell::startup`).
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>, namespace: &str) {
    let key = storage::state_key(namespace);
    {
        let (dispatcher, state, key) = (state.dispatcher(), state.clone(), key.clone());
        use_effect_with((state.revision, state.lang), move |_| {
            if state.saving != Saving::Held {
                dispatcher.dispatch(Msg::Saved(storage::write(&key, &state.to_saved().to_json())));
            }
        });
    }
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    use_effect_with(key, move |key| {
        let save = {
            let key = key.clone();
            move || {
                let state = latest.borrow();
                if state.saving != Saving::Held {
                    let _ = storage::write(&key, &state.to_saved().to_json());
                }
            }
        };
        let window = web_sys::window();
        let on_hide = window.as_ref().map(|w| {
            let save = save.clone();
            gloo_events::EventListener::new(w, "pagehide", move |_| save())
        });
        let document = window.as_ref().and_then(|w| w.document());
        let on_hidden = document.as_ref().map(|d| {
            let d2 = d.clone();
            gloo_events::EventListener::new(d, "visibilitychange", move |_| {
                if d2.hidden() {
                    save()
                }
            })
        });
        move || drop((on_hide, on_hidden))
    });
}

/// Moves focus to the element the state asks for (a card that moved, where a link led, where a removed control
/// hands over), inside `root`, so keyboard users do not lose their place.
#[hook]
pub fn use_focus(root: &NodeRef, focus: &Option<(Focus, u32)>) {
    let root = root.clone();
    use_effect_with(focus.clone(), move |focus| {
        let target = focus.as_ref().and_then(|(target, _)| {
            let root = root.cast::<web_sys::Element>()?;
            root.query_selector(&format!("#{}", target.element_id())).ok().flatten()
        });
        if let Some(el) = target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
            let _ = el.focus();
        }
    });
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
