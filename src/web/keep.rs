//! Keeping the data for a year: asking the browser to keep the site's storage (`navigator.storage.persist()`),
//! what browser this is and whether the site runs as an installed app, and the browser's offer to install it.
use std::cell::RefCell;

use gloo_events::EventListener;
use tics_domain::backup::{Browser, Keeping};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers and some embedded views have no `navigator.storage`.
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok().filter(|s| !s.is_undefined())?;
    Some(navigator.storage())
}

async fn ask(promise: Option<Result<js_sys::Promise, JsValue>>) -> Option<bool> {
    let promise = promise?.ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether the browser already agreed to keep this site's data; `None` when it cannot say.
pub async fn persisted() -> Option<bool> {
    ask(storage_manager().map(|s| s.persisted())).await
}

/// Asks the browser to keep this site's data; its answer, or `None` when it cannot be asked. Firefox may ask the
/// user; Chromium decides by itself (installed apps and sites in use are kept).
pub async fn persist() -> Option<bool> {
    ask(storage_manager().map(|s| s.persist())).await
}

/// The browser and whether the site runs as an installed app.
pub fn keeping(persisted: Option<bool>) -> Keeping {
    let window = web_sys::window();
    let navigator = window.as_ref().map(|w| w.navigator());
    let ua = navigator.as_ref().and_then(|n| n.user_agent().ok()).unwrap_or_default();
    let touch = navigator.as_ref().is_some_and(|n| n.max_touch_points() > 1);
    let standalone = window
        .as_ref()
        .and_then(|w| w.match_media("(display-mode: standalone)").ok().flatten())
        .is_some_and(|m| m.matches());
    // Safari on iOS says so on `navigator.standalone` rather than through the media query.
    let ios_standalone = navigator
        .as_ref()
        .and_then(|n| js_sys::Reflect::get(n, &JsValue::from_str("standalone")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    Keeping { browser: Browser::from_user_agent(&ua, touch), installed: standalone || ios_standalone, persisted }
}

thread_local! {
    /// The browser's offer to install the site (`beforeinstallprompt`), kept until the user takes it up.
    static OFFER: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<EventListener>> = const { RefCell::new(None) };
}

/// Starts listening for the browser's offer to install the site. The offer comes once, soon after the page
/// loads; the site keeps it for its own button instead of the browser's bar.
pub fn listen_for_install_offer() {
    let Some(window) = web_sys::window() else { return };
    LISTENER.with(|l| {
        if l.borrow().is_none() {
            *l.borrow_mut() = Some(EventListener::new(&window, "beforeinstallprompt", |event| {
                event.prevent_default();
                OFFER.with(|o| *o.borrow_mut() = Some(event.clone().into()));
            }));
        }
    });
}

/// Whether the browser offered to install the site.
pub fn can_install() -> bool {
    OFFER.with(|o| o.borrow().is_some())
}

/// Shows the browser's install dialog; true when the user accepted. The offer is used up either way.
pub async fn install() -> bool {
    let Some(offer) = OFFER.with(|o| o.borrow_mut().take()) else { return false };
    let prompt = js_sys::Reflect::get(&offer, &JsValue::from_str("prompt"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = prompt.and_then(|f| f.call0(&offer).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    let Ok(choice) = JsFuture::from(promise).await else { return false };
    // `prompt()` resolves to {outcome: "accepted" | "dismissed"}.
    let outcome = js_sys::Reflect::get(&choice, &JsValue::from_str("outcome")).ok().and_then(|o| o.as_string());
    outcome.as_deref() == Some("accepted")
}
