//! The pledges and the management rules as Word files or printable pages, made by a worker that is loaded only
//! when the user first asks for one of them.
//!
//! Why a worker: the five documents' text in two languages and the .docx writer (docx-rs with its zip code) would
//! add to the app's first download for buttons few visitors press. The app only builds the small
//! [`DocInput`] (`tics_domain::documents::input`) and sends it; starting, replies, time-outs and failures are
//! handled by [`super::worker`]. The request and reply bodies are described in docx-worker/src/main.rs.
//!
//! The same worker packs the audit pack's files into one .zip ([`zip`]): it has the archive writer already.
use js_sys::{Array, Object, Reflect, Uint8Array};
use tics_domain::documents::{DocInput, Op, Request};
use tics_domain::Text;
use wasm_bindgen::{JsCast, JsValue};

use super::worker::{self, Kind, Spec};

/// How long making one document may take, the worker's download included the first time. A document takes a
/// fraction of a second once the worker runs; this leaves room for a slow phone on a slow connection.
pub const TIMEOUT_MS: i32 = 20_000;

const SPEC: Spec = Spec { kind: Kind::Word, timeout_ms: TIMEOUT_MS, unavailable, timed_out };

/// The .docx file for `input`. The first call (of this or [`html`]) downloads and starts the worker.
pub async fn docx(input: &DocInput) -> Result<Vec<u8>, Text> {
    let reply = ask(Op::Docx, input).await?;
    reply.dyn_into::<Uint8Array>().map(|bytes| bytes.to_vec()).map_err(|_| unavailable())
}

/// The document for `input` as a complete HTML page, to print with [`super::print::print_html`].
pub async fn html(input: &DocInput) -> Result<String, Text> {
    ask(Op::Html, input).await?.as_string().ok_or_else(unavailable)
}

/// The .zip holding `files` (name, bytes), in order, written by the Word worker (started if need be).
pub async fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Text> {
    let body = Array::new();
    for (name, bytes) in files {
        let file = Object::new();
        let _ = Reflect::set(&file, &"name".into(), &name.as_str().into());
        let _ = Reflect::set(&file, &"bytes".into(), &Uint8Array::from(bytes.as_slice()));
        body.push(&file);
    }
    let reply = worker::request(&SPEC, &body).await?;
    reply.dyn_into::<Uint8Array>().map(|bytes| bytes.to_vec()).map_err(|_| unavailable())
}

async fn ask(op: Op, input: &DocInput) -> Result<JsValue, Text> {
    let request = Request { op, input: input.clone() };
    worker::request(&SPEC, &JsValue::from_str(&request.to_json())).await
}

fn unavailable() -> Text {
    Text::new(
        "Word ファイルを作る部品を読み込めませんでした（通信が切れたか、ファイルが正しくありません）。もう一度お試しください。",
        "The Word writer could not be loaded (the connection failed or its file is not the expected one). Please try again.",
    )
}

fn timed_out() -> Text {
    Text::new(
        "文書の作成が時間内に終わりませんでした。もう一度お試しください。",
        "Making the document took too long. Please try again.",
    )
}
