//! Excel export, made by a worker that is loaded only when the user first asks for Excel.
//!
//! Why a worker: the writer (rust_xlsxwriter with its zip code) would add about 550 KB (250 KB gzipped) to the
//! app's first download for a button few people press. The worker is started on the first request and kept for
//! the next ones; starting, replies, time-outs and failures are handled by [`super::worker`].
use js_sys::Uint8Array;
use tics_domain::table::{tables_to_json, Table};
use tics_domain::Text;
use wasm_bindgen::{JsCast, JsValue};

use super::worker::{self, Kind, Spec};

/// How long making one workbook may take, the worker's download included the first time. A workbook takes well
/// under a second; this leaves room for a slow phone on a slow connection.
pub const TIMEOUT_MS: i32 = 20_000;

const SPEC: Spec = Spec { kind: Kind::Excel, timeout_ms: TIMEOUT_MS, unavailable, timed_out };

/// The .xlsx file for `tables`. The first call downloads and starts the worker.
pub async fn workbook(tables: &[Table]) -> Result<Vec<u8>, Text> {
    let json = tables_to_json(tables);
    let reply = worker::request(&SPEC, &JsValue::from_str(&json)).await?;
    reply.dyn_into::<Uint8Array>().map(|bytes| bytes.to_vec()).map_err(|_| unavailable())
}

fn unavailable() -> Text {
    Text::new(
        "Excel ファイルを作る部品を読み込めませんでした（通信が切れたか、ファイルが正しくありません）。もう一度お試しください。",
        "The Excel writer could not be loaded (the connection failed or its file is not the expected one). Please try again.",
    )
}

fn timed_out() -> Text {
    Text::new(
        "Excel ファイルの作成が時間内に終わりませんでした。もう一度お試しください。",
        "Making the Excel file took too long. Please try again.",
    )
}
