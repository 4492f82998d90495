//! Mounting the app into a page: the full site and the widget that associations embed both go through here.
//!
//! The app renders inside an open shadow root of the host element, with its own stylesheet, so the host page's
//! CSS neither breaks it nor is broken by it. Each mount is independent (its own state and storage namespace);
//! [`Embedded::destroy`] removes everything it added.
use serde::Deserialize;
use tics_domain::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

use crate::ui::root::{App, AppProps};
use crate::ui::state::config::{Config, Mode, DEFAULT_NAMESPACE};

/// Options as the JavaScript `mount(element, options)` receives them (camelCase keys).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// "ja" (default) or "en".
    pub lang: Option<String>,
    /// "self-check" (default), "aggregate" (an association's view of its members' shared results) or
    /// "catalogue-check". "site" (the whole site, before its pages became plain HTML) now gives the self-check.
    pub mode: Option<String>,
    /// On a page of the TICS site, which carries the title, the language switch and the main landmark.
    pub in_site: bool,
    /// Storage namespace, so portals (and instances) do not mix their data.
    pub namespace: Option<String>,
    /// An association's overlay catalogue, already fetched (same-origin) or serialised by the loader.
    pub overlay_json: Option<String>,
    /// Why the loader could not get the overlay (shown to the user; the default catalogue is used).
    pub overlay_error: Option<String>,
    /// Absolute URL of the folder holding the app's files (for the Excel worker).
    pub asset_base: Option<String>,
    /// Absolute URL of the app's stylesheet (loaded into the shadow root and the print frame).
    pub stylesheet: Option<String>,
    /// Fields of the opt-in completion event; empty means no event.
    pub complete_event: Vec<String>,
    /// The workers' loaders with their SHA-384 digests, from the widget entry (see `web::worker`).
    pub workers: crate::web::worker::Workers,
    /// "off" turns off the reminder to download a result file (for portals that keep members' files otherwise).
    pub reminder: Option<String>,
}

/// A mounted app. Dropping it leaves the app running; call [`Embedded::destroy`] to remove it.
pub struct Embedded {
    app: Option<AppHandle<App>>,
    shadow: ShadowRoot,
}

fn shadow_of(host: &Element) -> Result<ShadowRoot, String> {
    if let Some(shadow) = host.shadow_root() {
        return Ok(shadow);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|_| {
        "この要素にはシャドウルートを付けられません / cannot attach a shadow root to this element".to_owned()
    })
}

/// Mounts the app into `host`'s shadow root.
pub fn mount(host: &Element, options: Options) -> Result<Embedded, String> {
    let document = host.owner_document().ok_or("no document")?;
    let shadow = shadow_of(host)?;
    let container = document.create_element("div").map_err(|_| "div")?;
    container.set_class_name("tics-root");
    if let Some(href) = &options.stylesheet {
        let link = document.create_element("link").map_err(|_| "link")?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        // Unstyled, the app would be laid out once and then jump when its stylesheet arrives (a layout shift
        // under the reader's eyes): it stays hidden until the stylesheet has loaded, or failed to. Set through
        // the CSSOM, not a style attribute, which a strict CSP (no 'unsafe-inline') refuses.
        let style = container.dyn_ref::<web_sys::HtmlElement>().map(web_sys::HtmlElement::style);
        if let Some(style) = &style {
            let _ = style.set_property("visibility", "hidden");
        }
        let reveal = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(style) = style {
                let _ = style.remove_property("visibility");
            }
        });
        let _ = link.add_event_listener_with_callback("load", reveal.unchecked_ref());
        let _ = link.add_event_listener_with_callback("error", reveal.unchecked_ref());
        let _ = shadow.append_child(&link);
    }
    let _ = shadow.append_child(&container);
    if let Some(base) = &options.asset_base {
        crate::web::assets::set_base(base);
    }
    let config = Config {
        namespace: options.namespace.unwrap_or_else(|| DEFAULT_NAMESPACE.to_owned()).into(),
        lang: Lang::from_tag(options.lang.as_deref().unwrap_or("ja")),
        mode: match options.mode.as_deref() {
            Some("aggregate") => Mode::Aggregate,
            Some("catalogue-check") => Mode::CatalogueCheck,
            _ => Mode::SelfCheck,
        },
        in_site: options.in_site || options.mode.as_deref() == Some("site"),
        overlay_json: options.overlay_json.map(Into::into),
        overlay_error: options.overlay_error.map(Into::into),
        stylesheet: options.stylesheet.map(Into::into),
        complete_fields: options.complete_event.into(),
        host: Some(host.clone()),
        reminder: options.reminder.as_deref() != Some("off"),
    };
    if config.in_site {
        // The browser offers to install the site once, soon after load; the self-check's reminder uses it.
        crate::web::keep::listen_for_install_offer();
    }
    let app = yew::Renderer::<App>::with_root_and_props(container, AppProps { config }).render();
    Ok(Embedded { app: Some(app), shadow })
}

impl Embedded {
    /// Removes the app, its listeners and every node it added to the shadow root.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        while let Some(child) = self.shadow.first_child() {
            let _ = self.shadow.remove_child(&child);
        }
    }
}
