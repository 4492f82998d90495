//! A Word document's two actions: download it as .docx, or print it as A4 from the browser. Both ask the Word
//! worker (loaded on first use) with the small input the self-check gives (`tics_domain::documents::input`).
use std::rc::Rc;

use tics_domain::documents::input;
use tics_domain::export::{downloaded, DOCX_TYPE};
use tics_domain::library::Entry;
use tics_domain::tables::file_name;
use tics_domain::templates::{DocKind, Template};
use yew::prelude::*;

use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};
use crate::web::{clock, download, perf, print, word};

#[derive(Properties, PartialEq)]
pub struct DocumentButtonsProps {
    pub kind: DocKind,
    pub entry: Rc<Entry>,
}

#[component(DocumentButtons)]
pub fn document_buttons(props: &DocumentButtonsProps) -> Html {
    // `working` is the guard, read when clicked (see `ExportButton`); `busy` drives the labels.
    let working = use_mut_ref(|| false);
    let busy = use_state(|| false);
    let anchor = use_node_ref();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let template = Template::Document(props.kind);
    let title = say(template.title(), lang);

    let on_docx = {
        let (sc, entry, busy, working, kind) =
            (sc.clone(), props.entry.clone(), busy.clone(), working.clone(), props.kind);
        Callback::from(move |_| {
            // Busy: the buttons stay focusable (aria-disabled), and a second click waits for the first.
            if *working.borrow() {
                return;
            }
            let made = input(kind, &sc.catalogue, &entry.check, sc.lang);
            let name = file_name(&entry.name, &clock::today(), template.key(), "docx");
            let (sc, busy, working) = (sc.clone(), busy.clone(), working.clone());
            *working.borrow_mut() = true;
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                perf::start("tics:export-docx");
                let bytes = word::docx(&made).await;
                perf::end("tics:export-docx");
                *working.borrow_mut() = false;
                busy.set(false);
                match bytes.and_then(|b| download::download(&b, &name, DOCX_TYPE)) {
                    Ok(()) => sc.flash(downloaded(&name)),
                    Err(e) => sc.fail(e),
                }
            });
        })
    };
    let on_print = {
        let (sc, entry, busy, working, kind, anchor) =
            (sc.clone(), props.entry.clone(), busy.clone(), working.clone(), props.kind, anchor.clone());
        Callback::from(move |_| {
            if *working.borrow() {
                return;
            }
            let Some(element) = anchor.cast::<web_sys::Element>() else {
                return;
            };
            let made = input(kind, &sc.catalogue, &entry.check, sc.lang);
            let (sc, busy, working, lang) = (sc.clone(), busy.clone(), working.clone(), sc.lang);
            *working.borrow_mut() = true;
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let page = word::html(&made).await;
                *working.borrow_mut() = false;
                busy.set(false);
                let printed = match page {
                    Ok(page) => print::print_html(&element, &page, lang).await,
                    Err(e) => Err(e),
                };
                if let Err(e) = printed {
                    sc.fail(e);
                }
            });
        })
    };
    let busy_attr = (*busy).then_some("true");
    html! {
        <>
            <button type="button" ref={anchor} onclick={on_docx} aria-disabled={busy_attr}
                data-testid={format!("template-{}-docx", template.key())}>
                { if *busy { t(lang, "作成中…", "Making it…").to_owned() } else { format!("{}: {title}", t(lang, "Word をダウンロード", "Download Word")) } }
            </button>
            <button type="button" onclick={on_print} aria-disabled={busy_attr} data-testid={format!("template-{}-print", template.key())}>
                { format!("{}: {title}", t(lang, "印刷（A4）", "Print (A4)")) }
            </button>
        </>
    }
}
