//! Printing only the report, or a document page made by the Word worker. Either is put into a hidden frame inside
//! the app's own shadow root and that frame is printed, so an embedded widget prints its report and not the host
//! page (and the standalone site prints the report without its navigation). Without a known stylesheet the
//! report falls back to printing the window.
use js_sys::{Array, Promise, Reflect};
use tics_domain::{Lang, Text};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlIFrameElement};

/// The report's frame, and the documents' frame: apart, so that a document's adopted style sheet never reaches
/// the report. Both carry `tics-print-frame`, which the app's stylesheet hides.
const REPORT_FRAME: (&str, &str) = ("iframe.tics-print-frame:not(.tics-print-document)", "tics-print-frame");
const DOCUMENT_FRAME: (&str, &str) = ("iframe.tics-print-document", "tics-print-frame tics-print-document");

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

/// One of the app's hidden print frames, `(selector, classes)` (made on first use), found from any element of
/// the app.
fn print_frame(anchor: &Element, (selector, classes): (&str, &str)) -> Option<(Document, HtmlIFrameElement)> {
    let document = anchor.owner_document()?;
    // The frame lives in the app's shadow root (outside the part Yew renders), one per app, kept hidden for the
    // next print; destroying the app empties the shadow root and removes it too.
    let root = anchor.get_root_node();
    let holder: web_sys::Node = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.clone().into(),
        None => document.body()?.into(),
    };
    let existing = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.query_selector(selector).ok()?,
        None => document.query_selector(selector).ok()?,
    };
    let frame: HtmlIFrameElement = match existing {
        Some(existing) => existing.dyn_into().ok()?,
        None => {
            let frame: HtmlIFrameElement = document.create_element("iframe").ok()?.dyn_into().ok()?;
            frame.set_class_name(classes);
            frame.set_title("print");
            let _ = frame.set_attribute("aria-hidden", "true");
            let _ = frame.set_attribute("tabindex", "-1");
            holder.append_child(&frame).ok()?;
            frame
        }
    };
    Some((document, frame))
}

async fn print_in_frame(report: &Element, stylesheet: &str, lang: &str) -> Option<()> {
    let (document, frame) = print_frame(report, REPORT_FRAME)?;
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

/// Prints `page`, a complete HTML page made by the Word worker (the web edge asks it), on its own: its body goes
/// into the app's document print frame and its one style sheet is applied there with the CSSOM. A `<style>` element or
/// `style` attributes would be refused under a strict Content-Security-Policy (`style-src 'self'`); a style sheet
/// made with `new CSSStyleSheet()` is not. `anchor` is any element of the app, to find its print frame.
///
/// The page's text is escaped by its maker; setting it as the frame's HTML runs no script (the frame's document
/// never runs scripts inserted this way).
pub async fn print_html(anchor: &Element, page: &str, lang: Lang) -> Result<(), Text> {
    let failed = || {
        Text::new(
            "印刷の準備ができませんでした。もう一度お試しください。",
            "Printing could not be prepared. Please try again.",
        )
    };
    let part = |open: &str, close: &str| -> Option<String> {
        let start = page.find(open)? + open.len();
        let end = start + page[start..].find(close)?;
        Some(page[start..end].to_owned())
    };
    let body_html = part("<body>", "</body>").ok_or_else(failed)?;
    let css = part("<style>", "</style>").unwrap_or_default();
    let title = part("<title>", "</title>").unwrap_or_default();
    let (_, frame) = print_frame(anchor, DOCUMENT_FRAME).ok_or_else(failed)?;
    let inner = frame.content_document().ok_or_else(failed)?;
    let window = frame.content_window().ok_or_else(failed)?;
    let root = inner.document_element().ok_or_else(failed)?;
    let _ = root.set_attribute("lang", lang.tag());
    let head = inner.head().ok_or_else(failed)?;
    let body = inner.body().ok_or_else(failed)?;
    head.set_inner_html("");
    body.set_inner_html("");
    if let Ok(title_element) = inner.create_element("title") {
        // Escaped by the worker, so set as HTML: the browser's print header shows the document's title.
        title_element.set_inner_html(&title);
        let _ = head.append_child(&title_element);
    }
    adopt_style_sheet(&inner, &window, &css).ok_or_else(failed)?;
    body.set_inner_html(&body_html);
    // Yu Mincho and Yu Gothic are local fonts, but the frame may still be loading them: printing waits for them.
    if let Ok(ready) = Reflect::get(&inner, &"fonts".into()).and_then(|fonts| Reflect::get(&fonts, &"ready".into())) {
        if let Ok(ready) = ready.dyn_into::<Promise>() {
            let _ = JsFuture::from(ready).await;
        }
    }
    window.print().map_err(|_| failed())
}

/// Applies `css` to the frame's document: a constructed style sheet from the frame's own realm (a sheet must be
/// made by the document that adopts it), or, where browsers lack those, a `<style>` element.
fn adopt_style_sheet(inner: &Document, window: &web_sys::Window, css: &str) -> Option<()> {
    let constructed = (|| -> Result<(), JsValue> {
        let constructor: js_sys::Function = Reflect::get(window, &"CSSStyleSheet".into())?.dyn_into()?;
        let sheet = Reflect::construct(&constructor, &Array::new())?;
        let replace: js_sys::Function = Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
        replace.call1(&sheet, &css.into())?;
        if !Reflect::has(inner, &"adoptedStyleSheets".into())? {
            return Err(JsValue::NULL);
        }
        Reflect::set(inner, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;
        Ok(())
    })();
    if constructed.is_ok() {
        return Some(());
    }
    let style = inner.create_element("style").ok()?;
    style.set_text_content(Some(css));
    inner.head()?.append_child(&style).ok()?;
    Some(())
}
