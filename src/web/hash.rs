//! A file's SHA-256 fingerprint, taken by a worker that reads the file in pieces and reports its progress; the
//! worker is loaded only when the first fingerprint is taken.
//!
//! Why a worker: evidence files can be hundreds of megabytes, and hashing them on the page would freeze it. The
//! file is handed to the worker as it is (a `File` is a handle: nothing is copied, uploaded or stored); starting,
//! replies, progress, time-outs and failures are handled by [`super::worker`]. The request and reply bodies are
//! described in hash-worker/src/main.rs.
use js_sys::Reflect;
use tics_domain::Text;
use wasm_bindgen::JsValue;

use super::worker::{self, Kind, Spec};

/// How long the worker may go without word: to start (its download included, the first time) and then between
/// two progress messages, each of which starts the time-out again. A piece of 4 MiB takes some tens of
/// milliseconds once the worker runs; this leaves room for a slow phone reading a slow disk, while a file of any
/// size can take as long as it needs in all.
pub const TIMEOUT_MS: i32 = 30_000;

const SPEC: Spec = Spec { kind: Kind::Hash, timeout_ms: TIMEOUT_MS, unavailable, timed_out };

/// The lower-case hex SHA-256 of `file` and the number of bytes hashed. `on_progress` hears the bytes hashed so
/// far after each piece (increasing, the last equal to the file's size; never for an empty file). The first call
/// downloads and starts the worker; calls made while one runs wait their turn in it.
pub async fn sha256(file: &web_sys::File, on_progress: impl Fn(u64) + 'static) -> Result<(String, u64), Text> {
    let reply = worker::request_with_progress(&SPEC, file.as_ref(), move |done| on_progress(done as u64)).await?;
    let field = |name: &str| Reflect::get(&reply, &JsValue::from_str(name)).ok();
    let sha256 = field("sha256")
        .and_then(|v| v.as_string())
        .filter(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .ok_or_else(unavailable)?;
    let bytes = field("bytes").and_then(|v| v.as_f64()).filter(|n| *n >= 0.0).ok_or_else(unavailable)?;
    Ok((sha256, bytes as u64))
}

fn unavailable() -> Text {
    Text::new(
        "ファイルの指紋を取る部品を読み込めませんでした（通信が切れたか、部品のファイルが正しくありません）。もう一度お試しください。",
        "The fingerprinting part could not be loaded (the connection failed or its file is not the expected one). Please try again.",
    )
}

fn timed_out() -> Text {
    Text::new(
        "ファイルの指紋を取る処理が止まったため、中止しました。もう一度お試しください。",
        "Taking the file's fingerprint stopped making progress and was given up. Please try again.",
    )
}
