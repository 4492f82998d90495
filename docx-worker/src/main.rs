//! The Word web worker: writes the pledges and the management rules as .docx files, and as HTML pages for
//! printing from the browser.
//!
//! Why a worker: the documents' text (five documents in two languages) and the .docx writer (docx-rs with its
//! zip code) would make the app's first download bigger for buttons few visitors press. Trunk builds this binary
//! next to the app (`<link data-trunk rel="rust" data-type="worker" ...>`); scripts/post-build.mjs wraps
//! wasm-bindgen's glue in the shared worker loader (widget/worker-loader.js), and the app starts it only when
//! someone first asks for a document (src/web/word.rs, src/web/worker.rs).
//!
//! The loader speaks the app's envelope and calls [`handle`] with each request's `body`:
//! - body: a string, the JSON of a `tics_domain::documents::Request`: `{"op":"docx"|"html","input":{...}}`;
//! - `ok`: a `Uint8Array` with the .docx file (the loader transfers its buffer), or a string with the HTML page;
//! - a refusal (thrown string): the JSON of a `tics_domain::Text`, the message in Japanese and English.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::Uint8Array;
    use tics_docx::Reply;
    use tics_domain::Text;
    use wasm_bindgen::prelude::*;

    /// The document for one request's body: the .docx bytes or the HTML page.
    #[wasm_bindgen]
    pub fn handle(body: JsValue) -> Result<JsValue, String> {
        let json = body.as_string().ok_or_else(|| {
            Text::new("文書を作るためのデータが文字列ではありません", "the data for the document is not a string")
                .to_wire()
        })?;
        Ok(match tics_docx::answer(&json).map_err(|e| e.to_wire())? {
            Reply::Docx(bytes) => Uint8Array::from(bytes.as_slice()).into(),
            Reply::Html(page) => JsValue::from_str(&page),
        })
    }
}

/// Nothing to do at start: the loader calls `handle` for each request.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tics-docx-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}
