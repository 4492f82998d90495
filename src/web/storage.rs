//! Saving the self-check in `localStorage`, tolerating storage that is missing, blocked or full.
//!
//! Written on web-sys rather than gloo-storage because gloo panics when storage access throws (as it does in
//! sandboxed frames or with cookies blocked), and a panic would kill the widget.
use tics_domain::Text;
use web_sys::Storage;

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
