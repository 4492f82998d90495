//! One row of the information inventory: its fields, its forms, and buttons to move, copy and delete it.
use std::rc::Rc;

use tics_domain::catalogue::InfoForm;
use tics_domain::inventory::{form_key, form_name, InfoRow, InventoryAction, RowField};
use tics_domain::{Action, Text};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::state::context::{use_self_check, SelfCheckContext};
use crate::ui::state::field_value::value;
use crate::ui::state::focus::Focus;
use crate::ui::state::i18n::{say, t};
use crate::ui::state::ime;
use crate::ui::state::reducer::After;

#[derive(Properties, PartialEq)]
pub struct InventoryRowProps {
    /// Position in the inventory (0-based).
    pub index: usize,
    /// How many rows there are (to know the last one).
    pub count: usize,
    pub row: InfoRow,
    /// The classification labels in use.
    pub classes: Rc<Vec<String>>,
}

/// The single-line text fields shown after the forms (the entrusting conditions come after the entrusted box).
const LINE_FIELDS: [RowField; 7] = [
    RowField::BusinessArea,
    RowField::Location,
    RowField::Manager,
    RowField::Access,
    RowField::Retention,
    RowField::Disposal,
    RowField::Registered,
];

fn hint(field: RowField) -> Option<Text> {
    match field {
        RowField::Location => Some(Text::new(
            "例: 設計室の施錠キャビネット、ファイルサーバの設計フォルダ",
            "e.g. locked cabinet in the design office, design folder on the file server",
        )),
        RowField::Manager => Some(Text::new("人の名前か部署・役職", "A person, or a department or position")),
        RowField::BusinessArea => Some(Text::new("例: 技術、製造、営業", "e.g. engineering, production, sales")),
        RowField::Registered => {
            Some(Text::new("目録に載せた日。例: 2026-04-01", "When it was listed, e.g. 2026-04-01"))
        }
        RowField::Conditions => {
            Some(Text::new("契約や秘密保持契約で決められた扱い", "How the contract or NDA says it must be handled"))
        }
        _ => None,
    }
}

#[component(InventoryRowEditor)]
pub fn inventory_row_editor(props: &InventoryRowProps) -> Html {
    let confirm_delete = use_state(|| false);
    // Rows are keyed by place, so a move gives this row another row's class. The options' `selected` attribute
    // does not change a choice the user already made in this drop-down, so the choice is set after each change.
    let class_select = use_node_ref();
    {
        let class_select = class_select.clone();
        use_effect_with(props.row.classification.clone(), move |class| {
            if let Some(select) = class_select.cast::<HtmlSelectElement>() {
                select.set_value(class);
            }
        });
    }
    let Some(sc) = use_self_check() else {
        return Html::default();
    };
    let lang = sc.lang;
    let n = props.index;
    let on_entrusted = {
        let sc = sc.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            send(&sc, InventoryAction::SetEntrusted { row: n, on }, After::default())
        })
    };

    let name = props.row.name.trim();
    let heading =
        if name.is_empty() { t(lang, "（名称未入力）", "(no name yet)").to_owned() } else { name.to_owned() };
    html! {
        <li class="tics-inv-row" data-testid={format!("inv-row-{n}")}>
            <h3 id={part_id(n, "heading")} tabindex="-1">{ format!("{}. {heading}", n + 1) }</h3>
            { main_fields(&sc, n, &props.row, &props.classes, class_select) }
            <fieldset class="tics-group tics-inv-forms">
                <legend>{ t(lang, "形態（当てはまるものすべて）", "Forms (all that apply)") }</legend>
                { for InfoForm::ALL.into_iter().map(|form| form_box(&sc, n, &props.row, form)) }
            </fieldset>
            <div class="tics-fields">
                { for LINE_FIELDS.iter().map(|f| line(&sc, n, &props.row, *f)) }
            </div>
            <div class="tics-choice">
                <input type="checkbox" id={part_id(n, "entrusted")} checked={props.row.entrusted} onchange={on_entrusted}
                    data-testid={format!("inv-{n}-entrusted")} />
                <label for={part_id(n, "entrusted")}>{ t(lang, "取引先などから預かった情報", "Entrusted to us by a customer or partner") }</label>
            </div>
            if props.row.entrusted || !props.row.conditions.is_empty() {
                <div class="tics-fields">{ line(&sc, n, &props.row, RowField::Conditions) }</div>
            }
            { row_actions(&sc, n, props.count, &heading, &confirm_delete) }
        </li>
    }
}

