//! The built-in catalogue's guidance and examples, fetched once, when a user first opens "解説と例".
//!
//! Why: they are most of the catalogue's text, and few users open more than a few items; leaving them out of
//! the WebAssembly makes the self-check start sooner. build.rs puts [`LAZY`] in their place, and
//! `tics-prerender` (run by scripts/post-build.mjs) writes `catalogue-guidance-<version>.json`, already rendered
//! from Markdown to safe node trees.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use tics_domain::markdown::RenderedGuidance;
use tics_domain::Text;

/// What build.rs puts where the guidance will be fetched.
pub const LAZY: &str = "(lazy)";

type Table = Rc<HashMap<String, Rc<RenderedGuidance>>>;

thread_local! {
    static LOADED: RefCell<Option<Table>> = const { RefCell::new(None) };
}

/// True when `text` stands for guidance still to be fetched.
pub fn is_lazy(text: &Text) -> bool {
    text.ja == LAZY
}

/// The guidance of item `id` in the built-in catalogue `version`.
pub async fn fetch(version: &str, id: &str) -> Result<Rc<RenderedGuidance>, Text> {
    let missing = || Text::new("解説を読み込めませんでした。", "The guidance could not be loaded.");
    let table = match LOADED.with(|l| l.borrow().clone()) {
        Some(table) => table,
        None => {
            let json = super::assets::text(&format!("catalogue-guidance-{version}.json")).await?;
            let table: HashMap<String, RenderedGuidance> = serde_json::from_str(&json).map_err(|_| missing())?;
            let table: Table = Rc::new(table.into_iter().map(|(id, g)| (id, Rc::new(g))).collect());
            LOADED.with(|l| *l.borrow_mut() = Some(table.clone()));
            table
        }
    };
    table.get(id).cloned().ok_or_else(missing)
}
