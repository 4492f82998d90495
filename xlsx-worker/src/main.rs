//! The Excel web worker: receives tables as JSON, answers with the .xlsx bytes.
//!
//! Why a worker: rust_xlsxwriter (with its zip/deflate code) would make the app's first download several hundred KB
//! bigger for a button few people press. Trunk builds this binary next to the app
//! (`<link data-trunk rel="rust" data-type="worker" data-loader-shim ...>`), under fixed, unhashed names, and the
//! app starts it with `new Worker("tics-xlsx-worker_loader.js")` only when someone asks for an Excel file.
//!
//! Protocol, one answer per message:
//! - worker → app, once, when it is ready: `true`. Messages posted before that are lost: the worker has no
//!   `onmessage` until its WebAssembly has loaded.
//! - app → worker: a string, the JSON made by `tics_domain::table::tables_to_json`.
//! - worker → app: a `Uint8Array` with the .xlsx file (its buffer is transferred), or a string: an error message
//!   in Japanese and English.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tics-xlsx-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            answer(&replies, event.data());
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        // If even this fails there is no one to tell; the app's `error` handler or its time-out takes over.
        let _ = scope.post_message(&JsValue::TRUE);
    }

    fn answer(scope: &DedicatedWorkerGlobalScope, data: JsValue) {
        let result = match data.as_string() {
            Some(json) => tics_xlsx::workbook_from_json(&json),
            None => Err("Excel 用のデータが文字列ではありません / the data for the Excel file is not a string".into()),
        };
        let sent = match result {
            Ok(bytes) => {
                let array = Uint8Array::from(bytes.as_slice());
                drop(bytes);
                scope.post_message_with_transfer(&array, &Array::of1(&array.buffer()))
            }
            Err(message) => scope.post_message(&JsValue::from_str(&message)),
        };
        if sent.is_err() {
            let _ = scope.post_message(&JsValue::from_str(
                "Excel ファイルを送れませんでした / could not send the Excel file back",
            ));
        }
    }
}
