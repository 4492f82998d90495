//! Excel export, and reading the Excel or CSV file of an inventory or an audit checksheet to import, both done by
//! a worker that is loaded only when the user first asks for Excel or picks a file.
//!
//! Why a worker: the writer (rust_xlsxwriter with its zip code) and the reader (calamine, the CSV reader and the
//! column guessing) would add several hundred KB to the app's first download for buttons few people press. The
//! app only sends bytes and receives plain data (`tics_domain::import`); it never calls the readers. The worker
//! is started on the first request and kept for the next ones; starting, replies, time-outs and failures are
//! handled by [`super::worker`].
use js_sys::{Array, Uint8Array};
use serde::de::DeserializeOwned;
use tics_domain::content::unreadable_reply;
use tics_domain::import::{Choice, Preview, Reply, Request};
use tics_domain::periodic::Criterion;
use tics_domain::workbook::WorkbookRequest;
use tics_domain::Text;
use wasm_bindgen::{JsCast, JsValue};

use super::worker::{self, Kind, Spec};

/// How long making one workbook may take, the worker's download included the first time. A workbook takes well
/// under a second; this leaves room for a slow phone on a slow connection.
pub const TIMEOUT_MS: i32 = 20_000;

const SPEC: Spec = Spec { kind: Kind::Excel, timeout_ms: TIMEOUT_MS, unavailable, timed_out };

/// How long reading a file (up to 5 MB) may take, the worker's download included the first time.
pub const READ_TIMEOUT_MS: i32 = 30_000;

const READ_SPEC: Spec = Spec {
    kind: Kind::ExcelReader,
    timeout_ms: READ_TIMEOUT_MS,
    unavailable: read_unavailable,
    timed_out: read_timed_out,
};

/// The .xlsx file for `request`: tables, or a register the worker builds itself. The first call downloads and
/// starts the worker.
pub async fn workbook(request: &WorkbookRequest) -> Result<Vec<u8>, Text> {
    let reply = worker::request(&SPEC, &JsValue::from_str(&request.to_json())).await?;
    reply.dyn_into::<Uint8Array>().map(|bytes| bytes.to_vec()).map_err(|_| unavailable())
}

/// Reads an inventory file (.xlsx or CSV, told apart by content) for the user to check: the rows that can be
/// imported, the problems by row and column, and the column mapping. `choice` carries the user's corrections
/// (sheet, header row, mapping) when the file is read again. `Err` when the file cannot be imported at all (or
/// the worker cannot be reached); nothing is changed either way.
pub async fn read_inventory(bytes: &[u8], file_name: &str, choice: Option<&Choice>) -> Result<Preview, Text> {
    read_table(bytes, &Request::ReadInventory { file_name: file_name.to_owned(), choice: choice.cloned() }).await
}

/// Reads an audit checksheet (or last year's report kept in Excel or CSV) for the user to check, as
/// [`read_inventory`] does an inventory: the criteria that can be imported, the problems by row and column, and
/// the column mapping.
pub async fn read_checksheet(
    bytes: &[u8],
    file_name: &str,
    choice: Option<&Choice>,
) -> Result<Preview<Criterion>, Text> {
    read_table(bytes, &Request::ReadChecksheet { file_name: file_name.to_owned(), choice: choice.cloned() }).await
}

/// Sends `request` with the file's bytes to the reader worker; its reply is a preview of rows `R` (`InfoRow` for
/// `Request::ReadInventory`, `Criterion` for `Request::ReadChecksheet`). The shared import component calls this
/// with the request its import gives it; [`read_inventory`] and [`read_checksheet`] are the typed shortcuts.
pub async fn read_table<R: DeserializeOwned + Default>(bytes: &[u8], request: &Request) -> Result<Preview<R>, Text> {
    let json = serde_json::to_string(request).map_err(|_| read_unavailable())?;
    let body = Array::of2(&JsValue::from_str(&json), &Uint8Array::from(bytes));
    let reply = worker::request(&READ_SPEC, &body.into()).await?;
    let reply: Reply<R> =
        serde_json::from_str(&reply.as_string().ok_or_else(unreadable_reply)?).map_err(|_| unreadable_reply())?;
    reply
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

fn read_unavailable() -> Text {
    Text::new(
        "Excel・CSV ファイルを読む部品を読み込めませんでした（通信が切れたか、ファイルが正しくありません）。もう一度お試しください。",
        "The part that reads Excel and CSV files could not be loaded (the connection failed or its file is not the expected one). Please try again.",
    )
}

fn read_timed_out() -> Text {
    Text::new(
        "ファイルの読み込みが時間内に終わりませんでした。もう一度お試しください。",
        "Reading the file took too long. Please try again.",
    )
}
