//! Year over year: compares the open self-check with another one (e.g. last year's, imported from its file),
//! item by item, and starts a new self-check from an earlier one's answers.
use std::rc::Rc;

use tics_domain::compare::{compare, compare_inventory, Change, ItemChange, RowChange};
use tics_domain::library::Library;
use tics_domain::vocab::{change_label, checked_with_note, status_text};
use tics_domain::{Catalogue, Lang, Status};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::components::catalogue_changes::CatalogueChanges;
use crate::ui::state::context::use_self_check;
use crate::ui::state::i18n::{say, t};

#[derive(Properties, PartialEq, Clone)]
pub struct CompareViewProps {
    pub library: Rc<Library>,
}

#[component(CompareView)]
pub fn compare_view(props: &CompareViewProps) -> Html {
    let sc = use_self_check();
    let chosen = use_state(|| None::<String>);
    let Some(sc) = sc else {
        return Html::default();
    };
    let lang = sc.lang;
    let library = &props.library;
    let others: Vec<_> = library.entries.iter().filter(|e| e.id != library.open).collect();
    let base_id = chosen
        .as_ref()
        .filter(|id| others.iter().any(|e| &e.id == *id))
        .cloned()
        .or_else(|| others.last().map(|e| e.id.clone()));
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value())))
    };

    let Some(base) = base_id.and_then(|id| library.entries.iter().find(|e| e.id == id)) else {
        return nothing_to_compare(lang);
    };
    let open_check = library.open_check();
    let changes = compare(&sc.catalogue, &base.check, open_check);
    let count = |c: Change| changes.iter().filter(|x| x.change == c).count();
    let row_changes = compare_inventory(&base.check.inventory, &open_check.inventory);
    let on_carry = {
        let sc = sc.clone();
        let (check, name) = (base.check.clone(), base.name.clone());
        Callback::from(move |_| sc.carry_forward(&check, &name))
    };
    let caption = format!("{} → {}", base.name, library.open_entry().map(|e| e.name.as_str()).unwrap_or_default());

    html! {
        <section class="tics-step" aria-labelledby="tics-compare-heading" data-testid="compare">
            <h2 id="tics-compare-heading">{ t(lang, "前回との比較", "Compare with an earlier self-check") }</h2>
            <div class="tics-toolbar">
                <label for="tics-compare-base">{ t(lang, "比べる相手（前回）", "Compare with (earlier)") }</label>
                <select id="tics-compare-base" onchange={on_choose} data-testid="compare-base">
                    { for others.iter().map(|e| html! { <option value={e.id.clone()} selected={e.id == base.id}>{ e.name.clone() }</option> }) }
                </select>
            </div>
            if let Some(version) = base.checked_with.clone() {
                <p class="tics-note" data-testid="compare-catalogue-note">{ say(checked_with_note(&version, &sc.catalogue.version), lang) }</p>
                <CatalogueChanges since={AttrValue::from(version)} testid="compare-catalogue-changes" />
            }
            <p data-testid="compare-counts">{ format!("{} {} / {} {} / {} {} / {} {}",
                say(change_label(Change::Improved), lang), count(Change::Improved),
                say(change_label(Change::Worsened), lang), count(Change::Worsened),
                say(change_label(Change::Unchanged), lang), count(Change::Unchanged),
                say(change_label(Change::Reclassified), lang), count(Change::Reclassified)) }</p>
            { changes_table(lang, &sc.catalogue, &changes, caption) }
            { inventory_changes(lang, &row_changes) }
            { carry_forward_part(lang, &base.name, on_carry) }
        </section>
    }
}

/// The message shown when there is no other self-check to compare with.
fn nothing_to_compare(lang: Lang) -> Html {
    html! {
        <section class="tics-step" aria-labelledby="tics-compare-heading" data-testid="compare">
            <h2 id="tics-compare-heading">{ t(lang, "前回との比較", "Compare with an earlier self-check") }</h2>
            <p>{ t(lang,
                "比べる相手がありません。「保存・読み込み」で前回（昨年など）の JSON ファイルを新しいセルフチェックとして読み込むと、ここで比較できます。",
                "There is nothing to compare with yet. Load last time's JSON file as a new self-check under \"Files\", then compare here.") }</p>
        </section>
    }
}

/// The table of items, each with its status before and now and how it changed.
fn changes_table(lang: Lang, catalogue: &Catalogue, changes: &[ItemChange], caption: String) -> Html {
    // An item answered in only one of the two shows a dash on the other side.
    let status_text = |s: Option<Status>| s.map_or_else(|| "—".into(), |s| say(status_text(Some(s)), lang));
    html! {
        <table class="tics-table">
            <caption>{ caption }</caption>
            <thead><tr>
                <th scope="col">{ t(lang, "項目", "Item") }</th>
                <th scope="col">{ t(lang, "前回", "Before") }</th>
                <th scope="col">{ t(lang, "今回", "Now") }</th>
                <th scope="col">{ t(lang, "変化", "Change") }</th>
            </tr></thead>
            <tbody>
                { for changes.iter().filter_map(|c| catalogue.item(&c.item).map(|i| (c, i))).map(|(c, item)| html! {
                    <tr data-testid={format!("change-{}", c.item)} data-change={c.change.key()}>
                        <th scope="row">{ item.title.get(lang).to_owned() }</th>
                        <td data-label={t(lang, "前回", "Before")}>{ status_text(c.before) }</td>
                        <td data-label={t(lang, "今回", "Now")}>{ status_text(c.after) }</td>
                        <td data-label={t(lang, "変化", "Change")} class={format!("tics-change-{}", c.change.key())}>{ say(change_label(c.change), lang) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The heading and list of the inventory's changes, or a note that it has not changed.
fn inventory_changes(lang: Lang, row_changes: &[RowChange]) -> Html {
    html! {
        <>
            <h3>{ t(lang, "目録の変化", "Changes to the inventory") }</h3>
            if row_changes.is_empty() {
                <p data-testid="inventory-changes">{ t(lang, "目録に変化はありません。", "The inventory has not changed.") }</p>
            } else {
                <ul data-testid="inventory-changes">
                    { for row_changes.iter().map(|c| html! { <li data-change={c.key()}>{ say(c.describe(), lang) }</li> }) }
                </ul>
            }
        </>
    }
}

/// The heading, explanation and button that start a new self-check from the chosen one's answers.
fn carry_forward_part(lang: Lang, base_name: &str, on_carry: Callback<MouseEvent>) -> Html {
    html! {
        <>
            <h3>{ t(lang, "前回の回答を引き継ぐ", "Carry answers forward") }</h3>
            <p class="tics-hint">{ t(lang,
                "選んだセルフチェックの状況・メモ・計画を写した新しいセルフチェックを作ります。確認者と確認日は空になり、改めて確認します。元のセルフチェックは変わりません。",
                "Creates a new self-check with the statuses, notes and plan of the chosen one. Who checked and when are left blank to be confirmed again. The original stays as it is.") }</p>
            <button type="button" onclick={on_carry} data-testid="carry-forward">{ format!("{}: {}", t(lang, "引き継いで新規作成", "Start a new self-check from"), base_name) }</button>
        </>
    }
}
