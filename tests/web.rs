//! Browser tests (wasm-bindgen-test in headless Chromium): key components render and dispatch.
//! They wait for Yew's scheduler (`yew::scheduler::flush`, which since Yew 0.22 may yield to the browser between
//! renders) until the DOM shows the result — never by sleeping.
#![cfg(target_arch = "wasm32")]

use tics_self_check::ui::components::nodes::{Nodes, NodesProps};
use tics_self_check::ui::root::{App, AppProps};
use tics_self_check::ui::state::config::Config;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn fresh_root() -> Element {
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    root
}

/// Lets Yew finish its pending work, then yields a microtask (for futures the app spawned), until `check`
/// holds (at most 200 turns).
async fn until(mut check: impl FnMut() -> bool) {
    for _ in 0..200 {
        if check() {
            return;
        }
        yew::scheduler::flush().await;
        let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        wasm_bindgen_futures::JsFuture::from(resolved).await.expect("microtask");
    }
    panic!("condition not reached");
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector).ok().flatten().and_then(|e| e.text_content()).unwrap_or_default()
}

fn mount_app(namespace: &str) -> Element {
    let root = fresh_root();
    let props = AppProps { config: Config { namespace: namespace.to_owned().into(), ..Config::default() } };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

#[wasm_bindgen_test]
async fn app_renders_every_topic_and_the_summary() {
    let root = mount_app("web-test-render");
    until(|| root.query_selector("[data-testid=summary]").ok().flatten().is_some()).await;
    for topic in [
        "identify",
        "mark",
        "manager",
        "process",
        "training",
        "incident",
        "access",
        "physical",
        "electronic",
        "thirdparty",
    ] {
        assert!(root.query_selector(&format!("[data-testid=topic-{topic}]")).unwrap().is_some(), "topic {topic}");
    }
    assert!(text_of(&root, ".tics-title").contains("セルフチェック"));
}

#[wasm_bindgen_test]
async fn answering_an_item_updates_the_summary_and_storage() {
    let namespace = "web-test-answer";
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item(&format!("{namespace}:state")).unwrap();
    let root = mount_app(namespace);
    until(|| root.query_selector("[data-testid=answered]").ok().flatten().is_some()).await;
    assert!(text_of(&root, "[data-testid=answered]").starts_with("0 /"));

    let radio: HtmlInputElement = root
        .query_selector("[data-testid=status-identify-procedure-done]")
        .unwrap()
        .expect("radio")
        .dyn_into()
        .unwrap();
    radio.click();
    until(|| text_of(&root, "[data-testid=answered]").starts_with("1 /")).await;
    let saved = storage.get_item(&format!("{namespace}:state")).unwrap().unwrap_or_default();
    assert!(saved.contains("\"identify-procedure\"") && saved.contains("\"done\""), "saved: {saved}");
}

#[wasm_bindgen_test]
async fn choosing_a_form_brings_its_items_into_the_self_check() {
    let root = mount_app("web-test-forms");
    let container_item = "[data-testid=status-physical-container-storage-done]";
    until(|| root.query_selector("[data-testid=form-container]").ok().flatten().is_some()).await;
    assert!(root.query_selector(container_item).unwrap().is_none());
    let checkbox: HtmlElement =
        root.query_selector("[data-testid=form-container]").unwrap().unwrap().dyn_into().unwrap();
    checkbox.click();
    until(|| root.query_selector(container_item).ok().flatten().is_some()).await;
}

#[wasm_bindgen_test]
async fn language_toggle_switches_to_english() {
    let root = mount_app("web-test-lang");
    until(|| root.query_selector("[data-testid=lang-toggle]").ok().flatten().is_some()).await;
    let button: HtmlElement = root.query_selector("[data-testid=lang-toggle]").unwrap().unwrap().dyn_into().unwrap();
    button.click();
    until(|| text_of(&root, ".tics-title") == "TICS Self-Check").await;
    assert_eq!(root.query_selector("[data-testid=app]").unwrap().unwrap().get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn markdown_component_shows_raw_html_as_text_and_drops_script_links() {
    let root = fresh_root();
    let source = "<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [ok](https://example.jp/)";
    let nodes = std::rc::Rc::new(tics_domain::markdown::render(source));
    yew::Renderer::<Nodes>::with_root_and_props(root.clone(), NodesProps { nodes }).render();
    until(|| root.query_selector(".tics-md").ok().flatten().is_some()).await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.text_content().unwrap_or_default().contains("<img src=x onerror=alert(1)>"));
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1);
    let href = links.get(0).unwrap().dyn_into::<Element>().unwrap().get_attribute("href");
    assert_eq!(href.as_deref(), Some("https://example.jp/"));
}

#[wasm_bindgen_test]
async fn a_tree_from_a_file_cannot_carry_a_script_link() {
    // Trees also come from files rendered at build time; a tampered one still gets no script URL.
    let root = fresh_root();
    let tree = r#"[{"e":{"el":"a","href":"javascript:alert(1)","c":[{"t":"x"}]}},{"e":{"el":"a","href":"https://example.jp/","c":[{"t":"ok"}]}}]"#;
    let nodes = std::rc::Rc::new(serde_json::from_str(tree).expect("a tree"));
    yew::Renderer::<Nodes>::with_root_and_props(root.clone(), NodesProps { nodes }).render();
    until(|| root.query_selector(".tics-md").ok().flatten().is_some()).await;
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2);
    let hrefs: Vec<Option<String>> =
        (0..2).map(|i| links.get(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("href")).collect();
    assert_eq!(hrefs, vec![None, Some("https://example.jp/".to_owned())]);
}

#[wasm_bindgen_test]
async fn a_document_page_prints_in_the_apps_own_frame_with_its_style_sheet_adopted() {
    // The widget's situation: the app lives in a shadow root, and its print frame must be made there.
    let host = fresh_root();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).expect("shadow root");
    let anchor = document().create_element("div").expect("div");
    shadow.append_child(&anchor).expect("append");
    // The shape of the Word worker's pages (tics_domain::drafts::html), with escaped text.
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>R&amp;D rules</title>\
                <style>@page{size:A4}h1{font-weight:900}</style></head><body><main class=\"doc\"><h1>Rules</h1>\
                <p>&lt;script&gt;alert(1)&lt;/script&gt;</p></main></body></html>";
    tics_self_check::web::print::print_html(&anchor, page, tics_domain::Lang::En).await.expect("printed");
    let frame: web_sys::HtmlIFrameElement =
        shadow.query_selector("iframe.tics-print-document").unwrap().expect("the print frame").dyn_into().unwrap();
    let inner = frame.content_document().expect("its document");
    assert_eq!(inner.title(), "R&D rules");
    assert_eq!(inner.document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    let shown = inner.body().unwrap().text_content().unwrap_or_default();
    assert_eq!(shown, "Rules<script>alert(1)</script>");
    assert!(inner.query_selector("script").unwrap().is_none(), "text stays text");
    // The style sheet is adopted, not an inline <style>, which a strict CSP would refuse.
    assert!(inner.query_selector("style").unwrap().is_none());
    let adopted = js_sys::Reflect::get(&inner, &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(js_sys::Array::from(&adopted).length(), 1);
    // Hidden like the report's frame, kept apart from it, and reused for the next document.
    assert!(frame.class_name().split_whitespace().any(|c| c == "tics-print-frame"));
    tics_self_check::web::print::print_html(&anchor, page, tics_domain::Lang::En).await.expect("printed again");
    assert_eq!(shadow.query_selector_all("iframe").unwrap().length(), 1);
    let adopted = js_sys::Reflect::get(&inner, &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(js_sys::Array::from(&adopted).length(), 1);
}