/// The id of one of row `n`'s elements.
fn part_id(n: usize, part: &'static str) -> String {
    Focus::InventoryRow(n, part).element_id()
}

/// Sends a change to the inventory, then does `after`.
fn send(sc: &SelfCheckContext, action: InventoryAction, after: After) {
    sc.change_then(Action::Inventory(action), after)
}

/// The callback that puts a field's new value into row `n`.
fn edit(sc: &SelfCheckContext, n: usize, field: RowField) -> Callback<Event> {
    let sc = sc.clone();
    Callback::from(move |e: Event| {
        send(&sc, InventoryAction::Edit { row: n, field, text: value(&e) }, After::default())
    })
}

/// The same as [`edit`], for what is typed.
fn typed(sc: &SelfCheckContext, n: usize, field: RowField) -> Callback<InputEvent> {
    let edit = edit(sc, n, field);
    Callback::from(move |e: InputEvent| edit.emit(e.into()))
}

/// Renders the row's name, classification and description.
fn main_fields(sc: &SelfCheckContext, n: usize, row: &InfoRow, classes: &[String], class_select: NodeRef) -> Html {
    let lang = sc.lang;
    // A label outside the scheme (typed in a file, or the scheme changed since) stays selectable, so choosing
    // nothing never clears it silently.
    let mut class_options: Vec<String> = classes.to_vec();
    let current_class = row.classification.clone();
    if !current_class.is_empty() && !class_options.contains(&current_class) {
        class_options.push(current_class.clone());
    }
    html! {
        <div class="tics-fields">
            <div class="tics-field">
                <label for={part_id(n, "name")}>{ say(RowField::Name.label(), lang) }</label>
                <input id={part_id(n, "name")} type="text" value={row.name.clone()} oninput={typed(sc, n, RowField::Name)}
                    onkeydown={ime::keep_enter_for_ime()} data-testid={format!("inv-{n}-name")} />
            </div>
            <div class="tics-field">
                <label for={part_id(n, "classification")}>{ say(RowField::Classification.label(), lang) }</label>
                <select id={part_id(n, "classification")} ref={class_select} onchange={edit(sc, n, RowField::Classification)} data-testid={format!("inv-{n}-classification")}>
                    <option value="" selected={current_class.is_empty()}>{ t(lang, "（未設定）", "(not set)") }</option>
                    { for class_options.iter().map(|c| html! {
                        <option value={c.clone()} selected={*c == current_class}>{ c.clone() }</option>
                    }) }
                </select>
            </div>
            <div class="tics-field tics-field-wide">
                <label for={part_id(n, "description")}>{ say(RowField::Description.label(), lang) }</label>
                <textarea id={part_id(n, "description")} rows="2" value={row.description.clone()}
                    oninput={typed(sc, n, RowField::Description)} data-testid={format!("inv-{n}-description")} />
            </div>
        </div>
    }
}

/// Renders the check box of one form the information takes.
fn form_box(sc: &SelfCheckContext, n: usize, row: &InfoRow, form: InfoForm) -> Html {
    let box_id = format!("{}-{}", part_id(n, "form"), form_key(form));
    let onchange = {
        let sc = sc.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            send(&sc, InventoryAction::SetForm { row: n, form, on }, After::default())
        })
    };
    html! {
        <div class="tics-choice">
            <input type="checkbox" id={box_id.clone()} checked={row.forms.contains(&form)} {onchange}
                data-testid={format!("inv-{n}-form-{}", form_key(form))} />
            <label for={box_id}>{ say(form_name(form), sc.lang) }</label>
        </div>
    }
}

/// Renders one single-line text field, with its hint if it has one.
fn line(sc: &SelfCheckContext, n: usize, row: &InfoRow, field: RowField) -> Html {
    let lang = sc.lang;
    let field_id = part_id(n, field.key());
    let hint_id = format!("{field_id}-hint");
    let hint = hint(field);
    html! {
        <div class="tics-field">
            <label for={field_id.clone()}>{ say(field.label(), lang) }</label>
            <input id={field_id} type="text" value={field.get(row).to_owned()} oninput={typed(sc, n, field)}
                onkeydown={ime::keep_enter_for_ime()} aria-describedby={hint.is_some().then(|| hint_id.clone())}
                data-testid={format!("inv-{n}-{}", field.key())} />
            if let Some(h) = hint { <p id={hint_id} class="tics-hint">{ say(h, lang) }</p> }
        </div>
    }
}

