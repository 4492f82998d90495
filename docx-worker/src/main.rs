//! The Word web worker: writes the pledges and the management rules as .docx files, and as HTML pages for
//! printing from the browser.
//!
//! Why a worker: the documents' text (five documents in two languages) and the .docx writer (docx-rs with its
//! zip code) would make the app's first download bigger for buttons few visitors press. Trunk builds this binary
//! next to the app (`<link data-trunk rel="rust" data-type="worker" ...>`); scripts/post-build.mjs wraps
//! wasm-bindgen's glue in the shared worker loader (widget/worker-loader.js), and the app starts it only when
//! someone first asks for a document (src/web/word.rs, src/web/worker.rs).
//!
//! It also writes the audit pack's .zip (`tics_docx::zip`): it holds the archive writer the .docx files need
//! already, so the pack adds a few hundred bytes here instead of a ZIP writer in the app.
//!
//! The loader speaks the app's envelope and calls [`handle`] with each request's `body`:
//! - body: a string, the JSON of a `tics_domain::documents::Request`: `{"op":"docx"|"html","input":{...}}`;
//!   or, for the audit pack, an array of `{ name, bytes }` (a string and a `Uint8Array` each), the files in order;
//! - `ok`: a `Uint8Array` with the .docx file or the .zip (the loader transfers its buffer), or a string with the
//!   HTML page;
//! - a refusal (thrown string): the JSON of a `tics_domain::Text`, the message in Japanese and English.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Reflect, Uint8Array};
    use tics_docx::Reply;
    use tics_domain::Text;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The document for one request's body: the .docx bytes or the HTML page; or the .zip of the files an array
    /// holds.
    #[wasm_bindgen]
    pub fn handle(body: JsValue) -> Result<JsValue, String> {
        if let Some(files) = body.dyn_ref::<Array>() {
            let zip = tics_docx::zip(&read_files(files)?).map_err(|e| e.to_wire())?;
            return Ok(Uint8Array::from(zip.as_slice()).into());
        }
        let json = body.as_string().ok_or_else(|| {
            Text::new("文書を作るためのデータが文字列ではありません", "the data for the document is not a string")
                .to_wire()
        })?;
        Ok(match tics_docx::answer(&json).map_err(|e| e.to_wire())? {
            Reply::Docx(bytes) => Uint8Array::from(bytes.as_slice()).into(),
            Reply::Html(page) => JsValue::from_str(&page),
        })
    }

    /// The (name, bytes) of each `{ name, bytes }` of the array.
    fn read_files(files: &Array) -> Result<Vec<(String, Vec<u8>)>, String> {
        files
            .iter()
            .map(|file| {
                let name = Reflect::get(&file, &"name".into()).ok().and_then(|n| n.as_string());
                let bytes = Reflect::get(&file, &"bytes".into()).ok().and_then(|b| b.dyn_into::<Uint8Array>().ok());
                match (name, bytes) {
                    (Some(name), Some(bytes)) => Ok((name, bytes.to_vec())),
                    _ => Err(Text::new(
                        "ZIP に入れるファイルの名前か中身がありません",
                        "a file for the ZIP archive has no name or no bytes",
                    )
                    .to_wire()),
                }
            })
            .collect()
    }
}

/// Nothing to do at start: the loader calls `handle` for each request.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tics-docx-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}
