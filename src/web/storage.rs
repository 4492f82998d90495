//! Saving the self-check in `localStorage`, tolerating storage that is missing, blocked or full, and hearing
//! when another tab of the same site writes it.
//!
//! Written on web-sys rather than gloo-storage because gloo panics when storage access throws (as it does in
//! sandboxed frames or with cookies blocked), and a panic would kill the widget.
use gloo_events::EventListener;
use tics_domain::{Message, Text};
use wasm_bindgen::JsCast;
use web_sys::Storage;

use crate::web::clock;

/// The key under which the self-check is kept, in `namespace`.
pub fn state_key(namespace: &str) -> String {
    format!("{namespace}:state")
}

fn storage() -> Result<Storage, Text> {
    let unavailable = || {
        Text::new(
            "このブラウザでは保存領域が使えません。入力はページを閉じると失われます。",
            "Browser storage is unavailable. What you enter will be lost when the page closes.",
        )
    };
    web_sys::window().ok_or_else(unavailable)?.local_storage().map_err(|_| unavailable())?.ok_or_else(unavailable)
}

/// Reads the value under `key`; `Ok(None)` when nothing is saved.
pub fn read(key: &str) -> Result<Option<String>, Text> {
    storage()?.get_item(key).map_err(|_| {
        Text::new("保存データを読み出せませんでした。", "The saved data could not be read from browser storage.")
    })
}

/// Writes `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), Text> {
    storage()?.set_item(key, value).map_err(|_| {
        Text::new(
            "保存できませんでした（保存領域が満杯か、使用が禁止されています）。入力内容はこのページを閉じると失われます。",
            "Could not save (browser storage is full or blocked). What you enter will be lost when the page closes.",
        )
    })
}

/// Removes the value under `key`.
pub fn remove(key: &str) -> Result<(), Text> {
    storage()?
        .remove_item(key)
        .map_err(|_| Text::new("保存データを消せませんでした。", "The saved data could not be removed."))
}

/// A new key, in `namespace`, for a copy of saved data this version cannot read.
pub fn backup_key(namespace: &str) -> String {
    format!("{namespace}:backup:{}", clock::stamp())
}

/// The saved self-checks of `namespace`, as the domain's sync reads and writes them.
pub struct StateStore {
    pub namespace: String,
}

impl tics_domain::sync::Store for StateStore {
    fn read(&self) -> Result<Option<String>, Message> {
        read(&state_key(&self.namespace))
    }

    fn write(&mut self, json: &str) -> Result<(), Message> {
        write(&state_key(&self.namespace), json)
    }

    fn back_up(&mut self, json: &str) -> Option<String> {
        let key = backup_key(&self.namespace);
        write(&key, json).is_ok().then_some(key)
    }
}

/// Calls `changed` when another tab or window of this site writes `key` in `localStorage`, or clears it. The
/// browser tells every other page of the origin (the `storage` event), never the page that wrote.
pub fn on_change(key: String, changed: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
        // `key` is null when the other page cleared all of storage.
        if event.key().is_none_or(|k| k == key) {
            changed();
        }
    }))
}
