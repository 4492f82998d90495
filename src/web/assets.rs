//! Where the app's own files are, and fetching text from there. On a host page "./" is the host's folder, so
//! the widget loader tells the app its own base URL.
use std::cell::RefCell;

use tics_domain::Text;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Tells where the app's files are (an absolute URL ending in `/`).
pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.to_owned());
}

/// The URL of one of the app's files.
pub fn url(file: &str) -> String {
    let base = BASE.with(|b| b.borrow().clone());
    format!("{}{file}", if base.is_empty() { "./" } else { &base })
}

fn failed() -> Text {
    Text::new("ページを読み込めませんでした。", "The page could not be loaded.")
}

/// Fetches one of the app's text files (same origin only, as the CSP's connect-src 'self' allows).
pub async fn text(file: &str) -> Result<String, Text> {
    let window = web_sys::window().ok_or_else(failed)?;
    let response = JsFuture::from(window.fetch_with_str(&url(file))).await.map_err(|_| failed())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let body = JsFuture::from(response.text().map_err(|_| failed())?).await.map_err(|_| failed())?;
    body.as_string().ok_or_else(failed)
}

/// Fetches and reads one of the app's JSON files.
pub async fn json<T: serde::de::DeserializeOwned>(file: &str) -> Result<T, Text> {
    serde_json::from_str(&text(file).await?).map_err(|_| failed())
}
