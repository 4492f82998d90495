//! A Word document's two actions: download it as .docx, or print it as A4 from the browser. Both ask the Word
//! worker (loaded on first use) with the small input the self-check gives (`tics_domain::documents::input`).
use std::rc::Rc;

use tics_domain::documents::input;
use tics_domain::export::downloaded;
use tics_domain::library::Entry;
use tics_domain::tables::file_name;
use tics_domain::templates::{DocKind, Template};
use yew::prelude::*;

use crate::ui::hooks::download::use_download;
use crate::ui::hooks::print::print_document;
use crate::ui::state::busy::use_busy;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq)]
pub struct DocumentButtonsProps {
    pub kind: DocKind,
    pub entry: Rc<Entry>,
}

#[component(DocumentButtons)]
pub fn document_buttons(props: &DocumentButtonsProps) -> Html {
    let download = use_download();
    let busy = use_busy();
    let anchor = use_node_ref();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let template = Template::Document(props.kind);
    let title = say(template.title(), lang);

    let on_docx = {
        let (sc, entry, busy, download, kind) =
            (sc.clone(), props.entry.clone(), busy.clone(), download.clone(), props.kind);
        Callback::from(move |_| {
            // Busy: the buttons stay focusable (aria-disabled), and a second click waits for the first.
            if busy.running() || download.running() {
                return;
            }
            let made = input(kind, &sc.catalogue, &entry.check, sc.lang);
            // A document is the business's: named after it, or the self-check while the business has no name.
            let business = entry.check.profile.organisation.trim();
            let whose = if business.is_empty() { entry.name.as_str() } else { business };
            let name = file_name(&say(template.title(), sc.lang), whose, &sc.today(), "docx");
            let sc = sc.clone();
            download.document(name, made, move |result| match result {
                Ok(name) => sc.flash(downloaded(&name)),
                Err(e) => sc.fail(e),
            });
        })
    };
    let on_print = {
        let (sc, entry, busy, download, kind, anchor) =
            (sc.clone(), props.entry.clone(), busy.clone(), download.clone(), props.kind, anchor.clone());
        Callback::from(move |_| {
            if busy.running() || download.running() {
                return;
            }
            let made = input(kind, &sc.catalogue, &entry.check, sc.lang);
            let failed = {
                let sc = sc.clone();
                move |e| sc.fail(e)
            };
            print_document(&anchor, made, sc.lang, &busy, failed);
        })
    };
    let working = busy.shown() || download.shown();
    let busy_attr = working.then_some("true");
    html! {
        <>
            <button type="button" ref={anchor} onclick={on_docx} aria-disabled={busy_attr}
                data-testid={format!("template-{}-docx", template.key())}>
                { if working { t(lang, "作成中…", "Making it…").to_owned() } else { format!("{}: {title}", t(lang, "Word をダウンロード", "Download Word")) } }
            </button>
            <button type="button" onclick={on_print} aria-disabled={busy_attr} data-testid={format!("template-{}-print", template.key())}>
                { format!("{}: {title}", t(lang, "印刷（A4）", "Print (A4)")) }
            </button>
        </>
    }
}
