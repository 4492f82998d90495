//! Markdown that arrives at run time (an association's overlay: its branding, its own items' guidance and
//! examples, a catalogue being checked), rendered by a web worker that is loaded on first need.
//!
//! Why: pulldown-cmark is about a sixth of the app's compressed size. The built-in content (site pages, the
//! built-in catalogue's guidance) is rendered when the app is built (`tics-prerender`), so most visitors never
//! need the parser at all. Starting, replies, time-outs and failures are handled by [`super::worker`]; the
//! request and reply bodies are described in md-worker/src/main.rs.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use tics_domain::content::Request;
use tics_domain::markdown::Node;
use tics_domain::Text;
use wasm_bindgen::JsValue;

use super::worker::{self, Kind, Spec};

/// How long rendering one text may take, the worker's download included the first time. Until then the text is
/// not shown at all, so this is shorter than Excel's; afterwards it is shown as plain text.
pub const TIMEOUT_MS: i32 = 10_000;

const SPEC: Spec = Spec { kind: Kind::Markdown, timeout_ms: TIMEOUT_MS, unavailable: failed, timed_out };

pub type Rendered = Rc<Vec<Node>>;

thread_local! {
    /// Texts already rendered, so a text shown again (the other language, a card opened twice) is not re-sent.
    static CACHE: RefCell<HashMap<(String, u8), Rendered>> = RefCell::new(HashMap::new());
}

/// `src` rendered under a heading of level `under`, if it has been rendered before.
pub fn cached(src: &str, under: u8) -> Option<Rendered> {
    CACHE.with(|c| c.borrow().get(&(src.to_owned(), under)).cloned())
}

/// `src` rendered under a heading of level `under`. The first call loads the worker.
pub async fn render(src: &str, under: u8) -> Result<Rendered, Text> {
    if let Some(hit) = cached(src, under) {
        return Ok(hit);
    }
    let request = serde_json::to_string(&Request::Markdown { src: src.to_owned(), under }).map_err(|_| failed())?;
    let reply = worker::request(&SPEC, &JsValue::from_str(&request)).await?;
    let nodes: Vec<Node> = reply.as_string().and_then(|s| serde_json::from_str(&s).ok()).ok_or_else(failed)?;
    let nodes = Rc::new(nodes);
    CACHE.with(|c| c.borrow_mut().insert((src.to_owned(), under), nodes.clone()));
    Ok(nodes)
}

fn failed() -> Text {
    Text::new("書式付きの文章を表示できませんでした。", "The formatted text could not be shown.")
}

fn timed_out() -> Text {
    Text::new("書式付きの文章の準備が時間内に終わりませんでした。", "Preparing the formatted text took too long.")
}
