//! The Excel web worker: turns tables (JSON) into the bytes of an .xlsx file.
//!
//! Why a worker: rust_xlsxwriter (with its zip/deflate code) would make the app's first download several hundred KB
//! bigger for a button few people press. Trunk builds this binary next to the app
//! (`<link data-trunk rel="rust" data-type="worker" ...>`); scripts/post-build.mjs wraps wasm-bindgen's glue in
//! the shared worker loader (widget/worker-loader.js), and the app starts it only when someone asks for an Excel
//! file (src/web/worker.rs).
//!
//! The loader speaks the app's envelope and calls [`handle`] with each request's `body`:
//! - body: a string, a `tics_domain::workbook::WorkbookRequest` as JSON (tables, or a register to build);
//! - `ok`: a `Uint8Array` with the .xlsx file (the loader transfers its buffer);
//! - a refusal (thrown string): the JSON of a `tics_domain::Text`, the message in Japanese and English.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::Uint8Array;
    use tics_domain::Text;
    use wasm_bindgen::prelude::*;

    /// The .xlsx bytes for one request's body.
    #[wasm_bindgen]
    pub fn handle(body: JsValue) -> Result<Uint8Array, String> {
        let json = body.as_string().ok_or_else(|| {
            Text::new("Excel 用のデータが文字列ではありません", "the data for the Excel file is not a string").to_wire()
        })?;
        tics_xlsx::workbook_from_json(&json).map(|bytes| Uint8Array::from(bytes.as_slice())).map_err(|e| e.to_wire())
    }
}

/// Nothing to do at start: the loader calls `handle` for each request.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tics-xlsx-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}
