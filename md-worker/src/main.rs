//! The Markdown web worker: renders Markdown that arrives at run time (an association's overlay: branding,
//! guidance and examples of its own items, a catalogue being checked) into the domain's safe node tree.
//!
//! Why a worker: pulldown-cmark is about a sixth of the app's compressed size, and the built-in content is
//! rendered when the app is built (tics-prerender), so most visitors never need it. Trunk builds this binary
//! under fixed names (`data-type="worker" data-loader-shim`); the app starts it on the first request.
//!
//! Protocol:
//! - worker → app, once, when it is ready: `true`. Messages posted before that are lost.
//! - app → worker: a string, the JSON of a [`Request`].
//! - worker → app: a string, the JSON of a [`Reply`] with the same `id`.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use serde::{Deserialize, Serialize};
use tics_domain::markdown::{render_under, Node};

#[derive(Deserialize)]
pub struct Request {
    pub id: u32,
    pub src: String,
    /// The heading level the text sits under (see `render_under`).
    pub under: u8,
}

#[derive(Serialize)]
pub struct Reply {
    pub id: u32,
    pub nodes: Vec<Node>,
}

/// The reply to one message; `None` if the message is not a request (then there is no one to answer).
pub fn answer(message: &str) -> Option<String> {
    let request: Request = serde_json::from_str(message).ok()?;
    serde_json::to_string(&Reply { id: request.id, nodes: render_under(&request.src, request.under) }).ok()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tics-md-worker runs only as a web worker (wasm32); `trunk build` builds it.");
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(reply) = event.data().as_string().as_deref().and_then(super::answer) {
                let _ = replies.post_message(&JsValue::from_str(&reply));
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let _ = scope.post_message(&JsValue::TRUE);
    }
}

#[cfg(test)]
mod tests {
    use super::answer;

    #[test]
    fn answers_a_request_with_its_id_and_safe_nodes() {
        let reply = answer(r##"{"id":7,"src":"# T\n\n<script>x</script>\n\n[a](javascript:alert(1))","under":3}"##);
        let reply = reply.unwrap_or_default();
        assert!(reply.starts_with(r##"{"id":7,"nodes":[{"e":{"el":{"h":4}"##), "{reply}");
        assert!(reply.contains(r#"{"t":"<script>"#), "raw HTML stays text: {reply}");
        assert!(!reply.contains("javascript:"), "the script link is dropped: {reply}");
    }

    #[test]
    fn ignores_what_is_not_a_request() {
        assert_eq!(answer("not json"), None);
        assert_eq!(answer(r#"{"id":1}"#), None);
    }
}
