//! The fingerprint web worker: the SHA-256 of a file the user picked, read in pieces, with progress.
//!
//! Why a worker: evidence files can be hundreds of megabytes. Read and hashed on the page, such a file would
//! freeze it for seconds; here the page only receives a progress message per piece. The file is never uploaded or
//! stored: the worker gets the `File` itself (a structured clone is a handle to the same bytes on disk), reads it
//! piece by piece with `FileReaderSync` (allowed only in workers), and keeps no more than one piece in memory. The
//! hashing is `tics_domain::evidence::Fingerprinter`, the one implementation, checked against sha256sum by
//! domain/tests/evidence.rs. Trunk builds this binary (`data-type="worker"`); the app starts it on the first
//! request (src/web/hash.rs, src/web/worker.rs).
//!
//! The loader (widget/worker-loader.js, written out by scripts/post-build.mjs) speaks the app's envelope
//! (src/web/worker.rs) and calls [`handle`] with each request's `body` and `id`:
//! - body: a `File` (or any `Blob`);
//! - before the reply, after each piece: `{ id, progress }`, posted by this worker itself, `progress` being the
//!   number of bytes hashed so far (increasing; the last one equals the file's size; none for an empty file);
//! - `ok`: a plain object `{ sha256, bytes }`: the lower-case hex SHA-256 (64 characters) and the number of bytes
//!   hashed;
//! - a refusal (thrown string): the JSON of a `tics_domain::Text`, the message in Japanese and English (the body
//!   is not a file, or the file cannot be read: moved, changed or deleted since it was picked).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use tics_domain::Text;

/// The size of one piece: large enough that the per-piece costs (a slice, a read, a copy into the WebAssembly
/// memory, a progress message) do not matter, small enough to keep the worker's memory low and the progress
/// moving (a piece takes some tens of milliseconds).
pub const PIECE: u64 = 4 << 20;

/// The byte ranges `[start, end)` a file of `size` bytes is read in, in order.
pub fn pieces(size: u64) -> impl Iterator<Item = (u64, u64)> {
    (0..size.div_ceil(PIECE)).map(move |n| (n * PIECE, ((n + 1) * PIECE).min(size)))
}

/// The body is not a file: a mistake of the app's, said plainly all the same.
pub fn not_a_file() -> Text {
    Text::new("指紋を取る対象がファイルではありません。", "What was given to fingerprint is not a file.")
}

/// The browser could not read the file, typically because it changed or went away after it was picked.
pub fn unreadable() -> Text {
    Text::new(
        "ファイルを読めませんでした。選んだ後にファイルが移動・変更・削除された可能性があります。もう一度ファイルを選んでください。",
        "The file could not be read. It may have been moved, changed or deleted after it was chosen. Please choose it again.",
    )
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Object, Reflect, Uint8Array};
    use tics_domain::evidence::Fingerprinter;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync};

    use super::{not_a_file, pieces, unreadable, PIECE};

    /// The fingerprint of the file `body`; `id` is the request's, for the progress messages.
    #[wasm_bindgen]
    pub fn handle(body: JsValue, id: JsValue) -> Result<JsValue, String> {
        let file = body.dyn_into::<Blob>().map_err(|_| not_a_file().to_wire())?;
        let reader = FileReaderSync::new().map_err(|_| unreadable().to_wire())?;
        // Only a dedicated worker can post to the app; elsewhere the file is hashed without progress.
        let scope = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>().ok();
        let size = file.size() as u64;
        let mut hasher = Fingerprinter::default();
        // One buffer for every piece, so that the WebAssembly memory does not grow with the file.
        let mut buffer = vec![0u8; size.min(PIECE) as usize];
        for (start, end) in pieces(size) {
            let piece = file.slice_with_f64_and_f64(start as f64, end as f64).map_err(|_| unreadable().to_wire())?;
            let read = reader.read_as_array_buffer(&piece).map_err(|_| unreadable().to_wire())?;
            let view = Uint8Array::new(&read);
            // A piece of another length than asked for means the file changed under us.
            let Some(slot) = buffer.get_mut(..view.length() as usize).filter(|s| s.len() as u64 == end - start) else {
                return Err(unreadable().to_wire());
            };
            view.copy_to(slot);
            hasher.update(slot);
            if let Some(scope) = &scope {
                // Progress is a courtesy: a lost message changes nothing but the bar.
                let _ =
                    scope.post_message(&message(&[("id", id.clone()), ("progress", (hasher.bytes() as f64).into())]));
            }
        }
        let bytes = hasher.bytes() as f64;
        Ok(message(&[("sha256", hasher.finish().into()), ("bytes", bytes.into())]))
    }

    /// A plain object with these fields.
    fn message(fields: &[(&str, JsValue)]) -> JsValue {
        let object = Object::new();
        for (name, value) in fields {
            let _ = Reflect::set(&object, &(*name).into(), value);
        }
        object.into()
    }
}

/// Nothing to do at start: the loader calls `handle` for each request.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tics-hash-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}

#[cfg(test)]
mod tests {
    use super::{pieces, PIECE};

    #[test]
    fn pieces_cover_the_file_once_in_order() {
        assert_eq!(pieces(0).count(), 0);
        assert_eq!(pieces(1).collect::<Vec<_>>(), vec![(0, 1)]);
        assert_eq!(pieces(PIECE).collect::<Vec<_>>(), vec![(0, PIECE)]);
        assert_eq!(pieces(PIECE + 1).collect::<Vec<_>>(), vec![(0, PIECE), (PIECE, PIECE + 1)]);
        for size in [3 * PIECE - 1, 3 * PIECE, 3 * PIECE + 7, 200_000_000] {
            let mut at = 0;
            for (start, end) in pieces(size) {
                assert_eq!(start, at);
                assert!(end > start && end - start <= PIECE);
                at = end;
            }
            assert_eq!(at, size);
        }
    }
}
