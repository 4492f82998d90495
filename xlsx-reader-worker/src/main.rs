//! The Excel reader web worker: reads the .xlsx or CSV file a user imports (an inventory kept in Excel today) into
//! a preview the app shows before changing anything.
//!
//! Why a worker of its own: calamine, its XML reader and the encoding tables it links in double the size of the
//! Excel writer (226 → 426 KB brotli). Kept apart, the writer that every Excel download needs stays small, and
//! this reader is fetched only by someone who imports a file. Trunk builds this binary next to the app;
//! scripts/post-build.mjs wraps its glue in widget/worker-loader.js, and src/web/excel.rs starts it on first use.
//!
//! The loader calls [`handle`] with each request's `body`: `[json, Uint8Array]`, a `tics_domain::import::Request`
//! with the file's bytes beside it → `ok`: a string, the JSON of a `tics_domain::import::Reply` (the preview, or
//! why the file cannot be imported); a refusal (thrown string, the JSON of a `tics_domain::Text`) only when the
//! request itself cannot be read.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Uint8Array};
    use tics_domain::Text;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{TextDecoder, TextDecoderOptions};

    /// A read file's preview (JSON) for one request's body.
    #[wasm_bindgen]
    pub fn handle(body: JsValue) -> Result<JsValue, String> {
        let parts = body.dyn_ref::<Array>().ok_or_else(|| {
            Text::new(
                "読み込むファイルの依頼が正しくありません",
                "the request to read a file is not in the expected form",
            )
            .to_wire()
        })?;
        let bytes = parts.get(1).dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
        let request = parts.get(0).as_string().unwrap_or_default();
        tics_xlsx::import::answer(&request, &bytes, &decode_shift_jis).map(JsValue::from).map_err(|e| e.to_wire())
    }

    /// Shift_JIS text by the browser's own decoder (the Encoding Standard's, as every current browser has it);
    /// `None` when a byte sequence is not Shift_JIS (`fatal`) or the browser has no such decoder.
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
    eprintln!("tics-xlsx-reader-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}
