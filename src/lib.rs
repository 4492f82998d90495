//! TICS Self-Check web app: Yew components (`ui`) over the pure domain crate, with the browser edge in `web`.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod ui;
pub mod web;

/// Mounts the app into `element`. Returns nothing; the app lives as long as the page.
pub fn mount(element: web_sys::Element) {
    let props = ui::app::AppProps { namespace: ui::app::DEFAULT_NAMESPACE.into(), lang: tics_domain::Lang::Ja };
    yew::Renderer::<ui::app::App>::with_root_and_props(element, props).render();
}

/// Starts the full page: mounts into the element with id `tics-self-check`, or into `<body>` if it is missing.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let root = document.get_element_by_id("tics-self-check").or_else(|| document.body().map(Into::into));
    if let Some(root) = root {
        mount(root);
    }
}
