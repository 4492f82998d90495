//! The Markdown web worker: renders Markdown that arrives at run time (an association's overlay: branding,
//! guidance and examples of its own items, a catalogue being checked) into the domain's safe node tree.
//!
//! Why a worker: pulldown-cmark is about a sixth of the app's compressed size, and the built-in content is
//! rendered when the app is built (tics-prerender), so most visitors never need it. Trunk builds this binary
//! (`data-type="worker"`); the app starts it on the first request (src/web/worker.rs).
//!
//! The loader (widget/worker-loader.js, written out by scripts/post-build.mjs) speaks the app's envelope
//! (src/web/worker.rs) and calls `handle` with each request's `body`:
//! - body: a string, the JSON of a [`Request`];
//! - `ok`: a string, the JSON of the rendered nodes (`Vec<Node>`);
//! - a refusal (thrown string): a message in Japanese and English.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use serde::Deserialize;
use tics_domain::markdown::render_under;

#[derive(Deserialize)]
pub struct Request {
    pub src: String,
    /// The heading level the text sits under (see `render_under`).
    pub under: u8,
}

/// The JSON of the nodes for one request's body, or why there are none.
pub fn answer(body: &str) -> Result<String, String> {
    let refused = || "Markdown の依頼が読めません / the Markdown request cannot be read".to_owned();
    let request: Request = serde_json::from_str(body).map_err(|_| refused())?;
    serde_json::to_string(&render_under(&request.src, request.under)).map_err(|_| refused())
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;

    /// The rendered nodes (JSON) for one request's body.
    #[wasm_bindgen]
    pub fn handle(body: JsValue) -> Result<String, String> {
        super::answer(&body.as_string().unwrap_or_default())
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
        let reply = answer(r##"{"src":"# T\n\n<script>x</script>\n\n[a](javascript:alert(1))","under":3}"##);
        let reply = reply.unwrap_or_default();
        assert!(reply.starts_with(r##"[{"e":{"el":{"h":4}"##), "{reply}");
        assert!(reply.contains(r#"{"t":"<script>"#), "raw HTML stays text: {reply}");
        assert!(!reply.contains("javascript:"), "the script link is dropped: {reply}");
    }

    #[test]
    fn refuses_what_is_not_a_request() {
        assert!(answer("not json").is_err());
        assert!(answer(r#"{"id":1}"#).is_err());
    }
}