/// Renders the buttons that move, copy and delete row `n` of `count` (deleting asks once more); `heading` names the
/// row to screen readers.
fn row_actions(
    sc: &SelfCheckContext,
    n: usize,
    count: usize,
    heading: &str,
    confirm_delete: &UseStateHandle<bool>,
) -> Html {
    let lang = sc.lang;
    // Moving: focus stays on the button pressed, now on the row's new place; at the top or bottom the button
    // disappears, so focus takes the other one.
    let last = count.saturating_sub(1);
    let move_to = |to: usize| {
        let sc = sc.clone();
        // Up keeps "up" unless the row reached the top; down keeps "down" unless it reached the bottom.
        let part = if to != 0 && (to == last || to < n) { "up" } else { "down" };
        Callback::from(move |_| {
            send(&sc, InventoryAction::Move { row: n, to }, After::focus(Focus::InventoryRow(to, part)))
        })
    };
    let on_duplicate = {
        let sc = sc.clone();
        Callback::from(move |_| {
            let after =
                After::flash(Text::new("行を複製しました", "Row copied")).and_focus(Focus::InventoryRow(n + 1, "name"));
            send(&sc, InventoryAction::Duplicate(n), after)
        })
    };
    let on_delete_open = {
        let (confirm_delete, sc) = (confirm_delete.clone(), sc.clone());
        Callback::from(move |_| {
            confirm_delete.set(true);
            sc.focus(Focus::InventoryRow(n, "delete-confirm"));
        })
    };
    let on_delete_cancel = {
        let (confirm_delete, sc) = (confirm_delete.clone(), sc.clone());
        Callback::from(move |_| {
            confirm_delete.set(false);
            sc.focus(Focus::InventoryRow(n, "delete"));
        })
    };
    let on_delete = {
        let (sc, confirm_delete) = (sc.clone(), confirm_delete.clone());
        Callback::from(move |_| {
            confirm_delete.set(false);
            // Focus goes to the row that takes this one's place, else the one before, else the add button.
            let next = if n + 1 < count {
                Focus::InventoryRow(n, "heading")
            } else if n > 0 {
                Focus::InventoryRow(n - 1, "heading")
            } else {
                Focus::InventoryAdd
            };
            send(
                &sc,
                InventoryAction::Delete(n),
                After::flash(Text::new("行を削除しました", "Row deleted")).and_focus(next),
            )
        })
    };
    html! {
        <div class="tics-row-actions">
            if n > 0 {
                <button type="button" id={part_id(n, "up")} onclick={move_to(n - 1)} data-testid={format!("inv-{n}-up")}
                    aria-label={format!("{} {}", t(lang, "上へ:", "Move up:"), heading)}>{ t(lang, "上へ", "Up") }</button>
            }
            if n < last {
                <button type="button" id={part_id(n, "down")} onclick={move_to(n + 1)} data-testid={format!("inv-{n}-down")}
                    aria-label={format!("{} {}", t(lang, "下へ:", "Move down:"), heading)}>{ t(lang, "下へ", "Down") }</button>
            }
            <button type="button" onclick={on_duplicate} data-testid={format!("inv-{n}-duplicate")}
                aria-label={format!("{} {}", t(lang, "複製:", "Copy:"), heading)}>{ t(lang, "複製", "Copy") }</button>
            if **confirm_delete {
                <span role="group" aria-label={t(lang, "削除の確認", "Confirm deletion")}>
                    <button type="button" id={part_id(n, "delete-confirm")} class="tics-danger" onclick={on_delete}
                        data-testid={format!("inv-{n}-delete-confirm")}>{ format!("{} {}", t(lang, "削除する:", "Delete:"), heading) }</button>
                    <button type="button" onclick={on_delete_cancel}>{ t(lang, "やめる", "Cancel") }</button>
                </span>
            } else {
                <button type="button" id={part_id(n, "delete")} onclick={on_delete_open} data-testid={format!("inv-{n}-delete")}
                    aria-label={format!("{} {}", t(lang, "削除…:", "Delete…:"), heading)}>{ t(lang, "削除…", "Delete…") }</button>
            }
        </div>
    }
}
