//! Checking an association's overlay, a catalogue file someone chose, and a result file to import — done by the
//! content worker (md-worker), loaded on first need, so that the validator and the import are not part of the
//! app's start-up download. Requests and replies are `tics_domain::content`'s; starting, time-outs and failures
//! are handled by [`super::worker`].
use js_sys::{Array, Uint8Array};
use tics_domain::catalogue::Problem;
use tics_domain::content::{unreadable_reply, CatalogueReply, ImportReply, MembersReply, Request};
use tics_domain::{Catalogue, Text};
use wasm_bindgen::JsValue;

use super::worker::{self, Kind, Spec};

/// How long checking a catalogue or reading a file (up to 5 MB) may take, the worker's download included.
pub const TIMEOUT_MS: i32 = 30_000;

const SPEC: Spec = Spec { kind: Kind::Markdown, timeout_ms: TIMEOUT_MS, unavailable, timed_out };

/// A checked catalogue, or every problem found.
pub type Checked = Result<Catalogue, Vec<Problem>>;

/// `overlay` applied to `base`, or its problems.
pub async fn check_overlay(base: &Catalogue, overlay: &str) -> Result<Checked, Text> {
    let request = Request::Overlay { base: base.to_checked_json(), overlay: overlay.to_owned() };
    catalogue(ask(&request, None).await?)
}

/// A catalogue or overlay file (an overlay is applied to `base`), or its problems.
pub async fn check_file(base: &Catalogue, bytes: &[u8]) -> Result<Checked, Text> {
    let request = Request::CatalogueFile { base: base.to_checked_json(), bytes: Vec::new() };
    catalogue(ask(&request, Some(bytes)).await?)
}

/// A result file read against `catalogue`: the self-check, or why the file is refused.
pub async fn import(catalogue: &Catalogue, bytes: &[u8]) -> Result<ImportReply, Text> {
    let request = Request::Import { catalogue: catalogue.to_checked_json(), bytes: Vec::new() };
    serde_json::from_str(&ask(&request, Some(bytes)).await?).map_err(|_| unreadable_reply())
}

/// Files members shared, read against `catalogue` (its checked form, made once by the caller): one reply per
/// file, in order. The files are read together and travel to the worker as one buffer, one after the other,
/// without passing through the app's memory.
pub async fn members(catalogue: &str, files: &[web_sys::File]) -> Result<MembersReply, Text> {
    let reads = Array::new();
    for file in files {
        reads.push(&file.array_buffer());
    }
    let buffers: Array =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all(&reads)).await.map_err(|_| read_failed())?.into();
    let parts: Vec<Uint8Array> = buffers.iter().map(|b| Uint8Array::new(&b)).collect();
    let lengths: Vec<usize> = parts.iter().map(|p| p.length() as usize).collect();
    let all = Uint8Array::new_with_length(lengths.iter().sum::<usize>() as u32);
    let mut at = 0u32;
    for part in &parts {
        all.set(part, at);
        at += part.length();
    }
    let names = files.iter().map(super::file::name).collect();
    let request = Request::Members { catalogue: catalogue.to_owned(), names, lengths, bytes: Vec::new() };
    let json = JsValue::from_str(&serde_json::to_string(&request).map_err(|_| unavailable())?);
    let reply =
        worker::request(&SPEC, &Array::of2(&json, &all).into()).await?.as_string().ok_or_else(unreadable_reply)?;
    serde_json::from_str(&reply).map_err(|_| unreadable_reply())
}

fn read_failed() -> Text {
    Text::new(
        "ファイルを読めませんでした。フォルダをドロップした場合は「フォルダを選ぶ」から選んでください。",
        "The files could not be read. If you dropped a folder, choose it with \"Choose a folder\" instead.",
    )
}

/// Sends the request (and a file's bytes beside it) and returns the reply's JSON.
async fn ask(request: &Request, bytes: Option<&[u8]>) -> Result<String, Text> {
    let json = JsValue::from_str(&serde_json::to_string(request).map_err(|_| unavailable())?);
    let body = match bytes {
        Some(bytes) => Array::of2(&json, &Uint8Array::from(bytes)).into(),
        None => json,
    };
    worker::request(&SPEC, &body).await?.as_string().ok_or_else(unreadable_reply)
}

fn catalogue(reply: String) -> Result<Checked, Text> {
    match serde_json::from_str(&reply).map_err(|_| unreadable_reply())? {
        CatalogueReply::Catalogue(checked) => Catalogue::from_checked_json(&checked).map(Ok),
        CatalogueReply::Problems(problems) => Ok(Err(problems)),
    }
}

fn unavailable() -> Text {
    Text::new(
        "ファイルを確認する部品を読み込めませんでした（通信が切れたか、ファイルが正しくありません）。もう一度お試しください。",
        "The part that checks files could not be loaded (the connection failed or its file is not the expected one). Please try again.",
    )
}

fn timed_out() -> Text {
    Text::new(
        "ファイルの確認が時間内に終わりませんでした。もう一度お試しください。",
        "Checking the file took too long. Please try again.",
    )
}
