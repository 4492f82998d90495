//! Reading what a person typed or chose from an event on a text field, text area or select.
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The value of the `<input>`, `<textarea>` or `<select>` the event came from.
pub fn value(e: &Event) -> String {
    if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
        s.value()
    } else {
        e.target_unchecked_into::<HtmlInputElement>().value()
    }
}
