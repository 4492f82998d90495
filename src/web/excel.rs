//! Excel export, made by a worker that is loaded only when the user first asks for Excel.
//!
//! Why a worker: the writer (rust_xlsxwriter with its zip code) would add about 550 KB (250 KB gzipped) to the
//! app's first download for a button few people press. Trunk builds it from `xlsx-worker/` under fixed names;
//! the worker is started on the first request and kept for the next ones. Protocol: see xlsx-worker/src/main.rs.
use std::cell::RefCell;

use js_sys::{Promise, Uint8Array};
use tics_domain::table::{tables_to_json, Table};
use tics_domain::Text;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Trunk's loader for the worker (`data-loader-shim`); it sits beside the app's other files and is not hashed.
const WORKER_FILE: &str = "tics-xlsx-worker_loader.js";

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// The .xlsx file for `tables`. The first call downloads and starts the worker.
pub async fn workbook(tables: &[Table]) -> Result<Vec<u8>, Text> {
    let json = tables_to_json(tables);
    let worker = worker().await?;
    let reply = next_message(&worker);
    if worker.post_message(&JsValue::from_str(&json)).is_err() {
        return Err(forget(&worker));
    }
    let data = match reply.await {
        Ok(event) => event.unchecked_into::<MessageEvent>().data(),
        // A trap in the worker ends its WebAssembly: start a new one next time.
        Err(_) => return Err(forget(&worker)),
    };
    if let Some(bytes) = data.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    // The worker's messages are already in Japanese and English.
    let message = data.as_string().unwrap_or_default();
    Err(Text::new(message.clone(), message))
}

/// The running worker, started now if need be. It says `true` once it listens; anything posted before is lost.
async fn worker() -> Result<Worker, Text> {
    if let Some(worker) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(worker);
    }
    let worker = Worker::new(&super::assets::url(WORKER_FILE)).map_err(|_| failed())?;
    let ready = next_message(&worker).await;
    match ready.map(|event| event.unchecked_into::<MessageEvent>().data().as_bool()) {
        Ok(Some(true)) => {
            WORKER.with(|w| *w.borrow_mut() = Some(worker.clone()));
            Ok(worker)
        }
        _ => Err(forget(&worker)),
    }
}

/// The worker's next message, or its next error (failed download, trap) as a rejection.
fn next_message(worker: &Worker) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    });
    JsFuture::from(promise)
}

fn forget(worker: &Worker) -> Text {
    worker.terminate();
    WORKER.with(|w| *w.borrow_mut() = None);
    failed()
}

fn failed() -> Text {
    Text::new(
        "Excel ファイルを作れませんでした。ページを再読み込みしてもう一度お試しください。",
        "The Excel file could not be made. Reload the page and try again.",
    )
}
