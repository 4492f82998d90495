//! The information inventory (目録): the business's important information, a row each, with its classification
//! scheme, worked examples to start from, import from a spreadsheet and the inventory's downloads.
use std::rc::Rc;

use tics_domain::export::ExportKind;
use tics_domain::inventory::{examples, forms_cell, parse_classes, Inventory, InventoryAction};
use tics_domain::library::Entry;
use tics_domain::templates::RegisterKind;
use tics_domain::{Action, Lang, SelfCheck, Text};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::components::export_button::ExportButton;
use crate::ui::components::inventory_import::InventoryImport;
use crate::ui::components::inventory_row::InventoryRowEditor;
use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::field_value::value;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq, Clone)]
pub struct InventoryViewProps {
    pub check: Rc<SelfCheck>,
    pub entry: Option<Rc<Entry>>,
}

#[component(InventoryView)]
pub fn inventory_view(props: &InventoryViewProps) -> Html {
    let example = use_state(|| 0usize);
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let inventory = &props.check.inventory;
    let count = inventory.rows.len();
    let classes = Rc::new(inventory.classes());
    let state = inventory.state();

    let on_add = {
        let sc = sc.clone();
        Callback::from(move |_| {
            sc.change_then(Action::Inventory(InventoryAction::Add), After::focus(Focus::InventoryRow(count, "name")))
        })
    };
    let on_example_choice = {
        let example = example.clone();
        Callback::from(move |e: Event| {
            example.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0))
        })
    };
    let on_add_example = {
        let (sc, n) = (sc.clone(), *example);
        Callback::from(move |_| {
            let after = After::flash(Text::new(
                "記入例を追加しました。自社に合わせて書き換えてください。",
                "Example added. Adapt it to your business.",
            ))
            .and_focus(Focus::InventoryRow(count, "name"));
            sc.change_then(Action::Inventory(InventoryAction::AddExample(n)), after)
        })
    };

    html! {
        <section class="tics-inventory" aria-labelledby="tics-inventory-heading" data-testid="inventory-view">
            <h2 id="tics-inventory-heading">{ t(lang, "重要情報の目録", "Inventory of important information") }</h2>
            <p>{ t(lang,
                "守るべき情報を一つずつ書き出します。これが技術情報管理の最初の一歩（①）です。形態・保管場所・管理者・区分を書くと、セルフチェックの対象と、管理簿や規程の記入内容がここから決まります。",
                "List the information you must protect, one row each. This is the first step of technical information management (①). The forms, places, managers and classifications you enter decide which items of the self-check apply and fill the registers and rules.") }</p>
            <p class="tics-inv-state" data-testid="inventory-state">{ say(state.summary(), lang) }</p>
            if props.check.forms_from_inventory() {
                <p class="tics-hint" data-testid="inventory-forms">
                    { format!("{} {}", t(lang, "セルフチェックの対象とする形態（目録から）:", "Forms in scope of the self-check (from the inventory):"), forms_cell(&props.check.forms(), lang)) }
                </p>
            }
            { classes_field(lang, &sc, inventory) }
            if count > 0 {
                <ol class="tics-inv-rows" role="list" aria-label={t(lang, "目録の行", "Inventory rows")}>
                    { for inventory.rows.iter().enumerate().map(|(n, row)| html! {
                        <InventoryRowEditor key={n} index={n} {count} row={row.clone()} classes={classes.clone()} />
                    }) }
                </ol>
            }
            <div class="tics-inv-add">
                <button type="button" id={Focus::InventoryAdd.element_id()} onclick={on_add} data-testid="inventory-add">
                    { t(lang, "行を追加", "Add a row") }
                </button>
                <label for="tics-inv-example">{ t(lang, "記入例:", "Worked example:") }</label>
                <select id="tics-inv-example" onchange={on_example_choice} data-testid="inventory-example">
                    { for examples().iter().enumerate().map(|(n, e)| html! {
                        <option value={n.to_string()} selected={n == *example}>{ say(e.title.clone(), lang) }</option>
                    }) }
                </select>
                <button type="button" onclick={on_add_example} data-testid="inventory-add-example">
                    { t(lang, "記入例から追加", "Add from the example") }
                </button>
            </div>
            <InventoryImport rows={count} />
            if let Some(entry) = &props.entry {
                { inventory_downloads(lang, entry) }
            }
        </section>
    }
}

/// The field for the classification labels, with its hint.
fn classes_field(lang: Lang, sc: &SelfCheckContext, inventory: &Inventory) -> Html {
    let on_classes = {
        let sc = sc.clone();
        Callback::from(move |e: Event| {
            sc.change(Action::Inventory(InventoryAction::SetClasses(parse_classes(&value(&e)))))
        })
    };
    html! {
        <div class="tics-field">
            <label for="tics-inv-classes">{ t(lang, "区分（機密性の高い順に、「、」か改行で区切る）", "Classification labels (most secret first, separated by commas)") }</label>
            <input id="tics-inv-classes" type="text" value={inventory.classes_text()} onchange={on_classes}
                aria-describedby="tics-inv-classes-hint" data-testid="inventory-classes" />
            <p id="tics-inv-classes-hint" class="tics-hint">{ t(lang,
                "自社の区分がなければ、既定の「極秘、関係者限り、社外秘」（上から順に厳しい区分）を使えます。表示（②）や規程にもこの区分が入ります。",
                "Without a scheme of your own, the default (極秘 top secret, 関係者限り need-to-know, 社外秘 confidential; strictest first) works. Marking (②) and the rules use these labels.") }</p>
        </div>
    }
}

/// The heading and buttons that download the inventory (Excel, CSV).
fn inventory_downloads(lang: Lang, entry: &Rc<Entry>) -> Html {
    html! {
        <>
            <h3>{ t(lang, "目録のダウンロード", "Download the inventory") }</h3>
            <ul class="tics-downloads" role="list">
                <li><ExportButton kind={ExportKind::Register(RegisterKind::Inventory)} entry={entry.clone()}
                    label={t(lang, "目録 Excel（区分の選択肢・印刷設定付き）", "Inventory Excel (with classification lists and print set-up)")} test_id="inventory-download-xlsx" /></li>
                <li><ExportButton kind={ExportKind::InventoryCsv} entry={entry.clone()} label={t(lang, "目録 CSV", "Inventory CSV")} test_id="inventory-download-csv" /></li>
            </ul>
        </>
    }
}
