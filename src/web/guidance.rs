//! The built-in catalogue's guidance and examples, fetched once, when a user first opens "解説と例".
//!
//! Why: they are most of the catalogue's text, and few users open more than a few items; leaving them out of
//! the WebAssembly makes the self-check start sooner. build.rs leaves them out and marks the items
//! (`Item::guidance_later`), and
//! `tics-prerender` (run by scripts/post-build.mjs) writes `catalogue-guidance-<version>.json`, already rendered
//! from Markdown to safe node trees. Sections opened while the file is on its way share its one download.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::Promise;
use tics_domain::markdown::RenderedGuidance;
use tics_domain::Text;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

type Table = Rc<HashMap<String, Rc<RenderedGuidance>>>;

thread_local! {
    static LOADED: RefCell<Option<Table>> = const { RefCell::new(None) };
    /// The download under way, shared by every section opened meanwhile. Cleared when it ends, so that after a
    /// failure the next opening tries again instead of failing for good.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

fn missing() -> Text {
    Text::new(
        "解説を読み込めませんでした。閉じてもう一度開くと、読み込み直します。",
        "The guidance could not be loaded. Close it and open it again to retry.",
    )
}

/// The guidance of item `id` in the built-in catalogue `version`.
pub async fn fetch(version: &str, id: &str) -> Result<Rc<RenderedGuidance>, Text> {
    if LOADED.with(|l| l.borrow().is_none()) {
        let loading =
            LOADING.with(|l| l.borrow_mut().get_or_insert_with(|| future_to_promise(load(version.to_owned()))).clone());
        JsFuture::from(loading).await.map_err(|_| missing())?;
    }
    let table = LOADED.with(|l| l.borrow().clone()).ok_or_else(missing)?;
    table.get(id).cloned().ok_or_else(missing)
}

/// Waits while the offline service worker is installing (widget/loader.js's `ticsServiceWorkerSettled`): it
/// downloads the guidance with the rest of the build, and once it controls the page the fetch below comes from its
/// cache. Without a service worker, or with one already in charge, there is nothing to wait for.
async fn service_worker_settled() {
    let settled = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"ticsServiceWorkerSettled".into()).ok());
    if let Some(promise) = settled.and_then(|p| p.dyn_into::<Promise>().ok()) {
        let _ = JsFuture::from(promise).await;
    }
}

/// Downloads and reads the file into [`LOADED`]; rejects (with nothing) if it cannot.
async fn load(version: String) -> Result<JsValue, JsValue> {
    service_worker_settled().await;
    let table = match super::assets::text(&format!("catalogue-guidance-{version}.json")).await {
        Ok(json) => serde_json::from_str::<HashMap<String, RenderedGuidance>>(&json).ok(),
        Err(_) => None,
    };
    LOADING.with(|l| *l.borrow_mut() = None);
    let table: Table = Rc::new(table.ok_or(JsValue::NULL)?.into_iter().map(|(id, g)| (id, Rc::new(g))).collect());
    LOADED.with(|l| *l.borrow_mut() = Some(table));
    Ok(JsValue::UNDEFINED)
}
