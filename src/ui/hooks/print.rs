//! The one way a part of the app is printed: the element a node ref points at, in a hidden frame with the app's
//! stylesheet (the report, the periodic report, the association's figures). The Word worker's document pages go
//! through the same frames (`web::print`).
use tics_domain::documents::DocInput;
use tics_domain::{Lang, Text};
use yew::prelude::*;

use crate::ui::state::busy::Busy;
use crate::web::{print, word};

/// A callback that prints what `target` points at, styled with `stylesheet` (without one, the whole window). A
/// plain function, not a hook: it keeps no state, so a view may make it after its early returns.
pub fn print_button(target: NodeRef, stylesheet: Option<AttrValue>, lang: Lang) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        if let Some(element) = target.cast::<web_sys::Element>() {
            let stylesheet = stylesheet.as_ref().map(|s| s.to_string());
            wasm_bindgen_futures::spawn_local(print::print_report(element, stylesheet, lang.tag()));
        }
    })
}

/// Prints the document `input` describes as A4 pages, laid out by the Word worker (loaded on first use), next to
/// the element `anchor` points at; `busy` shows meanwhile. `failed` hears why it could not be printed.
pub fn print_document(anchor: &NodeRef, input: DocInput, lang: Lang, busy: &Busy, failed: impl FnOnce(Text) + 'static) {
    let Some(element) = anchor.cast::<web_sys::Element>() else {
        return;
    };
    let busy = busy.clone();
    busy.start();
    wasm_bindgen_futures::spawn_local(async move {
        let page = word::html(&input).await;
        busy.finish();
        let printed = match page {
            Ok(page) => print::print_html(&element, &page, lang).await,
            Err(e) => Err(e),
        };
        if let Err(e) = printed {
            failed(e);
        }
    });
}
