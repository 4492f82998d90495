//! The Excel web worker: turns tables (JSON) into the bytes of an .xlsx file, and reads the .xlsx or CSV files
//! a user imports (an inventory kept in Excel today) into a preview the app shows before changing anything.
//!
//! Why a worker: rust_xlsxwriter and calamine (with their zip/deflate and XML code) would make the app's first
//! download several hundred KB bigger for buttons few people press. Trunk builds this binary next to the app
//! (`<link data-trunk rel="rust" data-type="worker" ...>`); scripts/post-build.mjs wraps wasm-bindgen's glue in
//! the shared worker loader (widget/worker-loader.js), and the app starts it only when someone first asks for an
//! Excel file or imports one (src/web/worker.rs).
//!
//! The loader speaks the app's envelope and calls [`handle`] with each request's `body`:
//! - body: a string, the JSON made by `tics_domain::table::tables_to_json` → `ok`: a `Uint8Array` with the .xlsx
//!   file (the loader transfers its buffer);
//! - body: `[json, Uint8Array]`, a `tics_domain::import::Request` with the file's bytes beside it → `ok`: a
//!   string, the JSON of a `tics_domain::import::Reply` (the preview, or why the file cannot be imported);
//! - a refusal (thrown string): an error message in Japanese and English.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{TextDecoder, TextDecoderOptions};

    /// The answer to one request's body: a workbook's bytes, or a read file's preview (JSON).
    #[wasm_bindgen]
    pub fn handle(body: JsValue) -> Result<JsValue, String> {
        if let Some(parts) = body.dyn_ref::<Array>() {
            let bytes = parts.get(1).dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
            let request = parts.get(0).as_string().unwrap_or_default();
            return tics_xlsx::import::answer(&request, &bytes, &decode_shift_jis).map(JsValue::from);
        }
        let json = body
            .as_string()
            .ok_or("Excel 用のデータが文字列ではありません / the data for the Excel file is not a string")?;
        tics_xlsx::workbook_from_json(&json).map(|bytes| Uint8Array::from(bytes.as_slice()).into())
    }

    /// Shift_JIS text by the browser's own decoder (the Encoding Standard's, as every current browser has it), so
    /// that no decoder of ours is needed; `None` when a byte sequence is not Shift_JIS (`fatal`) or the browser
    /// has no such decoder. (calamine's XML reader happens to link encoding_rs into this worker too: should
    /// TextDecoder ever fall short, that decoder would cost nothing more.)
    fn decode_shift_jis(bytes: &[u8]) -> Option<String> {
        let options = TextDecoderOptions::new();
        options.set_fatal(true);
        let decoder = TextDecoder::new_with_label_and_options("shift_jis", &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }
}

/// Nothing to do at start: the loader calls `handle` for each request.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tics-xlsx-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}
