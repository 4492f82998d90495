//! A link to a place inside the app. It scrolls and moves focus itself instead of changing `location.hash`,
//! which belongs to the site's routes (or to the host page, when embedded).
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JumpLinkProps {
    /// The id of the target element (which should have `tabindex="-1"`).
    pub target: AttrValue,
    pub children: Html,
}

#[function_component(JumpLink)]
pub fn jump_link(props: &JumpLinkProps) -> Html {
    let target = props.target.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let Some(link) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        // Search from the app's root so it works inside a shadow root too.
        let found = link
            .closest(".tics-app")
            .ok()
            .flatten()
            .and_then(|app| app.query_selector(&format!("#{target}")).ok().flatten());
        if let Some(el) = found.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    html! { <a href={format!("#{}", props.target)} {onclick}>{ props.children.clone() }</a> }
}
