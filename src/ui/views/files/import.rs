//! Loading a saved JSON file: choose it, see what it holds and any warnings, then add it as a new self-check or
//! replace the open one (after confirming).
use std::rc::Rc;

use tics_domain::envelope::Imported;
use yew::prelude::*;

use crate::ui::components::catalogue_changes::CatalogueChanges;
use crate::ui::hooks::files::{import, take_chosen};
use crate::ui::state::context::use_self_check;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::t;
use crate::ui::state::reducer::Msg;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub pending: Option<Rc<Imported>>,
}

#[component(ImportPanel)]
pub fn import_panel(props: &ImportPanelProps) -> Html {
    let sc = use_self_check();
    let confirm_replace = use_state(|| false);
    let Some(sc) = sc else {
        return Html::default();
    };
    let lang = sc.lang;
    let on_file = {
        let (sc, confirm_replace) = (sc.clone(), confirm_replace.clone());
        Callback::from(move |e: Event| {
            let Some(picked) = take_chosen(&e) else {
                return;
            };
            confirm_replace.set(false);
            let sc = sc.clone();
            import(sc.catalogue.clone(), picked, move |result| sc.send(Msg::ImportRead(result.map(Box::new))));
        })
    };
    let pending = props.pending.as_ref().map(|imported| {
        let as_new = {
            let sc = sc.clone();
            Callback::from(move |_| sc.import_as_new())
        };
        let ask_replace = {
            let confirm_replace = confirm_replace.clone();
            Callback::from(move |_| confirm_replace.set(true))
        };
        let then = |msg: fn() -> Msg| {
            let (sc, confirm_replace) = (sc.clone(), confirm_replace.clone());
            Callback::from(move |_| {
                confirm_replace.set(false);
                sc.send(msg())
            })
        };
        let heading = Focus::PendingImport.element_id();
        html! {
            <div class="tics-panel" data-testid="import-pending" role="group" aria-labelledby={heading.clone()}>
                <h4 id={heading} tabindex="-1">{ t(lang, "読み込むファイル", "File to load") }</h4>
                <dl class="tics-meta">
                    <dt>{ t(lang, "名前", "Name") }</dt><dd>{ imported.name.clone() }</dd>
                    <dt>{ t(lang, "保存日時", "Saved") }</dt><dd>{ imported.saved_at.clone() }</dd>
                    <dt>{ t(lang, "カタログ", "Catalogue") }</dt><dd>{ format!("{} {}", imported.catalogue.id, imported.catalogue.version) }</dd>
                </dl>
                if !imported.warnings.is_empty() {
                    <ul class="tics-warnings" data-testid="import-warnings">
                        { for imported.warnings.iter().map(|w| html! { <li>{ w.get(lang).to_owned() }</li> }) }
                    </ul>
                }
                if let Some(version) = imported.catalogue.checked_with(&sc.catalogue) {
                    <CatalogueChanges since={AttrValue::from(version)} testid="import-catalogue-changes" />
                }
                <div class="tics-toolbar">
                    <button type="button" onclick={as_new} data-testid="import-as-new">{ t(lang, "新しいセルフチェックとして追加", "Add as a new self-check") }</button>
                    if *confirm_replace {
                        <span role="alert">{ t(lang, "開いているセルフチェックの内容を置き換えます。よろしいですか？", "This replaces the content of the open self-check. Continue?") }</span>
                        <button type="button" onclick={then(|| Msg::ImportReplaceOpen)} data-testid="import-replace-confirm">{ t(lang, "置き換える", "Replace") }</button>
                    } else {
                        <button type="button" onclick={ask_replace} data-testid="import-replace">{ t(lang, "開いているものを置き換える…", "Replace the open one…") }</button>
                    }
                    <button type="button" onclick={then(|| Msg::ImportCancel)}>{ t(lang, "取り消す", "Cancel") }</button>
                </div>
            </div>
        }
    });
    let input_id = Focus::ImportInput.element_id();
    html! {
        <>
            <h3>{ t(lang, "JSON ファイルを読み込む", "Load a JSON file") }</h3>
            <div class="tics-field">
                <label for={input_id.clone()}>{ t(lang, "このアプリで保存した JSON ファイル（5 MB まで）", "A JSON file saved by this app (up to 5 MB)") }</label>
                <input id={input_id} type="file" accept=".json,application/json" onchange={on_file} data-testid="import-file" />
            </div>
            { for pending }
        </>
    }
}
