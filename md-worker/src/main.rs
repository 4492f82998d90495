//! The content worker (built as `tics-md-worker`, named for its first job): everything the app needs only for
//! content from elsewhere, kept out of the app's start-up download. It renders Markdown that arrives at run time
//! (an association's overlay), checks overlays and catalogue files (the validator), and reads result files (the
//! import). The answers themselves are `tics_domain::content`, tested on the host.
//!
//! Why a worker: pulldown-cmark, the catalogue validator and the import with its digest and range checks are a
//! large part of the app's code, and most visitors need none of them: the built-in content is rendered and
//! checked when the app is built. Trunk builds this binary (`data-type="worker"`); the app starts it on the first
//! request (src/web/worker.rs).
//!
//! The loader (widget/worker-loader.js, written out by scripts/post-build.mjs) speaks the app's envelope
//! (src/web/worker.rs) and calls `handle` with each request's `body`:
//! - body: a string, the JSON of a `tics_domain::content::Request`, or `[json, bytes]` when a file comes with it;
//! - `ok`: a string, the JSON of the reply;
//! - a refusal (thrown string): the JSON of a `tics_domain::Text`, the message in Japanese and English.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub use tics_domain::content::answer;

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The reply (JSON) to one request's body: the request's JSON, or `[json, bytes]` when a file comes with it.
    #[wasm_bindgen]
    pub fn handle(body: JsValue) -> Result<String, String> {
        if let Some(parts) = body.dyn_ref::<js_sys::Array>() {
            let bytes = parts.get(1).dyn_into::<js_sys::Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
            return super::answer(&parts.get(0).as_string().unwrap_or_default(), bytes).map_err(|e| e.to_wire());
        }
        super::answer(&body.as_string().unwrap_or_default(), Vec::new()).map_err(|e| e.to_wire())
    }
}

/// Nothing to do at start: the loader calls `handle` for each request.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tics-md-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}

#[cfg(test)]
mod tests {
    use super::answer;

    #[test]
    fn answers_a_request_with_safe_nodes() {
        let request =
            r##"{"kind":"markdown","src":"# T\n\n<script>x</script>\n\n[a](javascript:alert(1))","under":3}"##;
        let reply = answer(request, Vec::new());
        let reply = reply.unwrap_or_default();
        assert!(reply.starts_with(r##"[{"e":{"el":{"h":4}"##), "{reply}");
        assert!(reply.contains(r#"{"t":"<script>"#), "raw HTML stays text: {reply}");
        assert!(!reply.contains("javascript:"), "the script link is dropped: {reply}");
    }

    #[test]
    fn refuses_what_is_not_a_request() {
        assert!(answer("not json", Vec::new()).is_err());
        assert!(answer(r#"{"id":1}"#, Vec::new()).is_err());
    }
}
