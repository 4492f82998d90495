//! Printing only the report. The report is copied into a hidden frame inside the app's own shadow root and that
//! frame is printed, so an embedded widget prints its report and not the host page (and the standalone site
//! prints the report without its navigation). Without a known stylesheet it falls back to printing the window.
use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlIFrameElement};

const FRAME_CLASS: &str = "tics-print-frame";

/// Prints `report` (an element of the app) styled with `stylesheet`.
pub async fn print_report(report: Element, stylesheet: Option<String>, lang: &str) {
    let Some(stylesheet) = stylesheet else {
        super::download::print();
        return;
    };
    if print_in_frame(&report, &stylesheet, lang).await.is_none() {
        super::download::print();
    }
}

async fn print_in_frame(report: &Element, stylesheet: &str, lang: &str) -> Option<()> {
    let document = report.owner_document()?;
    // The frame lives in the app's shadow root (outside the part Yew renders), one per app, kept hidden for the
    // next print; destroying the app empties the shadow root and removes it too.
    let root = report.get_root_node();
    let holder: web_sys::Node = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.clone().into(),
        None => document.body()?.into(),
    };
    let existing = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.query_selector(&format!("iframe.{FRAME_CLASS}")).ok()?,
        None => document.query_selector(&format!("iframe.{FRAME_CLASS}")).ok()?,
    };
    let frame: HtmlIFrameElement = match existing {
        Some(existing) => existing.dyn_into().ok()?,
        None => {
            let frame: HtmlIFrameElement = document.create_element("iframe").ok()?.dyn_into().ok()?;
            frame.set_class_name(FRAME_CLASS);
            frame.set_title("print");
            let _ = frame.set_attribute("aria-hidden", "true");
            let _ = frame.set_attribute("tabindex", "-1");
            holder.append_child(&frame).ok()?;
            frame
        }
    };
    let inner = frame.content_document()?;
    let html = inner.document_element()?;
    let _ = html.set_attribute("lang", lang);
    let head = inner.head()?;
    let body = inner.body()?;
    head.set_inner_html("");
    body.set_inner_html("");
    let title = document.title();
    inner.set_title(&title);
    let link = inner.create_element("link").ok()?;
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", stylesheet);
    let loaded = Promise::new(&mut |resolve, reject| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &reject);
    });
    head.append_child(&link).ok()?;
    let wrapper = inner.create_element("div").ok()?;
    wrapper.set_class_name("tics-app tics-printing");
    let _ = wrapper.set_attribute("lang", lang);
    let copy = inner.import_node_with_deep(report, true).ok()?;
    wrapper.append_child(&copy).ok()?;
    body.append_child(&wrapper).ok()?;
    JsFuture::from(loaded).await.ok()?;
    frame.content_window()?.print().ok()
}
