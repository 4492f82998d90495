//! The one way a part of the app is printed: the element a node ref points at, in a hidden frame with the app's
//! stylesheet (the report, the periodic report, the association's figures). The Word worker's document pages go
//! through the same frames (`web::print`).
use tics_domain::Lang;
use yew::prelude::*;

use crate::web::print;

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
