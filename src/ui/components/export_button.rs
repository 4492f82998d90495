//! A button that makes one download of the open self-check (see `hooks::export`), with a busy state while a
//! worker writes a workbook.
use std::rc::Rc;

use tics_domain::export::ExportKind;
use tics_domain::library::Entry;
use yew::prelude::*;

use crate::ui::hooks::export::use_export;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::t;

#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    pub kind: ExportKind,
    pub entry: Rc<Entry>,
    pub label: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// `data-testid` of the button.
    pub test_id: AttrValue,
}

#[component(ExportButton)]
pub fn export_button(props: &ExportButtonProps) -> Html {
    let exporter = use_export();
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let onclick = {
        let (exporter, entry, kind) = (exporter.clone(), props.entry.clone(), props.kind);
        // Busy: the button stays focusable (aria-disabled), and a second click waits for the first.
        Callback::from(move |_| exporter.make(&sc, kind, &entry))
    };
    html! {
        <button type="button" id={props.id.clone()} {onclick} aria-disabled={exporter.shown().then_some("true")}
            data-testid={props.test_id.clone()}>
            { if exporter.shown() { t(lang, "Excel を作成中…", "Making the Excel file…").into() } else { props.label.clone() } }
        </button>
    }
}
