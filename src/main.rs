//! The WebAssembly module's JavaScript interface. The widget loader (widget/loader.js) calls `mount`; the
//! standalone site is the same widget in site mode, so there is one way in.
use tics_self_check::embed::{self, Embedded, Options};
use wasm_bindgen::prelude::*;

/// Handle of a mounted app, returned to JavaScript.
#[wasm_bindgen]
pub struct WidgetHandle(Embedded);

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the app and everything it added.
    pub fn destroy(&mut self) {
        self.0.destroy();
    }
}

/// Mounts the app into `element` (an open shadow root is attached) with `options` (see `embed::Options`).
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsValue> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsValue::from_str(&format!("invalid options: {e}")))?
    };
    // Before mounting: the app may need a worker as soon as it renders (an overlay's Markdown).
    tics_self_check::web::worker::set_files(&options.workers);
    embed::mount(&element, options).map(WidgetHandle).map_err(|e| JsValue::from_str(&e))
}

fn main() {}
