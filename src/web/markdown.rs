//! Markdown that arrives at run time (an association's overlay: its branding, its own items' guidance and
//! examples, a catalogue being checked), rendered by a web worker that is loaded on first need.
//!
//! Why: pulldown-cmark is about a sixth of the app's compressed size. The built-in content (site pages, the
//! built-in catalogue's guidance) is rendered when the app is built (`tics-prerender`), so most visitors never
//! need the parser at all. Protocol: see md-worker/src/main.rs.
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Promise};
use serde::Deserialize;
use tics_domain::markdown::Node;
use tics_domain::Text;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Trunk's loader for the worker (`data-loader-shim`), beside the app's other files, not hashed.
const WORKER_FILE: &str = "tics-md-worker_loader.js";

pub type Rendered = Rc<Vec<Node>>;

thread_local! {
    /// The worker: a promise of it, made once, so that requests made while it starts share one worker.
    static WORKER: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// Requests waiting for their reply, by ID: how to resolve or reject each one's promise.
    static PENDING: RefCell<HashMap<u32, (Function, Function)>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    /// Texts already rendered, so a text shown again (the other language, a card opened twice) is not re-sent.
    static CACHE: RefCell<HashMap<(String, u8), Rendered>> = RefCell::new(HashMap::new());
}

/// A reply's nodes (its `id` was read when it arrived).
#[derive(Deserialize)]
struct Reply {
    nodes: Vec<Node>,
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
    let worker = worker().await?;
    let id = NEXT_ID.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    let reply = Promise::new(&mut |resolve, reject| {
        PENDING.with(|p| p.borrow_mut().insert(id, (resolve, reject)));
    });
    let request = serde_json::json!({ "id": id, "src": src, "under": under }).to_string();
    if worker.post_message(&JsValue::from_str(&request)).is_err() {
        PENDING.with(|p| p.borrow_mut().remove(&id));
        return Err(failed());
    }
    let data = JsFuture::from(reply).await.map_err(|_| failed())?;
    let reply: Reply = data.as_string().and_then(|s| serde_json::from_str(&s).ok()).ok_or_else(failed)?;
    let nodes = Rc::new(reply.nodes);
    CACHE.with(|c| c.borrow_mut().insert((src.to_owned(), under), nodes.clone()));
    Ok(nodes)
}

async fn worker() -> Result<Worker, Text> {
    let starting = match WORKER.with(|w| w.borrow().clone()) {
        Some(promise) => promise,
        None => {
            let promise = start();
            WORKER.with(|w| *w.borrow_mut() = Some(promise.clone()));
            promise
        }
    };
    match JsFuture::from(starting).await {
        Ok(worker) => Ok(worker.unchecked_into()),
        Err(_) => Err(failed()),
    }
}

/// Starts the worker. The promise resolves with it once it says it listens (`true`); after that its messages
/// are replies. If it cannot load, or traps later, every waiting request fails and the next one starts anew.
fn start() -> Promise {
    Promise::new(&mut |resolve, reject| {
        let worker = match Worker::new(&super::assets::url(WORKER_FILE)) {
            Ok(worker) => worker,
            Err(e) => {
                WORKER.with(|w| *w.borrow_mut() = None);
                let _ = reject.call1(&JsValue::NULL, &e);
                return;
            }
        };
        let ready = worker.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if data.as_bool() == Some(true) {
                let _ = resolve.call1(&JsValue::NULL, &ready);
            } else if let Some(id) = data.as_string().and_then(|s| reply_id(&s)) {
                if let Some((resolve, _)) = PENDING.with(|p| p.borrow_mut().remove(&id)) {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            }
        });
        let failing = worker.clone();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            failing.terminate();
            WORKER.with(|w| *w.borrow_mut() = None);
            let _ = reject.call1(&JsValue::NULL, &e);
            for (_, (_, reject)) in PENDING.with(|p| p.borrow_mut().drain().collect::<Vec<_>>()) {
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // Both live as long as the worker, which serves every widget on the page.
        on_message.forget();
        on_error.forget();
    })
}

fn reply_id(json: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Id {
        id: u32,
    }
    serde_json::from_str::<Id>(json).ok().map(|r| r.id)
}

fn failed() -> Text {
    Text::new("書式付きの文章を表示できませんでした。", "The formatted text could not be shown.")
}
