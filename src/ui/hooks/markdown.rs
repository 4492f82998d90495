//! Text rendered off the main thread: an overlay's Markdown by the Markdown worker (`web::markdown`), and the
//! built-in catalogue's guidance, fetched already rendered on first opening (`web::guidance`).
use std::rc::Rc;

use tics_domain::markdown::RenderedGuidance;
use tics_domain::Text;
use yew::prelude::*;

use crate::web::guidance;
use crate::web::markdown::{self, Rendered};

/// `source` rendered under a heading of level `under`: `None` while the worker renders it, `Some(None)` if it
/// cannot be rendered (show the text itself).
#[hook]
pub fn use_markdown(source: AttrValue, under: u8) -> Option<Option<Rendered>> {
    let key = (source, under);
    let done = use_state(|| None::<((AttrValue, u8), Option<Rendered>)>);
    {
        let done = done.clone();
        use_effect_with(key.clone(), move |key| {
            if markdown::cached(&key.0, key.1).is_none() {
                let key = key.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let rendered = markdown::render(&key.0, key.1).await.ok();
                    done.set(Some((key, rendered)));
                });
            }
        });
    }
    match markdown::cached(&key.0, key.1) {
        Some(nodes) => Some(Some(nodes)),
        None => done.as_ref().filter(|(k, _)| *k == key).map(|(_, r)| r.clone()),
    }
}

/// The guidance of `item` in the built-in catalogue of `version`, fetched when the component first renders if
/// `fetch` says so: `None` until it arrives.
#[hook]
pub fn use_guidance(version: String, item: String, fetch: bool) -> Option<Result<Rc<RenderedGuidance>, Text>> {
    let fetched = use_state(|| None::<Result<Rc<RenderedGuidance>, Text>>);
    {
        let fetched = fetched.clone();
        use_effect_with((), move |_| {
            if fetch {
                wasm_bindgen_futures::spawn_local(
                    async move { fetched.set(Some(guidance::fetch(&version, &item).await)) },
                );
            }
        });
    }
    (*fetched).clone()
}
